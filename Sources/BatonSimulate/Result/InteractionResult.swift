import BatonModel
import BatonSyntax

/// What the initiator of one interaction did and what it got (measured part).
public struct InteractionResult: Hashable, Sendable {
    /// How the engine executed it.
    public enum Role: String, Hashable, Sendable {
        /// A sync call or fetch to a station: the initiator waits for each attempt.
        case call
        /// A message into a queue or topic.
        case send
        /// `->>` or `~>` straight to a station: delivered with retries, nobody waits.
        case delivery
        /// A fetch from a channel inside a block.
        case fetch
        /// A standing consumer of a channel (a top-level fetch, or a push delivery): an
        /// attempt is one receive of a message, a first attempt its first receive.
        case consumer
    }

    public var interaction: InteractionID
    public var from: ParticipantID
    public var to: ParticipantID
    public var fromName: String
    public var toName: String
    public var label: String?
    /// Where it is written (for the line number).
    public var span: Span
    public var role: Role
    /// Operations started: each call's first attempt (consumers: first receives).
    public var firstAttempts: Figure
    /// Attempts that reached the passive end: first attempts and retries, without those an open
    /// circuit breaker failed at once (consumers: every receive, redeliveries included).
    public var attempts: Figure
    /// attempts ÷ first attempts: the load this interaction puts on its passive end per
    /// operation; nil without first attempts.
    public var amplification: Figure?
    /// Attempts that succeeded.
    public var successes: Figure
    /// Attempts that failed with an error (availability, `errors` fault, a failed step inside).
    public var failures: Figure
    /// Attempts the initiator stopped waiting for (their work went on: wasted work).
    public var timeouts: Figure
    /// Attempts refused at once: down, waiting line full, rate limit, channel full.
    public var rejections: Figure
    /// Attempts an open circuit breaker failed without sending them.
    public var shortCircuited: Figure
    /// Times its circuit breaker opened (from closed, or again from half-open).
    public var breakerOpenings: Figure

    public init(interaction: InteractionID, from: ParticipantID, to: ParticipantID, fromName: String, toName: String,
                label: String?, span: Span, role: Role, firstAttempts: Figure, attempts: Figure, amplification: Figure?,
                successes: Figure, failures: Figure, timeouts: Figure, rejections: Figure, shortCircuited: Figure,
                breakerOpenings: Figure) {
        self.interaction = interaction
        self.from = from
        self.to = to
        self.fromName = fromName
        self.toName = toName
        self.label = label
        self.span = span
        self.role = role
        self.firstAttempts = firstAttempts
        self.attempts = attempts
        self.amplification = amplification
        self.successes = successes
        self.failures = failures
        self.timeouts = timeouts
        self.rejections = rejections
        self.shortCircuited = shortCircuited
        self.breakerOpenings = breakerOpenings
    }
}
