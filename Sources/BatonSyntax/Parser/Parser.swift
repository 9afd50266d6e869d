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
    /// The interactions in `syntax`, blocks and fragments included: the model builder sizes
    /// its largest array with it.
    public var interactionCount = 0
    /// For each top-level statement, the interactions parsed before it: where the model's
    /// interactions of each statement start, so that parts of the statements can be built at
    /// once (`ModelBuilder.buildFlowsInParts`).
    public var interactionsBefore: [Int32] = []
    /// The top-level `import` statements in `syntax`: the loader looks among the statements
    /// for them only where there are some (a large design's steps are tens of thousands of
    /// statements, and it has no imports).
    public var importCount = 0
}

public enum BatonParser {
    /// The deepest nesting of `{ }` blocks (groups, flows, interaction blocks, fragments) accepted.
    public static let defaultMaxDepth = 64
    /// Parses `source`. With more than one job, a large file's top-level statements are parsed
    /// in parts on `jobs` threads when that gives exactly the result of one parse from the start
    /// (`PartParse`); otherwise, and for every file below `PartParse.minimumBytes`, on this
    /// thread alone.
    public static func parse(_ source: SourceFile, maxDepth: Int = defaultMaxDepth, jobs: Int = 1) -> ParseResult {
        if jobs > 1, source.bytes.count >= PartParse.minimumBytes,
           let parsed = PartParse.parse(source, maxDepth: maxDepth, parts: jobs, jobs: jobs)
        {
            return parsed
        }
        return sequential(source, maxDepth: maxDepth)
    }

    /// The whole file from its start, on this thread: what every other way of parsing must equal.
    static func sequential(_ source: SourceFile, maxDepth: Int) -> ParseResult {
        var parser = Parser(source: source, maxDepth: maxDepth)
        let statements = parser.parseFile()
        var diagnostics = parser.diagnostics
        diagnostics.append(contentsOf: encodingDiagnostics(source))
        let syntax = SyntaxFile(file: source.id, statements: statements, comments: parser.lexer.comments)
        return ParseResult(syntax: syntax, diagnostics: diagnostics.diagnostics,
                           omittedErrors: diagnostics.omittedErrors(in: source.id), interactionCount: parser.interactionCount,
                           interactionsBefore: parser.interactionsBefore, importCount: parser.importCount)
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
    /// The current token, without its text (see `LexedToken`): `tokenText`, `tokenString`
    /// and `tokenError` read what the lexer keeps of it.
    var token: LexedToken
    let file: FileID
    let maxDepth: Int
    var diagnostics = CappedDiagnostics()
    /// End offset of the last consumed token, for spans.
    var previousEnd = 0
    /// Set after a statement-level error; suppresses reports until the next statement.
    var panicking = false
    var depth = 0
    /// Interactions parsed (see `ParseResult.interactionCount`).
    var interactionCount = 0
    /// `interactionCount` before each top-level statement kept (`ParseResult.interactionsBefore`).
    var interactionsBefore: [Int32] = []
    /// Top-level `import` statements parsed (see `ParseResult.importCount`).
    var importCount = 0
    /// How many top-level statements to make room for before the first (`PartParse.rooms`).
    var statementsRoom = 0
    /// A `{` right after a free-text label (`GET /orders/{id}`): see `unquotedLabel`.
    var labelBrace: LabelBrace?

    /// Where a free-text label ran into a `{`: the brace, the label's start, and the end of
    /// the part of its line that errors are matched against.
    struct LabelBrace {
        var brace: Int
        var labelStart: Int
        var lineEnd: Int
        /// After an interaction's label the `{` opens its block; after a note's it is just wrong.
        var opensBlock: Bool
        var reported = false
    }

    /// `mode` lexes the first token: a scenario piece given on the command line starts with
    /// a quantity (`40/s`, `10m`).
    init(source: SourceFile, maxDepth: Int, mode: Lexer.Mode = .statement) {
        lexer = Lexer(bytes: source.bytes, file: source.id)
        file = source.id
        self.maxDepth = maxDepth
        token = LexedToken(kind: .newline, start: 0, end: 0)
        advance(mode)
    }

    /// A parser of `part` of `source` alone, as if the file ended where the part does (see
    /// `PartParse`).
    init(source: SourceFile, part: Range<Int>, maxDepth: Int) {
        lexer = Lexer(bytes: source.bytes, file: source.id, part: part)
        file = source.id
        self.maxDepth = maxDepth
        token = LexedToken(kind: .newline, start: part.lowerBound, end: part.lowerBound)
        advance()
    }

    // MARK: - Token handling

    /// Consumes the current token and lexes the next one in `mode`.
    mutating func advance(_ mode: Lexer.Mode = .statement) {
        previousEnd = token.end
        token = lexer.nextLexed(mode)
        if token.hasError { reportLexicalError() }
    }

    /// Consumes `:` and lexes the label that follows it.
    mutating func advanceToLabel() {
        previousEnd = token.end
        token = lexer.lexLabel()
        reportLexicalError()
    }

    /// Lexes the current token again in another mode (after leaving `[...]` unexpectedly).
    mutating func relex(_ mode: Lexer.Mode) {
        lexer.reset(to: token.start)
        let followsNewline = token.followsNewline
        token = lexer.nextLexed(mode)
        token.followsNewline = followsNewline
    }

    private mutating func reportLexicalError() {
        if let message = tokenError {
            report(message, at: tokenSpan)
        }
    }

    /// The lexical problem of the current token, if it has one.
    var tokenError: String? {
        token.hasError ? lexer.error : nil
    }

    /// The current token's bytes, decoded: a name, an attribute word, a free-text label.
    var tokenText: String {
        lexer.text(of: token)
    }

    /// The current string token's value, escapes decoded.
    var tokenString: String {
        lexer.stringValue
    }

    /// Whether the current token is the name `word` (the words of scenario lines).
    func tokenIsIdentifier(_ word: String) -> Bool {
        guard case .identifier = token.kind else { return false }
        return tokenText == word
    }

    /// How the current token is named in "expected …, found …" messages.
    var tokenSummary: String {
        TokenKind(token.kind, text: tokenText, string: tokenString).summary
    }

    /// The current token's span (read in place: passing the token to a function copied it).
    var tokenSpan: Span {
        @inline(__always) get { Span(file: file, start: token.start, end: token.end) }
    }

    @inline(__always)
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
        if let hint = labelBrace, code == CompileError.syntax, span.start >= hint.brace, span.start < hint.lineEnd {
            // The `{` opened a block nobody meant: one error, about the label, for the whole line.
            if !hint.reported { diagnostics.append(unquotedLabel(hint)) }
            labelBrace?.reported = true
            return
        }
        diagnostics.append(Diagnostic(code: code, severity: .error, message: message, span: span, notes: notes, help: help))
    }

    /// Remembers a `{` that ends a free-text label with no space before it. A label stops at `{`,
    /// so `A -> B : GET /orders/{id}` reads as the label `GET /orders/` and a block holding
    /// `id`; the first syntax error on that line is then reported as the label's, with the quoted
    /// label as the fix.
    mutating func noteLabelBrace(label: Span, opensBlock: Bool) {
        guard case .leftBrace = token.kind, token.start == label.end else { return }
        var end = token.start
        let bytes = lexer.bytes
        while end < bytes.count, end - token.start < Self.labelHintWindow, bytes[end] != 0x0A { end += 1 }
        labelBrace = LabelBrace(brace: token.start, labelStart: label.start, lineEnd: end, opensBlock: opensBlock)
    }

    /// How far along its line a label hint looks (and how much of the label it quotes).
    static let labelHintWindow = 200

    func unquotedLabel(_ hint: LabelBrace) -> Diagnostic {
        // The label as written: up to the end of the line, a comment, or an attribute list
        // after a space.
        let bytes = lexer.bytes
        var end = hint.labelStart
        while end < hint.lineEnd, bytes[end] != UInt8(ascii: "#"),
              !(bytes[end] == UInt8(ascii: "[") && end > hint.labelStart && (bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09)) {
            end += 1
        }
        var text = String(decoding: bytes[hint.labelStart..<end], as: UTF8.self)
        while let last = text.last, last == " " || last == "\t" || last == "\r" { text.removeLast() }
        let help = end < hint.lineEnd || hint.lineEnd >= bytes.count || bytes[hint.lineEnd] == 0x0A
            ? "if '{' belongs to the label, quote the whole label: \(LiteralFormat.string(text))"
            : "if '{' belongs to the label, quote the whole label"
        return Diagnostic(
            code: CompileError.syntax, severity: .error,
            message: hint.opensBlock ? "an unquoted label stops at '{', so this '{' opens a block" : "an unquoted label stops at '{'",
            span: Span(file: file, start: hint.brace, end: hint.brace + 1), help: help)
    }

    /// Reports a statement-level error at the current token and enters panic mode.
    mutating func fail(_ message: String, help: String? = nil) {
        // A token with a lexical problem (an invalid character, a bad unit) has been reported
        // already: one mistake, one error.
        if token.kind != .invalid, !token.hasError { report(message, at: tokenSpan, help: help) }
        panicking = true
    }

    /// "expected X, found Y"
    mutating func failExpected(_ what: String, help: String? = nil) {
        fail("expected \(what), found \(tokenSummary)", help: help)
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
        while true {
            switch token.kind {
            case .newline, .semicolon: advance()
            default: return
            }
        }
    }
}
