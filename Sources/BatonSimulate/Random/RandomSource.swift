import Foundation

/// The simulator's seeded generator: xoshiro256** (Blackman and Vigna), its state filled from the
/// seed by SplitMix64.
///
/// Why its own generator rather than BatonWorkload's `SplitMix64`: the simulator must not depend
/// on the benchmark workload target, and it draws hundreds of millions of numbers per second, for
/// which xoshiro256** has a longer period and better equidistribution than SplitMix64 alone. The
/// algorithm is fixed here, so the same seed gives the same run on every machine and every Swift
/// version (the standard library's generators promise neither).
struct RandomSource: Sendable {
    private var s0: UInt64
    private var s1: UInt64
    private var s2: UInt64
    private var s3: UInt64

    init(seed: UInt64) {
        var splitMix = seed
        func nextSplitMix() -> UInt64 {
            splitMix &+= 0x9E37_79B9_7F4A_7C15
            var z = splitMix
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        s0 = nextSplitMix()
        s1 = nextSplitMix()
        s2 = nextSplitMix()
        s3 = nextSplitMix()
    }

    @inline(__always)
    private static func rotate(_ x: UInt64, _ k: UInt64) -> UInt64 { (x << k) | (x >> (64 &- k)) }

    @inline(__always)
    mutating func next() -> UInt64 {
        let result = Self.rotate(s1 &* 5, 7) &* 9
        let t = s1 << 17
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = Self.rotate(s3, 45)
        return result
    }

    /// Uniform in [0, 1), with 53 random bits.
    @inline(__always)
    mutating func uniform() -> Double { Double(next() >> 11) * 0x1.0p-53 }

    /// Uniform in (0, 1]: safe to take the logarithm of.
    @inline(__always)
    mutating func uniformPositive() -> Double { Double((next() >> 11) + 1) * 0x1.0p-53 }

    /// Exponentially distributed with this mean (0 for a mean of 0).
    @inline(__always)
    mutating func exponential(mean: Double) -> Double {
        mean > 0 ? -mean * log(uniformPositive()) : 0
    }

    /// True with probability `p` (never for p ≤ 0, always for p ≥ 1).
    @inline(__always)
    mutating func chance(_ p: Double) -> Bool {
        p >= 1 || (p > 0 && uniform() < p)
    }
}
