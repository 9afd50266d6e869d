import BatonSyntax

/// Writes an `ObservedSystem` as a Baton design (`baton infer`).
///
/// The design declares every participant the kept interactions use, with its kind (traced
/// services grouped by `service.namespace`), and has one flow per root operation, most frequent
/// first. Each step is written as what it is — `->` call, `->>` send, `<-` fetch — with the
/// callee's block nested; a step seen in only some of its parent's occurrences is wrapped in
/// `opt [p=…]`, one seen several times per occurrence in `loop [times=…]`. Measured figures go
/// where the language has an attribute for them (`latency`, the callee's mean own time;
/// `retries`, the most seen) and, with the rest (quantiles, error rates), into a comment that
/// says "measured". The text goes through the formatter, so it is what `baton fmt` writes, and
/// it depends only on the observation: no order of dictionaries or of files shows through.
public struct DesignWriter {
    /// Nesting the writer keeps below Baton's limit of 64 levels (flows, blocks and fragments
    /// count); deeper steps are left out with a comment.
    static let maxNesting = 60

    let system: ObservedSystem
    let options: InferOptions
    var identifiers: [EntityID: String] = [:]
    var leftOut: [String] = []
    var leftOutInteractions = 0
    var leftOutFlows = 0
    /// Root operations with no interaction in them, not written.
    var emptyFlows = 0
    var out = ""

    public static func write(_ system: ObservedSystem, options: InferOptions = InferOptions()) -> InferredDesign {
        var writer = DesignWriter(system: system, options: options)
        return writer.write()
    }

    init(system: ObservedSystem, options: InferOptions) {
        self.system = system
        self.options = options
    }

    // MARK: - Selection

    /// The flows and steps `minCount` keeps; what it drops is listed.
    mutating func kept() -> [ObservedFlow] {
        var flows: [ObservedFlow] = []
        for flow in system.flows {
            if flow.roots < options.minCount {
                leftOutFlows += 1
                leftOut.append("flow \(LiteralFormat.string(flow.name)) (\(English.plural(flow.roots, "root")))")
                continue
            }
            var flow = flow
            flow.steps = keep(flow.steps, in: flow.name)
            // A root whose spans show no interaction (internal work only) makes no flow.
            if flow.steps.isEmpty {
                emptyFlows += 1
                continue
            }
            flows.append(flow)
        }
        return flows
    }

    mutating func keep(_ steps: [ObservedStep], in flow: String) -> [ObservedStep] {
        var result: [ObservedStep] = []
        for var step in steps {
            if step.measures.calls < options.minCount {
                leftOutInteractions += 1
                leftOut.append("\(plainStatement(step.key)) (\(English.plural(step.measures.calls, "time")), in flow \(LiteralFormat.string(flow)))")
                continue
            }
            step.steps = keep(step.steps, in: flow)
            result.append(step)
        }
        return result
    }

    func plainStatement(_ key: InteractionKey) -> String {
        var text = "\(system[key.initiator].name) \(key.arrow.symbol) \(system[key.passive].name)"
        if !key.label.isEmpty { text += " : " + key.label }
        return text
    }

    // MARK: - Names

    /// Identifiers for the entities used, unique among themselves: a clash (a service and a
    /// queue both called `orders`) is resolved by the kind (`OrdersQueue`), then a number.
    mutating func name(_ used: [EntityID]) -> Set<String> {
        var taken = Set<String>()
        for id in used.sorted() {
            let entity = system[id]
            var base = ParticipantIdentifier.make(from: entity.name)
            if entity.kind == .caller { base = "Caller" }
            var candidate = base
            if taken.contains(candidate) { candidate = base + Self.suffix(entity.kind) }
            var number = 2
            while taken.contains(candidate) {
                candidate = base + Self.suffix(entity.kind) + String(number)
                number += 1
            }
            taken.insert(candidate)
            identifiers[id] = candidate
        }
        return taken
    }

    static func suffix(_ kind: EntityKind) -> String {
        switch kind {
        case .client, .caller: "Client"
        case .service: "Service"
        case .external: "External"
        case .queue: "Queue"
        case .topic: "Topic"
        case .store: "Store"
        }
    }

    func identifier(_ id: EntityID) -> String { identifiers[id] ?? "Unnamed" }

    static func used(in steps: [ObservedStep], into set: inout Set<EntityID>) {
        for step in steps {
            set.insert(step.key.initiator)
            set.insert(step.key.passive)
            used(in: step.steps, into: &set)
        }
    }

    // MARK: - Writing

    mutating func write() -> InferredDesign {
        let flows = kept()
        var usedSet = Set<EntityID>()
        for flow in flows { Self.used(in: flow.steps, into: &usedSet) }
        let used = usedSet.sorted()
        var taken = name(used)

        header()
        line("title \(LiteralFormat.string(options.title))")
        line("")
        declarations(used, taken: &taken)
        for flow in uniqueNames(flows) {
            line("")
            self.flow(flow.flow, name: flow.name)
        }
        if !leftOut.shown.isEmpty {
            line("")
            line("# Left out by --min-count \(options.minCount) (seen fewer than \(English.plural(options.minCount, "time"))):")
            for item in leftOut.shown { line("#   " + Self.commentText(item)) }
            if leftOut.count > leftOut.shown.count { line("#   and \(leftOut.count - leftOut.shown.count) more") }
        }
        let source = SourceFile(id: FileID(0), path: "inferred.baton", bytes: Array(out.utf8))
        let text = Formatter.format(source).text ?? out
        return InferredDesign(text: text, leftOut: leftOut, leftOutInteractions: leftOutInteractions, leftOutFlows: leftOutFlows)
    }

    mutating func header() {
        let statistics = system.statistics
        var from = "\(English.grouped(statistics.traces)) \(statistics.traces == 1 ? "trace" : "traces") (\(English.grouped(statistics.spans)) \(statistics.spans == 1 ? "span" : "spans"))"
        if !options.sources.isEmpty {
            let shown = options.sources.prefix(5).map(Self.commentText)
            from += " in " + English.list(Array(shown)) + (options.sources.count > 5 ? " and \(options.sources.count - 5) more files" : "")
        }
        line("# Inferred by baton infer from \(from).")
        line("# Every participant, interaction and nesting below was seen in the spans (docs/traces.md). Figures")
        line("# in comments that start with \"measured\" come from the spans: `latency` is the callee's mean")
        line("# own time per call (the calls it waited for left out), `retries` the most seen for one call.")
        var notes: [String] = []
        if statistics.orphans > 0 { notes.append("\(English.plural(statistics.orphans, "span")) whose parent is missing, read as roots") }
        if statistics.startsBeforeParent > 0 {
            notes.append("\(English.plural(statistics.startsBeforeParent, "span")) starting before \(statistics.startsBeforeParent == 1 ? "its" : "their") parent (clock skew), nested by parent id")
        }
        if statistics.cycles > 0 { notes.append("\(English.plural(statistics.cycles, "loop")) of parent ids cut") }
        if statistics.tooDeep > 0 {
            notes.append("nesting deeper than \(TraceObserver.maxDepth) spans cut in \(English.plural(statistics.tooDeep, "place"))")
        }
        if statistics.negativeDurations > 0 { notes.append("\(English.plural(statistics.negativeDurations, "span")) ending before \(statistics.negativeDurations == 1 ? "it starts" : "they start"), read as taking 0") }
        for note in notes { line("# Note: \(note).") }
        if emptyFlows > 0 {
            line("# Note: \(English.plural(emptyFlows, "root operation")) with no interaction between participants (internal work only) \(emptyFlows == 1 ? "is" : "are") not written.")
        }
    }

    mutating func declarations(_ used: [EntityID], taken: inout Set<String>) {
        // Services with a namespace go into a group per namespace.
        var groups: [String: [EntityID]] = [:]
        var ungrouped: [EntityID] = []
        for id in used {
            if let namespace = system[id].namespace, system[id].kind == .service || system[id].kind == .client {
                groups[namespace, default: []].append(id)
            } else {
                ungrouped.append(id)
            }
        }
        for namespace in groups.keys.sorted(by: { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }) {
            var group = ParticipantIdentifier.make(from: namespace)
            if taken.contains(group) { group += "Group" }
            var number = 2
            while taken.contains(group) {
                group = ParticipantIdentifier.make(from: namespace) + "Group" + String(number)
                number += 1
            }
            taken.insert(group)
            line("group \(group)\(group == namespace ? "" : " " + LiteralFormat.string(namespace)) {")
            for id in groups[namespace] ?? [] { declaration(id, indent: "  ") }
            line("}")
        }
        let order: [EntityKind] = [.caller, .client, .service, .external, .queue, .topic, .store]
        for kind in order {
            for id in ungrouped where system[id].kind == kind { declaration(id, indent: "") }
        }
    }

    mutating func declaration(_ id: EntityID, indent: String) {
        let entity = system[id]
        let name = identifier(id)
        var text = indent + entity.kind.keyword + " " + name
        if entity.kind == .caller {
            text += " \"caller outside the traces\""
        } else if name != entity.name {
            text += " " + LiteralFormat.string(entity.name)
        }
        var notes: [String] = []
        if let system = entity.system {
            notes.append(entity.kind.isChannel ? "messaging.system \(system)" : entity.kind == .store ? "db.system \(system)" : system)
        }
        if entity.kind == .external, !entity.otherNames.isEmpty { notes.append("also " + English.list(entity.otherNames)) }
        if entity.kind == .topic, entity.system.map({ Convention.topicSystems.contains($0.lowercased()) }) != true {
            notes.append("a topic: read by several services")
        }
        if !notes.isEmpty { text += "  # " + Self.commentText(notes.joined(separator: "; ")) }
        line(text)
    }

    /// Flows with names made unique: a name two flows share gets the service added, then a number.
    func uniqueNames(_ flows: [ObservedFlow]) -> [(flow: ObservedFlow, name: String)] {
        var counts: [String: Int] = [:]
        for flow in flows { counts[displayName(flow), default: 0] += 1 }
        var taken = Set<String>()
        return flows.map { flow in
            var name = displayName(flow)
            if (counts[name] ?? 0) > 1 { name += " (\(system[flow.service].name))" }
            let base = name
            var number = 2
            while taken.contains(name) {
                name = "\(base) \(number)"
                number += 1
            }
            taken.insert(name)
            return (flow, name)
        }
    }

    func displayName(_ flow: ObservedFlow) -> String {
        flow.name.isEmpty ? "\(system[flow.service].name) root" : flow.name
    }

    mutating func flow(_ flow: ObservedFlow, name: String) {
        line("flow \(LiteralFormat.string(name)) {")
        var seen = "seen \(English.grouped(flow.roots)) \(flow.roots == 1 ? "time" : "times")"
        if flow.orphanRoots > 0 { seen += " (\(flow.orphanRoots) starting at a span whose parent is missing)" }
        line("  # \(seen); first in \(flow.evidence)")
        steps(flow.steps, indent: "  ", nesting: 1, topLevel: true)
        line("}")
    }

    mutating func steps(_ steps: [ObservedStep], indent: String, nesting: Int, topLevel: Bool) {
        for step in steps { self.step(step, indent: indent, nesting: nesting, topLevel: topLevel) }
    }

    mutating func step(_ step: ObservedStep, indent: String, nesting: Int, topLevel: Bool) {
        let consumes = step.key.arrow == .fetch && system[step.key.passive].kind.isChannel
        var indent = indent
        var nesting = nesting
        // The indents of the fragments opened around the step, to close them.
        var openers: [String] = []
        // A consumer's fetch stays where it is, so that its handling follows it.
        if !consumes {
            if step.maxRepeats > 1, nesting < Self.maxNesting {
                let mean = Double(step.repeats) / Double(max(1, step.presentIn))
                line(indent + "loop \(LiteralFormat.string("up to \(step.maxRepeats) times, \(Self.decimal(mean)) on average")) [times=\(step.maxRepeats)] {")
                openers.append(indent)
                indent += "  "
                nesting += 1
            }
            if step.isOptional, nesting < Self.maxNesting {
                let p = Double(step.presentIn) / Double(max(1, step.outOf))
                line(indent + "opt \(LiteralFormat.string("in \(step.presentIn) of \(step.outOf)")) [p=\(Self.percent(p))] {")
                openers.append(indent)
                indent += "  "
                nesting += 1
            }
        }
        line(indent + "# " + measuredComment(step, consumes: consumes))
        var statement = indent + identifier(step.key.initiator) + " " + step.key.arrow.symbol + " " + identifier(step.key.passive)
        if !step.key.label.isEmpty { statement += " : " + LiteralFormat.label(step.key.label) }
        var attributes: [String] = []
        if step.key.arrow.isSync, let mean = step.measures.latency.meanSeconds, mean > 0 {
            attributes.append("latency=" + Self.duration(mean))
        }
        if step.measures.maxRetries > 0 { attributes.append("retries=\(step.measures.maxRetries)") }
        if !attributes.isEmpty { statement += " [" + attributes.joined(separator: ", ") + "]" }
        if consumes || step.steps.isEmpty {
            line(statement)
            if consumes { self.steps(step.steps, indent: indent, nesting: nesting, topLevel: false) }
        } else if nesting + 1 >= Self.maxNesting {
            line(statement + "  # \(English.plural(step.steps.count, "step")) nested deeper than Baton allows left out")
        } else {
            line(statement + " {")
            self.steps(step.steps, indent: indent + "  ", nesting: nesting + 1, topLevel: false)
            line(indent + "}")
        }
        for opener in openers.reversed() { line(opener + "}") }
    }

    func measuredComment(_ step: ObservedStep, consumes: Bool) -> String {
        let measures = step.measures
        let noun = consumes ? "message" : step.key.arrow == .send ? "send" : "call"
        var parts = ["measured: \(English.grouped(measures.calls)) \(measures.calls == 1 ? noun : noun + "s")"]
        if let mean = measures.latency.meanSeconds, let p50 = measures.latency.quantileSeconds(0.5),
           let p99 = measures.latency.quantileSeconds(0.99) {
            parts.append("\(step.key.arrow == .send ? "send time" : "own time") mean \(Self.duration(mean)), p50 \(Self.duration(p50)), p99 \(Self.duration(p99))")
        }
        if measures.errors > 0 { parts.append("\(Self.percent(measures.errorRate)) failed") }
        if measures.maxRetries > 0 {
            parts.append("\(English.grouped(measures.retries)) \(measures.retries == 1 ? "retry" : "retries") (up to \(measures.maxRetries) for one call)")
        }
        if consumes, step.isOptional { parts.append("in \(step.presentIn) of \(step.outOf)") }
        return parts.joined(separator: "; ")
    }

    // MARK: - Text

    mutating func line(_ text: String) {
        out += text
        out += "\n"
    }

    /// Text safe inside a comment: one line, no control characters.
    static func commentText(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            if scalar == "\n" || scalar == "\r" || scalar == "\t" {
                result += " "
            } else if ControlCharacters.isHidden(scalar) {
                result += ControlCharacters.written(scalar)
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// A duration to 3 significant digits, at least 1 µs: `12.3ms`, `1.25s`.
    static func duration(_ seconds: Double) -> String {
        LiteralFormat.duration(significant(max(seconds, 1e-6)))
    }

    static func significant(_ value: Double, digits: Int = 3) -> Double {
        guard value > 0, value.isFinite else { return value }
        var scale = 1.0
        var scaled = value
        while scaled >= 1000 {
            scaled /= 10
            scale *= 10
        }
        while scaled < 100 {
            scaled *= 10
            scale /= 10
        }
        return scaled.rounded() * scale
    }

    /// A fraction as a percentage above 0, to 2 decimals: `37.5%`, `0.01%`.
    static func percent(_ fraction: Double) -> String {
        let hundredths = max(1, min(10_000, Int((fraction * 10_000).rounded())))
        return LiteralFormat.number(Double(hundredths) / 100, digits: 2) + "%"
    }

    static func decimal(_ value: Double) -> String { LiteralFormat.number(value, digits: 1) }
}

extension Array where Element == String {
    /// The first 50 lines of a long list, for a comment.
    var shown: ArraySlice<String> { prefix(50) }
}
