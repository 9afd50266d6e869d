/// Deflate's fixed tables (RFC 1951, 3.2.5): the symbols of match lengths and distances, their
/// extra bits, the fixed Huffman code, and the order code lengths are sent in.
enum DeflateTables {
    static let lengthBase = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258]
    static let lengthExtra = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0]
    static let distanceBase = [1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537,
                               2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577]
    static let distanceExtra = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13]
    static let codeLengthOrder = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15]

    /// The length symbol (0…28, sent as 257 + it) of each match length − 3.
    static let lengthCode: [Int] = (0..<256).map { offset in
        let length = offset + 3
        return (lengthBase.lastIndex { $0 <= length }) ?? 0
    }

    /// The distance symbol of each distance − 1 below 256, and of (distance − 1) >> 7 above.
    private static let distanceCodes: [Int] = (0..<512).map { index in
        let distance = index < 256 ? index + 1 : (index - 256) << 7 + 1
        return (distanceBase.lastIndex { $0 <= distance }) ?? 0
    }

    @inline(__always)
    static func distanceCode(_ distanceMinusOne: Int) -> Int {
        distanceMinusOne < 256 ? distanceCodes[distanceMinusOne] : distanceCodes[256 + distanceMinusOne >> 7]
    }

    /// The fixed code's lengths: literals and lengths (all 288, two never used, as the
    /// canonical codes count them), then distances.
    static let fixedLiteralLengths = [Int](repeating: 8, count: 144) + [Int](repeating: 9, count: 112)
        + [Int](repeating: 7, count: 24) + [Int](repeating: 8, count: 8)
    static let fixedDistanceLengths = [Int](repeating: 5, count: 30)
    static let fixedLiteralCodes = HuffmanCode.codes(fixedLiteralLengths)
    static let fixedDistanceCodes = HuffmanCode.codes(fixedDistanceLengths)
}
