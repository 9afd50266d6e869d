/// A strict RFC 8259 parser. Errors carry a 1-based line and column so configuration mistakes
/// can be reported precisely. Nesting is bounded so hostile input cannot exhaust the stack.
public struct JSONParseError: Error, Hashable, Sendable, CustomStringConvertible {
    public var message: String
    public var line: Int
    public var column: Int
    public var description: String { "\(line):\(column): \(message)" }
}

extension JSONValue {
    public static let maxDepth = 512

    public static func parse(_ text: String) throws(JSONParseError) -> JSONValue {
        try parse(Array(text.utf8))
    }

    public static func parse(_ bytes: [UInt8]) throws(JSONParseError) -> JSONValue {
        var parser = JSONByteParser(bytes: bytes)
        parser.skipWhitespace()
        let value = try parser.parseValue(depth: 0)
        parser.skipWhitespace()
        guard parser.index == bytes.count else { throw parser.error("unexpected text after the JSON value") }
        return value
    }
}

struct JSONByteParser {
    let bytes: [UInt8]
    var index = 0
    /// Byte offsets by JSON pointer, filled only when parsing with a pointer (`JSONDocument`).
    var keyOffsets: [String: Int] = [:]
    var valueOffsets: [String: Int] = [:]

    init(bytes: [UInt8]) {
        self.bytes = bytes
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3 }
    }

    func error(_ message: String) -> JSONParseError {
        let (line, column) = Self.location(of: index, in: bytes)
        return JSONParseError(message: message, line: line, column: column)
    }

    /// 1-based line and column (in Unicode scalars) of a byte offset.
    static func location(of offset: Int, in bytes: [UInt8]) -> (line: Int, column: Int) {
        var line = 1
        var column = 1
        var position = 0
        while position < min(offset, bytes.count) {
            if bytes[position] == 0x0A {
                line += 1
                column = 1
            } else if bytes[position] & 0xC0 != 0x80 {
                column += 1
            }
            position += 1
        }
        return (line, column)
    }

    mutating func skipWhitespace() {
        while index < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) { index += 1 }
    }

    mutating func parseValue(depth: Int, pointer: String? = nil) throws(JSONParseError) -> JSONValue {
        guard depth < JSONValue.maxDepth else { throw error("nesting is too deep") }
        guard index < bytes.count else { throw error("unexpected end of input") }
        if let pointer, valueOffsets[pointer] == nil { valueOffsets[pointer] = index }
        switch bytes[index] {
        case UInt8(ascii: "{"): return try parseObject(depth: depth, pointer: pointer)
        case UInt8(ascii: "["): return try parseArray(depth: depth, pointer: pointer)
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "t"): return try literal("true", .bool(true))
        case UInt8(ascii: "f"): return try literal("false", .bool(false))
        case UInt8(ascii: "n"): return try literal("null", .null)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try parseNumber()
        default: throw error("unexpected character")
        }
    }

    mutating func literal(_ word: String, _ value: JSONValue) throws(JSONParseError) -> JSONValue {
        let expected = Array(word.utf8)
        guard bytes.count - index >= expected.count, Array(bytes[index..<index + expected.count]) == expected else {
            throw error("unexpected character")
        }
        index += expected.count
        return value
    }

    mutating func parseObject(depth: Int, pointer: String?) throws(JSONParseError) -> JSONValue {
        index += 1
        var members: [(String, JSONValue)] = []
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
            index += 1
            return .object(members)
        }
        while true {
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { throw error("expected a string key") }
            let keyStart = index
            let key = try parseString()
            let memberPointer = pointer.map { $0 + "/" + JSONDocument.escape(key) }
            if let memberPointer, keyOffsets[memberPointer] == nil { keyOffsets[memberPointer] = keyStart }
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { throw error("expected ':' after the key") }
            index += 1
            skipWhitespace()
            members.append((key, try parseValue(depth: depth + 1, pointer: memberPointer)))
            skipWhitespace()
            guard index < bytes.count else { throw error("unexpected end of input in an object") }
            if bytes[index] == UInt8(ascii: ",") {
                index += 1
                continue
            }
            if bytes[index] == UInt8(ascii: "}") {
                index += 1
                return .object(members)
            }
            throw error("expected ',' or '}' in an object")
        }
    }

    mutating func parseArray(depth: Int, pointer: String?) throws(JSONParseError) -> JSONValue {
        index += 1
        var values: [JSONValue] = []
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
            index += 1
            return .array(values)
        }
        while true {
            skipWhitespace()
            values.append(try parseValue(depth: depth + 1, pointer: pointer.map { $0 + "/" + String(values.count) }))
            skipWhitespace()
            guard index < bytes.count else { throw error("unexpected end of input in an array") }
            if bytes[index] == UInt8(ascii: ",") {
                index += 1
                continue
            }
            if bytes[index] == UInt8(ascii: "]") {
                index += 1
                return .array(values)
            }
            throw error("expected ',' or ']' in an array")
        }
    }

    mutating func parseNumber() throws(JSONParseError) -> JSONValue {
        let start = index
        if bytes[index] == UInt8(ascii: "-") { index += 1 }
        func digits() -> Int {
            let begin = index
            while index < bytes.count, bytes[index] >= 0x30, bytes[index] <= 0x39 { index += 1 }
            return index - begin
        }
        guard index < bytes.count else { throw error("invalid number") }
        if bytes[index] == UInt8(ascii: "0") {
            index += 1
        } else if digits() == 0 {
            throw error("invalid number")
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            guard digits() > 0 else { throw error("invalid number") }
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
            guard digits() > 0 else { throw error("invalid number") }
        }
        return .number(String(decoding: bytes[start..<index], as: UTF8.self))
    }

    /// A string's value. Unescaped runs are copied as they are; a `\u` high surrogate waits for
    /// the low surrogate that must follow it, and one without it (or a lone low surrogate)
    /// becomes U+FFFD, as a decoder does with any ill-formed sequence.
    mutating func parseString() throws(JSONParseError) -> String {
        index += 1
        var pendingHighSurrogate: UInt32?
        var chunkStart = index
        var result = ""
        func flushChunk(_ end: Int) {
            if end > chunkStart { result += String(decoding: bytes[chunkStart..<end], as: UTF8.self) }
        }
        func dropPendingSurrogate() {
            if pendingHighSurrogate != nil {
                result.unicodeScalars.append("\u{FFFD}")
                pendingHighSurrogate = nil
            }
        }
        while true {
            guard index < bytes.count else { throw error("unterminated string") }
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                flushChunk(index)
                dropPendingSurrogate()
                index += 1
                return result
            }
            if byte < 0x20 { throw error("control character in a string") }
            if byte != UInt8(ascii: "\\") {
                // Text after a high surrogate: it was not followed by its low one.
                if index == chunkStart { dropPendingSurrogate() }
                index += 1
                continue
            }
            flushChunk(index)
            index += 1
            guard index < bytes.count else { throw error("unterminated string") }
            let escaped = bytes[index]
            index += 1
            var appended: Unicode.Scalar?
            switch escaped {
            case UInt8(ascii: "\""): appended = "\""
            case UInt8(ascii: "\\"): appended = "\\"
            case UInt8(ascii: "/"): appended = "/"
            case UInt8(ascii: "b"): appended = "\u{08}"
            case UInt8(ascii: "f"): appended = "\u{0C}"
            case UInt8(ascii: "n"): appended = "\n"
            case UInt8(ascii: "r"): appended = "\r"
            case UInt8(ascii: "t"): appended = "\t"
            case UInt8(ascii: "u"):
                guard index + 4 <= bytes.count, let code = UInt32(String(decoding: bytes[index..<index + 4], as: UTF8.self), radix: 16) else {
                    throw error("invalid \\u escape")
                }
                index += 4
                if (0xDC00...0xDFFF).contains(code), let high = pendingHighSurrogate {
                    appended = Unicode.Scalar(0x10000 + ((high - 0xD800) << 10) + (code - 0xDC00))
                    pendingHighSurrogate = nil
                } else {
                    dropPendingSurrogate()
                    if (0xD800...0xDBFF).contains(code) {
                        pendingHighSurrogate = code
                    } else {
                        appended = Unicode.Scalar(code) ?? "\u{FFFD}"
                    }
                }
            default:
                throw error("invalid escape in a string")
            }
            if let appended {
                dropPendingSurrogate()
                result.unicodeScalars.append(appended)
            }
            chunkStart = index
        }
    }
}
