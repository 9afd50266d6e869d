import BatonSyntax

/// A declared participant with its typed attributes.
public struct Participant: Hashable, Sendable {
    public var id: ParticipantID
    public var name: String
    /// The display label, when the declaration gives one.
    public var label: String?
    public var kind: ParticipantKind
    public var attributes: ParticipantAttributes
    /// The innermost group it is declared in.
    public var group: GroupID?
    /// Its own `owner`, else the nearest enclosing group's.
    public var owner: String?
    /// The whole declaration (what findings about the participant point at).
    public var span: Span
    public var nameSpan: Span
    /// Declared in an imported file rather than the root file.
    public var isImported: Bool
    /// The `[…]` list, when the declaration has one (where fixes add attributes).
    public var attributeListSpan: Span? = nil

    /// What diagrams show.
    public var displayName: String { label ?? name }

    /// Whether it actively delivers messages (a `push` channel); other channels only wait.
    public var isPushChannel: Bool { kind.isChannel && attributes.push }
}

/// The typed attributes of a participant (docs/language.md#participant-attributes). Absent
/// means "not declared".
public struct ParticipantAttributes: Hashable, Sendable {
    /// Fractions in 0…1 (99.9% is 0.999).
    public var availability: Double?
    public var slo: Double?
    /// Seconds.
    public var latency: Double?
    public var idempotent = false
    public var concurrency: Int?
    /// The longest waiting line of a station (`backlog=`); nil or `.unbounded` means no limit.
    public var backlog: Bound?
    /// Requests per second.
    public var rateLimit: Double?
    /// Seconds.
    public var timeout: Double?
    /// Declared delivery guarantee; see `effectiveDelivery`.
    public var delivery: Delivery?
    public var order: Ordering?
    public var capacity: Bound?
    public var overflow: Overflow?
    /// Seconds.
    public var ttl: Double?
    public var dlq: ParticipantID?
    public var maxReceives: Int?
    public var push = false
    /// Seconds.
    public var interval: Double?
    public var batch: Int?
    public var owner: String?
    /// Where each attribute was written, by key (for findings that point at one attribute).
    public var spans = AttributeSpans()

    public init() {}

    /// Channels deliver at least once unless they say otherwise.
    public var effectiveDelivery: Delivery { delivery ?? .atLeastOnce }
    /// Channels are unordered unless they say otherwise.
    public var effectiveOrder: Ordering { order ?? .unordered }
}

/// A group of participants (a cluster in diagrams).
public struct ParticipantGroup: Hashable, Sendable {
    public var id: GroupID
    public var name: String
    public var label: String?
    public var owner: String?
    public var parent: GroupID?
    /// Direct members, in declaration order.
    public var members: [ParticipantID]
    /// Direct subgroups, in declaration order.
    public var subgroups: [GroupID]
    public var span: Span
    public var isImported: Bool

    public var displayName: String { label ?? name }
}
