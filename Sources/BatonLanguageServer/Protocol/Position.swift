import BatonJSON

/// How the client counts characters in a line (LSP `PositionEncodingKind`). Baton keeps UTF-8
/// byte offsets, so `utf-8` is the cheap one and is chosen whenever the client offers it.
public enum PositionEncoding: String, Hashable, Sendable {
    case utf8 = "utf-8"
    case utf16 = "utf-16"
}

/// A zero-based line and character, the character counted in the negotiated encoding.
public struct Position: Hashable, Sendable, Comparable {
    public var line: Int
    public var character: Int

    public init(line: Int, character: Int) {
        self.line = line
        self.character = character
    }

    public init?(json: JSONValue?) {
        guard let json, let line = json["line"].flatMap(Self.integer), let character = json["character"].flatMap(Self.integer),
              line >= 0, character >= 0
        else { return nil }
        self.init(line: line, character: character)
    }

    /// A non-negative integer that fits (LSP uses uinteger; anything else is invalid params).
    static func integer(_ value: JSONValue) -> Int? {
        guard case .number(let text) = value, text.utf8.count <= 10, let number = Int(text) else { return nil }
        return number
    }

    public var json: JSONValue { .object([("line", .int(line)), ("character", .int(character))]) }

    public static func < (lhs: Position, rhs: Position) -> Bool {
        (lhs.line, lhs.character) < (rhs.line, rhs.character)
    }
}

/// A range of positions, end exclusive (LSP `Range`).
public struct TextRange: Hashable, Sendable {
    public var start: Position
    public var end: Position

    public init(start: Position, end: Position) {
        self.start = start
        self.end = end
    }

    public init?(json: JSONValue?) {
        guard let json, let start = Position(json: json["start"]), let end = Position(json: json["end"]) else { return nil }
        self.init(start: start, end: max(start, end))
    }

    public var json: JSONValue { .object([("start", start.json), ("end", end.json)]) }
}
