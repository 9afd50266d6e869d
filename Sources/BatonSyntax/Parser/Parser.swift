// The parser: recursive descent over the grammar (grammar/baton.ebnf), one token of lookahead.
//
// It never fails. It always returns a tree and a list of diagnostics; a statement it cannot
// understand is reported once and skipped up to the next line (keeping braces balanced), so one
// typo gives one error and the rest of the file is still parsed (Crafting Interpreters' panic
// mode). Nesting is bounded by `maxDepth` so hostile input cannot exhaust the stack, and the
// errors kept are capped (`CappedDiagnostics`) so it cannot exhaust memory either.

public struct ParseResult: Sendable {
    public var syntax: SyntaxFile
    /// The first `CappedDiagnostics.errorsPerFile` errors, in source order.
    public var diagnostics: [Diagnostic]
    /// Errors found beyond the cap: counted, not kept.
    public var omittedErrors: Int
}

public enum BatonParser {
    /// The deepest nesting of `{ }` blocks (groups, flows, interaction blocks, fragments) accepted.
    public static let defaultMaxDepth = 64
    public static func parse(_ source: SourceFile, maxDepth: Int = defaultMaxDepth) -> ParseResult {
        var parser = Parser(source: source, maxDepth: maxDepth)
        let statements = parser.parseFile()
        var diagnostics = parser.diagnostics
        diagnostics.append(contentsOf: encodingDiagnostics(source))
        let syntax = SyntaxFile(file: source.id, statements: statements, comments: parser.lexer.comments)
        return ParseResult(syntax: syntax, diagnostics: diagnostics.diagnostics,
                           omittedErrors: diagnostics.omittedErrors(in: source.id))
    }

    static func encodingDiagnostics(_ source: SourceFile) -> [Diagnostic] {
        let problems = EncodingCheck.problems(in: source.bytes)
        var diagnostics: [Diagnostic] = []
        for problem in problems.prefix(10) {
            let span = Span(file: source.id, start: problem.start, end: problem.end)
            let message = problem.isNul
                ? "NUL byte in the source; Baton files are UTF-8 text"
                : "invalid UTF-8 byte sequence; Baton files are UTF-8 text"
            diagnostics.append(Diagnostic(
                code: CompileError.invalidEncoding, severity: .error, message: message, span: span,
                help: "save the file as UTF-8 (without NUL bytes)"))
        }
        if problems.count > 10 {
            diagnostics[diagnostics.count - 1].notes.append(
                .init("\(problems.count - 10) more invalid byte sequences are not shown"))
        }
        return diagnostics
    }
}

struct Parser {
    var lexer: Lexer
    var token: Token
    let file: FileID
    let maxDepth: Int
    var diagnostics = CappedDiagnostics()
    /// End offset of the last consumed token, for spans.
    var previousEnd = 0
    /// Set after a statement-level error; suppresses reports until the next statement.
    var panicking = false
    var depth = 0

    init(source: SourceFile, maxDepth: Int) {
        lexer = Lexer(bytes: source.bytes, file: source.id)
        file = source.id
        self.maxDepth = maxDepth
        token = Token(kind: .newline, start: 0, end: 0)
        advance()
    }

    // MARK: - Token handling

    /// Consumes the current token and lexes the next one in `mode`.
    mutating func advance(_ mode: Lexer.Mode = .statement) {
        previousEnd = token.end
        token = lexer.next(mode)
        reportLexicalError()
    }

    /// Consumes `:` and lexes the label that follows it.
    mutating func advanceToLabel() {
        previousEnd = token.end
        token = lexer.label()
        reportLexicalError()
    }

    /// Lexes the current token again in another mode (after leaving `[...]` unexpectedly).
    mutating func relex(_ mode: Lexer.Mode) {
        lexer.reset(to: token.start)
        let followsNewline = token.followsNewline
        token = lexer.next(mode)
        token.followsNewline = followsNewline
    }

    private mutating func reportLexicalError() {
        if let message = token.error {
            report(message, at: span(token))
        }
    }

    func span(_ token: Token) -> Span { Span(file: file, start: token.start, end: token.end) }
    func span(from start: Int) -> Span { Span(file: file, start: start, end: max(start, previousEnd)) }

    var isAtStatementEnd: Bool {
        switch token.kind {
        case .newline, .semicolon, .endOfFile, .rightBrace: true
        default: false
        }
    }

    // MARK: - Diagnostics

    mutating func report(_ message: String, at span: Span, code: String = CompileError.syntax,
                         notes: [Diagnostic.Note] = [], help: String? = nil) {
        guard !panicking else { return }
        diagnostics.append(Diagnostic(code: code, severity: .error, message: message, span: span, notes: notes, help: help))
    }

    /// Reports a statement-level error at the current token and enters panic mode.
    mutating func fail(_ message: String, help: String? = nil) {
        // A token with a lexical problem (an invalid character, a bad unit) has been reported
        // already: one mistake, one error.
        if token.kind != .invalid, token.error == nil { report(message, at: span(token), help: help) }
        panicking = true
    }

    /// "expected X, found Y"
    mutating func failExpected(_ what: String, help: String? = nil) {
        fail("expected \(what), found \(token.kind.summary)", help: help)
    }

    // MARK: - Recovery

    /// Skips to the end of the current statement: the next line break or `;` outside braces, or
    /// a `}` that closes an enclosing block. Blocks met on the way are skipped whole.
    mutating func synchronize() {
        var braces = 0
        while true {
            switch token.kind {
            case .endOfFile:
                panicking = false
                return
            case .newline, .semicolon:
                if braces == 0 {
                    panicking = false
                    return
                }
            case .leftBrace:
                braces += 1
            case .rightBrace:
                if braces == 0 {
                    panicking = false
                    return
                }
                braces -= 1
            default:
                break
            }
            advance()
        }
    }

    /// After a statement: it must end at a line break, `;`, `}` or the end of the file.
    mutating func endStatement() {
        if !panicking, !isAtStatementEnd {
            failExpected("a line break or ';' after the statement")
        }
        if panicking { synchronize() }
    }

    mutating func skipSeparators() {
        while token.kind == .newline || token.kind == .semicolon { advance() }
    }
}
