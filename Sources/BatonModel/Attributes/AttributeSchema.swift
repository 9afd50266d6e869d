import BatonSyntax

/// Every attribute the language knows, where it may appear and what value it takes
/// (docs/language.md#participant-attributes and #interaction-attributes). One table serves
/// validation, "did you mean" and the documentation.
public struct AttributeSpec: Sendable, Hashable {
    public enum ValueType: Sendable, Hashable {
        case flag
        case percent
        case duration
        /// A whole number, at least `minimum`.
        case count(minimum: Int)
        /// A whole number (at least `minimum`) or `unbounded`.
        case countOrUnbounded(minimum: Int)
        case rate
        case choice([String])
        /// The name of a declared participant of one of these kinds.
        case participant([ParticipantKind])
        case stringOrName
        case string

        public var summary: String {
            switch self {
            case .flag: "a flag (no value)"
            case .percent: "a percentage such as 99.9%"
            case .duration: "a duration such as 250ms, 2s, 1.5m or 1h"
            case .count(let minimum): minimum == 0 ? "a whole number" : "a whole number of at least \(minimum)"
            case .countOrUnbounded: "a whole number or 'unbounded'"
            case .rate: "a rate such as 100/s or 6000/m"
            case .choice(let values): values.map { "'\($0)'" }.joined(separator: ", ")
            case .participant(let kinds): "the name of a \(kinds.map(\.rawValue).joined(separator: " or "))"
            case .stringOrName: "a string or a name"
            case .string: "a string"
            }
        }
    }

    public var key: String
    public var valueType: ValueType
    /// For participant attributes: the kinds it applies to.
    public var kinds: [ParticipantKind]
    public var summary: String
    /// A duration that must be longer than zero: a timeout, budget, interval or time to live of
    /// zero would mean nothing.
    var positive: Bool
    /// Where the model keeps the value: a key path into what the site builds (a participant's
    /// or an interaction's attributes, a group, a flow, a loop). Its type decides how the
    /// decoded value converts (see `AttributeValue`), so an attribute is this one entry.
    let property: AttributeProperty

    /// `set`: how to write a computed property (see `AttributeProperty`).
    init<Root, Value: AttributeValue>(key: String, valueType: ValueType, kinds: [ParticipantKind], summary: String,
                                      positive: Bool = false, property: WritableKeyPath<Root, Value> & Sendable,
                                      set: (@Sendable (inout Root, Value) -> Void)? = nil) {
        self.key = key
        self.valueType = valueType
        self.kinds = kinds
        self.summary = summary
        self.positive = positive
        self.property = AttributeProperty(property, set: set)
    }
}

/// Where an attribute list is written.
public enum AttributeSite: Sendable, Hashable {
    case participant(ParticipantKind)
    case interaction
    case group
    case flow
    case fragment(FragmentSyntax.Kind)
    /// A `scenario` header.
    case scenario

    public var description: String {
        switch self {
        case .participant(let kind): "a \(kind.rawValue)"
        case .interaction: "an interaction"
        case .group: "a group"
        case .flow: "a flow"
        case .fragment(let kind): "'\(kind.rawValue)'"
        case .scenario: "a scenario"
        }
    }
}

public enum AttributeSchema {
    // Which kinds take an attribute is the kind table's to say (`ParticipantKind.traits`): each
    // list below is one attribute family, read off that table.
    static let all = ParticipantKind.allCases
    static let callable = ParticipantKind.taking(.idempotence)
    static let active = ParticipantKind.taking(.flowControl)
    static let timed = ParticipantKind.taking(.defaultTimeout)
    static let channels = ParticipantKind.taking(.channel)
    static let polling = ParticipantKind.taking(.polling)
    /// What a dead letter may go to: a channel whose messages each go to one consumer.
    static let pointToPointChannels = ParticipantKind.allCases.filter { $0.role == .channel(.pointToPoint) }
    static let stations = ParticipantKind.taking(.station)
    /// What has servers: whatever takes flow control, and every station — a store's connection
    /// pool is the classic bottleneck a simulation must be able to state.
    static let servers = ParticipantKind.allCases.filter { $0.takes(.flowControl) || $0.takes(.station) }

    public static let participant: [AttributeSpec] = [
        .init(key: "availability", valueType: .percent, kinds: all, summary: "its own availability, for availability math",
              property: \ParticipantAttributes.availability),
        .init(key: "slo", valueType: .percent, kinds: all, summary: "the availability its callers are promised",
              property: \ParticipantAttributes.slo),
        .init(key: "latency", valueType: .duration, kinds: all, summary: "typical time to handle one request",
              property: \ParticipantAttributes.latency),
        .init(key: "idempotent", valueType: .flag, kinds: callable, summary: "every operation it receives is idempotent",
              property: \ParticipantAttributes.idempotent),
        .init(key: "concurrency", valueType: .count(minimum: 1), kinds: servers, summary: "how many requests it handles at once",
              property: \ParticipantAttributes.concurrency),
        .init(key: "rate-limit", valueType: .rate, kinds: active, summary: "how many requests per time unit it accepts",
              property: \ParticipantAttributes.rateLimit),
        .init(key: "timeout", valueType: .duration, kinds: timed, summary: "default timeout of sync interactions to it", positive: true,
              property: \ParticipantAttributes.timeout),
        .init(key: "delivery", valueType: .choice(Delivery.allCases.map(\.rawValue)), kinds: channels, summary: "delivery guarantee (default at-least-once)",
              property: \ParticipantAttributes.delivery),
        .init(key: "order", valueType: .choice(Ordering.allCases.map(\.rawValue)), kinds: channels, summary: "ordering guarantee (default unordered)",
              property: \ParticipantAttributes.order),
        .init(key: "capacity", valueType: .countOrUnbounded(minimum: 1), kinds: channels, summary: "how many messages it holds",
              property: \ParticipantAttributes.capacity),
        .init(key: "overflow", valueType: .choice(Overflow.allCases.map(\.rawValue)), kinds: channels, summary: "what happens when full",
              property: \ParticipantAttributes.overflow),
        .init(key: "ttl", valueType: .duration, kinds: channels, summary: "message expiration", positive: true,
              property: \ParticipantAttributes.ttl),
        .init(key: "dlq", valueType: .participant(pointToPointChannels), kinds: channels, summary: "dead-letter channel",
              property: \ParticipantAttributes.dlq),
        .init(key: "max-receives", valueType: .count(minimum: 1), kinds: channels, summary: "redeliveries before dead-lettering",
              property: \ParticipantAttributes.maxReceives),
        .init(key: "push", valueType: .flag, kinds: channels, summary: "the broker delivers instead of consumers polling",
              property: \ParticipantAttributes.push),
        .init(key: "interval", valueType: .duration, kinds: polling, summary: "polling interval", positive: true,
              property: \ParticipantAttributes.interval),
        .init(key: "batch", valueType: .count(minimum: 1), kinds: polling, summary: "messages per fetch",
              property: \ParticipantAttributes.batch),
        .init(key: "backlog", valueType: .countOrUnbounded(minimum: 0), kinds: stations, summary: "the longest waiting line; attempts beyond it are rejected at once (simulation)",
              property: \ParticipantAttributes.backlog),
        .init(key: "owner", valueType: .stringOrName, kinds: all, summary: "owning team",
              property: \ParticipantAttributes.owner),
    ]

    public static let interaction: [AttributeSpec] = [
        .init(key: "timeout", valueType: .duration, kinds: [], summary: "how long the initiator waits (sync only)", positive: true,
              property: \InteractionAttributes.timeout, set: { $0.timeout = $1 }),
        .init(key: "retries", valueType: .countOrUnbounded(minimum: 0), kinds: [], summary: "retries after the first attempt",
              property: \InteractionAttributes.retries, set: { $0.retries = $1 }),
        .init(key: "backoff", valueType: .choice(Backoff.allCases.map(\.rawValue)), kinds: [], summary: "delay between retries",
              property: \InteractionAttributes.backoff),
        .init(key: "backoff-base", valueType: .duration, kinds: [], summary: "the delay before the first retry (simulation; default 100ms)",
              property: \InteractionAttributes.backoffBase, set: { $0.backoffBase = $1 }),
        .init(key: "backoff-cap", valueType: .duration, kinds: [], summary: "the longest delay between retries (simulation; default 10s)",
              property: \InteractionAttributes.backoffCap, set: { $0.backoffCap = $1 }),
        .init(key: "jitter", valueType: .flag, kinds: [], summary: "randomised delay between retries",
              property: \InteractionAttributes.jitter),
        .init(key: "circuit-breaker", valueType: .flag, kinds: [], summary: "the initiator stops calling after repeated failures",
              property: \InteractionAttributes.circuitBreaker),
        .init(key: "idempotent", valueType: .flag, kinds: [], summary: "this operation is idempotent",
              property: \InteractionAttributes.idempotent),
        .init(key: "latency", valueType: .duration, kinds: [], summary: "typical latency of this interaction",
              property: \InteractionAttributes.latency, set: { $0.latency = $1 }),
        .init(key: "budget", valueType: .duration, kinds: [], summary: "the longest the initiator may wait end-to-end (sync only)", positive: true,
              property: \InteractionAttributes.budget, set: { $0.budget = $1 }),
        .init(key: "ordered", valueType: .flag, kinds: [], summary: "the initiator relies on receiving messages in order",
              property: \InteractionAttributes.ordered),
        .init(key: "correlation", valueType: .stringOrName, kinds: [], summary: "the correlation identifier carried by a request or reply",
              property: \InteractionAttributes.correlation, set: { $0.correlation = $1 }),
        .init(key: "reply-to", valueType: .participant(channels), kinds: [], summary: "return address for the reply",
              property: \InteractionAttributes.replyTo, set: { $0.replyTo = $1 }),
    ]

    public static let group: [AttributeSpec] = [
        .init(key: "owner", valueType: .stringOrName, kinds: [], summary: "owning team of every member",
              property: \ParticipantGroup.owner),
    ]

    public static let flow: [AttributeSpec] = [
        .init(key: "description", valueType: .string, kinds: [], summary: "what the flow shows (used as the diagram's description)",
              property: \Flow.description),
    ]

    public static let loop: [AttributeSpec] = [
        .init(key: "times", valueType: .count(minimum: 1), kinds: [], summary: "how many iterations to assume for latency arithmetic",
              property: \Fragment.times),
    ]

    /// `opt` and each branch of `alt` (`else` too).
    public static let branch: [AttributeSpec] = [
        .init(key: "p", valueType: .percent, kinds: [], summary: "the chance this branch runs (simulation)",
              property: \Fragment.Branch.probability),
    ]

    public static let scenario: [AttributeSpec] = [
        .init(key: "duration", valueType: .duration, kinds: [], summary: "how long the scenario runs (required)",
              property: \Scenario.duration),
        .init(key: "warmup", valueType: .duration, kinds: [], summary: "the start left out of the statistics (default a tenth of the duration)",
              property: \Scenario.warmup),
        .init(key: "seed", valueType: .count(minimum: 0), kinds: [], summary: "the random seed: the same seed gives the same run (default 1)",
              property: \Scenario.seed),
    ]

    /// The participant attributes each kind takes, filtered once (every declaration asks).
    static let participantSpecs: [ParticipantKind: [AttributeSpec]] = Dictionary(
        uniqueKeysWithValues: ParticipantKind.allCases.map { kind in (kind, participant.filter { $0.kinds.contains(kind) }) })

    /// The attributes allowed at a site.
    public static func specs(for site: AttributeSite) -> [AttributeSpec] {
        switch site {
        case .participant(let kind): participantSpecs[kind] ?? []
        case .interaction: interaction
        case .group: group
        case .flow: flow
        case .fragment(.loop): loop
        case .fragment(.opt), .fragment(.alt): branch
        case .fragment: []
        case .scenario: scenario
        }
    }

    /// Every key that exists somewhere for this kind of site, applicable or not (for messages
    /// like "'push' applies to queue and topic, not service").
    static func anySpec(key: String, site: AttributeSite) -> AttributeSpec? {
        switch site {
        case .participant: participant.first { $0.key == key }
        default: specs(for: site).first { $0.key == key }
        }
    }
}
