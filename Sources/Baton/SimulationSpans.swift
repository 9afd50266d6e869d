// A simulation's traced runs as OpenTelemetry spans: `SimulatedTraces` (BatonSimulate) mapped
// onto `TraceSpan`s (BatonTrace) with the semantic conventions `baton infer` and
// `baton check --traces` read back (docs/traces.md), and written as OTLP JSON by
// `OTLPJSONWriter`. Neither stage knows the other — the simulator records who worked on what
// and when, the trace target reads and writes spans — so the mapping lives here, in the façade
// that may see both.

import BatonModel
import BatonSimulate
import BatonSyntax
import BatonTrace

/// How each simulated span becomes an OpenTelemetry span (docs/traces.md, section 10):
///
/// - Every participant that runs code — a client, service or driver — is a service
///   (`service.name` is its name, `service.namespace` its innermost group). Stores, externals,
///   queues and topics record no spans: they appear in their callers' spans, as they do in
///   production.
/// - A run's root is an internal span of its flow's first initiator, named after the flow.
/// - A sync call's attempt is a client span of the initiator (`rpc.method` the label,
///   `peer.service` the callee), and its handling a server span of the callee under it; a
///   retry is another client span under the same parent. A call to a store is a client span
///   with `db.system.name`, `db.namespace` and `db.operation.name` (`SELECT` for a fetch), to
///   an external one with `peer.service`; neither has a server span, so the block they run,
///   if any, nests under the client span.
/// - An async send straight to a participant (`->>`, a webhook) is a producer span naming no
///   destination (`peer.service` the callee), with the callee's server span under it when the
///   callee is traced; a callback (`~>`) is a call, as spans show it.
/// - A send into a queue or topic is a producer span (`messaging.destination.name`,
///   `messaging.operation.type` `send`, `messaging.destination.kind`); a standing consumer's
///   handling of the message a consumer span under it (`process`); a fetch inside a block a
///   consumer span of the fetcher (`receive`).
/// - An attempt that failed, timed out, was refused or short-circuited has status ERROR and
///   `error.type` saying which.
///
/// Identity is arithmetic, never random: the trace id is the scenario's name and seed (hashed)
/// and the run's arrival number, the span id the arrival number and the span's position; times
/// count from `epochNanos`, the scenario's time 0. So the traces of two scenarios, or of two
/// seeds, read together, never share a trace id.
public enum SimulationSpans {
    /// 2026-01-01T00:00:00Z in Unix nanoseconds: the scenario's time 0 (a fixed instant, so the
    /// same simulation writes the same bytes).
    public static let epochNanos: Int64 = 1_767_225_600_000_000_000

    /// The spans of one traced run, parents before children.
    public static func spans(_ trace: SimulatedTrace, model: Model, scenario: String, seed: UInt64) -> [TraceSpan] {
        let traceID = TraceID(high: mix(seed ^ fnv1a(scenario)), low: UInt64(trace.run) &+ 1)
        var mapped: [TraceSpan] = []
        // A span that is not written (a store's or external's) hands its children to its
        // parent: per index, the written span that stands for it and that span's service.
        var standIn: [(id: SpanID, service: String)?] = []
        // Per index: an attempt made by a participant that records no spans (an external
        // calling back), whose callee's server span therefore has no parent.
        var untracedCall: [Bool] = []
        for (index, simulated) in trace.spans.enumerated() {
            let spanID = SpanID((UInt64(trace.run) &+ 1) << 32 | (UInt64(index) &+ 1))
            let up = simulated.parent >= 0 && simulated.parent < standIn.count ? simulated.parent : -1
            var parent = up >= 0 ? standIn[up] : nil
            let owner = simulated.participant >= 0 && simulated.participant < model.participants.count
                ? model.participants[simulated.participant] : nil
            switch simulated.role {
            case .call, .send, .fetch:
                // An initiator acting on its own — a top-level step of another participant than
                // the run's first — is a new root, as a separate process's span is.
                if let known = parent, known.service != owner?.name { parent = nil }
            case .handling:
                // Called by something that propagates no context: a root, as in production.
                if up >= 0, untracedCall[up] { parent = nil }
            case .flow, .consumption:
                break
            }
            untracedCall.append(simulated.role == .call && owner.map { !recordsSpans($0.kind) } == true)
            guard let owner, let span = span(simulated, trace: trace, model: model, traceID: traceID, spanID: spanID,
                                             parent: parent?.id) else {
                standIn.append(parent)
                continue
            }
            standIn.append((spanID, owner.name))
            mapped.append(span)
        }
        return mapped
    }

    /// Every trace as OTLP JSON Lines: one `{"resourceSpans":…}` object per trace, as the bytes
    /// of the file (collected line by line, so the file is held once, not also as a string).
    public static func otlpJSON(_ traces: SimulatedTraces, model: Model, scenario: String, seed: UInt64) -> [UInt8] {
        var bytes: [UInt8] = []
        for trace in traces.traces {
            let spans = spans(trace, model: model, scenario: scenario, seed: seed)
            if !spans.isEmpty { bytes.append(contentsOf: OTLPJSONWriter.line(spans).utf8) }
        }
        return bytes
    }

    // MARK: - One span

    static func span(_ simulated: SimulatedSpan, trace: SimulatedTrace, model: Model, traceID: TraceID, spanID: SpanID,
                     parent: SpanID?) -> TraceSpan? {
        guard simulated.participant >= 0, simulated.participant < model.participants.count else { return nil }
        let owner = model.participants[simulated.participant]
        guard recordsSpans(owner.kind) else { return nil }
        let interaction = simulated.interaction >= 0 && simulated.interaction < model.interactions.count
            ? model.interactions[simulated.interaction] : nil
        var attributes = TraceAttributes()
        let kind: SpanKind
        var name = interaction.map(label) ?? ""
        switch simulated.role {
        case .flow:
            kind = .internal
            name = trace.flow >= 0 && trace.flow < model.flows.count ? model.flows[trace.flow].name : "run"
        case .call:
            guard let interaction else { return nil }
            let callee = model[interaction.to]
            // An async send straight to a participant (a webhook): a producer span naming no
            // destination. To a store, a database client span, whatever the arrow.
            kind = interaction.arrow == .send && callee.kind != .store ? .producer : .client
            switch callee.kind {
            case .store:
                attributes.add("db.system.name", .string("other_sql"))
                attributes.add("db.namespace", .string(callee.name))
                attributes.add("db.operation.name", .string(interaction.arrow == .fetch ? "SELECT" : "EXECUTE"))
                attributes.add("db.query.summary", .string(name))
            default:
                attributes.add("rpc.method", .string(name))
                attributes.add("peer.service", .string(callee.name))
                if kind == .producer { attributes.add("messaging.operation.type", .string("send")) }
            }
        case .handling:
            guard interaction != nil else { return nil }
            kind = .server
            attributes.add("rpc.method", .string(name))
        case .send:
            guard let interaction else { return nil }
            kind = .producer
            messaging(&attributes, channel: model[interaction.to], operation: "send")
        case .consumption:
            guard let interaction else { return nil }
            kind = .consumer
            let channel = model[interaction.from].kind.isChannel ? model[interaction.from] : model[interaction.to]
            messaging(&attributes, channel: channel, operation: "process")
        case .fetch:
            guard let interaction else { return nil }
            kind = .consumer
            messaging(&attributes, channel: model[interaction.to], operation: "receive")
        }
        if let error = errorType(simulated.outcome) { attributes.add("error.type", .string(error)) }
        var resourceNamespace: String?
        if let group = owner.group { resourceNamespace = model[group].name }
        return TraceSpan(traceID: traceID, spanID: spanID, parentSpanID: parent, name: name, kind: kind,
                         startNanos: nanos(simulated.start), endNanos: nanos(simulated.end),
                         status: simulated.outcome.isSuccess ? .unset : .error, attributes: attributes,
                         resource: TraceResource(serviceName: owner.name, serviceNamespace: resourceNamespace))
    }

    /// Participants that run code of their own, and so record spans.
    static func recordsSpans(_ kind: ParticipantKind) -> Bool {
        switch kind {
        case .client, .service, .driver: true
        case .external, .store, .queue, .topic: false
        }
    }

    static func label(_ interaction: Interaction) -> String {
        if let label = interaction.label, !label.isEmpty { return label }
        return interaction.arrow == .fetch ? "fetch" : "call"
    }

    static func messaging(_ attributes: inout TraceAttributes, channel: Participant, operation: String) {
        attributes.add("messaging.destination.name", .string(channel.name))
        attributes.add("messaging.operation.type", .string(operation))
        attributes.add("messaging.destination.kind", .string(channel.kind == .topic ? "topic" : "queue"))
    }

    static func errorType(_ outcome: SimulatedOutcome) -> String? {
        switch outcome {
        case .success: nil
        case .failure: "error"
        case .timeout: "timeout"
        case .rejected: "rejected"
        case .shortCircuited: "circuit_open"
        }
    }

    static func nanos(_ seconds: Double) -> Int64 {
        guard seconds.isFinite, seconds >= 0 else { return epochNanos }
        let offset = (seconds * 1e9).rounded()
        return offset < 9e18 ? epochNanos &+ Int64(offset) : epochNanos
    }

    /// FNV-1a of the name's UTF-8 bytes: a hash that is the same in every process (Swift's
    /// `Hasher` is seeded per process).
    static func fnv1a(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        return hash
    }

    /// SplitMix64's finaliser: spreads a small seed over all 64 bits, so traces of different
    /// seeds do not share ids.
    static func mix(_ seed: UInt64) -> UInt64 {
        var z = seed &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
