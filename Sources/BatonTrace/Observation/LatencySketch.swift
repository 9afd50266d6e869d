import Foundation

/// Durations summarised in bounded memory: the exact count, sum and extremes, and a histogram
/// with logarithmic buckets 1% wide, from which quantiles are read to within 1%. Two sketches
/// merge by adding their buckets, so a figure over many spans never needs the spans.
public struct LatencySketch: Hashable, Sendable {
    /// Bucket width: each bucket's upper bound is 1.02 × its lower one, so the middle of a
    /// bucket is within 1% of any value in it.
    static let gamma = 1.02
    static let logGamma = log(gamma)

    public private(set) var count = 0
    public private(set) var sumNanos: Double = 0
    public private(set) var minNanos: Int64 = .max
    public private(set) var maxNanos: Int64 = 0
    /// Bucket index → count; index 0 holds durations under 1 ns (zero).
    private var buckets: [Int32: Int] = [:]

    public init() {}

    public mutating func add(_ nanos: Int64) {
        let value = max(0, nanos)
        count += 1
        sumNanos += Double(value)
        minNanos = min(minNanos, value)
        maxNanos = max(maxNanos, value)
        buckets[Self.bucket(of: value), default: 0] += 1
    }

    public mutating func merge(_ other: LatencySketch) {
        guard other.count > 0 else { return }
        count += other.count
        sumNanos += other.sumNanos
        minNanos = min(minNanos, other.minNanos)
        maxNanos = max(maxNanos, other.maxNanos)
        for (bucket, number) in other.buckets { buckets[bucket, default: 0] += number }
    }

    static func bucket(of nanos: Int64) -> Int32 {
        guard nanos >= 1 else { return 0 }
        return Int32(log(Double(nanos)) / logGamma) + 1
    }

    /// The arithmetic mean, in seconds; nil when empty.
    public var meanSeconds: Double? { count > 0 ? sumNanos / Double(count) / 1e9 : nil }

    /// The `q` quantile (0…1), in seconds, to within 1%; nil when empty.
    public func quantileSeconds(_ q: Double) -> Double? {
        guard count > 0 else { return nil }
        let rank = max(1, Int((q * Double(count)).rounded(.up)))
        var seen = 0
        for bucket in buckets.keys.sorted() {
            seen += buckets[bucket] ?? 0
            if seen >= rank {
                guard bucket > 0 else { return 0 }
                // The bucket's geometric middle, kept within the extremes seen.
                let middle = exp((Double(bucket - 1) + 0.5) * Self.logGamma)
                return min(max(middle, Double(minNanos)), Double(maxNanos)) / 1e9
            }
        }
        return Double(maxNanos) / 1e9
    }
}
