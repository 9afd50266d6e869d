/// The future event list: a binary min-heap ordered by time, then by scheduling order.
///
/// There is no wall clock anywhere: the simulation jumps from one event to the next, and two
/// events at the same instant come out in the order they were scheduled, so a run is a pure
/// function of its inputs and seed.
struct EventQueue {
    private var heap = SlotTable<Event>(capacity: 1024)
    private var nextSequence: UInt64 = 0

    var count: Int { heap.count }
    var isEmpty: Bool { heap.isEmpty }

    mutating func schedule(_ kind: EventKind, at time: Double, target: Int, generation: UInt32 = 0, extra: Int = 0) {
        let event = Event(time: time, sequence: nextSequence, kind: kind, target: Int32(truncatingIfNeeded: target),
                          generation: generation, extra: Int32(truncatingIfNeeded: extra))
        nextSequence &+= 1
        heap.append(event)
        siftUp(heap.count - 1)
    }

    /// The earliest event, removed.
    mutating func pop() -> Event? {
        guard !heap.isEmpty else { return nil }
        let last = heap.removeLast()
        guard !heap.isEmpty else { return last }
        let first = heap[0]
        heap[0] = last
        siftDown(0)
        return first
    }

    private mutating func siftUp(_ start: Int) {
        var child = start
        let moving = heap[child]
        while child > 0 {
            let parent = (child - 1) >> 1
            guard moving.precedes(heap[parent]) else { break }
            heap[child] = heap[parent]
            child = parent
        }
        heap[child] = moving
    }

    private mutating func siftDown(_ start: Int) {
        var parent = start
        let moving = heap[parent]
        let count = heap.count
        while true {
            var child = 2 * parent + 1
            guard child < count else { break }
            if child + 1 < count, heap[child + 1].precedes(heap[child]) { child += 1 }
            guard heap[child].precedes(moving) else { break }
            heap[parent] = heap[child]
            parent = child
        }
        heap[parent] = moving
    }
}
