/// What the lexer recognised. Literal values are decoded; the source text stays reachable
/// through the token's span (the formatter prints literals as written).
public enum TokenKind: Hashable, Sendable {
    /// A participant or group name.
    case identifier(String)
    /// An attribute key or word value inside `[...]`: letters, digits, `_` and `-`.
    case word(String)
    case keyword(Keyword)
    case string(String)
    /// Free text after `:` (an unquoted label), already trimmed.
    case text(String)
    case number(Double)
    /// A duration in seconds.
    case duration(Double)
    /// A percentage, e.g. 99.95 for `99.95%`.
    case percent(Double)
    /// A rate in events per second.
    case rate(Double)
    case arrow(Arrow)
    /// `<=`, `<`, `>=` or `>` (inside a scenario only).
    case comparison(ComparisonOperator)
    case colon, comma, equals, semicolon
    case leftBracket, rightBracket, leftBrace, rightBrace
    case newline
    case endOfFile
    /// Something that is not a token at all; the lexer's message says what.
    case invalid
}

public struct Token: Sendable {
    public var kind: TokenKind
    public var start: Int
    public var end: Int
    /// A lexical problem with this token (unterminated string, unknown unit, stray character).
    public var error: String?
    /// Whether a line break separates this token from the previous one (used for recovery
    /// inside `[...]`, where line breaks are otherwise insignificant).
    public var followsNewline: Bool

    // Inlined into the lexer, which makes every token: called, it copied the token and
    // destroyed the original, a pair of retains and releases per token.
    @inline(__always)
    public init(kind: TokenKind, start: Int, end: Int, error: String? = nil, followsNewline: Bool = false) {
        self.kind = kind
        self.start = start
        self.end = end
        self.error = error
        self.followsNewline = followsNewline
    }
}

extension TokenKind {
    /// How the token is named in "expected …, found …" messages.
    public var summary: String {
        switch self {
        case .identifier(let name): "name '\(name)'"
        case .word(let word): "'\(word)'"
        case .keyword(let keyword): "keyword '\(keyword.rawValue)'"
        case .string: "a string"
        case .text(let text): "'\(text)'"
        case .number, .duration, .percent, .rate: "a number"
        case .arrow(let arrow): "'\(arrow.rawValue)'"
        case .comparison(let comparison): "'\(comparison.rawValue)'"
        case .colon: "':'"
        case .comma: "','"
        case .equals: "'='"
        case .semicolon: "';'"
        case .leftBracket: "'['"
        case .rightBracket: "']'"
        case .leftBrace: "'{'"
        case .rightBrace: "'}'"
        case .newline: "end of line"
        case .endOfFile: "end of file"
        case .invalid: "an invalid character"
        }
    }
}
