import BatonSyntax

/// One interaction: `from` initiates (holds the baton), `to` is the passive end.
public struct Interaction: Hashable, Sendable {
    public var id: InteractionID
    public var from: ParticipantID
    public var to: ParticipantID
    public var arrow: Arrow
    public var label: String?
    public var attributes: InteractionAttributes
    public var flow: FlowID
    /// The interaction whose block this one is written in (through fragments).
    public var parent: InteractionID?
    /// What the passive end does while handling it; nil when there is no block.
    public var block: [Step]?
    /// From the initiator to the end of label and attributes (what findings point at).
    public var span: Span
    public var arrowSpan: Span
    /// The `[…]` list, when the statement has one (where fixes add attributes).
    public var attributeListSpan: Span? = nil

    public var isSynchronous: Bool { arrow.isSynchronous }

    /// Where the data goes first: the passive end, except for a fetch, which pulls data from it.
    public var dataSource: ParticipantID { arrow == .fetch ? to : from }
    public var dataTarget: ParticipantID { arrow == .fetch ? from : to }
}

/// The typed attributes of an interaction (docs/language.md#interaction-attributes). Absent
/// means "not declared".
public struct InteractionAttributes: Hashable, Sendable {
    /// Seconds.
    public var timeout: Double?
    public var retries: Bound?
    public var backoff: Backoff?
    /// Seconds: the first retry's delay (`backoff-base=`); see `effectiveBackoffBase`.
    public var backoffBase: Double?
    /// Seconds: the longest delay between retries (`backoff-cap=`); see `effectiveBackoffCap`.
    public var backoffCap: Double?
    public var jitter = false
    public var circuitBreaker = false
    public var idempotent = false
    /// Seconds.
    public var latency: Double?
    /// Seconds.
    public var budget: Double?
    public var ordered = false
    public var correlation: String?
    public var replyTo: ParticipantID?
    /// Where each attribute was written, by key.
    public var spans = AttributeSpans()

    public init() {}

    /// attempts = retries + 1; infinite when retries are unbounded
    /// (docs/language.md#13-derived-quantities).
    public var attempts: Double {
        switch retries {
        case nil: 1
        case .count(let count): Double(count) + 1
        case .unbounded: .infinity
        }
    }

    public static let defaultBackoffBase = 0.1
    public static let defaultBackoffCap = 10.0
    public var effectiveBackoffBase: Double { backoffBase ?? Self.defaultBackoffBase }
    public var effectiveBackoffCap: Double { backoffCap ?? Self.defaultBackoffCap }

    /// Whether it retries at all.
    public var retriesAtAll: Bool {
        switch retries {
        case nil, .count(0): false
        default: true
        }
    }
}
