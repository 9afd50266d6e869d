/// The future event list: a 4-ary min-heap ordered by time, then by scheduling order.
///
/// There is no wall clock anywhere: the simulation jumps from one event to the next, and two
/// events at the same instant come out in the order they were scheduled, so a run is a pure
/// function of its inputs and seed. (That order is total, so the shape of the heap never shows:
/// any correct heap pops the same sequence.)
///
/// Why 4-ary rather than binary: every event is pushed once and popped once, and popping costs
/// one level per sift step. Four children per node halve the levels; the four children sit next
/// to each other in memory, so comparing them costs about what two levels of a binary heap would.
/// In the five-hop benchmark (a heap of about a hundred events) the queue went from about a sixth
/// of the time to about a tenth.
struct EventQueue {
    private var heap = SlotTable<Event>(capacity: 1024)
    private var nextSequence: UInt64 = 0

    var count: Int { heap.count }
    var isEmpty: Bool { heap.isEmpty }

    mutating func schedule(_ kind: EventKind, at time: Double, target: Int, generation: UInt32 = 0, extra: Int = 0) {
        assert(time >= 0, "an event before the start")
        let event = Event(time: time, sequence: nextSequence, kind: kind, target: Int32(truncatingIfNeeded: target),
                          generation: generation, extra: Int32(truncatingIfNeeded: extra))
        nextSequence &+= 1
        heap.append(event)
        // Sift up: move parents down into the hole until the event's place is found.
        var hole = heap.count - 1
        while hole > 0 {
            let parent = (hole - 1) >> 2
            let above = heap[parent]
            guard event.precedes(above) else { break }
            heap[hole] = above
            hole = parent
        }
        heap[hole] = event
    }

    /// The earliest event, removed.
    mutating func pop() -> Event? {
        guard !heap.isEmpty else { return nil }
        let first = heap[0]
        let last = heap.removeLast()
        let count = heap.count
        guard count > 0 else { return first }
        // Sift down from the root's hole: move the earliest child up until `last` fits.
        var hole = 0
        while true {
            let firstChild = 4 * hole + 1
            guard firstChild < count else { break }
            // Compare in place and copy only the winner: an event is 32 bytes.
            var best = firstChild
            let end = Swift.min(firstChild + 4, count)
            var child = firstChild + 1
            while child < end {
                if heap[child].precedes(heap[best]) { best = child }
                child += 1
            }
            guard heap[best].precedes(last) else { break }
            heap[hole] = heap[best]
            hole = best
        }
        heap[hole] = last
        return first
    }
}
