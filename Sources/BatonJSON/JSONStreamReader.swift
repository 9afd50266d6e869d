// A pull reader of JSON over bytes that arrive in chunks.
//
// `JSONValue.parse` holds a whole document, which suits a configuration file and not a trace
// export of hundreds of megabytes. This reader keeps one chunk of input and the token being
// read, so its memory does not grow with the input: the caller walks the document
// (`enterObject`, `nextKey`, `readString`, `skipValue`, …) and keeps only what it needs. What it
// accepts is RFC 8259, as the whole-document parser does, with its limits: nesting is bounded,
// strings and numbers that would be kept are bounded, and every loop consumes input, so no
// input can exhaust the stack or memory, or hang it. Errors carry the byte offset, line and
// column at which the input stopped making sense.

/// Where a `JSONStreamReader` gets its bytes: a file, a pipe, or bytes already in memory.
public protocol JSONByteSource {
    /// Reads up to `buffer.count` bytes into `buffer` and returns how many; 0 means the end.
    mutating func read(into buffer: UnsafeMutableBufferPointer<UInt8>) throws(JSONStreamError) -> Int
}

/// Bytes in memory as a source (tests, small inputs).
public struct JSONBytesSource: JSONByteSource {
    let bytes: [UInt8]
    var position = 0

    public init(_ bytes: [UInt8]) { self.bytes = bytes }

    public mutating func read(into buffer: UnsafeMutableBufferPointer<UInt8>) throws(JSONStreamError) -> Int {
        let count = min(buffer.count, bytes.count - position)
        for index in 0..<count { buffer[index] = bytes[position + index] }
        position += count
        return count
    }
}

/// Why reading stopped: the input is not JSON (or not the JSON expected), or could not be read.
public struct JSONStreamError: Error, Hashable, Sendable, CustomStringConvertible {
    public var message: String
    /// The 0-based byte offset in the input where the problem was found.
    public var offset: Int
    /// 1-based line and column (the column counts bytes) of `offset`.
    public var line: Int
    public var column: Int
    /// The input ended in the middle of a value: it was probably cut short.
    public var atEndOfInput: Bool

    public init(message: String, offset: Int = 0, line: Int = 1, column: Int = 1, atEndOfInput: Bool = false) {
        self.message = message
        self.offset = offset
        self.line = line
        self.column = column
        self.atEndOfInput = atEndOfInput
    }

    public var description: String { "\(line):\(column): \(message)" }
}

/// What the next value is, as `JSONStreamReader.peek` sees it.
public enum JSONTokenKind: Sendable, Hashable {
    case object, array, string, number, bool, null
    /// No more input (only between top-level values).
    case end
}

public struct JSONStreamReader {
    /// How many bytes are read from the source at a time.
    public static let defaultChunkSize = 1 << 20

    /// The deepest nesting of arrays and objects accepted.
    public var maxDepth = JSONValue.maxDepth
    /// The longest string (in UTF-8 bytes, after unescaping) that `readString` keeps; longer ones
    /// are an error. Skipped strings may be of any length.
    public var maxStringBytes = 16 << 20

    private var source: any JSONByteSource
    private var buffer: [UInt8]
    private var position = 0
    private var count = 0
    /// The input offset of `buffer[0]`.
    private var base = 0
    private var sourceEnded = false
    /// 1-based line of `position`, and the input offset where that line starts.
    public private(set) var line = 1
    private var lineStart = 0
    /// The open arrays and objects, innermost last, with how many members each has had.
    private var containers: [(isObject: Bool, members: Int)] = []
    /// The UTF-8 bytes of the key `nextKey` read last.
    public private(set) var key: [UInt8] = []
    private var scratch: [UInt8] = []

    public init(source: any JSONByteSource, chunkSize: Int = JSONStreamReader.defaultChunkSize) {
        self.source = source
        buffer = [UInt8](repeating: 0, count: max(16, chunkSize))
    }

    /// The input offset of the next byte to read.
    public var offset: Int { base + position }
    /// The 1-based column (in bytes) of the next byte to read.
    public var column: Int { offset - lineStart + 1 }
    /// How deep the reader is: the number of arrays and objects open.
    public var depth: Int { containers.count }

    /// An error at the current position.
    public func error(_ message: String) -> JSONStreamError {
        JSONStreamError(message: message, offset: offset, line: line, column: column)
    }

    private func endError(_ message: String) -> JSONStreamError {
        var error = self.error(message)
        error.atEndOfInput = true
        return error
    }

    // MARK: - Bytes

    /// Makes `buffer[position]` readable; false at the end of the input.
    private mutating func fill() throws(JSONStreamError) -> Bool {
        if position < count { return true }
        if sourceEnded { return false }
        base += count
        position = 0
        count = 0
        // The chunk is moved out while the source fills it, so no access to `self` overlaps.
        var chunk = buffer
        buffer = []
        defer { buffer = chunk }
        let read: Int
        do {
            read = try chunk.withUnsafeMutableBufferPointer { pointer throws(JSONStreamError) -> Int in
                try source.read(into: pointer)
            }
        } catch {
            throw self.error(error.message)
        }
        count = read
        if read == 0 { sourceEnded = true }
        return read > 0
    }

    private mutating func nextByte(_ what: String) throws(JSONStreamError) -> UInt8 {
        guard try fill() else { throw endError("unexpected end of input \(what)") }
        let byte = buffer[position]
        position += 1
        return byte
    }

    /// Skips white space, counting lines; returns the next byte without consuming it (nil at the end).
    private mutating func skipWhitespace() throws(JSONStreamError) -> UInt8? {
        while try fill() {
            var index = position
            var lines = 0
            var lastLineStart = -1
            let end = count
            let found: UInt8? = buffer.withUnsafeBufferPointer { bytes in
                while index < end {
                    let byte = bytes[index]
                    switch byte {
                    case 0x20, 0x09, 0x0D:
                        index += 1
                    case 0x0A:
                        index += 1
                        lines += 1
                        lastLineStart = index
                    default:
                        return byte
                    }
                }
                return nil
            }
            position = index
            if lines > 0 {
                line += lines
                lineStart = base + lastLineStart
            }
            if let found { return found }
        }
        return nil
    }

    // MARK: - Structure

    /// What the next value is, after any white space; `.end` when the input has ended.
    public mutating func peek() throws(JSONStreamError) -> JSONTokenKind {
        guard let byte = try skipWhitespace() else { return .end }
        switch byte {
        case UInt8(ascii: "{"): return .object
        case UInt8(ascii: "["): return .array
        case UInt8(ascii: "\""): return .string
        case UInt8(ascii: "t"), UInt8(ascii: "f"): return .bool
        case UInt8(ascii: "n"): return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number
        default: throw error("unexpected character \(Self.describe(byte))")
        }
    }

    /// Between top-level values (JSON Lines, or one document): true when another value follows.
    public mutating func hasNextTopLevelValue() throws(JSONStreamError) -> Bool {
        try skipWhitespace() != nil
    }

    private mutating func expect(_ byte: UInt8, _ what: String) throws(JSONStreamError) {
        guard let next = try skipWhitespace() else { throw endError("unexpected end of input: expected \(what)") }
        guard next == byte else { throw error("expected \(what), found \(Self.describe(next))") }
        position += 1
    }

    private mutating func open(isObject: Bool) throws(JSONStreamError) {
        guard containers.count < maxDepth else { throw error("nesting is too deep (more than \(maxDepth) levels)") }
        try expect(isObject ? UInt8(ascii: "{") : UInt8(ascii: "["), isObject ? "an object" : "an array")
        containers.append((isObject, 0))
    }

    /// Consumes `{`: the members follow through `nextKey`.
    public mutating func enterObject() throws(JSONStreamError) { try open(isObject: true) }

    /// Consumes `[`: the elements follow through `nextElement`.
    public mutating func enterArray() throws(JSONStreamError) { try open(isObject: false) }

    /// In an object: reads the next key (into `key`) and its `:`, and returns true; or consumes
    /// the closing `}` and returns false. The member's value must be read or skipped next.
    public mutating func nextKey() throws(JSONStreamError) -> Bool {
        guard let top = containers.last, top.isObject else { throw error("not in an object") }
        guard var next = try skipWhitespace() else { throw endError("unexpected end of input in an object") }
        if next == UInt8(ascii: "}") {
            position += 1
            containers.removeLast()
            return false
        }
        if top.members > 0 {
            guard next == UInt8(ascii: ",") else { throw error("expected ',' or '}' in an object, found \(Self.describe(next))") }
            position += 1
            guard let afterComma = try skipWhitespace() else { throw endError("unexpected end of input in an object") }
            next = afterComma
        }
        guard next == UInt8(ascii: "\"") else { throw error("expected a string key, found \(Self.describe(next))") }
        position += 1
        try decodeString(limit: maxStringBytes)
        swap(&key, &scratch)
        try expect(UInt8(ascii: ":"), "':' after the key")
        containers[containers.count - 1].members += 1
        return true
    }

    /// In an array: true when another element follows (read or skip it next); false after
    /// consuming the closing `]`.
    public mutating func nextElement() throws(JSONStreamError) -> Bool {
        guard let top = containers.last, !top.isObject else { throw error("not in an array") }
        guard var next = try skipWhitespace() else { throw endError("unexpected end of input in an array") }
        if next == UInt8(ascii: "]") {
            position += 1
            containers.removeLast()
            return false
        }
        if top.members > 0 {
            guard next == UInt8(ascii: ",") else { throw error("expected ',' or ']' in an array, found \(Self.describe(next))") }
            position += 1
            guard let afterComma = try skipWhitespace() else { throw endError("unexpected end of input in an array") }
            next = afterComma
            if next == UInt8(ascii: "]") { throw error("expected a value after ',', found ']'") }
        }
        containers[containers.count - 1].members += 1
        return true
    }

    /// Whether the key read last is `name` (compared as bytes: no string is made).
    public func keyIs(_ name: StaticString) -> Bool {
        guard key.count == name.utf8CodeUnitCount else { return false }
        return key.withUnsafeBufferPointer { bytes in
            let expected = name.utf8Start
            for index in 0..<bytes.count where bytes[index] != expected[index] { return false }
            return true
        }
    }

    /// The key read last, as text.
    public var keyString: String { String(decoding: key, as: UTF8.self) }

    // MARK: - Scalars

    /// Reads a string value.
    public mutating func readString() throws(JSONStreamError) -> String {
        try expect(UInt8(ascii: "\""), "a string")
        try decodeString(limit: maxStringBytes)
        return String(decoding: scratch, as: UTF8.self)
    }

    /// Reads a string value and hands its UTF-8 bytes to `body`, without making a `String`
    /// (for values that are parsed, not kept: ids, numbers written as strings).
    public mutating func readStringBytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) throws(JSONStreamError) -> Result {
        try expect(UInt8(ascii: "\""), "a string")
        try decodeString(limit: maxStringBytes)
        return scratch.withUnsafeBufferPointer(body)
    }

    /// Reads a number's text, exactly as written (validated against the JSON grammar).
    public mutating func readNumberText() throws(JSONStreamError) -> String {
        try scanNumber()
        return String(decoding: scratch, as: UTF8.self)
    }

    /// Reads `true` or `false`.
    public mutating func readBool() throws(JSONStreamError) -> Bool {
        guard let next = try skipWhitespace() else { throw endError("unexpected end of input: expected true or false") }
        if next == UInt8(ascii: "t") {
            try literal("true")
            return true
        }
        if next == UInt8(ascii: "f") {
            try literal("false")
            return false
        }
        throw error("expected true or false, found \(Self.describe(next))")
    }

    /// Reads `null`.
    public mutating func readNull() throws(JSONStreamError) {
        _ = try skipWhitespace()
        try literal("null")
    }

    /// Reads any value whole, as a `JSONValue` (for small parts of a large input).
    public mutating func readValue() throws(JSONStreamError) -> JSONValue {
        switch try peek() {
        case .object:
            try enterObject()
            var members: [(String, JSONValue)] = []
            while try nextKey() {
                let name = keyString
                members.append((name, try readValue()))
            }
            return .object(members)
        case .array:
            try enterArray()
            var values: [JSONValue] = []
            while try nextElement() { values.append(try readValue()) }
            return .array(values)
        case .string: return .string(try readString())
        case .number: return .number(try readNumberText())
        case .bool: return .bool(try readBool())
        case .null:
            try readNull()
            return .null
        case .end: throw endError("unexpected end of input: expected a value")
        }
    }

    /// Skips one value of any size, checking that it is well-formed, without keeping it.
    public mutating func skipValue() throws(JSONStreamError) {
        let outer = containers.count
        repeat {
            switch try peek() {
            case .object: try enterObject()
            case .array: try enterArray()
            case .string:
                position += 1
                try decodeString(limit: nil)
            case .number: try scanNumber()
            case .bool: _ = try readBool()
            case .null: try readNull()
            case .end: throw endError("unexpected end of input: expected a value")
            }
            // Close what ended; stop at the next value still to be skipped.
            while containers.count > outer {
                let more = try containers[containers.count - 1].isObject ? nextKey() : nextElement()
                if more { break }
            }
        } while containers.count > outer
    }

    /// After an error in JSON Lines: drops the rest of the current line and everything open, so
    /// that reading can go on with the next line's value. False at the end of the input.
    public mutating func skipToNextLine() throws(JSONStreamError) -> Bool {
        containers.removeAll()
        while try fill() {
            var index = position
            let end = count
            let found = buffer.withUnsafeBufferPointer { bytes in
                while index < end {
                    let byte = bytes[index]
                    index += 1
                    if byte == 0x0A { return true }
                }
                return false
            }
            position = index
            if found {
                line += 1
                lineStart = base + position
                return true
            }
        }
        return false
    }

    private mutating func literal(_ word: StaticString) throws(JSONStreamError) {
        let expected = UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount)
        for byte in expected {
            guard try fill() else { throw endError("unexpected end of input in '\(word)'") }
            guard buffer[position] == byte else { throw error("unexpected character \(Self.describe(buffer[position]))") }
            position += 1
        }
    }

    /// Scans a number into `scratch`, checking the grammar: `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`.
    private mutating func scanNumber() throws(JSONStreamError) {
        _ = try skipWhitespace()
        scratch.removeAll(keepingCapacity: true)
        while try fill() {
            let byte = buffer[position]
            let isNumberByte = (byte >= 0x30 && byte <= 0x39) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "+")
                || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E")
            guard isNumberByte else { break }
            guard scratch.count < 512 else { throw error("a number longer than 512 characters") }
            scratch.append(byte)
            position += 1
        }
        guard Self.isValidNumber(scratch) else {
            throw error("invalid number '\(String(decoding: scratch, as: UTF8.self))'")
        }
    }

    static func isValidNumber(_ text: [UInt8]) -> Bool {
        var index = 0
        func digits() -> Int {
            let start = index
            while index < text.count, text[index] >= 0x30, text[index] <= 0x39 { index += 1 }
            return index - start
        }
        if index < text.count, text[index] == UInt8(ascii: "-") { index += 1 }
        guard index < text.count else { return false }
        if text[index] == UInt8(ascii: "0") {
            index += 1
        } else if digits() == 0 {
            return false
        }
        if index < text.count, text[index] == UInt8(ascii: ".") {
            index += 1
            guard digits() > 0 else { return false }
        }
        if index < text.count, text[index] == UInt8(ascii: "e") || text[index] == UInt8(ascii: "E") {
            index += 1
            if index < text.count, text[index] == UInt8(ascii: "+") || text[index] == UInt8(ascii: "-") { index += 1 }
            guard digits() > 0 else { return false }
        }
        return index == text.count
    }

    // MARK: - Strings

    /// Decodes a string whose opening quote was consumed into `scratch` (or, with no `limit`,
    /// only checks it). Escapes are resolved; a `\u` high surrogate without its low one, or a
    /// lone low one, becomes U+FFFD, as in `JSONValue.parse`.
    private mutating func decodeString(limit: Int?) throws(JSONStreamError) {
        // The text is collected in a local array (moved out of `scratch` and back), so that
        // copying from the chunk needs no access to `self` while the chunk is borrowed.
        var text = scratch
        scratch = []
        text.removeAll(keepingCapacity: true)
        defer { scratch = text }
        var pendingHigh: UInt32?
        while true {
            guard try fill() else { throw endError("unexpected end of input in a string") }
            // The run of plain bytes up to a quote, a backslash or a control character.
            let runStart = position
            var index = position
            let end = count
            let stop: UInt8? = buffer.withUnsafeBufferPointer { bytes in
                while index < end {
                    let byte = bytes[index]
                    if byte == 0x22 || byte == 0x5C || byte < 0x20 { return byte }
                    index += 1
                }
                return nil
            }
            position = index
            if position > runStart {
                if pendingHigh != nil {
                    if limit != nil { Self.appendScalar(0xFFFD, to: &text) }
                    pendingHigh = nil
                }
                if let limit {
                    guard text.count + (position - runStart) <= limit else {
                        throw error("a string longer than \(limit >> 20) MiB")
                    }
                    buffer.withUnsafeBufferPointer { bytes in
                        text.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                    }
                }
            }
            guard let stop else { continue }
            if stop == 0x22 {
                position += 1
                if pendingHigh != nil, limit != nil { Self.appendScalar(0xFFFD, to: &text) }
                return
            }
            if stop < 0x20 { throw error("control character \(Self.describe(stop)) in a string") }
            position += 1
            let escaped = try nextByte("in a string escape")
            var scalar: UInt32
            switch escaped {
            case UInt8(ascii: "\""): scalar = 0x22
            case UInt8(ascii: "\\"): scalar = 0x5C
            case UInt8(ascii: "/"): scalar = 0x2F
            case UInt8(ascii: "b"): scalar = 0x08
            case UInt8(ascii: "f"): scalar = 0x0C
            case UInt8(ascii: "n"): scalar = 0x0A
            case UInt8(ascii: "r"): scalar = 0x0D
            case UInt8(ascii: "t"): scalar = 0x09
            case UInt8(ascii: "u"):
                scalar = 0
                for _ in 0..<4 {
                    let digit = try nextByte("in a \\u escape")
                    guard let value = Self.hexValue(digit) else { throw error("invalid \\u escape") }
                    scalar = scalar << 4 | UInt32(value)
                }
            default:
                throw error("invalid escape '\\\(Self.printable(escaped))' in a string")
            }
            if (0xDC00...0xDFFF).contains(scalar), let high = pendingHigh {
                pendingHigh = nil
                if limit != nil { Self.appendScalar(0x10000 + ((high - 0xD800) << 10) + (scalar - 0xDC00), to: &text) }
                continue
            }
            if pendingHigh != nil {
                if limit != nil { Self.appendScalar(0xFFFD, to: &text) }
                pendingHigh = nil
            }
            if (0xD800...0xDBFF).contains(scalar) {
                pendingHigh = scalar
            } else if limit != nil {
                Self.appendScalar((0xDC00...0xDFFF).contains(scalar) ? 0xFFFD : scalar, to: &text)
            }
            if let limit, text.count > limit { throw error("a string longer than \(limit >> 20) MiB") }
        }
    }

    private static func appendScalar(_ value: UInt32, to text: inout [UInt8]) {
        let scalar = Unicode.Scalar(value) ?? "\u{FFFD}"
        text.append(contentsOf: String(scalar).utf8)
    }

    static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case 0x30...0x39: byte - 0x30
        case 0x41...0x46: byte - 0x41 + 10
        case 0x61...0x66: byte - 0x61 + 10
        default: nil
        }
    }

    /// A byte as messages show it: `'x'`, or its hex value when it is not printable ASCII.
    static func describe(_ byte: UInt8) -> String {
        "'\(printable(byte))'"
    }

    static func printable(_ byte: UInt8) -> String {
        byte >= 0x20 && byte < 0x7F ? String(UnicodeScalar(byte)) : "\\x" + String(byte, radix: 16, uppercase: true)
    }
}
