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
///
/// The optional numbers are stored as plain numbers beside one byte of flags saying which are
/// declared: an optional `Double` takes 16 bytes in a struct, a `Double` 8, and the model holds
/// one of these per interaction (the largest array of a large design). Read and written
/// through the optional properties, as before; an undeclared number is stored as 0, so equal
/// values are equal field by field.
public struct InteractionAttributes: Hashable, Sendable {
    private var storedTimeout = 0.0
    private var storedBackoffBase = 0.0
    private var storedBackoffCap = 0.0
    private var storedLatency = 0.0
    private var storedBudget = 0.0
    /// A count, or `Int.min` for `unbounded` (a count is never negative).
    private var storedRetries = 0
    public var correlation: String?
    /// Where each attribute was written, by key.
    public var spans = AttributeSpans()
    public var replyTo: ParticipantID?
    /// Which of the stored numbers are declared (`Declared`).
    private var declared: UInt8 = 0
    public var backoff: Backoff?
    public var jitter = false
    public var circuitBreaker = false
    public var idempotent = false
    public var ordered = false

    /// The bits of `declared`.
    private enum Declared {
        static let timeout: UInt8 = 1
        static let backoffBase: UInt8 = 2
        static let backoffCap: UInt8 = 4
        static let latency: UInt8 = 8
        static let budget: UInt8 = 16
        static let retries: UInt8 = 32
    }

    private func value(_ stored: Double, _ bit: UInt8) -> Double? {
        declared & bit != 0 ? stored : nil
    }

    private static func set(_ stored: inout Double, _ declared: inout UInt8, _ bit: UInt8, _ value: Double?) {
        if let value {
            stored = value
            declared |= bit
        } else {
            stored = 0
            declared &= ~bit
        }
    }

    /// Seconds.
    public var timeout: Double? {
        get { value(storedTimeout, Declared.timeout) }
        set { Self.set(&storedTimeout, &declared, Declared.timeout, newValue) }
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
        get { value(storedBackoffBase, Declared.backoffBase) }
        set { Self.set(&storedBackoffBase, &declared, Declared.backoffBase, newValue) }
    }

    /// Seconds: the longest delay between retries (`backoff-cap=`); see `effectiveBackoffCap`.
    public var backoffCap: Double? {
        get { value(storedBackoffCap, Declared.backoffCap) }
        set { Self.set(&storedBackoffCap, &declared, Declared.backoffCap, newValue) }
    }

    /// Seconds.
    public var latency: Double? {
        get { value(storedLatency, Declared.latency) }
        set { Self.set(&storedLatency, &declared, Declared.latency, newValue) }
    }

    /// Seconds.
    public var budget: Double? {
        get { value(storedBudget, Declared.budget) }
        set { Self.set(&storedBudget, &declared, Declared.budget, newValue) }
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
