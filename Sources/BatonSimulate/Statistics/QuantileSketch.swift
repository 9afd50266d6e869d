import Foundation

/// A mergeable streaming quantile sketch with a relative accuracy of 1% (the DDSketch idea of
/// Masson, Rim and Lee, 2019: logarithmic buckets).
///
/// Response times are not stored: each value only increments the count of the bucket
/// [γ^i, γ^(i+1)) it falls into, with γ = 2^(1/35) (35 buckets per doubling, each under 2% wide).
/// Any quantile is then within 1% of a value the sketch was given, its memory grows with the
/// logarithm of the range of values (about 1,300 buckets from a microsecond to a day) and not with
/// the duration simulated, and two sketches merge exactly by adding their counts, which is how
/// replications and intervals combine. Because γ divides a doubling exactly, a value's bucket is
/// found from its binary exponent and a table lookup on its mantissa, without a logarithm.
public struct QuantileSketch: Hashable, Sendable {
    /// The largest relative error of a quantile: just under 1%.
    public static let relativeAccuracy = (gamma - 1) / (gamma + 1)
    /// Buckets per doubling.
    static let bucketsPerOctave = 35
    static let gamma = pow(2, 1 / Double(bucketsPerOctave))
    /// Values at or below this (seconds) are counted as zero: a handling time of 0 is common.
    static let smallest = 1e-9
    /// Lower bounds of the buckets of one doubling, as mantissas in [1, 2], with 2 at the end.
    static let boundaries: [Double] = (0...bucketsPerOctave).map { pow(2, Double($0) / Double(bucketsPerOctave)) }
    /// For each of the 1,024 leading mantissa patterns, the bucket its smallest mantissa falls in
    /// (a pattern spans 0.1%, a bucket 2%, so at most one boundary lies inside a pattern).
    static let bucketOfPattern: [UInt8] = (0..<1024).map { pattern in
        let mantissa = 1 + Double(pattern) / 1024
        return UInt8(boundaries.lastIndex { $0 <= mantissa } ?? 0)
    }

    /// The bucket of a positive, normal value.
    @inline(__always)
    static func bucket(of value: Double) -> Int {
        bucket(of: value, patterns: bucketOfPattern, boundaries: boundaries)
    }

    /// The bucket of a positive, normal value, from `bucketOfPattern` and `boundaries` (or
    /// copies of them: `SketchTable` holds its own, as reading a static costs a lazy
    /// initialisation check every time).
    @inline(__always)
    static func bucket(of value: Double, patterns bucketOfPattern: [UInt8], boundaries: [Double]) -> Int {
        let bits = value.bitPattern
        let exponent = Int((bits >> 52) & 0x7FF) - 1023
        var sub = Int(bucketOfPattern[Int((bits >> 42) & 0x3FF)])
        let mantissa = Double(bitPattern: (bits & 0x000F_FFFF_FFFF_FFFF) | 0x3FF0_0000_0000_0000)
        if mantissa >= boundaries[sub + 1] { sub += 1 }
        return exponent * bucketsPerOctave + sub
    }

    /// The value reported for bucket `index`: within `relativeAccuracy` of both its bounds.
    static func representative(of index: Int) -> Double {
        let octave = index >= 0 ? index / bucketsPerOctave : -((-index + bucketsPerOctave - 1) / bucketsPerOctave)
        let sub = index - octave * bucketsPerOctave
        let lower = Double(sign: .plus, exponent: octave, significand: boundaries[sub])
        return lower * 2 * gamma / (gamma + 1)
    }

    /// Counts of buckets `offset`, `offset + 1`, …
    private var counts: [UInt64] = []
    private var offset = 0
    private var zeroCount: UInt64 = 0
    /// How many values were added.
    public private(set) var count: UInt64 = 0
    /// The sum of the values added (for the mean).
    public private(set) var sum: Double = 0
    private var smallestSeen = Double.infinity
    private var largestSeen = -Double.infinity

    public init() {}

    /// A sketch from its parts (`SketchTable` builds its sketches this way): `counts` holds
    /// buckets `offset`, `offset + 1`, … (empty when every value was zero).
    init(counts: [UInt64], offset: Int, zeroCount: UInt64, count: UInt64, sum: Double, smallest: Double,
         largest: Double) {
        self.counts = counts
        self.offset = counts.isEmpty ? 0 : offset
        self.zeroCount = zeroCount
        self.count = count
        self.sum = sum
        smallestSeen = smallest
        largestSeen = largest
    }

    public var isEmpty: Bool { count == 0 }
    /// Buckets held: what the sketch's memory grows with (the range of values, not their number).
    public var bucketCount: Int { counts.count }
    /// The arithmetic mean, exact; nil when empty.
    public var mean: Double? { count == 0 ? nil : sum / Double(count) }
    /// The smallest value added, exact; nil when empty.
    public var minimum: Double? { count == 0 ? nil : smallestSeen }
    /// The largest value added, exact; nil when empty.
    public var maximum: Double? { count == 0 ? nil : largestSeen }

    public mutating func add(_ value: Double) {
        guard value.isFinite else { return }
        count += 1
        sum += value
        if value < smallestSeen { smallestSeen = value }
        if value > largestSeen { largestSeen = value }
        guard value > Self.smallest else {
            zeroCount += 1
            return
        }
        let index = Self.bucket(of: value)
        if counts.isEmpty {
            offset = index
            counts = [0]
        } else if index < offset {
            counts.insert(contentsOf: repeatElement(0, count: offset - index), at: 0)
            offset = index
        } else if index >= offset + counts.count {
            counts.append(contentsOf: repeatElement(0, count: index - offset - counts.count + 1))
        }
        counts[index - offset] += 1
    }

    /// Adds every value `other` was given.
    public mutating func merge(_ other: QuantileSketch) {
        guard other.count > 0 else { return }
        count += other.count
        sum += other.sum
        zeroCount += other.zeroCount
        smallestSeen = Swift.min(smallestSeen, other.smallestSeen)
        largestSeen = Swift.max(largestSeen, other.largestSeen)
        guard !other.counts.isEmpty else { return }
        if counts.isEmpty {
            counts = other.counts
            offset = other.offset
            return
        }
        if other.offset < offset {
            counts.insert(contentsOf: repeatElement(0, count: offset - other.offset), at: 0)
            offset = other.offset
        }
        let otherEnd = other.offset + other.counts.count
        if otherEnd > offset + counts.count {
            counts.append(contentsOf: repeatElement(0, count: otherEnd - offset - counts.count))
        }
        let shift = other.offset - offset
        for index in 0..<other.counts.count {
            counts[shift + index] += other.counts[index]
        }
    }

    /// The q-quantile (0 ≤ q ≤ 1; 0.99 for p99), within 1% of a value added; nil when empty.
    /// q = 0 and q = 1 give the exact minimum and maximum.
    public func quantile(_ q: Double) -> Double? {
        guard count > 0 else { return nil }
        if q <= 0 { return smallestSeen }
        if q >= 1 { return largestSeen }
        let rank = UInt64((q * Double(count - 1)).rounded(.down))
        var seen = zeroCount
        if rank < seen { return Swift.max(0, smallestSeen) }
        for index in 0..<counts.count {
            seen += counts[index]
            if rank < seen {
                let representative = Self.representative(of: index + offset)
                return Swift.min(largestSeen, Swift.max(smallestSeen, representative))
            }
        }
        return largestSeen
    }
}
