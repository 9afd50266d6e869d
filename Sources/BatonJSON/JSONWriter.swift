extension JSONValue {
    /// Serialises the value. `pretty` indents with two spaces and puts one member per line;
    /// otherwise there is no whitespace at all. Non-ASCII text is written as UTF-8.
    public func serialized(pretty: Bool = true) -> String {
        String(decoding: serializedBytes(pretty: pretty), as: UTF8.self)
    }

    /// The same bytes as `serialized(pretty:)`, as UTF-8: what a writer sends to a file or a
    /// pipe, built without going through `String` (a report of thousands of diagnostics, or a
    /// language server's diagnostics for a large file, is megabytes of appends).
    public func serializedBytes(pretty: Bool = true) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(256)
        write(into: &out, pretty: pretty, indent: 0)
        return out
    }

    /// Appends the value as it stands at nesting level `indent` (what `JSONStream` needs to put
    /// a whole value inside a document it writes piece by piece).
    func write(into out: inout [UInt8], pretty: Bool, indent: Int) {
        switch self {
        case .null: out.append(contentsOf: "null".utf8)
        case .bool(let value): out.append(contentsOf: (value ? "true" : "false").utf8)
        case .number(let text): out.append(contentsOf: text.utf8)
        case .string(let text): Self.writeString(text, into: &out)
        case .array(let values):
            if values.isEmpty {
                out.append(contentsOf: "[]".utf8)
                return
            }
            out.append(UInt8(ascii: "["))
            for (index, value) in values.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                if pretty { Self.newline(indent + 1, into: &out) }
                value.write(into: &out, pretty: pretty, indent: indent + 1)
            }
            if pretty { Self.newline(indent, into: &out) }
            out.append(UInt8(ascii: "]"))
        case .object(let members):
            if members.isEmpty {
                out.append(contentsOf: "{}".utf8)
                return
            }
            out.append(UInt8(ascii: "{"))
            for (index, (key, value)) in members.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                if pretty { Self.newline(indent + 1, into: &out) }
                Self.writeString(key, into: &out)
                out.append(UInt8(ascii: ":"))
                if pretty { out.append(UInt8(ascii: " ")) }
                value.write(into: &out, pretty: pretty, indent: indent + 1)
            }
            if pretty { Self.newline(indent, into: &out) }
            out.append(UInt8(ascii: "}"))
        }
    }

    /// A line break and two spaces per level.
    static func newline(_ level: Int, into out: inout [UInt8]) {
        newline(level, comma: false, into: &out)
    }

    /// A line break and two spaces per level, after a comma when `comma` (the separator
    /// between members or elements), appended at once.
    static func newline(_ level: Int, comma: Bool, into out: inout [UInt8]) {
        let count = 2 * level
        guard count + 2 <= indentation.utf8CodeUnitCount else {
            if comma { out.append(UInt8(ascii: ",")) }
            out.append(UInt8(ascii: "\n"))
            out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: count))
            return
        }
        // The comma, the line break and the spaces copied from one constant: a report writes
        // one per member, and appending a `repeatElement` went element by element (and a
        // shared array was retained and released each time).
        indentation.withUTF8Buffer { out.append(contentsOf: UnsafeBufferPointer(rebasing: $0[(comma ? 0 : 1)..<(count + 2)])) }
    }

    /// A comma, a line break and the spaces of the deepest indentation a report nests to (32).
    private static let indentation: StaticString = ",\n                                "

    /// Writes `text` as a JSON string. Works on the UTF-8 bytes: runs that need no escape are
    /// copied whole, and the characters escaped anyway are recognised by their encodings
    /// (C2 80–9F for the C1 controls, D8 9C for U+061C, E2 80 8E/8F, E2 80 A8–AE and
    /// E2 81 A6–A9 for the others).
    public static func writeString(_ text: String, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        writeStringContents(text, into: &out)
        out.append(UInt8(ascii: "\""))
    }

    /// `text` escaped as `writeString` escapes it, without the quotes: the rest of a string
    /// whose start is written already.
    public static func writeStringContents(_ text: String, into out: inout [UInt8]) {
        escape(text) { out.append(contentsOf: $0) }
    }

    /// The UTF-8 `bytes` of a string, escaped, without the quotes.
    static func writeEscaped(_ bytes: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) {
        escape(utf8: bytes) { out.append(contentsOf: $0) }
    }

    /// `text` escaped, without the quotes, handed to `emit` in pieces: the one escaping of the
    /// array writers and `ReservedBytes`. Inlined into each, so that `emit` is their own append
    /// or copy rather than a call through a closure (a report escapes about ten texts a finding).
    @inline(__always)
    static func escape(_ text: String, _ emit: (UnsafeBufferPointer<UInt8>) -> Void) {
        // The bytes read in place: a copy of the string to call `withUTF8` on retained and
        // released it, per string, and a report writes a dozen per finding, many of them the
        // same strings (the file, the rule, the suppression's text) on every thread.
        if text.utf8.withContiguousStorageIfAvailable({ escape(utf8: $0, emit) }) == nil {
            var text = text
            text.withUTF8 { escape(utf8: $0, emit) }
        }
    }

    /// The UTF-8 `bytes` of a string, escaped (see `escape(_:_:)`).
    @inline(__always)
    static func escape(utf8 bytes: UnsafeBufferPointer<UInt8>, _ emit: (UnsafeBufferPointer<UInt8>) -> Void) {
        // Most text (names, paths, messages) is printable ASCII: recognised sixteen bytes at a
        // time and copied whole. Text with something to escape is mostly so near its end (the
        // line break of a comment a fix inserts): what comes before is copied whole too.
        let clean = escapeFreePrefix(bytes)
        if clean == bytes.count {
            emit(bytes)
            return
        }
        if clean > 0 { emit(UnsafeBufferPointer(rebasing: bytes[..<clean])) }
        // From a character's start: the bytes before are ASCII.
        escapeByteByByte(UnsafeBufferPointer(rebasing: bytes[clean...]), emit)
    }

    /// Whether no byte of `utf8` is escaped by `writeEscapedByteByByte` or starts a character
    /// it escapes: none below 0x20, none from 0x7F on, no `"` and no `\`.
    static func needsNoEscape(_ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        escapeFreePrefix(utf8) == utf8.count
    }

    /// How many bytes at the start of `utf8` need no escape (see `needsNoEscape`): all of them,
    /// or up to the eight-byte word that holds the first byte that does (or to that byte, in
    /// the bytes after the last whole word). The test byte by byte was a tenth of writing a
    /// report; sixteen bytes are now tested at once, and a clean text's last bytes (fewer than
    /// sixteen) with one more test of its last sixteen, or of its last eight, overlapping bytes
    /// already tested: most of a report's texts are a few dozen bytes, so their tails cost as
    /// much as the rest.
    static func escapeFreePrefix(_ utf8: UnsafeBufferPointer<UInt8>) -> Int {
        let raw = UnsafeRawBufferPointer(utf8)
        let count = raw.count
        let test = SixteenBytes()
        var index = 0
        while index + 16 <= count {
            if !test.areClean(raw.loadUnaligned(fromByteOffset: index, as: SIMD16<UInt8>.self)) { break }
            index += 16
        }
        // Every byte before `index` is clean; when the loop ran out (rather than stopping at
        // something to escape), the last sixteen decide for the rest.
        if index < count, index + 16 > count, count >= 16,
           test.areClean(raw.loadUnaligned(fromByteOffset: count - 16, as: SIMD16<UInt8>.self)) {
            return count
        }
        while index + 8 <= count {
            if oddBytes(raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)) != 0 { return index }
            index += 8
        }
        if index < count, count >= 8, oddBytes(raw.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)) == 0 {
            return count
        }
        while index < count {
            let byte = raw[index]
            if byte < 0x20 || byte >= 0x7F || byte == 0x22 || byte == 0x5C { return index }
            index += 1
        }
        return index
    }

    /// The test of sixteen bytes at once, its constants made once per text (made in the
    /// test itself, they were rebuilt lane by lane on every call).
    private struct SixteenBytes {
        let space = SIMD16<UInt8>(repeating: 0x20)
        let delete = SIMD16<UInt8>(repeating: 0x7F)
        let quote = SIMD16<UInt8>(repeating: 0x22)
        let backslash = SIMD16<UInt8>(repeating: 0x5C)

        /// Whether none of the bytes needs an escape or starts a character that may (see
        /// `oddBytes`): each lane is tested at once, and the lanes' results read as two words
        /// (`any` on the comparisons' mask went lane by lane, many times slower than words).
        @inline(__always)
        func areClean(_ bytes: SIMD16<UInt8>) -> Bool {
            let odd = (bytes .< space) .| (bytes .>= delete) .| (bytes .== quote) .| (bytes .== backslash)
            let words = unsafeBitCast(odd, to: SIMD2<UInt64>.self)
            return words[0] | words[1] == 0
        }
    }

    /// Nonzero when a byte of `word` needs an escape, or starts a character that may: one from
    /// 0x80 on, one below 0x20, `"`, `\` or DEL. Each test sets a byte's high bit where it
    /// holds (a borrow from a lower byte can set it wrongly only above a byte that holds), and
    /// the tests are joined without a branch between them.
    @inline(__always)
    static func oddBytes(_ word: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101
        /// A byte of `word` is zero.
        func zero(_ word: UInt64) -> UInt64 { (word &- ones) & ~word }
        let below = (word &- 0x20 &* ones) & ~word
        return (word | below | zero(word ^ (0x22 &* ones)) | zero(word ^ (0x5C &* ones)) | zero(word ^ (0x7F &* ones)))
            & 0x8080_8080_8080_8080
    }

    /// Appends `number` in decimal, the digits written in place: a report has several numbers
    /// per finding (and the language server's diagnostics four each), and making a `String` of
    /// each cost more than the rest of the member. The one integer writer of `JSONStream` and
    /// `JSONBytes`.
    public static func writeInt(_ number: Int, into out: inout [UInt8]) {
        // Most numbers are one digit (columns, counts): one byte.
        if number >= 0, number < 10 {
            out.append(UInt8(ascii: "0") + UInt8(number))
            return
        }
        guard let digits = digits(of: number) else {
            out.append(contentsOf: String(number).utf8)
            return
        }
        // The first digit is in the lowest byte, the first in memory on a little-endian machine.
        withUnsafeBytes(of: digits.word.littleEndian) { word in
            out.append(contentsOf: UnsafeBufferPointer(rebasing: word.bindMemory(to: UInt8.self)[0..<digits.count]))
        }
    }

    /// The decimal digits of `number`, from 0 to 99,999,999 (all of a report's lines and
    /// columns), made from the last into one word: the first digit in its lowest byte, the
    /// rest after it, `count` of them. Nil for other numbers, which go through `String`. The
    /// one way `writeInt` and `ReservedBytes.int` write digits.
    @inlinable
    static func digits(of number: Int) -> (word: UInt64, count: Int)? {
        guard number >= 0, number < 100_000_000 else { return nil }
        var word: UInt64 = 0
        var count = 0
        var rest = number
        repeat {
            word = word << 8 | UInt64(UInt8(ascii: "0") + UInt8(rest % 10))
            rest /= 10
            count += 1
        } while rest > 0
        return (word, count)
    }

    /// The escaping itself, byte by byte: what `writeEscaped` does for text `needsNoEscape`
    /// does not let through (and what the tests hold its fast path to).
    static func writeEscapedByteByByte(_ bytes: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) {
        escapeByteByByte(bytes) { out.append(contentsOf: $0) }
    }

    /// `bytes` escaped byte by byte, handed to `emit` in pieces: runs copied as they are and
    /// the escapes between them (what `escape` does past the start that needs no escape).
    static func escapeByteByByte(_ bytes: UnsafeBufferPointer<UInt8>, _ emit: (UnsafeBufferPointer<UInt8>) -> Void) {
        let count = bytes.count
        var runStart = 0
        var index = 0
        func flush(upTo end: Int) {
            if end > runStart { emit(UnsafeBufferPointer(rebasing: bytes[runStart..<end])) }
        }
        func escape(_ length: Int, _ replacement: StaticString) {
            flush(upTo: index)
            replacement.withUTF8Buffer { emit($0) }
            index += length
            runStart = index
        }
        func unicodeEscape(_ value: UInt32, length: Int) {
            flush(upTo: index)
            let hex = String(value, radix: 16)
            let escaped = Array(("\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex).utf8)
            escaped.withUnsafeBufferPointer { emit($0) }
            index += length
            runStart = index
        }
        while index < count {
            let byte = bytes[index]
            switch byte {
            case 0x22: escape(1, "\\\"")
            case 0x5C: escape(1, "\\\\")
            case 0x0A: escape(1, "\\n")
            case 0x0D: escape(1, "\\r")
            case 0x09: escape(1, "\\t")
            case 0x08: escape(1, "\\b")
            case 0x0C: escape(1, "\\f")
            case 0x00..<0x20, 0x7F: unicodeEscape(UInt32(byte), length: 1)
            case 0xC2 where index + 1 < count && (0x80...0x9F).contains(bytes[index + 1]):
                unicodeEscape(UInt32(bytes[index + 1]), length: 2)
            case 0xD8 where index + 1 < count && bytes[index + 1] == 0x9C:
                unicodeEscape(0x061C, length: 2)
            case 0xE2 where index + 2 < count && Self.isEscapedAnyway(bytes[index + 1], bytes[index + 2]):
                let value = (UInt32(byte & 0x0F) << 12) | (UInt32(bytes[index + 1] & 0x3F) << 6) | UInt32(bytes[index + 2] & 0x3F)
                unicodeEscape(value, length: 3)
            default:
                index += 1
            }
        }
        flush(upTo: count)
    }

    /// Characters written as `\uXXXX` although JSON would allow them raw: DEL, C1 controls,
    /// U+2028/9 (line ends to JavaScript) and the bidi formatting characters. Output is often
    /// read on a terminal (`baton check --format json | less`), where a raw C1 control can act
    /// as an escape sequence and a bidi override reorders what is shown. The same set as
    /// `ControlCharacters.isHidden` in BatonSyntax, which this module does not depend on.
    ///
    /// This answers for the three-byte ones, E2 followed by `second` and `third` (U+200E,
    /// U+200F, U+2028…U+202E, U+2066…U+2069); `writeString` finds the others by their bytes.
    static func isEscapedAnyway(_ second: UInt8, _ third: UInt8) -> Bool {
        switch (second, third) {
        case (0x80, 0x8E), (0x80, 0x8F), (0x80, 0xA8...0xAE), (0x81, 0xA6...0xA9): true
        default: false
        }
    }
}
