// A small seeded generator (SplitMix64) for the randomised restarts of crossing minimisation:
// the seed is fixed, so the layout stays deterministic. It shuffles with its own Fisher–Yates
// rather than the standard library's `shuffle(using:)`, whose algorithm may change between
// Swift versions: the same input must give the same drawing everywhere.

struct SeededRandom: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// `array` in a shuffled order that depends only on the seed.
    mutating func shuffled<T>(_ array: [T]) -> [T] {
        var out = array
        var i = out.count - 1
        while i > 0 {
            let j = Int(next() % UInt64(i + 1))
            out.swapAt(i, j)
            i -= 1
        }
        return out
    }
}
