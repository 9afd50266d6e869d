import Foundation
import BatonModel
import BatonSyntax
import BatonTrace

/// Compares a design with what traces show and returns the differences as diagnostics, so they
/// go through the same reports and exit codes as the rules' findings (`baton check --traces`).
///
/// A pure stage: a model and an `ObservedSystem` in, diagnostics in source order out. It only
/// reads the observed system's interactions (one per `InteractionKey`) and, for evidence, its
/// flows; reading and observing spans is `BatonTrace`'s work.
///
/// Interactions meet by their two ends: a design interaction is compared with every observed
/// interaction between the entities its participants match (by name or display label, through
/// `NameKey`), preferring those whose label has the same key. So a design's `->` and `<-` to a
/// store are one conversation with the store, and labels that differ between design and traces
/// (`placeOrder` and `POST /orders`) do not make drift on their own.
public enum DriftCheck {
    /// At most this many spans are quoted as evidence per finding.
    public static let maxEvidence = 3

    public static func findings(model: Model, observed system: ObservedSystem, rootFile: FileID = FileID(0)) -> [Diagnostic] {
        let entityOf = model.participants.map { entity(for: $0, in: system) }
        let evidence = Evidence(system)
        var pairs: [Pair: [ObservedInteraction]] = [:]
        var pairOrder: [Pair] = []
        for interaction in system.interactions {
            let pair = Pair(initiator: interaction.key.initiator, passive: interaction.key.passive)
            if pairs[pair] == nil { pairOrder.append(pair) }
            pairs[pair, default: []].append(interaction)
        }
        var designedPairs = Set<Pair>()
        var findings: [Diagnostic] = []
        let caller = system.entities.first { $0.kind == .caller }?.id
        let allowedRetries = Self.allowedRetries(model)
        for interaction in model.interactions {
            let text = describe(interaction, in: model)
            var initiator = entityOf[interaction.from.rawValue]
            var fromCaller = false
            // An external or a store calling a traced service (a webhook, a change stream)
            // records no span and passes on no trace context: the callee's server span is a
            // root, a call from Caller.
            if model[interaction.from].kind == .external || model[interaction.from].kind == .store, let caller, let to = entityOf[interaction.to.rawValue],
               pairs[Pair(initiator: caller, passive: to)] != nil,
               initiator.map({ pairs[Pair(initiator: $0, passive: to)] == nil }) ?? true {
                initiator = caller
                fromCaller = true
            }
            guard let from = initiator, let to = entityOf[interaction.to.rawValue] else {
                let missing = [interaction.from, interaction.to].filter { entityOf[$0.rawValue] == nil }.map { model[$0].name }
                findings.append(Diagnostic(
                    code: DriftRule.unobservedInteraction.id, severity: DriftRule.unobservedInteraction.severity,
                    message: "\(text) is never seen in the traces: no span shows \(missing.map { "'\($0)'" }.joined(separator: " or "))",
                    span: interaction.span,
                    help: "name the participant as the traces do (its service.name, destination or store name, as a display label if need be), or remove the interaction if the system no longer makes it"))
                continue
            }
            // A channel's push delivery (`Q ->> A`) is its consumer receiving: spans show
            // consumers fetch (`A <- Q`), so it meets that fetch, as a sync interaction.
            let pushed = model[interaction.from].kind.isChannel
            let pair = pushed ? Pair(initiator: to, passive: from) : Pair(initiator: from, passive: to)
            designedPairs.insert(pair)
            let candidates = pairs[pair] ?? []
            if candidates.isEmpty {
                findings.append(Diagnostic(
                    code: DriftRule.unobservedInteraction.id, severity: DriftRule.unobservedInteraction.severity,
                    message: "\(text) is never seen in \(plural(system.statistics.traces, "trace")): '\(system[from].name)' never reaches '\(system[to].name)'",
                    span: interaction.span,
                    help: "remove the interaction if the system no longer makes it, or give traces that cover the flow it belongs to"))
                continue
            }
            let labelKey = NameKey(interaction.label ?? "")
            let sameLabel = labelKey.isEmpty ? [] : candidates.filter { NameKey($0.key.label) == labelKey }
            let relevant = sameLabel.isEmpty ? candidates : sameLabel
            let designedSync = pushed || interaction.arrow.isSynchronous || interaction.arrow == .callback
            // A root server span does not say whether its caller waited, and neither does a
            // database client span: any kind meets them.
            let unknowable = fromCaller || model[interaction.to].kind == .store
            let sameKind = unknowable ? relevant : relevant.filter { $0.key.arrow.isSync == designedSync }
            guard !sameKind.isEmpty else {
                let observed = relevant.map { describe($0.key, in: system) }
                findings.append(Diagnostic(
                    code: DriftRule.kindDrift.id, severity: DriftRule.kindDrift.severity,
                    message: "\(text) is designed \(designedSync ? "sync" : "async") but observed \(designedSync ? "async" : "sync"): \(observed.joined(separator: ", "))",
                    span: interaction.arrowSpan, notes: evidence.notes(for: relevant.map(\.key)),
                    help: designedSync
                        ? "write '->>' if the caller no longer waits, or make the call wait for its answer again"
                        : "write '->' (or '<-') if the initiator now waits, or make it send without waiting again"))
                continue
            }
            var measures = ObservedMeasures()
            for observed in sameKind { measures.merge(observed.measures) }
            let notes = evidence.notes(for: sameKind.map(\.key))
            let timeout = designedSync && !pushed ? (interaction.attributes.timeout ?? model[interaction.to].attributes.timeout) : nil
            let latency = interaction.attributes.latency ?? model[interaction.to].attributes.latency
            if let timeout, let p99 = measures.latency.quantileSeconds(0.99), p99 > timeout {
                findings.append(Diagnostic(
                    code: DriftRule.latencyDrift.id, severity: DriftRule.latencyDrift.severity,
                    message: "\(text): observed p99 \(seconds(p99)) is above its timeout \(seconds(timeout)) (\(plural(measures.calls, "call")))",
                    span: interaction.attributes.spans["timeout"] ?? interaction.span, notes: notes,
                    help: "raise the timeout to what the system needs, or make the callee faster; until then those calls time out"))
            } else if let latency, let mean = measures.latency.meanSeconds, mean > latency * DriftRule.latencyFactor {
                findings.append(Diagnostic(
                    code: DriftRule.latencyDrift.id, severity: DriftRule.latencyDrift.severity,
                    message: "\(text): observed mean \(seconds(mean)) is more than \(Int(DriftRule.latencyFactor))× its declared latency \(seconds(latency)) (\(plural(measures.calls, "call")))",
                    span: interaction.attributes.spans["latency"] ?? model[interaction.to].attributes.spans["latency"] ?? interaction.span,
                    notes: notes,
                    help: "set latency to the measured \(seconds(mean)) so checks and simulations use it, or make the callee faster"))
            }
            // Spans tell interactions with the same ends and label apart by nothing: each is
            // held to the most retries any of them allows.
            let declared = allowedRetries[Twin(interaction)] ?? nil
            if let declared, measures.maxRetries > declared {
                findings.append(Diagnostic(
                    code: DriftRule.retryDrift.id, severity: DriftRule.retryDrift.severity,
                    message: "\(text): observed up to \(plural(measures.maxRetries, "retry", "retries")) for one call, the design allows \(declared)",
                    span: interaction.attributes.spans["retries"] ?? interaction.span, notes: notes,
                    help: "declare retries=\(measures.maxRetries) so the design's worst cases count them, or make the caller retry less"))
            }
        }
        for pair in pairOrder where !designedPairs.contains(pair) {
            for observed in pairs[pair] ?? [] {
                let anchor = [observed.key.initiator, observed.key.passive].lazy.compactMap { id in
                    entityOf.firstIndex(of: id).map { model.participants[$0].span }
                }.first ?? model.flows.first?.span ?? Span(file: rootFile, start: 0, end: 0)
                findings.append(Diagnostic(
                    code: DriftRule.undeclaredInteraction.id, severity: DriftRule.undeclaredInteraction.severity,
                    message: "\(describe(observed.key, in: system)) is seen in the traces (\(plural(observed.measures.calls, "call"))) but not in the design",
                    span: anchor, notes: evidence.notes(for: [observed.key]),
                    help: "add it to the flow it belongs to ('baton infer' writes the observed design to copy from), or stop the system from making it"))
            }
        }
        return findings.sorted(by: Diagnostic.sourceOrder)
    }

    /// The entity a participant stands for: by name, else by display label; a `client` that
    /// matches none stands for `Caller` (whoever calls the traced services from outside).
    static func entity(for participant: Participant, in system: ObservedSystem) -> EntityID? {
        if let entity = system.entity(matching: participant.name) { return entity.id }
        if let label = participant.label, let entity = system.entity(matching: label) { return entity.id }
        if participant.kind == .client, let caller = system.entities.first(where: { $0.kind == .caller }) { return caller.id }
        return nil
    }

    /// Design interactions that spans cannot tell apart: the same ends and label key.
    struct Twin: Hashable {
        var from: ParticipantID
        var to: ParticipantID
        var label: NameKey

        init(_ interaction: Interaction) {
            from = interaction.from
            to = interaction.to
            label = NameKey(interaction.label ?? "")
        }
    }

    /// Per twin, the most retries one of them declares (nil: unbounded, which never drifts).
    static func allowedRetries(_ model: Model) -> [Twin: Int?] {
        var allowed: [Twin: Int?] = [:]
        for interaction in model.interactions {
            let declared: Int? = switch interaction.attributes.retries {
            case nil: 0
            case .count(let count): count
            case .unbounded: nil
            }
            let twin = Twin(interaction)
            if let known = allowed[twin] {
                allowed[twin] = known.flatMap { current in declared.map { max(current, $0) } }
            } else {
                allowed[twin] = declared
            }
        }
        return allowed
    }

    struct Pair: Hashable {
        var initiator: EntityID
        var passive: EntityID
    }

    static func describe(_ interaction: Interaction, in model: Model) -> String {
        let label = interaction.label.map { " : \($0)" } ?? ""
        return "'\(model[interaction.from].name) \(interaction.arrow.rawValue) \(model[interaction.to].name)\(label)'"
    }

    static func describe(_ key: InteractionKey, in system: ObservedSystem) -> String {
        "'\(system[key.initiator].name) \(key.arrow.symbol) \(system[key.passive].name) : \(key.label)'"
    }

    static func plural(_ count: Int, _ singular: String, _ pluralForm: String? = nil) -> String {
        "\(count) \(count == 1 ? singular : pluralForm ?? singular + "s")"
    }

    /// Seconds as a person reads them: `250ms`, `1.5s`, to three significant digits.
    static func seconds(_ value: Double) -> String {
        if value >= 1 { return trimmed(value) + "s" }
        if value >= 0.001 { return trimmed(value * 1000) + "ms" }
        return trimmed(value * 1_000_000) + "µs"
    }

    static func trimmed(_ value: Double) -> String {
        let digits = value >= 100 ? 0 : value >= 10 ? 1 : 2
        var text = String(format: "%.\(digits)f", value)
        if text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return text
    }
}
