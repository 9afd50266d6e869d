import BatonSyntax

/// Delivery guarantee of a channel (`delivery=`).
public enum Delivery: String, Sendable, CaseIterable, Hashable {
    case atMostOnce = "at-most-once"
    case atLeastOnce = "at-least-once"
    case exactlyOnce = "exactly-once"
}

/// Ordering guarantee of a channel (`order=`).
public enum Ordering: String, Sendable, CaseIterable, Hashable {
    case fifo
    case perKey = "per-key"
    case unordered
}

/// What a full channel does (`overflow=`).
public enum Overflow: String, Sendable, CaseIterable, Hashable {
    case backpressure
    case dropOldest = "drop-oldest"
    case dropNewest = "drop-newest"
    case reject
}

/// Delay between retries (`backoff=`).
public enum Backoff: String, Sendable, CaseIterable, Hashable {
    case none, fixed, exponential
}

/// A count that may be `unbounded` (`capacity=`, `retries=`).
public enum Bound: Hashable, Sendable, CustomStringConvertible {
    case count(Int)
    case unbounded

    public var description: String {
        switch self {
        case .count(let count): String(count)
        case .unbounded: "unbounded"
        }
    }
}
