/// Something that happens at one instant of simulated time.
///
/// A small value (no classes, no closures), so the event queue is one contiguous array and
/// scheduling allocates nothing. `target` and `generation` name the task, message, flow or
/// consumer the event is for; a generation that no longer matches means the thing it was for
/// has finished and its slot was reused, and the event is ignored.
struct Event: Sendable {
    /// Seconds from the start of the scenario.
    var time: Double
    /// Scheduling order: breaks ties between events at the same instant, so the run never
    /// depends on how the heap happens to order equal times.
    var sequence: UInt64
    var kind: EventKind
    var target: Int32
    var generation: UInt32
    /// A kind-specific number (the attempt a timeout belongs to).
    var extra: Int32

    @inline(__always)
    func precedes(_ other: Event) -> Bool {
        time < other.time || (time == other.time && sequence < other.sequence)
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
