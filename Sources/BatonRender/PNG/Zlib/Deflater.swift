/// Deflate (RFC 1951), written for images that are mostly flat colour.
///
/// - Matching: LZ77 over a 32 KB window with hash chains on three bytes (at most
///   `maximumChain` candidates tried), greedy. A run of one repeated byte — what a filtered flat
///   row becomes — is found first, by comparing with the byte before, and taken without a hash
///   search when it is long; positions inside long matches are not hashed. That keeps a
///   diagram's hundreds of megabytes of zeros to a few comparisons per 258 bytes.
/// - Coding: blocks of up to `blockTokens` symbols, each with its own dynamic Huffman code
///   (or the fixed code, when that comes out smaller).
/// - Streaming: bytes come in as they are filtered and compressed bytes go out as they are
///   finished; only the window and one block of symbols are held.
struct Deflater {
    static let windowSize = 32_768
    static let minimumMatch = 3
    static let maximumMatch = 258
    /// Enough bytes ahead of the position to find the longest match.
    static let lookahead = maximumMatch + minimumMatch
    static let hashBits = 15
    static let maximumChain = 16
    /// A match this long stops the search.
    static let goodEnough = 64
    /// A run at least this long is taken without a hash search.
    static let longRun = 24
    /// Matches up to this long have every position hashed (longer ones only their start).
    static let hashedMatch = 16
    static let blockTokens = 32_768

    /// Input not yet slid out: `buffer[0]` is stream position `base`.
    private var buffer: [UInt8] = []
    private var base = 0
    /// The next position to encode, and the end of the input so far.
    private var position = 0
    private var end: Int { base + buffer.count }
    /// The latest position of each hash, and for each position (modulo the window) the one
    /// before it with the same hash: stream positions − `tableBase`, −1 for none. 32 bits
    /// each, so that the tables stay in the processor's cache; `rebase` keeps them in range.
    private var head = [Int32](repeating: -1, count: 1 << hashBits)
    private var previous = [Int32](repeating: -1, count: windowSize)
    private var tableBase = 0
    private var symbols = DeflateSymbols()

    init() {
        buffer.reserveCapacity(4 * Self.windowSize)
    }

    /// Compresses the rest and ends the stream on a byte boundary.
    mutating func finish() {
        compress(final: true)
        symbols.flush(final: true)
        symbols.bits.alignToByte()
    }

    /// The compressed bytes finished since the last call.
    mutating func take() -> [UInt8] {
        symbols.bits.take()
    }

    /// Adds `bytes` and compresses what can be compressed.
    mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        slide()
        buffer.append(contentsOf: bytes)
        compress(final: false)
    }

    /// Drops input that no match can reach any more, once there is a good deal of it (each
    /// slide moves the window's 32 KB down).
    private mutating func slide() {
        let keep = position - Self.windowSize
        guard keep - base > 8 * Self.windowSize else { return }
        buffer.removeFirst(keep - base)
        base = keep
    }

    private mutating func compress(final: Bool) {
        let limit = final ? end : end - Self.lookahead
        guard position < limit else { return }
        let base = self.base, end = self.end
        var position = self.position
        // The tables and symbols are moved out for the loop, so that writing them does not
        // overlap reading the window.
        if position - tableBase > 1 << 30 { rebase() }
        let tableBase = self.tableBase
        var head: [Int32] = [], previous: [Int32] = [], symbols = DeflateSymbols()
        swap(&head, &self.head)
        swap(&previous, &self.previous)
        swap(&symbols, &self.symbols)
        let window = buffer
        window.withUnsafeBufferPointer { data in
            head.withUnsafeMutableBufferPointer { head in
                previous.withUnsafeMutableBufferPointer { previous in
                    while position < limit {
                        let here = position - base
                        let available = min(Self.maximumMatch, end - position)
                        var length = 0, distance = 0
                        // A run of the byte before.
                        if position > base, available >= Self.minimumMatch, data[here - 1] == data[here] {
                            length = Self.matchLength(data, here, here - 1, available)
                            distance = 1
                        }
                        if available >= Self.minimumMatch, length < Self.longRun {
                            let hash = Self.hash(data, here)
                            var candidate = Int(head[hash]) + tableBase
                            var chain = Self.maximumChain
                            while candidate >= base, candidate < position, position - candidate <= Self.windowSize, chain > 0,
                                  length < available {
                                let there = candidate - base
                                if data[there + length] == data[here + length] {
                                    let found = Self.matchLength(data, here, there, available)
                                    if found > length {
                                        length = found
                                        distance = position - candidate
                                        if length >= Self.goodEnough { break }
                                    }
                                }
                                let next = Int(previous[candidate & (Self.windowSize - 1)]) + tableBase
                                guard next < candidate else { break }
                                candidate = next
                                chain -= 1
                            }
                            previous[position & (Self.windowSize - 1)] = head[hash]
                            head[hash] = Int32(truncatingIfNeeded: position - tableBase)
                        }
                        if length >= Self.minimumMatch {
                            symbols.match(length: length, distance: distance)
                            if length <= Self.hashedMatch, position + length + Self.minimumMatch <= end {
                                for inside in position + 1..<position + length {
                                    let hash = Self.hash(data, inside - base)
                                    previous[inside & (Self.windowSize - 1)] = head[hash]
                                    head[hash] = Int32(truncatingIfNeeded: inside - tableBase)
                                }
                            }
                            position += length
                        } else {
                            symbols.literal(data[here])
                            position += 1
                        }
                        if symbols.isFull { symbols.flush(final: false) }
                    }
                }
            }
        }
        swap(&head, &self.head)
        swap(&previous, &self.previous)
        swap(&symbols, &self.symbols)
        self.position = position
    }

    /// Moves `tableBase` up by half the 32-bit range every gigabyte of input; entries that fall
    /// below it are far out of the window and become "none".
    private mutating func rebase() {
        let step = 1 << 29
        tableBase += step
        for index in head.indices { head[index] = head[index] < Int32(step) ? -1 : head[index] - Int32(step) }
        for index in previous.indices { previous[index] = previous[index] < Int32(step) ? -1 : previous[index] - Int32(step) }
    }

    @inline(__always)
    private static func hash(_ data: UnsafeBufferPointer<UInt8>, _ at: Int) -> Int {
        let value = UInt32(data[at]) | UInt32(data[at + 1]) << 8 | UInt32(data[at + 2]) << 16
        return Int((value &* 2_654_435_761) >> (32 - UInt32(hashBits)))
    }

    /// How many bytes from `here` repeat those from `there` (up to `limit`), eight at a time.
    @inline(__always)
    private static func matchLength(_ data: UnsafeBufferPointer<UInt8>, _ here: Int, _ there: Int, _ limit: Int) -> Int {
        guard let start = data.baseAddress else { return 0 }
        let raw = UnsafeRawPointer(start)
        var length = 0
        while length + 8 <= limit {
            let a = raw.loadUnaligned(fromByteOffset: here + length, as: UInt64.self)
            let b = raw.loadUnaligned(fromByteOffset: there + length, as: UInt64.self)
            if a != b { return length + (a ^ b).trailingZeroBitCount / 8 }
            length += 8
        }
        while length < limit, data[here + length] == data[there + length] { length += 1 }
        return length
    }
}
