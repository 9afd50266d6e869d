// The engine's mutable state, as plain structs in tables (`SlotTable`) addressed by integers. Slots are
// reused through free lists; a generation number per slot tells a live reference from one to a
// slot that has since been reused, so events and waiting lists never need to be cancelled.

/// How an attempt, a step or a handling ended.
enum Outcome: UInt8, Sendable {
    case success
    /// An error: the availability draw, an `errors` fault, or a failed step in the block.
    case failure
    /// The initiator stopped waiting.
    case timeout
    /// Refused at once: down, backlog full, rate limit, full channel that rejects.
    case rejected
    /// Failed at once by the initiator's own open circuit breaker.
    case shortCircuited

    var isSuccess: Bool { self == .success }
}

enum TaskKind: UInt8, Sendable {
    case free
    /// Steps in order (`counter`: the step running).
    case sequence
    /// A loop (`counter`: iterations done).
    case loop
    /// `par` (`counter`: branches still running).
    case parallel
    /// An interaction with its attempts, backoff and retries (`counter`: attempts made).
    case call
    /// One attempt at a station: waiting in line, being handled, then running its block.
    case attempt
    /// A standing consumer handling one message or a driver's batch.
    case handling
    /// A fetch from a channel inside a block.
    case fetch
}

/// Flags of a task: a plain bit set (not an OptionSet, whose generic code is slow in debug
/// builds, where the tests run).
struct TaskFlags: Sendable, Equatable {
    var rawValue: UInt8

    /// A step failed (parallel: a branch failed).
    static let failed = TaskFlags(rawValue: 1)
    /// Its caller gave up: the work goes on, but nobody waits for it any more.
    static let abandoned = TaskFlags(rawValue: 2)
    /// It holds one of its station's servers.
    static let holdsServer = TaskFlags(rawValue: 4)
    /// The attempt is its breaker's half-open probe.
    static let probe = TaskFlags(rawValue: 8)
    /// The task is a run's flow (its sequence, or the call of a one-step flow): its end is the
    /// run's response.
    static let root = TaskFlags(rawValue: 16)
    /// A call nobody waits for (`->>` or `~>` to a station).
    static let detached = TaskFlags(rawValue: 32)
    /// A fetch waiting on an empty channel, or a send waiting for room.
    static let parked = TaskFlags(rawValue: 64)
    static let none = TaskFlags(rawValue: 0)

    @inline(__always) func contains(_ flag: TaskFlags) -> Bool { rawValue & flag.rawValue != 0 }
    @inline(__always) mutating func insert(_ flag: TaskFlags) { rawValue |= flag.rawValue }
    @inline(__always) mutating func remove(_ flag: TaskFlags) { rawValue &= ~flag.rawValue }
}

struct TaskState: Sendable {
    var kind: TaskKind = .free
    var flags = TaskFlags.none
    var generation: UInt32 = 0
    var parent = -1
    var parentGeneration: UInt32 = 0
    var run = -1
    /// sequence/loop/parallel: the node; call/attempt/fetch: the site; handling: the consumer.
    var node = -1
    var counter = 0
    /// call (a send under backpressure): copies still waiting for room.
    var pending = 0
    /// call: the attempt in progress.
    var child = -1
    var childGeneration: UInt32 = 0
    /// attempt/handling: the participant whose server it uses.
    var station = -1
    /// Link in a station's waiting line (or in the free list).
    var next = -1
    /// handling/fetch: the message (a driver's batch is a list through `MessageState.next`).
    var message = -1
    /// attempt: when it reached the station; call: when it started.
    var arrived = 0.0
    /// attempt/handling: when its server was taken.
    var started = 0.0
    /// call: the budget's end.
    var deadline = Double.infinity
    /// Traced runs only (`SpanLog`): the span this task's steps are children of (an attempt's:
    /// its client span, then its server span), and the span it closes when it ends (a call's:
    /// the attempt in progress). -1: none.
    var span: Int32 = -1
    var openSpan: Int32 = -1
}

/// One run of a flow: alive while anything it caused is.
struct RunState: Sendable {
    var flow = 0
    var arrival = 0.0
    /// Tasks and messages that belong to it.
    var references = 0
    var generation: UInt32 = 0
    var responded = false
    var succeeded = false
    /// Its trace's slot in the `SpanLog`, or -1 when it is not traced.
    var trace: Int32 = -1
    /// The free list's link while the slot is unused.
    var nextFree = -1
}

struct MessageState: Sendable {
    var run = -1
    var lane = -1
    /// When it was sent (its time to live counts from here).
    var created = 0.0
    var receives = 0
    /// Link in a lane, or in a driver's batch.
    var next = -1
    var generation: UInt32 = 0
    var live = false
    /// Traced runs only: the span of the send that put it there (its consumer's parent), or -1.
    var span: Int32 = -1
}

/// A station's state: servers in use, the waiting line (a list through `TaskState.next`) and
/// its rate limiter.
struct StationState: Sendable {
    /// Servers now (a capacity fault lowers it).
    var servers: Int
    /// Handling time multiplier now (slow and capacity faults).
    var slowdown = 1.0
    var fault = FaultState.healthy
    var busy = 0
    var lineHead = -1
    var lineTail = -1
    var lineCount = 0
    var tokens = 0.0
    var tokensUpdated = 0.0
    /// Where the next search for a consumer with work starts (fairness between lanes).
    var consumerCursor = 0
}

/// A queue of (slot, generation) pairs: tasks waiting at a lane.
struct WaitingList: Sendable {
    private var items: [(slot: Int, generation: UInt32, message: Int)] = []
    private var head = 0

    var isEmpty: Bool { head >= items.count }

    mutating func append(slot: Int, generation: UInt32, message: Int = -1) {
        items.append((slot, generation, message))
    }

    mutating func popFirst() -> (slot: Int, generation: UInt32, message: Int)? {
        guard head < items.count else { return nil }
        let item = items[head]
        head += 1
        if head > 64 && head * 2 > items.count {
            items.removeFirst(head)
            head = 0
        }
        return item
    }
}

/// A lane's messages (a list through `MessageState.next`) and who waits on it.
struct LaneState: Sendable {
    var head = -1
    var tail = -1
    var count = 0
    var inFlight = 0
    /// Messages waiting to be redelivered.
    var delayed = 0
    var consumerCursor = 0
    var fetchers = WaitingList()
    var blockedSenders = WaitingList()
    var wakeUpScheduled = false
}

/// Message accounting of a channel (copies, for a topic), over the whole scenario.
struct ChannelCounters: Sendable {
    var published = 0
    var sent = 0
    var rejected = 0
    var delivered = 0
    var dropped = 0
    var expired = 0
    var deadLettered = 0
    var redelivered = 0
}
