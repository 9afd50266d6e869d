/// A parsed JSON text that remembers where each member and element was written, so that a
/// program validating the value (a configuration file, say) can report `line:column` for the
/// offending key or value, not just for syntax errors.
///
/// Places are addressed by JSON pointer (RFC 6901): `""` is the whole document, `/rules/fan-out`
/// a member, `/items/0` an element.
public struct JSONDocument: Sendable {
    public let value: JSONValue
    private let bytes: [UInt8]
    private let keyOffsets: [String: Int]
    private let valueOffsets: [String: Int]

    public static func parse(_ bytes: [UInt8]) throws(JSONParseError) -> JSONDocument {
        var parser = JSONByteParser(bytes: bytes)
        parser.skipWhitespace()
        let value = try parser.parseValue(depth: 0, pointer: "")
        parser.skipWhitespace()
        guard parser.index == bytes.count else { throw parser.error("unexpected text after the JSON value") }
        return JSONDocument(value: value, bytes: bytes, keyOffsets: parser.keyOffsets, valueOffsets: parser.valueOffsets)
    }

    /// Where the key of the member at `pointer` starts (its opening quote); for array elements
    /// and the root, where the value starts.
    public func keyLocation(_ pointer: String) -> (line: Int, column: Int)? {
        guard let offset = keyOffsets[pointer] ?? valueOffsets[pointer] else { return nil }
        return JSONByteParser.location(of: offset, in: bytes)
    }

    /// Where the value at `pointer` starts.
    public func valueLocation(_ pointer: String) -> (line: Int, column: Int)? {
        guard let offset = valueOffsets[pointer] else { return nil }
        return JSONByteParser.location(of: offset, in: bytes)
    }

    /// A pointer from unescaped reference tokens: `["rules", "fan-out"]` → `/rules/fan-out`.
    public static func pointer(_ tokens: [String]) -> String {
        tokens.map { "/" + escape($0) }.joined()
    }

    /// RFC 6901 escaping of one reference token.
    static func escape(_ token: String) -> String {
        var result = ""
        for character in token {
            switch character {
            case "~": result += "~0"
            case "/": result += "~1"
            default: result.append(character)
            }
        }
        return result
    }
}
