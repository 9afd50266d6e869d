import BatonSyntax

/// One interaction: `from` initiates (holds the baton), `to` is the passive end.
public struct Interaction: Hashable, Sendable {
    // Stored in an order that leaves the small fields no room to pad into another word (the
    // one-byte arrow after the attributes' flags, the 5-byte parent before the 13-byte list
    // span): 128 bytes, not 136. The model holds one per interaction, in its largest array.
    public var label: String?
    public var attributes: InteractionAttributes
    public var arrow: Arrow
    public var flow: FlowID
    public var id: InteractionID
    public var from: ParticipantID
    public var to: ParticipantID
    /// What the passive end does while handling it; nil when there is no block.
    public var block: [Step]?
    /// From the initiator to the end of label and attributes (what findings point at).
    public var span: Span
    public var arrowSpan: Span
    /// The interaction whose block this one is written in (through fragments).
    public var parent: InteractionID?
    /// The `[…]` list, when the statement has one (where fixes add attributes).
    public var attributeListSpan: Span?

    public init(id: InteractionID, from: ParticipantID, to: ParticipantID, arrow: Arrow, label: String?,
                attributes: InteractionAttributes, flow: FlowID, parent: InteractionID?, block: [Step]?, span: Span,
                arrowSpan: Span, attributeListSpan: Span? = nil) {
        self.label = label
        self.attributes = attributes
        self.arrow = arrow
        self.flow = flow
        self.id = id
        self.from = from
        self.to = to
        self.block = block
        self.span = span
        self.arrowSpan = arrowSpan
        self.parent = parent
        self.attributeListSpan = attributeListSpan
    }

    public var isSynchronous: Bool { arrow.isSynchronous }

    /// Where the data goes first: the passive end, except for a fetch, which pulls data from it.
    public var dataSource: ParticipantID { arrow == .fetch ? to : from }
    public var dataTarget: ParticipantID { Self.dataTarget(arrow, from: from, to: to) }

    /// Where the data of an interaction with these ends goes: the passive end, except for a
    /// fetch, which pulls data from it to its initiator.
    public static func dataTarget(_ arrow: Arrow, from: ParticipantID, to: ParticipantID) -> ParticipantID {
        arrow == .fetch ? from : to
    }
}

extension Model {
    /// `interactions[id].dataTarget`, read from the interaction's fields in place: asking the
    /// interaction itself, a rule copied it (its label, block and attributes) for each call.
    public func dataTarget(of id: InteractionID) -> ParticipantID {
        let index = id.rawValue
        return Interaction.dataTarget(interactions[index].arrow, from: interactions[index].from, to: interactions[index].to)
    }
}

/// The typed attributes of an interaction (docs/language.md#interaction-attributes). Absent
/// means "not declared".
///
/// Stored compactly, read and written through the optional properties as before: the model
/// holds one of these per interaction, in its largest array. The attributes most interactions
/// declare are inline, their numbers as plain numbers beside a byte of flags saying which are
/// declared (an optional `Double` takes 16 bytes in a struct, a `Double` 8; an undeclared one
/// is stored as 0, so equal values are equal field by field). The rest are out of line, in
/// one allocation shared by copies, and only when one of them is declared (`Rare`).
public struct InteractionAttributes: Hashable, Sendable {
    private var storedTimeout = 0.0
    /// A count, or `Int.min` for `unbounded` (a count is never negative).
    private var storedRetries = 0
    /// Where each attribute was written, by key.
    public var spans = AttributeSpans()
    /// Nil when none of them is declared.
    private var rare: RareBox?
    /// Which of the inline numbers are declared (`Declared`).
    private var declared: UInt8 = 0
    public var backoff: Backoff?
    public var jitter = false
    public var circuitBreaker = false
    public var idempotent = false
    public var ordered = false

    /// The attributes few interactions declare.
    private struct Rare: Hashable, Sendable {
        var backoffBase: Double?
        var backoffCap: Double?
        var latency: Double?
        var budget: Double?
        var correlation: String?
        var replyTo: ParticipantID?
    }

    /// `Rare` in an allocation of its own: one pointer inline, compared by contents.
    private enum RareBox: Hashable, Sendable {
        indirect case box(Rare)

        var value: Rare {
            switch self {
            case .box(let rare): rare
            }
        }
    }

    /// Changes the out-of-line attributes (a new allocation: they are written only while the
    /// model is built), dropping the allocation when none is left declared.
    private mutating func changeRare(_ change: (inout Rare) -> Void) {
        var value = rare?.value ?? Rare()
        change(&value)
        rare = value == Rare() ? nil : .box(value)
    }

    /// The bits of `declared`.
    private enum Declared {
        static let timeout: UInt8 = 1
        static let retries: UInt8 = 2
    }

    /// Seconds.
    public var timeout: Double? {
        get { declared & Declared.timeout != 0 ? storedTimeout : nil }
        set {
            storedTimeout = newValue ?? 0
            declared = newValue == nil ? declared & ~Declared.timeout : declared | Declared.timeout
        }
    }

    public var retries: Bound? {
        get {
            guard declared & Declared.retries != 0 else { return nil }
            return storedRetries == .min ? .unbounded : .count(storedRetries)
        }
        set {
            switch newValue {
            case nil:
                storedRetries = 0
                declared &= ~Declared.retries
            case .count(let count):
                storedRetries = count
                declared |= Declared.retries
            case .unbounded:
                storedRetries = .min
                declared |= Declared.retries
            }
        }
    }

    /// Seconds: the first retry's delay (`backoff-base=`); see `effectiveBackoffBase`.
    public var backoffBase: Double? {
        get { rare?.value.backoffBase }
        set { changeRare { $0.backoffBase = newValue } }
    }

    /// Seconds: the longest delay between retries (`backoff-cap=`); see `effectiveBackoffCap`.
    public var backoffCap: Double? {
        get { rare?.value.backoffCap }
        set { changeRare { $0.backoffCap = newValue } }
    }

    /// Seconds.
    public var latency: Double? {
        get { rare?.value.latency }
        set { changeRare { $0.latency = newValue } }
    }

    /// Seconds.
    public var budget: Double? {
        get { rare?.value.budget }
        set { changeRare { $0.budget = newValue } }
    }

    public var correlation: String? {
        get { rare?.value.correlation }
        set { changeRare { $0.correlation = newValue } }
    }

    public var replyTo: ParticipantID? {
        get { rare?.value.replyTo }
        set { changeRare { $0.replyTo = newValue } }
    }

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
