// Builds `Scenario` values from scenario syntax, against a model whose participants, flows and
// interactions are already known: names resolve (with "did you mean"), every time must fall
// inside the scenario and every quantity inside its range. It serves the `scenario` blocks of a
// file (the model builder's last pass) and the scenario `baton simulate` assembles from its
// command line, so both get the same messages.
//
// Like the rest of the model builder it reports every problem it finds and keeps what is valid:
// a scenario with one bad line still has its other lines.

import BatonSyntax

extension Scenario {
    /// The longest scenario: a year is far beyond any run anyone waits for, and keeps every
    /// time exact in a `Double`.
    public static let maximumDuration: Double = 365 * 24 * 3600
    /// Arrivals per second of one load line: a million is beyond any single design's traffic,
    /// and bounds the work a typo (`load 40000000/s`) can ask for.
    public static let maximumRate: Double = 1_000_000
    /// The largest `slow` factor.
    public static let maximumSlowdown: Double = 1000
    /// The largest amplification an expectation may name (attempts ÷ first attempts).
    public static let maximumAmplification: Double = 1_000_000
}

struct ScenarioBuilder {
    let model: Model
    let sources: SourceMap
    var diagnostics: CappedDiagnostics
    /// Lookups only, never iterated.
    private let participantsByName: [String: ParticipantID]
    private let groupNames: Set<String>
    private let flowsByName: [String: FlowID]
    /// Label → the interactions with it, in document order.
    private let interactionsByLabel: [String: [InteractionID]]
    /// Every label once, in document order (for "did you mean").
    private let labels: [String]
    /// Scenario name → where it was first declared.
    private var scenarioNames: [String: Span] = [:]

    init(model: Model, sources: SourceMap, diagnostics: CappedDiagnostics) {
        self.model = model
        self.sources = sources
        self.diagnostics = diagnostics
        var byName: [String: ParticipantID] = [:]
        for participant in model.participants { byName[participant.name] = participant.id }
        participantsByName = byName
        groupNames = Set(model.groups.map(\.name))
        var flows: [String: FlowID] = [:]
        for flow in model.flows where flows[flow.name] == nil { flows[flow.name] = flow.id }
        flowsByName = flows
        var byLabel: [String: [InteractionID]] = [:]
        var labels: [String] = []
        for interaction in model.interactions {
            guard let label = interaction.label else { continue }
            if byLabel[label] == nil { labels.append(label) }
            byLabel[label, default: []].append(interaction.id)
        }
        interactionsByLabel = byLabel
        self.labels = labels
    }

    // MARK: - Scenarios

    /// The scenario a `scenario` block describes; nil when it has no valid duration (nothing
    /// else can be placed in time without one) or repeats an earlier scenario's name.
    /// `defaultFlow` is what a load line without `flow` runs: the default flow of the file the
    /// block is written in.
    mutating func scenario(_ syntax: ScenarioSyntax, defaultFlow: FlowID?) -> Scenario? {
        var isDuplicate = false
        if let first = scenarioNames[syntax.name.value] {
            isDuplicate = true
            report(CompileError.duplicateDeclaration, "a scenario named \(LiteralFormat.string(syntax.name.value)) already exists",
                   at: syntax.name.span, notes: [.init("first declared here", at: first)], help: "give each scenario its own name")
        } else {
            scenarioNames[syntax.name.value] = syntax.name.span
        }
        var duration: Double?
        var warmup: (seconds: Double, span: Span)?
        var seed = Scenario.defaultSeed
        let decoded = AttributeDecoder { _ in nil }.decode(syntax.attributes, at: .scenario, diagnostics: &diagnostics)
        for attribute in decoded {
            switch (attribute.key, attribute.value) {
            case ("duration", .duration(let seconds)):
                duration = checkedDuration(seconds, at: attribute.span)
            case ("warmup", .duration(let seconds)):
                warmup = (seconds, attribute.span)
            case ("seed", .count(let value)):
                seed = UInt64(value)
            default:
                break
            }
        }
        let writesDuration = syntax.attributes?.attributes.contains { $0.key == "duration" } ?? false
        if !writesDuration {
            report(CompileError.invalidScenario, "scenario \(LiteralFormat.string(syntax.name.value)) has no duration",
                   at: syntax.span, help: "say how long it runs: scenario \(LiteralFormat.string(syntax.name.value)) [duration=10m]")
        }
        if let warmup, let duration, warmup.seconds >= duration {
            report(CompileError.invalidScenario,
                   "the warm-up (\(LiteralFormat.duration(warmup.seconds))) must be shorter than the duration (\(LiteralFormat.duration(duration)))",
                   at: warmup.span, help: "statistics start after the warm-up; leave it out to use a tenth of the duration")
        }
        var loads: [LoadLine] = []
        var faults: [Fault] = []
        var expectations: [Expectation] = []
        for line in syntax.lines {
            switch line {
            case .load(let load):
                if let built = self.load(load, duration: duration, defaultFlow: defaultFlow) { loads.append(built) }
            case .fault(let fault):
                if let built = self.fault(fault, duration: duration) { faults.append(built) }
            case .expect(let expect):
                if let built = expectation(expect, duration: duration) { expectations.append(built) }
            }
        }
        guard let duration, !isDuplicate else { return nil }
        return Scenario(name: syntax.name.value, duration: duration, warmup: warmup.map(\.seconds), seed: seed,
                        loads: loads, faults: faults, expectations: expectations,
                        span: syntax.span, nameSpan: syntax.name.span)
    }

    /// A scenario's duration, if it is one: longer than zero, at most a year.
    mutating func checkedDuration(_ seconds: Double, at span: Span) -> Double? {
        if seconds <= 0 {
            report(CompileError.invalidScenario, "a scenario's duration must be longer than zero", at: span)
            return nil
        }
        if seconds > Scenario.maximumDuration {
            report(CompileError.invalidScenario,
                   "a scenario lasts at most \(LiteralFormat.duration(Scenario.maximumDuration)) (a year), not \(LiteralFormat.duration(seconds))",
                   at: span)
            return nil
        }
        return seconds
    }

    // MARK: - Lines

    mutating func load(_ syntax: LoadSyntax, duration: Double?, defaultFlow: FlowID?) -> LoadLine? {
        var valid = true
        let rate = syntax.rate.value
        if rate < 0 {
            valid = fail("a rate cannot be negative: \(written(syntax.rate))", at: syntax.rate.span)
        } else if rate == 0, syntax.window == nil {
            valid = fail("a load of \(written(syntax.rate)) for the whole scenario starts no runs at all", at: syntax.rate.span,
                         help: "give it a window to pause the load there (load 0/s from 3m to 4m), or remove the line")
        } else if rate > Scenario.maximumRate {
            valid = fail("a load is at most \(LiteralFormat.number(Scenario.maximumRate))/s, not \(written(syntax.rate))",
                         at: syntax.rate.span)
        }
        var flow: FlowID?
        if let name = syntax.flow {
            flow = self.flow(named: name)
            if flow == nil { valid = false }
        } else if let defaultFlow {
            flow = defaultFlow
        } else {
            var help = "name the flow each arrival runs: load \(written(syntax.rate)) flow \"Name\""
            if let first = model.flows.first(where: { !$0.isDefault }) {
                help = "name the flow each arrival runs, for example: load \(written(syntax.rate)) flow \(LiteralFormat.string(first.name))"
            }
            report(CompileError.undeclaredName,
                   "a load without 'flow' runs the file's default flow, but this file has no top-level steps",
                   at: syntax.span, help: help)
            valid = false
        }
        var window: TimeWindow?
        if let syntaxWindow = syntax.window {
            window = self.window(syntaxWindow, duration: duration)
            if window == nil { valid = false }
        }
        guard valid else { return nil }
        return LoadLine(rate: rate, flow: flow, window: window, span: syntax.span)
    }

    mutating func fault(_ syntax: FaultSyntax, duration: Double?) -> Fault? {
        var valid = true
        let participant = resolve(syntax.participant, what: "a fault acts on one participant")
        if let participant {
            let target = model[participant]
            if target.kind == .client {
                valid = fail("'\(target.name)' is a client: it starts runs and nothing calls it, so a fault has nothing to act on",
                             at: syntax.participant.span,
                             help: "change what it sends with a load line instead: load 10/s from 4m to 5m")
            } else if target.kind.isChannel, syntax.effect != .down {
                let verb = switch syntax.effect {
                case .down, .hang: "hang"
                case .slow: "slow down"
                case .errors: "fail"
                case .capacity: "lose capacity"
                }
                valid = fail("a \(target.kind.rawValue) can only be down: it holds messages and does no work that could \(verb)",
                             at: syntax.effectSpan,
                             help: "write fault \(target.name) down from …, or put the fault on a participant that consumes it")
            }
        } else {
            valid = false
        }
        let effect: Fault.Effect
        switch syntax.effect {
        case .down:
            effect = .down
        case .hang:
            effect = .hang
        case .slow(let factor):
            if factor.value < 1 || factor.value > Scenario.maximumSlowdown {
                valid = fail("'slow' takes a factor from x1 to x\(LiteralFormat.number(Scenario.maximumSlowdown)), not \(written(factor))",
                             at: factor.span, help: "handling time is multiplied by the factor: slow x10")
            }
            effect = .slow(factor: factor.value)
        case .errors(let percent):
            if percent.value <= 0 || percent.value > 100 {
                valid = fail("'errors' takes a percentage above 0% and at most 100%, not \(written(percent))",
                             at: percent.span, help: "each attempt fails with that probability: errors 30%")
            }
            effect = .errors(probability: percent.value / 100)
        case .capacity(let percent):
            if percent.value < 0 || percent.value >= 100 {
                valid = fail("'capacity' takes a percentage from 0% to below 100%, not \(written(percent))",
                             at: percent.span, help: "it is the share of 'concurrency' left during the fault: capacity 25%")
            }
            effect = .capacity(fraction: percent.value / 100)
        }
        let window = self.window(syntax.window, duration: duration)
        guard valid, let participant, let window else { return nil }
        return Fault(participant: participant, effect: effect, window: window, span: syntax.span)
    }

    mutating func expectation(_ syntax: ExpectSyntax, duration: Double?) -> Expectation? {
        let measure: Expectation.Measure
        switch syntax.measure {
        case .goodput(let comparison, let percent, let after):
            var valid = true
            if percent.value < 0 || percent.value > 100 {
                valid = fail("goodput is a percentage from 0% to 100%, not \(written(percent))", at: percent.span)
            }
            var from: Double?
            if let after {
                from = time(after, duration: duration, word: "after")
                if from == nil { valid = false }
            }
            guard valid else { return nil }
            measure = .goodput(Self.comparison(comparison), fraction: percent.value / 100, after: from)
        case .percentile(let word, let flowName, let comparison, let seconds):
            let fraction = ExpectSyntax.percentiles.first { $0.word == word.name }?.fraction ?? 0.99
            var valid = true
            var flow: FlowID?
            if let flowName {
                flow = self.flow(named: flowName)
                if flow == nil { valid = false }
            }
            if seconds.value <= 0 || seconds.value > Scenario.maximumDuration {
                valid = fail("a response time is longer than zero and at most \(LiteralFormat.duration(Scenario.maximumDuration)), not \(written(seconds))",
                             at: seconds.span)
            }
            guard valid else { return nil }
            measure = .responseTime(percentile: fraction, flow: flow, Self.comparison(comparison), seconds: seconds.value)
        case .amplification(let initiator, let label, let comparison, let value):
            var valid = true
            var interaction: InteractionID?
            if let label {
                interaction = self.interaction(labelled: label, initiator: initiator)
                if interaction == nil { valid = false }
            }
            if value.value < 1 || value.value > Scenario.maximumAmplification {
                valid = fail("amplification is attempts ÷ first attempts, from 1 to \(LiteralFormat.number(Scenario.maximumAmplification)); \(written(value)) is not one",
                             at: value.span, help: "1 means no retries at all: expect amplification <= 1.5")
            }
            guard valid else { return nil }
            measure = .amplification(interaction: interaction, Self.comparison(comparison), value: value.value)
        case .recovers(let within):
            guard within.value > 0 else {
                fail("'recovers within' takes a duration longer than zero", at: within.span)
                return nil
            }
            let limit = duration ?? Scenario.maximumDuration
            guard within.value <= limit else {
                fail("'recovers within \(written(within))' is longer than the scenario (\(LiteralFormat.duration(limit)))",
                         at: within.span, help: "recovery is measured from the end of each fault or spike to the end of the scenario")
                return nil
            }
            measure = .recovers(within: within.value)
        case .queueMax(let name, let max):
            var valid = true
            let channel = resolve(name, what: "'expect queue' watches one queue or topic")
            if let channel, !model[channel].kind.isChannel {
                valid = fail("'\(name.name)' is a \(model[channel].kind.rawValue); 'expect queue' watches the depth of a queue or topic",
                             at: name.span)
            }
            let count = AttributeDecoder.wholeNumber(max.value)
            if count == nil {
                valid = fail("'max' takes a whole number of messages, not \(written(max))", at: max.span)
            }
            guard valid, let channel, let count else { return nil }
            measure = .queueMax(channel: channel, max: count)
        }
        return Expectation(measure: measure, text: Formatter.text(of: .expect(syntax), source: sources[syntax.span.file]), span: syntax.span)
    }

    // MARK: - Times

    /// A window inside the scenario: `from` before `to`, neither before the start nor (when the
    /// duration is known) after the end.
    mutating func window(_ syntax: WindowSyntax, duration: Double?) -> TimeWindow? {
        if syntax.from.value < 0 {
            fail("a time is counted from the start of the scenario, so it cannot be negative", at: syntax.from.span)
            return nil
        }
        if syntax.to.value <= syntax.from.value {
            let message = syntax.to.value == syntax.from.value
                ? "the window from \(written(syntax.from)) to \(written(syntax.to)) is empty"
                : "the window ends at \(written(syntax.to)), before it starts at \(written(syntax.from))"
            fail(message, at: syntax.span, help: "a window reads from its start to its end: from 4m to 5m")
            return nil
        }
        if let duration, syntax.to.value > duration {
            fail("the window ends at \(written(syntax.to)), after the end of the scenario (\(LiteralFormat.duration(duration)))",
                     at: syntax.to.span, help: "end it by \(LiteralFormat.duration(duration)), or make the scenario longer")
            return nil
        }
        return TimeWindow(from: syntax.from.value, to: syntax.to.value)
    }

    /// A point in the scenario after `word` (`after 6m`): not negative, before the end.
    mutating func time(_ syntax: QuantitySyntax, duration: Double?, word: String) -> Double? {
        if syntax.value < 0 {
            fail("a time is counted from the start of the scenario, so it cannot be negative", at: syntax.span)
            return nil
        }
        if let duration, syntax.value >= duration {
            fail("'\(word) \(written(syntax))' is not before the end of the scenario (\(LiteralFormat.duration(duration)))",
                     at: syntax.span)
            return nil
        }
        return syntax.value
    }

    // MARK: - Names

    mutating func resolve(_ name: Identifier, what: String) -> ParticipantID? {
        if let id = participantsByName[name.name] { return id }
        if groupNames.contains(name.name) {
            report(CompileError.undeclaredName, "'\(name.name)' is a group, not a participant", at: name.span,
                   help: "\(what); name one of the group's members")
            return nil
        }
        var help = "declare it first, for example: service \(name.name)"
        if let suggestion = Suggestion.closest(to: name.name, in: model.participants.map(\.name)) {
            help = "did you mean '\(suggestion)'?"
        }
        report(CompileError.undeclaredName, "'\(name.name)' is not declared", at: name.span, help: help)
        return nil
    }

    mutating func flow(named name: StringLiteral) -> FlowID? {
        if let flow = flowsByName[name.value] { return flow }
        let names = model.flows.map(\.name)
        var help = names.isEmpty
            ? "this design has no flows"
            : "the flows are: \(Self.list(names.map { LiteralFormat.string($0) }))"
        if let suggestion = Suggestion.closest(to: name.value, in: names) {
            help = "did you mean \(LiteralFormat.string(suggestion))?"
        }
        report(CompileError.undeclaredName, "no flow is named \(LiteralFormat.string(name.value))", at: name.span, help: help)
        return nil
    }

    /// The one interaction with this label (and initiator, when given). Labels name
    /// interactions in expectations because they are what a reader sees on the diagram; when a
    /// label is shared, the initiator picks one, and if it still names several that is an error
    /// rather than a guess.
    mutating func interaction(labelled label: StringLiteral, initiator: Identifier?) -> InteractionID? {
        var from: ParticipantID?
        if let initiator {
            guard let id = resolve(initiator, what: "an interaction is initiated by one participant") else { return nil }
            from = id
        }
        let labelled = interactionsByLabel[label.value] ?? []
        let matches = labelled.map { model[$0] }.filter { from == nil || $0.from == from }
        if matches.count == 1, let only = matches.first { return only.id }
        let shown = LiteralFormat.string(label.value)
        guard !matches.isEmpty else {
            if let initiator, !labelled.isEmpty {
                report(CompileError.undeclaredName, "'\(initiator.name)' initiates no interaction labelled \(shown)",
                       at: label.span, help: "write the initiator of one of them, or leave the initiator out")
                return nil
            }
            var help = "an interaction is named by its label, as in A -> B : createPayment"
            if let suggestion = Suggestion.closest(to: label.value, in: labels) {
                help = "did you mean \(LiteralFormat.string(suggestion))?"
            }
            report(CompileError.undeclaredName, "no interaction is labelled \(shown)", at: label.span, help: help)
            return nil
        }
        var notes = matches.prefix(3).map { Diagnostic.Note("labelled \(shown) here", at: $0.span) }
        if matches.count > 3 { notes.append(.init(matches.count == 4 ? "and 1 more" : "and \(matches.count - 3) more")) }
        let oneInitiator = matches.allSatisfy { $0.from == matches[0].from }
        let help = initiator == nil && !oneInitiator
            ? "write its initiator before the label (expect amplification \(model[matches[0].from].name) \(shown) …), or give it a label of its own"
            : "give the interaction you mean a label of its own"
        report(CompileError.invalidScenario,
               "\(shown) labels \(matches.count) interactions\(initiator.map { " initiated by '\($0.name)'" } ?? ""); an expectation names one",
               at: label.span, notes: notes, help: help)
        return nil
    }

    // MARK: - Pieces

    static func comparison(_ syntax: ComparisonSyntax) -> Expectation.Comparison {
        switch syntax.comparison {
        case .lessOrEqual: .lessOrEqual
        case .less: .less
        case .greaterOrEqual: .greaterOrEqual
        case .greater: .greater
        }
    }

    /// `a, b and c`
    static func list(_ items: [String]) -> String {
        guard items.count > 1, let last = items.last else { return items.first ?? "" }
        let shown = items.count > 6 ? Array(items.prefix(5)) : Array(items.dropLast())
        let rest = items.count > 6 ? "\(items.count - 5) more" : last
        return shown.joined(separator: ", ") + " and " + rest
    }

    /// A quantity as its author wrote it.
    func written(_ quantity: QuantitySyntax) -> String { sources[quantity.span.file].text(of: quantity.span) }

    mutating func report(_ code: String, _ message: String, at span: Span, notes: [Diagnostic.Note] = [], help: String? = nil) {
        diagnostics.append(Diagnostic(code: code, severity: .error, message: message, span: span, notes: notes, help: help))
    }

    /// Reports an `invalid-scenario` error; returns false, for `valid = fail(…)`.
    @discardableResult
    mutating func fail(_ message: String, at span: Span, help: String? = nil) -> Bool {
        report(CompileError.invalidScenario, message, at: span, help: help)
        return false
    }
}
