/// Attempt timeouts, one FIFO per interaction.
///
/// Most attempts finish before their timeout, so scheduling one event per attempt would fill the
/// event heap with timeouts that never matter (thousands at a thousand runs per second). But an
/// interaction's timeout is the same for every attempt, so its deadlines come in the order the
/// attempts started: each interaction keeps them in a FIFO, and only its earliest live deadline
/// is an event. Stale entries (the attempt already ended) are dropped when they reach the front.
/// A deadline shortened by a `budget` breaks the order and is scheduled as its own event.
///
/// Every attempt with a timeout passes through here, so the FIFOs are linked lists through one
/// pool of nodes with a free list (a push or a removal is a few loads and stores), rather than
/// an array of arrays, which paid copy-on-write checks on every push and moved its elements when
/// it compacted.
struct TimeoutQueues {
    struct Entry {
        var deadline: Double
        var call: Int32
        var attempt: Int32
        var generation: UInt32
    }

    private struct Node {
        var entry: Entry
        /// The next node of the FIFO (or of the free list), or -1.
        var next: Int
    }

    private var nodes = SlotTable<Node>(capacity: 256)
    private var freeNode = -1
    /// Per interaction: its FIFO's first and last node, or -1.
    private var heads: SlotTable<Int>
    private var tails: SlotTable<Int>
    /// The deadline of the event pending for each interaction (infinity: none).
    private var scheduled: SlotTable<Double>

    init(sites: Int) {
        heads = SlotTable(repeating: -1, count: sites)
        tails = SlotTable(repeating: -1, count: sites)
        scheduled = SlotTable(repeating: .infinity, count: sites)
    }

    /// Adds a deadline; true when the interaction needs an event for it (none pending).
    mutating func push(site: Int, _ entry: Entry) -> Bool {
        let node: Int
        if freeNode >= 0 {
            node = freeNode
            freeNode = nodes[node].next
            nodes[node] = Node(entry: entry, next: -1)
        } else {
            node = nodes.count
            nodes.append(Node(entry: entry, next: -1))
        }
        if tails[site] >= 0 {
            nodes[tails[site]].next = node
        } else {
            heads[site] = node
        }
        tails[site] = node
        return scheduled[site] == .infinity
    }

    mutating func markScheduled(site: Int, at time: Double) { scheduled[site] = time }

    /// The first entry, without removing it.
    mutating func first(site: Int) -> Entry? {
        let head = heads[site]
        return head >= 0 ? nodes[head].entry : nil
    }

    mutating func removeFirst(site: Int) {
        let head = heads[site]
        guard head >= 0 else { return }
        heads[site] = nodes[head].next
        if heads[site] < 0 { tails[site] = -1 }
        nodes[head].next = freeNode
        freeNode = head
    }
}
