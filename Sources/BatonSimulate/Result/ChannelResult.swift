import BatonModel
import BatonSyntax

/// Every message of one queue or topic, accounted for over the whole scenario (warm-up
/// included): `sent = delivered + dropped + expired + deadLettered + left`.
///
/// A topic counts copies: each message published is one copy per subscriber.
public struct ChannelResult: Hashable, Sendable {
    public var participant: ParticipantID
    public var name: String
    public var kind: ParticipantKind
    /// Sends the channel accepted (one per send, whatever the number of subscribers).
    public var published: Figure
    /// Messages (copies) that entered it, or were dropped at the door by `drop-newest`.
    public var sent: Figure
    /// Sends refused: full with `overflow=reject`, or the channel was down. Not in `sent`.
    public var rejected: Figure
    /// Messages whose handling succeeded, or that an at-most-once channel handed over.
    public var delivered: Figure
    /// Messages discarded by overflow (`drop-newest`, `drop-oldest`), or lost by an at-most-once
    /// channel whose consumer failed.
    public var dropped: Figure
    /// Messages that waited longer than `ttl`.
    public var expired: Figure
    /// Messages that failed `max-receives` times: moved to the dead-letter queue, or discarded
    /// when the channel has none.
    public var deadLettered: Figure
    /// Messages still there at the end: waiting, being handled, or waiting to be redelivered.
    public var left: Figure
    /// Times a message whose handling failed was put back (not in the sum above).
    public var redelivered: Figure
    /// Most messages waiting at once (all subscribers' copies).
    public var maxDepth: Figure
    /// Mean messages waiting (all subscribers' copies), over the whole scenario.
    public var meanDepth: Figure

    public init(participant: ParticipantID, name: String, kind: ParticipantKind, published: Figure, sent: Figure,
                rejected: Figure, delivered: Figure, dropped: Figure, expired: Figure, deadLettered: Figure,
                left: Figure, redelivered: Figure, maxDepth: Figure, meanDepth: Figure) {
        self.participant = participant
        self.name = name
        self.kind = kind
        self.published = published
        self.sent = sent
        self.rejected = rejected
        self.delivered = delivered
        self.dropped = dropped
        self.expired = expired
        self.deadLettered = deadLettered
        self.left = left
        self.redelivered = redelivered
        self.maxDepth = maxDepth
        self.meanDepth = meanDepth
    }
}
