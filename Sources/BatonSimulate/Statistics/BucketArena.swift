/// Memory for the bucket counts of a `SketchTable`'s sketches: chunks that never move, handed
/// out front to back, freed together with the table.
///
/// Why chunks: a sketch keeps a pointer to its window of counts, so adding a value is one
/// increment through it, and a chunk is never reallocated. (A single growing table had to copy
/// every window each time it doubled, holding both copies at once for a moment: that was most of
/// the sketch tables' peak memory.)
///
/// Like `SlotTable`, copies of an arena share its chunks; its owner is never copied while in use.
struct BucketArena {
    /// Buckets per chunk (128 KB), unless one window needs more.
    private static let chunkSize = 16_384

    /// Keeps the chunks alive.
    private var chunks: [ManagedBuffer<Void, UInt64>] = []
    /// The part of the newest chunk not handed out yet.
    private var free: UnsafeMutablePointer<UInt64>?
    private var freeCount = 0

    init() {}

    /// `size` buckets, zeroed.
    mutating func allocate(_ size: Int) -> UnsafeMutablePointer<UInt64> {
        let start: UnsafeMutablePointer<UInt64>
        if let free, freeCount >= size {
            start = free
        } else {
            let capacity = Swift.max(Self.chunkSize, size)
            let chunk = ManagedBuffer<Void, UInt64>.create(minimumCapacity: capacity) { _ in }
            chunks.append(chunk)
            start = chunk.withUnsafeMutablePointerToElements { $0 }
            freeCount = capacity
        }
        start.initialize(repeating: 0, count: size)
        free = start + size
        freeCount -= size
        return start
    }

    /// Grows the `size` buckets at `window` by `extra` zeroed buckets where they are: possible
    /// when they were the last handed out and their chunk has room. False when not.
    mutating func extend(_ window: UnsafeMutablePointer<UInt64>, size: Int, by extra: Int) -> Bool {
        guard let free, window + size == free, freeCount >= extra else { return false }
        free.initialize(repeating: 0, count: extra)
        self.free = free + extra
        freeCount -= extra
        return true
    }
}
