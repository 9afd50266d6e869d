import BatonJSON

/// Appends compact JSON to a byte array: the bytes `JSONValue.serializedBytes(pretty: false)`
/// gives, written without building the values first.
///
/// For what the server writes large and often, the diagnostics of a whole design: as
/// `JSONValue`s, fourteen thousand diagnostics were hundreds of thousands of small allocations
/// (a quarter of an analysis) only to be turned into bytes and freed.
struct JSONBytes: Hashable, Sendable {
    var bytes: [UInt8] = []

    /// Punctuation and keys, copied as they are.
    mutating func raw(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    mutating func raw(_ more: [UInt8]) {
        bytes.append(contentsOf: more)
    }

    /// A JSON string, escaped as `JSONValue` escapes it. Text that needs no escape (most of
    /// it) is recognised eight bytes at a time and copied whole; any other goes through
    /// `JSONValue.writeString`, so there is one way of escaping.
    mutating func string(_ text: String) {
        var text = text
        let plain = text.withUTF8 { utf8 in
            guard Self.needsNoEscape(utf8) else { return false }
            bytes.append(UInt8(ascii: "\""))
            bytes.append(contentsOf: utf8)
            bytes.append(UInt8(ascii: "\""))
            return true
        }
        if !plain { JSONValue.writeString(text, into: &bytes) }
    }

    /// Continues the JSON string just written with `escaped`, text already escaped for JSON
    /// (a line break as backslash and `n`), and then `text`: the same bytes as writing the
    /// concatenation, since every character is escaped on its own.
    mutating func continueString(_ escaped: StaticString, _ text: String) {
        bytes.removeLast()  // the closing quote
        raw(escaped)
        let opening = bytes.count
        string(text)
        bytes.remove(at: opening)
    }

    /// Whether no byte of `utf8` is escaped by `JSONValue.writeString`: none below 0x20, none
    /// from 0x7F on, no `"` and no `\` (the test that decides its own fast path).
    static func needsNoEscape(_ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        /// A byte of `word` is zero (exact as to whether any is).
        func hasZero(_ word: UInt64) -> Bool { (word &- ones) & ~word & highs != 0 }
        let raw = UnsafeRawBufferPointer(utf8)
        var index = 0
        while index + 8 <= raw.count {
            let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
            // A byte from 0x80 on, a byte below 0x20, or one equal to `"`, `\` or DEL.
            if word & highs != 0 || (word &- 0x20 &* ones) & ~word & highs != 0
                || hasZero(word ^ (0x22 &* ones)) || hasZero(word ^ (0x5C &* ones)) || hasZero(word ^ (0x7F &* ones)) {
                return false
            }
            index += 8
        }
        while index < raw.count {
            let byte = raw[index]
            if byte < 0x20 || byte >= 0x7F || byte == 0x22 || byte == 0x5C { return false }
            index += 1
        }
        return true
    }

    /// An integer, as `JSONValue.int` writes it.
    mutating func int(_ number: Int) {
        guard number >= 0 else {
            bytes.append(contentsOf: String(number).utf8)
            return
        }
        var divisor = 1
        while divisor <= number / 10 { divisor *= 10 }
        var rest = number
        while divisor > 0 {
            bytes.append(UInt8(ascii: "0") + UInt8(rest / divisor))
            rest %= divisor
            divisor /= 10
        }
    }

    /// `{"line":L,"character":C}`
    mutating func position(_ position: Position) {
        raw("{\"line\":")
        int(position.line)
        raw(",\"character\":")
        int(position.character)
        raw("}")
    }

    /// `{"start":…,"end":…}`
    mutating func range(_ range: TextRange) {
        raw("{\"start\":")
        position(range.start)
        raw(",\"end\":")
        position(range.end)
        raw("}")
    }
}
