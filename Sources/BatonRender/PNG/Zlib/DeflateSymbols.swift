/// The symbols of the deflate block being gathered — literals and (length, distance) pairs —
/// with their counts, and the bit stream finished blocks go to.
struct DeflateSymbols {
    /// A literal (< 256), or a match: bit 31, length − 3 in bits 16…23, distance − 1 below.
    private(set) var tokens: [UInt32] = []
    private var literalCounts = [Int](repeating: 0, count: 286)
    private var distanceCounts = [Int](repeating: 0, count: 30)
    var bits = BitWriter()

    init() {
        tokens.reserveCapacity(Deflater.blockTokens)
    }

    var isFull: Bool { tokens.count >= Deflater.blockTokens }

    @inline(__always)
    mutating func literal(_ byte: UInt8) {
        tokens.append(UInt32(byte))
        literalCounts[Int(byte)] += 1
    }

    @inline(__always)
    mutating func match(length: Int, distance: Int) {
        tokens.append(1 << 31 | UInt32(length - 3) << 16 | UInt32(distance - 1))
        literalCounts[257 + DeflateTables.lengthCode[length - 3]] += 1
        distanceCounts[DeflateTables.distanceCode(distance - 1)] += 1
    }

    /// Writes the gathered symbols as one block and starts the next.
    mutating func flush(final: Bool) {
        literalCounts[256] += 1
        DeflateBlock(literalCounts: literalCounts, distanceCounts: distanceCounts).write(tokens, final: final, into: &bits)
        tokens.removeAll(keepingCapacity: true)
        for index in literalCounts.indices { literalCounts[index] = 0 }
        for index in distanceCounts.indices { distanceCounts[index] = 0 }
    }
}
