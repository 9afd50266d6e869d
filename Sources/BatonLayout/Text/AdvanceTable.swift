/// Advance widths for the code points a font maps, stored as runs of consecutive code points.
///
/// A font's coverage is a few dozen dense runs (Basic Latin, Latin-1 through Latin Extended,
/// Greek, Cyrillic, ...) separated by gaps, so parallel arrays of run bounds plus one flat array
/// of widths are both compact and cheap to search: a binary search over the run starts, then an
/// index. Plain arrays of integer literals also keep the generated source fast to compile, where
/// a dictionary literal of thousands of entries would not be.
struct AdvanceTable: Sendable, Hashable {
    /// First code point of each run, strictly ascending.
    let runStarts: [UInt32]
    /// Last code point (inclusive) of each run.
    let runEnds: [UInt32]
    /// Index in `widths` of each run's first code point.
    let runOffsets: [UInt16]
    /// Advance widths in font units, run after run.
    let widths: [UInt16]

    /// The advance of `scalar` in font units, or `nil` if the font does not map it.
    func advance(of scalar: Unicode.Scalar) -> Int? {
        let codePoint = scalar.value
        // Fast path: the first run is Basic Latin, which is nearly all of real-world labels.
        if let first = runStarts.first, codePoint >= first, codePoint <= runEnds[0] {
            return Int(widths[Int(runOffsets[0]) + Int(codePoint - first)])
        }
        guard let run = Self.lastIndex(in: runStarts, notAbove: codePoint),
              codePoint <= runEnds[run]
        else { return nil }
        return Int(widths[Int(runOffsets[run]) + Int(codePoint - runStarts[run])])
    }

    /// The index of the last element of the ascending `values` that is ≤ `target`, if any.
    static func lastIndex(in values: [UInt32], notAbove target: UInt32) -> Int? {
        var low = 0
        var high = values.count  // invariant: values[..<low] ≤ target < values[high...]
        while low < high {
            let middle = (low + high) / 2
            if values[middle] <= target {
                low = middle + 1
            } else {
                high = middle
            }
        }
        return low == 0 ? nil : low - 1
    }
}
