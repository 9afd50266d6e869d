/// A token as the parser reads it: what it is and where, without its text. Names, words and
/// free-text labels are their bytes (`Lexer.text(of:)`), a string's decoded value and a
/// lexical problem's message stay in the lexer (`Lexer.stringValue`, `Lexer.error`) until the
/// next token is lexed.
///
/// Why not `Token`: a token that holds strings is copied and destroyed with retains and
/// releases, several times between the lexer and the parser, and that was a tenth of
/// compiling. This one holds only numbers, so copying it is copying bytes; the parser makes a
/// string only where the syntax tree keeps one. `Token`, with its text, is what the lexer's
/// public methods return.
struct LexedToken: Sendable {
    var kind: LexedKind
    var start: Int
    var end: Int
    /// Whether the lexer found a problem with this token; its message is `Lexer.error`.
    var hasError = false
    /// Whether a line break separates this token from the previous one (see `Token`).
    var followsNewline = false

    @inline(__always)
    init(kind: LexedKind, start: Int, end: Int, hasError: Bool = false, followsNewline: Bool = false) {
        self.kind = kind
        self.start = start
        self.end = end
        self.hasError = hasError
        self.followsNewline = followsNewline
    }
}

/// `TokenKind` without the text of names, words, strings and labels (see `LexedToken`).
enum LexedKind: Hashable, Sendable {
    case identifier
    case word
    case keyword(Keyword)
    case string
    case text
    case number(Double)
    case duration(Double)
    case percent(Double)
    case rate(Double)
    case arrow(Arrow)
    case comparison(ComparisonOperator)
    case colon, comma, equals, semicolon
    case leftBracket, rightBracket, leftBrace, rightBrace
    case newline
    case endOfFile
    case invalid

    /// The same quantity with the opposite sign: a `-` before digits in a scenario line.
    var negated: LexedKind {
        switch self {
        case .number(let value): .number(-value)
        case .duration(let value): .duration(-value)
        case .percent(let value): .percent(-value)
        case .rate(let value): .rate(-value)
        default: self
        }
    }

    /// A name or a string: what follows a misspelt keyword (`servce Shop`, `scenaro "Peak"`).
    var isIdentifierOrString: Bool {
        switch self {
        case .identifier, .string: true
        default: false
        }
    }

    /// `{`: asked after every statement head.
    var isLeftBrace: Bool {
        if case .leftBrace = self { return true }
        return false
    }
}

extension TokenKind {
    /// The kind with its text: `text` is the token's bytes decoded, `string` a string's value.
    init(_ kind: LexedKind, text: @autoclosure () -> String, string: @autoclosure () -> String) {
        switch kind {
        case .identifier: self = .identifier(text())
        case .word: self = .word(text())
        case .keyword(let keyword): self = .keyword(keyword)
        case .string: self = .string(string())
        case .text: self = .text(text())
        case .number(let value): self = .number(value)
        case .duration(let value): self = .duration(value)
        case .percent(let value): self = .percent(value)
        case .rate(let value): self = .rate(value)
        case .arrow(let arrow): self = .arrow(arrow)
        case .comparison(let comparison): self = .comparison(comparison)
        case .colon: self = .colon
        case .comma: self = .comma
        case .equals: self = .equals
        case .semicolon: self = .semicolon
        case .leftBracket: self = .leftBracket
        case .rightBracket: self = .rightBracket
        case .leftBrace: self = .leftBrace
        case .rightBrace: self = .rightBrace
        case .newline: self = .newline
        case .endOfFile: self = .endOfFile
        case .invalid: self = .invalid
        }
    }
}
