/// Finds the places where a source is not valid UTF-8 or contains NUL bytes.
///
/// The lexer skips such bytes; this scan is what reports them, once per run of bad bytes, so a
/// binary file gives a handful of clear `invalid-encoding` errors instead of a cascade.
public enum EncodingCheck {
    public struct Problem: Hashable, Sendable {
        public var start: Int
        public var end: Int
        public var isNul: Bool
    }

    public static func problems(in bytes: [UInt8]) -> [Problem] {
        var problems: [Problem] = []
        var index = 0
        let count = bytes.count
        while index < count {
            // Eight bytes of plain ASCII without NUL at a time: nearly every source is only that.
            let clean = bytes.withUnsafeBufferPointer { buffer in
                var end = index
                while end + 8 <= count {
                    let word = ByteWords.load(buffer, at: end)
                    guard word & ByteWords.highBits == 0, ByteWords.zeroBytes(word) == 0 else { break }
                    end += 8
                }
                return end
            }
            if clean > index {
                index = clean
                continue
            }
            let byte = bytes[index]
            if byte == 0 {
                var end = index + 1
                while end < count, bytes[end] == 0 { end += 1 }
                problems.append(Problem(start: index, end: end, isNul: true))
                index = end
                continue
            }
            if byte < 0x80 {
                index += 1
                continue
            }
            let length = UTF8Scan.sequenceLength(bytes, at: index)
            if length > 0 {
                index += length
                continue
            }
            var end = index + 1
            while end < count, bytes[end] >= 0x80, UTF8Scan.sequenceLength(bytes, at: end) == 0 { end += 1 }
            if let last = problems.last, !last.isNul, last.end == index {
                problems[problems.count - 1].end = end
            } else {
                problems.append(Problem(start: index, end: end, isNul: false))
            }
            index = end
        }
        return problems
    }
}

/// Minimal UTF-8 decoding over a byte array, shared by the encoding check and the lexer.
enum UTF8Scan {
    /// The length of the valid UTF-8 sequence at `index`, or 0 if the bytes there are invalid.
    static func sequenceLength(_ bytes: [UInt8], at index: Int) -> Int {
        let b0 = bytes[index]
        if b0 < 0x80 { return 1 }
        let count = bytes.count
        func continuation(_ i: Int) -> Bool { i < count && bytes[i] & 0xC0 == 0x80 }
        switch b0 {
        case 0xC2...0xDF:
            return continuation(index + 1) ? 2 : 0
        case 0xE0...0xEF:
            guard continuation(index + 1), continuation(index + 2) else { return 0 }
            let b1 = bytes[index + 1]
            if b0 == 0xE0, b1 < 0xA0 { return 0 }  // overlong
            if b0 == 0xED, b1 > 0x9F { return 0 }  // surrogates
            return 3
        case 0xF0...0xF4:
            guard continuation(index + 1), continuation(index + 2), continuation(index + 3) else { return 0 }
            let b1 = bytes[index + 1]
            if b0 == 0xF0, b1 < 0x90 { return 0 }  // overlong
            if b0 == 0xF4, b1 > 0x8F { return 0 }  // above U+10FFFF
            return 4
        default:
            return 0
        }
    }

    /// Decodes the valid sequence at `index` (call only when `sequenceLength > 0`).
    static func scalar(_ bytes: [UInt8], at index: Int, length: Int) -> Unicode.Scalar {
        var value: UInt32
        switch length {
        case 1: value = UInt32(bytes[index])
        case 2: value = UInt32(bytes[index] & 0x1F) << 6 | UInt32(bytes[index + 1] & 0x3F)
        case 3:
            value = UInt32(bytes[index] & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6
                | UInt32(bytes[index + 2] & 0x3F)
        default:
            value = UInt32(bytes[index] & 0x07) << 18 | UInt32(bytes[index + 1] & 0x3F) << 12
                | UInt32(bytes[index + 2] & 0x3F) << 6 | UInt32(bytes[index + 3] & 0x3F)
        }
        return Unicode.Scalar(value) ?? "\u{FFFD}"
    }
}
