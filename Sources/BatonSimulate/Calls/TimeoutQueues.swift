/// Attempt timeouts, one FIFO per interaction.
///
/// Most attempts finish before their timeout, so scheduling one event per attempt would fill the
/// event heap with timeouts that never matter (thousands at a thousand runs per second). But an
/// interaction's timeout is the same for every attempt, so its deadlines come in the order the
/// attempts started: each interaction keeps them in a FIFO, and only its earliest live deadline
/// is an event. Stale entries (the attempt already ended) are dropped when they reach the front.
/// A deadline shortened by a `budget` breaks the order and is scheduled as its own event.
struct TimeoutQueues: Sendable {
    struct Entry: Sendable {
        var deadline: Double
        var call: Int32
        var attempt: Int32
        var generation: UInt32
    }

    private var entries: [[Entry]]
    private var heads: [Int]
    /// The deadline of the event pending for each interaction (infinity: none).
    private(set) var scheduled: [Double]

    init(sites: Int) {
        entries = Array(repeating: [], count: sites)
        heads = Array(repeating: 0, count: sites)
        scheduled = Array(repeating: .infinity, count: sites)
    }

    /// Adds a deadline; true when the interaction needs an event for it (none pending).
    mutating func push(site: Int, _ entry: Entry) -> Bool {
        entries[site].append(entry)
        return scheduled[site] == .infinity
    }

    mutating func markScheduled(site: Int, at time: Double) { scheduled[site] = time }

    /// The first entry, without removing it.
    func first(site: Int) -> Entry? {
        heads[site] < entries[site].count ? entries[site][heads[site]] : nil
    }

    mutating func removeFirst(site: Int) {
        heads[site] += 1
        if heads[site] >= entries[site].count {
            entries[site].removeAll(keepingCapacity: true)
            heads[site] = 0
        } else if heads[site] > 1024 && heads[site] * 2 > entries[site].count {
            entries[site].removeFirst(heads[site])
            heads[site] = 0
        }
    }
}
