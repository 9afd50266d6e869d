/// Something that happens at one instant of simulated time.
///
/// A small value (no classes, no closures), so the event queue is one contiguous array and
/// scheduling allocates nothing. `target` and `generation` name the task, message, flow or
/// consumer the event is for; a generation that no longer matches means the thing it was for
/// has finished and its slot was reused, and the event is ignored.
struct Event: Sendable {
    /// The bits of the time (seconds from the start). Times are never negative (and never −0),
    /// and non-negative doubles order like their bit patterns, so comparing these orders by time
    /// with integer comparisons, which the heap can do without data-dependent branches.
    var timeBits: UInt64
    /// Scheduling order: breaks ties between events at the same instant, so the run never
    /// depends on how the heap happens to order equal times.
    var sequence: UInt64
    var kind: EventKind
    var target: Int32
    var generation: UInt32
    /// A kind-specific number (the attempt a timeout belongs to).
    var extra: Int32

    /// `time` must be ≥ 0 (or +infinity).
    @inline(__always)
    init(time: Double, sequence: UInt64, kind: EventKind, target: Int32, generation: UInt32, extra: Int32) {
        // Adding +0 turns a −0 into +0, whose bits order first.
        timeBits = (time + 0).bitPattern
        self.sequence = sequence
        self.kind = kind
        self.target = target
        self.generation = generation
        self.extra = extra
    }

    /// Seconds from the start of the scenario.
    @inline(__always)
    var time: Double { Double(bitPattern: timeBits) }

    /// Earlier, or at the same instant and scheduled first: (timeBits, sequence) below the
    /// other's, computed as a 128-bit subtraction whose borrow is the answer. Integer flags and
    /// no data-dependent branch: comparing `time`s with `||` and `&&` made the heap's sifting
    /// mispredict, a fifth of the five-hop benchmark's time.
    @inline(__always)
    func precedes(_ other: Event) -> Bool {
        let (_, lowBorrow) = sequence.subtractingReportingOverflow(other.sequence)
        let (high, highBorrow) = timeBits.subtractingReportingOverflow(other.timeBits)
        let (_, carriedBorrow) = high.subtractingReportingOverflow(lowBorrow ? 1 : 0)
        // At most one of the two happens: the subtraction as a whole borrowed.
        return highBorrow != carriedBorrow
    }
}

enum EventKind: UInt8, Sendable {
    /// The next arrival of a flow's Poisson process (`target`: the arrival process).
    case arrival
    /// A station's server, a consumer or an inline fetch finished its handling time (`target`: task).
    case handlingDone
    /// A sync attempt's caller stops waiting because its budget ran out (`target`: the call
    /// task; `extra`: the attempt).
    case attemptTimeout
    /// An interaction's earliest attempt deadline is due (`target`: the site; see TimeoutQueues).
    case timeoutCheck
    /// A call's backoff delay is over: try again (`target`: the call task).
    case retry
    /// A sync push delivery's consumer took too long: the channel redelivers (`target`: handling task).
    case deliveryTimeout
    /// A fetch waiting on an empty channel gives up (`target`: the fetch task).
    case fetchTimeout
    /// A driver polls its channel (`target`: the consumer).
    case driverTick
    /// A fault window starts or ends (`target`: the boundary's index).
    case faultBoundary
    /// A message whose handling failed becomes visible again (`target`: the message).
    case redelivery
    /// A push channel's rate-limited consumer has a token again (`target`: the lane).
    case pushWakeUp
    /// A statistics interval ends: expired messages are swept out of the channels.
    case intervalEnd
}
