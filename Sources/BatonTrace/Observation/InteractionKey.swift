/// How one participant reaches another, as far as spans can tell: a call waits for its answer,
/// a send does not, a fetch pulls from a channel (or reads from a store). Spans never show a
/// callback: an inversion of control looks like a call from the side that makes it.
public enum InteractionArrow: String, Sendable, Hashable, Comparable, CaseIterable {
    case call
    case send
    case fetch

    /// The Baton arrow.
    public var symbol: String {
        switch self {
        case .call: "->"
        case .send: "->>"
        case .fetch: "<-"
        }
    }

    /// Whether the initiator waits.
    public var isSync: Bool { self != .send }

    public static func < (lhs: InteractionArrow, rhs: InteractionArrow) -> Bool {
        allCases.firstIndex(of: lhs) ?? 0 < allCases.firstIndex(of: rhs) ?? 0
    }
}

/// One kind of interaction: who initiates, how, towards whom, and the operation's label.
public struct InteractionKey: Hashable, Comparable, Sendable {
    public var initiator: EntityID
    public var arrow: InteractionArrow
    public var passive: EntityID
    public var label: String

    public init(initiator: EntityID, arrow: InteractionArrow, passive: EntityID, label: String) {
        self.initiator = initiator
        self.arrow = arrow
        self.passive = passive
        self.label = label
    }

    public static func < (lhs: InteractionKey, rhs: InteractionKey) -> Bool {
        if lhs.initiator != rhs.initiator { return lhs.initiator < rhs.initiator }
        if lhs.passive != rhs.passive { return lhs.passive < rhs.passive }
        if lhs.arrow != rhs.arrow { return lhs.arrow < rhs.arrow }
        return Array(lhs.label.utf8).lexicographicallyPrecedes(Array(rhs.label.utf8))
    }
}

/// A span that shows something: the trace and span ids a report can quote as evidence.
public struct SpanReference: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var traceID: TraceID
    public var spanID: SpanID

    public init(traceID: TraceID, spanID: SpanID) {
        self.traceID = traceID
        self.spanID = spanID
    }

    /// `trace 4bf92f…4736, span 00f067aa0ba902b7`.
    public var description: String { "trace \(traceID), span \(spanID)" }

    public static func < (lhs: SpanReference, rhs: SpanReference) -> Bool {
        (lhs.traceID, lhs.spanID) < (rhs.traceID, rhs.spanID)
    }
}
