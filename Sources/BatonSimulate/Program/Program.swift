import BatonModel

// The executable form of a design under a scenario: what the engine runs.
//
// `ProgramBuilder` lowers the Model (which it never changes) into flat arrays addressed by
// integers: step trees as nodes, every interaction as a call site, every participant as a
// station, every queue and topic as a channel with one lane per subscription, and the standing
// consumers. The engine then never looks anything up by name or in a dictionary.

/// The lowered design and scenario.
struct Program: Sendable {
    var duration: Double
    var warmup: Double
    /// Step trees: flows, blocks and fragments.
    var nodes: [ProgramNode] = []
    /// The children of sequence, parallel and choice nodes, each node's contiguous.
    var nodeChildren: [Int] = []
    /// For choice nodes, parallel to `nodeChildren`: the cumulative probability up to and
    /// including that branch (the last is at most 1; what remains means "no branch runs").
    var choiceThresholds: [Double] = []
    /// One per interaction of the model (index = `InteractionID.rawValue`).
    var sites: [Site] = []
    /// One per participant (index = `ParticipantID.rawValue`).
    var stations: [StationSpec] = []
    var channels: [ChannelSpec] = []
    /// Participant → index in `channels`, or -1.
    var channelOfParticipant: [Int] = []
    var lanes: [LaneSpec] = []
    var consumers: [ConsumerSpec] = []
    /// Per flow (index = `FlowID.rawValue`): the node its runs execute.
    var flowRoots: [Int] = []
    var arrivals: [ArrivalProcess] = []
    var faults = FaultSchedule()
    /// How many interactions declare `circuit-breaker` (each has its own breaker).
    var breakerCount = 0
}

/// One node of a step tree.
enum ProgramNode: Sendable {
    /// Steps one after another; the first failure fails the sequence.
    case sequence(first: Int, count: Int)
    /// One interaction (`site` indexes `Program.sites`).
    case step(site: Int)
    /// The body `times` times in a row.
    case loop(times: Int, body: Int)
    /// Every branch at once; done when all are, failed when one failed.
    case parallel(first: Int, count: Int)
    /// One branch drawn by probability (or none).
    case choice(first: Int, count: Int)
}

/// An interaction as the engine executes it.
struct Site: Sendable {
    enum Mode: UInt8, Sendable {
        /// A sync call (or fetch) to a station: the initiator waits.
        case call
        /// A message into a queue or topic.
        case send
        /// An async send or callback straight to a station: the sender does not wait.
        case deliver
        /// A fetch from a channel inside a block: takes one message, waiting up to the timeout.
        case fetch
        /// A standing consumer's interaction (a top-level fetch from a channel or a push
        /// delivery): never executed as a step, but its receives are counted here.
        case consume
        /// Not executed (a note-like step, or an interaction the engine has no role for).
        case inert
    }

    var mode: Mode = .inert
    var interaction: Int
    var initiator: Int
    /// The passive end (participant).
    var target: Int
    /// The channel of a send or fetch, else -1.
    var channel = -1
    /// The lane a fetch takes from, else -1.
    var lane = -1
    /// Mean handling time at the passive end, seconds.
    var meanHandling: Double = 0
    /// How long the initiator waits for one attempt, seconds (infinity: for ever).
    var timeout = Double.infinity
    /// How long the initiator waits over all attempts, seconds (infinity: no budget).
    var budget = Double.infinity
    /// retries + 1 (Int.max: unbounded).
    var maxAttempts = 1
    var backoff: Backoff = .none
    var backoffBase = InteractionAttributes.defaultBackoffBase
    var backoffCap = InteractionAttributes.defaultBackoffCap
    var jitter = false
    /// Index of its circuit breaker, or -1.
    var breaker = -1
    /// What the passive end does while handling it (a node), or -1.
    var block = -1
}

/// A participant as a place where work is done: servers and a FIFO waiting line.
struct StationSpec: Sendable {
    /// Servers (Int.max: unbounded).
    var servers: Int
    /// The longest waiting line (Int.max: unbounded).
    var backlog: Int
    /// Accepted attempts per second (token bucket, burst of one second's worth), when limited.
    var rateLimit: Double?
    /// The chance each handling fails after its handling time (1 − availability).
    var failureProbability: Double
    /// Standing consumers (not drivers) that run on this participant's servers.
    var consumers: [Int] = []
    /// Reported among the participants (services, externals, stores and drivers).
    var isReported: Bool
}

/// A queue or topic.
struct ChannelSpec: Sendable {
    var participant: Int
    var isTopic: Bool
    /// Messages a lane holds (Int.max: unbounded).
    var capacity: Int
    var overflow: Overflow
    /// Seconds a message may wait (infinity: for ever).
    var ttl: Double
    /// The dead-letter channel's index, or -1.
    var deadLetter: Int
    /// Receives before a failing message is dead-lettered (Int.max: unbounded).
    var maxReceives: Int
    var atMostOnce: Bool
    /// Ordered channels put a redelivered message back at the front.
    var ordered: Bool
    var lanes: [Int] = []
}

/// Where a channel's messages wait for one consumer group: the queue itself, or one topic
/// subscriber's copy of the stream.
struct LaneSpec: Sendable {
    var channel: Int
    /// The subscribing participant (topics), or -1 (queues).
    var subscriber: Int
    /// Standing consumers that take as soon as they can (pollers and push deliveries).
    var consumers: [Int] = []
}

/// A standing process that consumes a lane for the whole scenario.
struct ConsumerSpec: Sendable {
    enum Kind: UInt8, Sendable {
        /// A participant that fetches as soon as a message and one of its servers are free.
        case poller
        /// A driver: every `interval`, up to `batch` messages per free server.
        case driver
        /// A push channel delivering to the participant within its concurrency and rate limit.
        case push
    }

    var kind: Kind
    /// Whose servers do the handling.
    var participant: Int
    var lane: Int
    /// The consuming interaction (its site counts the receives).
    var site: Int
    /// What handling a message runs (a node), or -1.
    var handling: Int
    /// Mean handling time, seconds.
    var meanHandling: Double
    /// A sync push waits this long for the consumer before redelivering (infinity: for ever).
    var timeout: Double
    /// Drivers: seconds between polls.
    var interval: Double
    /// Drivers: messages per poll and server.
    var batch: Int
}

/// Poisson arrivals of one flow: a piecewise constant rate.
struct ArrivalProcess: Sendable {
    var flow: Int
    var segments: [RateSegment]
}

/// Arrivals per second over [start, end).
struct RateSegment: Hashable, Sendable {
    var start: Double
    var end: Double
    var rate: Double
}
