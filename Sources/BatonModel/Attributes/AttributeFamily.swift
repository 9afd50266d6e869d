/// The participant attributes that only some kinds take, in families of attributes that go
/// together (docs/language.md#participant-attributes). The kind table says which families each
/// kind takes (`ParticipantKind.Traits.attributes`); the attribute table says which family each
/// attribute belongs to (`AttributeSchema.participant`). Attributes every kind takes
/// (`availability`, `slo`, `latency`, `owner`) belong to none.
public enum AttributeFamily: Hashable, Sendable, CaseIterable {
    /// `idempotent`: every operation it receives is idempotent.
    case idempotence
    /// `concurrency` and `rate-limit`: how much work it accepts, a consumer's flow control.
    case flowControl
    /// `timeout`: the default timeout of sync interactions to it.
    case defaultTimeout
    /// `delivery`, `order`, `capacity`, `overflow`, `ttl`, `dlq`, `max-receives`, `push`: a
    /// channel's guarantees and flow control.
    case channel
    /// `interval` and `batch`: how it polls.
    case polling
    /// `backlog`: the longest waiting line of a station the simulator queues work at.
    case station
}
