import Foundation

/// Fans events out to every client subscribed to a topic (a design's relative path).
///
/// Publishing appends to each subscriber's bounded queue and returns: it never writes to a
/// socket, so one slow or stuck client cannot hold up the others or the watcher that publishes.
public final class EventHub: @unchecked Sendable {
    private let lock = NSLock()
    private var subscriptions: [ObjectIdentifier: EventSubscription] = [:]
    private var order: [ObjectIdentifier] = []
    private var closed = false
    /// How many events may wait for one client before it is dropped.
    public let queueCapacity: Int

    public init(queueCapacity: Int = 32) {
        self.queueCapacity = queueCapacity
    }

    /// A new subscription to `topic`; it ends at once if the hub is closed.
    public func subscribe(topic: String) -> EventSubscription {
        let subscription = EventSubscription(topic: topic, capacity: queueCapacity)
        lock.withLock {
            if closed {
                subscription.end()
            } else {
                let id = ObjectIdentifier(subscription)
                subscriptions[id] = subscription
                order.append(id)
            }
        }
        return subscription
    }

    public func unsubscribe(_ subscription: EventSubscription) {
        subscription.end()
        lock.withLock {
            let id = ObjectIdentifier(subscription)
            subscriptions[id] = nil
            order.removeAll { $0 == id }
        }
    }

    /// Queues `event` for every subscriber of `topic`, in the order they subscribed.
    public func publish(_ event: ServerSentEvent, topic: String) {
        let targets = lock.withLock { order.compactMap { subscriptions[$0] }.filter { $0.topic == topic } }
        for target in targets { target.enqueue(event) }
    }

    /// How many clients are subscribed (to `topic`, when given).
    public func subscriberCount(topic: String? = nil) -> Int {
        lock.withLock { order.compactMap { subscriptions[$0] }.count { topic == nil || $0.topic == topic } }
    }

    /// Ends every stream; later subscriptions end at once.
    public func close() {
        let all = lock.withLock {
            closed = true
            let all = order.compactMap { subscriptions[$0] }
            subscriptions = [:]
            order = []
            return all
        }
        for subscription in all { subscription.end() }
    }
}
