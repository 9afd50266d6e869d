/// Many `QuantileSketch`es being filled at once — a flow's response times per statistics
/// interval, say — with their bucket counts in one shared arena (`BucketArena`).
///
/// Why not an array of `QuantileSketch`: each sketch owns an array of counts, so adding a value to
/// one sketch in an array of them paid two copy-on-write checks (the outer array, then the
/// counts) and a lazily initialised static lookup, three times per simulated request. Here every
/// sketch's running figures are one plain struct, its buckets a window in the arena that it
/// points to, and `add` is the same arithmetic as `QuantileSketch.add` with plain loads and
/// stores.
///
/// A sketch's window covers a range of bucket indices with room to spare on both sides; a value
/// outside it gives the sketch a window half as wide again (or more): in place when its window is
/// the last the arena handed out (sketches filled one after another, like a flow's per-interval
/// sketches, waste nothing), else a new one (the old one is abandoned). Windows grow
/// geometrically, so a sketch moves only a few times, the arena holds a small multiple of what
/// the sketches need, and like the sketches it grows with the range of values, not with their
/// number.
/// `sketch(_:)` gives back exactly the `QuantileSketch` the same values would have built.
struct SketchTable {
    private struct Sketch {
        var count: UInt64 = 0
        var sum: Double = 0
        var smallest = Double.infinity
        var largest = -Double.infinity
        var zeroCount: UInt64 = 0
        /// The lowest and one past the highest bucket index counted (equal: none yet).
        var low = 0
        var high = 0
        /// The window: the bucket index of its first slot, how many buckets it holds, and where
        /// it is (nil before the first nonzero value).
        var windowLow = 0
        var windowSize = 0
        var window: UnsafeMutablePointer<UInt64>?
    }

    /// A new window's buckets: a little over one doubling of values on either side of the first.
    private static let initialWindow = 2 * QuantileSketch.bucketsPerOctave + 2

    private var sketches: SlotTable<Sketch>
    private var arena = BucketArena()
    /// Copies of `QuantileSketch`'s lookup tables (see `QuantileSketch.bucket(of:patterns:boundaries:)`).
    private let patterns = QuantileSketch.bucketOfPattern
    private let boundaries = QuantileSketch.boundaries

    init(count: Int) {
        sketches = SlotTable(repeating: Sketch(), count: count)
    }

    var count: Int { sketches.count }

    /// Adds `value` to sketch `index` (what `QuantileSketch.add` does).
    @inline(__always)
    mutating func add(_ index: Int, _ value: Double) {
        guard value.isFinite else { return }
        sketches[index].count += 1
        sketches[index].sum += value
        if value < sketches[index].smallest { sketches[index].smallest = value }
        if value > sketches[index].largest { sketches[index].largest = value }
        guard value > QuantileSketch.smallest else {
            sketches[index].zeroCount += 1
            return
        }
        let bucket = QuantileSketch.bucket(of: value, patterns: patterns, boundaries: boundaries)
        var slot = bucket - sketches[index].windowLow
        if slot < 0 || slot >= sketches[index].windowSize {
            moveWindow(index, toInclude: bucket)
            slot = bucket - sketches[index].windowLow
        }
        if let window = sketches[index].window { window[slot] += 1 }
        if sketches[index].low == sketches[index].high {
            sketches[index].low = bucket
            sketches[index].high = bucket + 1
        } else if bucket < sketches[index].low {
            sketches[index].low = bucket
        } else if bucket >= sketches[index].high {
            sketches[index].high = bucket + 1
        }
    }

    /// Gives sketch `index` a window (half as wide again as its old one, or more) that holds
    /// `bucket` and its counts so far: the old one extended where it is when the arena allows,
    /// else a new one.
    @inline(never)
    private mutating func moveWindow(_ index: Int, toInclude bucket: Int) {
        let old = sketches[index]
        let empty = old.low == old.high
        let low = empty ? bucket : Swift.min(old.low, bucket)
        let high = empty ? bucket + 1 : Swift.max(old.high, bucket + 1)
        let size = Swift.max(Self.initialWindow, old.windowSize + old.windowSize / 2, (high - low) + (high - low) / 2)
        let windowLow = low - (size - (high - low)) / 2
        let window: UnsafeMutablePointer<UInt64>
        if let oldWindow = old.window, arena.extend(oldWindow, size: old.windowSize, by: size - old.windowSize) {
            window = oldWindow
        } else {
            window = arena.allocate(size)
        }
        if let oldWindow = old.window, !empty {
            // Each count moves from slot (bucket − old.windowLow) of the old window to slot
            // (bucket − windowLow) of the new one. In place (the same memory) the slot it leaves
            // is cleared and a later move may fill it again, so counts moving up go from the top
            // down, and counts moving down from the bottom up.
            let inPlace = window == oldWindow
            let buckets = windowLow < old.windowLow ? Array((old.low..<old.high).reversed()) : Array(old.low..<old.high)
            for counted in buckets {
                let value = oldWindow[counted - old.windowLow]
                if inPlace { oldWindow[counted - old.windowLow] = 0 }
                window[counted - windowLow] = value
            }
        }
        sketches[index].windowLow = windowLow
        sketches[index].windowSize = size
        sketches[index].window = window
    }

    /// Sketch `index`, as the `QuantileSketch` the same values would have built.
    func sketch(_ index: Int) -> QuantileSketch {
        let state = sketches.element(index)
        var counts: [UInt64] = []
        if state.low < state.high, let window = state.window {
            let first = window + (state.low - state.windowLow)
            counts = Array(UnsafeBufferPointer(start: first, count: state.high - state.low))
        }
        return QuantileSketch(counts: counts, offset: state.low, zeroCount: state.zeroCount, count: state.count,
                              sum: state.sum, smallest: state.smallest, largest: state.largest)
    }
}
