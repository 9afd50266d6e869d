/// One deflate block: its Huffman codes chosen from the symbols' counts, and the block written
/// with whichever of its own dynamic code and the fixed code makes it smaller.
struct DeflateBlock {
    let literalLengths: [Int]
    let distanceLengths: [Int]
    /// The code lengths as sent: symbols 0…18 with their extra bits.
    let lengthSymbols: [(symbol: Int, extra: UInt32, bits: Int)]
    let codeLengthLengths: [Int]
    let literalCounts: [Int]
    let distanceCounts: [Int]

    init(literalCounts: [Int], distanceCounts: [Int]) {
        self.literalCounts = literalCounts
        self.distanceCounts = distanceCounts
        // Two symbols at least in each code, so that every code is complete (inflaters
        // refuse some incomplete ones).
        literalLengths = HuffmanCode.lengths(Self.twoOrMore(literalCounts), limit: 15)
        distanceLengths = HuffmanCode.lengths(Self.twoOrMore(distanceCounts), limit: 15)
        let literalCount = max(257, (literalLengths.lastIndex { $0 > 0 } ?? 0) + 1)
        let distanceCount = max(1, (distanceLengths.lastIndex { $0 > 0 } ?? 0) + 1)
        lengthSymbols = Self.runLengths(Array(literalLengths[0..<literalCount]) + Array(distanceLengths[0..<distanceCount]))
        var counts = [Int](repeating: 0, count: 19)
        for entry in lengthSymbols { counts[entry.symbol] += 1 }
        codeLengthLengths = HuffmanCode.lengths(Self.twoOrMore(counts), limit: 7)
    }

    static func twoOrMore(_ counts: [Int]) -> [Int] {
        var counts = counts
        for index in counts.indices where counts.count(where: { $0 > 0 }) < 2 && counts[index] == 0 { counts[index] = 1 }
        return counts
    }

    /// Code lengths with runs folded: 16 repeats the last length 3–6 times, 17 and 18 give
    /// 3–10 and 11–138 zeros.
    static func runLengths(_ lengths: [Int]) -> [(symbol: Int, extra: UInt32, bits: Int)] {
        var out: [(symbol: Int, extra: UInt32, bits: Int)] = []
        var index = 0
        while index < lengths.count {
            let length = lengths[index]
            var run = 1
            while index + run < lengths.count, lengths[index + run] == length { run += 1 }
            index += run
            if length == 0 {
                while run >= 11 {
                    let n = min(run, 138)
                    out.append((18, UInt32(n - 11), 7))
                    run -= n
                }
                if run >= 3 {
                    out.append((17, UInt32(run - 3), 3))
                    run = 0
                }
            } else {
                out.append((length, 0, 0))
                run -= 1
                while run >= 3 {
                    let n = min(run, 6)
                    out.append((16, UInt32(n - 3), 2))
                    run -= n
                }
            }
            for _ in 0..<run { out.append((length, 0, 0)) }
        }
        return out
    }

    // The symbols' extra bits are the same under both codes, so they are left out of the
    // comparison.

    private var dynamicBits: Int {
        var total = 5 + 5 + 4 + 3 * headerCodeLengthCount
        for entry in lengthSymbols { total += codeLengthLengths[entry.symbol] + entry.bits }
        for symbol in 0..<286 { total += literalCounts[symbol] * literalLengths[symbol] }
        for symbol in 0..<30 { total += distanceCounts[symbol] * distanceLengths[symbol] }
        return total
    }

    private var fixedBits: Int {
        var total = 0
        for symbol in 0..<286 { total += literalCounts[symbol] * DeflateTables.fixedLiteralLengths[symbol] }
        for symbol in 0..<30 { total += distanceCounts[symbol] * 5 }
        return total
    }

    /// How many code-length code lengths are sent (trailing zeros in send order are not).
    private var headerCodeLengthCount: Int {
        var count = 19
        while count > 4, codeLengthLengths[DeflateTables.codeLengthOrder[count - 1]] == 0 { count -= 1 }
        return count
    }

    func write(_ tokens: [UInt32], final: Bool, into bits: inout BitWriter) {
        let dynamic = dynamicBits < fixedBits
        bits.write(final ? 1 : 0, 1)
        bits.write(dynamic ? 2 : 1, 2)
        let literalCodes: [UInt32], literalLengths: [Int], distanceCodes: [UInt32], distanceLengths: [Int]
        if dynamic {
            let literalCount = max(257, (self.literalLengths.lastIndex { $0 > 0 } ?? 0) + 1)
            let distanceCount = max(1, (self.distanceLengths.lastIndex { $0 > 0 } ?? 0) + 1)
            bits.write(UInt32(literalCount - 257), 5)
            bits.write(UInt32(distanceCount - 1), 5)
            let sent = headerCodeLengthCount
            bits.write(UInt32(sent - 4), 4)
            for index in 0..<sent { bits.write(UInt32(codeLengthLengths[DeflateTables.codeLengthOrder[index]]), 3) }
            let codeLengthCodes = HuffmanCode.codes(codeLengthLengths)
            for entry in lengthSymbols {
                bits.write(codeLengthCodes[entry.symbol], codeLengthLengths[entry.symbol])
                if entry.bits > 0 { bits.write(entry.extra, entry.bits) }
            }
            literalCodes = HuffmanCode.codes(self.literalLengths)
            literalLengths = self.literalLengths
            distanceCodes = HuffmanCode.codes(self.distanceLengths)
            distanceLengths = self.distanceLengths
        } else {
            literalCodes = DeflateTables.fixedLiteralCodes
            literalLengths = DeflateTables.fixedLiteralLengths
            distanceCodes = DeflateTables.fixedDistanceCodes
            distanceLengths = DeflateTables.fixedDistanceLengths
        }
        for token in tokens {
            if token & (1 << 31) == 0 {
                let symbol = Int(token)
                bits.write(literalCodes[symbol], literalLengths[symbol])
                continue
            }
            let length = Int(token >> 16 & 0xFF), distance = Int(token & 0xFFFF)
            let lengthSymbol = DeflateTables.lengthCode[length]
            bits.write(literalCodes[257 + lengthSymbol], literalLengths[257 + lengthSymbol])
            let lengthExtra = DeflateTables.lengthExtra[lengthSymbol]
            if lengthExtra > 0 { bits.write(UInt32(length + 3 - DeflateTables.lengthBase[lengthSymbol]), lengthExtra) }
            let distanceSymbol = DeflateTables.distanceCode(distance)
            bits.write(distanceCodes[distanceSymbol], distanceLengths[distanceSymbol])
            let distanceExtra = DeflateTables.distanceExtra[distanceSymbol]
            if distanceExtra > 0 { bits.write(UInt32(distance + 1 - DeflateTables.distanceBase[distanceSymbol]), distanceExtra) }
        }
        bits.write(literalCodes[256], literalLengths[256])
    }
}
