import Foundation

/// One client's place on the hub: a bounded queue of events waiting to be written.
///
/// The hub only ever appends under this queue's lock and never waits on a client, so a client
/// that stops reading cannot slow the others: once its queue is full it is marked overflowed,
/// and its own connection thread ends it.
public final class EventSubscription: @unchecked Sendable {
    public let topic: String
    let capacity: Int
    private let condition = NSCondition()
    private var queue: [ServerSentEvent] = []
    private var overflowed = false
    private var ended = false

    init(topic: String, capacity: Int) {
        self.topic = topic
        self.capacity = capacity
    }

    public enum Next: Sendable, Equatable {
        case event(ServerSentEvent)
        /// Nothing arrived in time.
        case idle
        /// The hub closed, or the client fell too far behind: the stream ends.
        case ended
    }

    /// Adds an event; a full queue marks the client as fallen behind instead of growing.
    func enqueue(_ event: ServerSentEvent) {
        condition.lock()
        defer { condition.unlock() }
        guard !ended, !overflowed else { return }
        if queue.count >= capacity {
            overflowed = true
        } else {
            queue.append(event)
        }
        condition.signal()
    }

    func end() {
        condition.lock()
        ended = true
        condition.signal()
        condition.unlock()
    }

    /// The next event, waiting at most `timeout` seconds.
    public func next(timeout: TimeInterval) -> Next {
        condition.lock()
        defer { condition.unlock() }
        let deadline = Date().addingTimeInterval(timeout)
        while queue.isEmpty, !ended, !overflowed {
            if !condition.wait(until: deadline) { break }
        }
        if ended || overflowed { return .ended }
        if queue.isEmpty { return .idle }
        return .event(queue.removeFirst())
    }
}
