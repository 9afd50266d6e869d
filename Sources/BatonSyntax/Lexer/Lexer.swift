// The lexer turns bytes into tokens on demand. The parser pulls one token at a time and says
// which mode it is in, because `-` means two different things in Baton: outside brackets it
// starts an arrow (`A->B` is three tokens), inside `[...]` it belongs to kebab-case words
// (`circuit-breaker`, `at-least-once`), where line breaks are also insignificant. The lines of a
// `scenario` are a third mode: quantities stand outside brackets there (`load 40/s from 3m to
// 3m5s`), a `-` before digits is a sign, and `<=`, `<`, `>=`, `>` compare.
//
// Invariants: the lexer never fails and never loops — every call either consumes at least one
// byte or returns `endOfFile`. Invalid UTF-8 and NUL bytes are skipped here and reported once by
// `EncodingCheck`. Comments are collected on the side for the formatter and suppressions.

public struct Lexer: Sendable {
    public enum Mode: Sendable {
        case statement, attributes
        /// The words after `load`, `fault` and `expect` in a scenario.
        case scenario
    }

    let bytes: [UInt8]
    let file: FileID
    /// Where lexing ends, as if the bytes ended there: `bytes.count`, or the end of a part of
    /// a large file parsed on its own (`PartParse`). Every scan stops here.
    let limit: Int
    public private(set) var position: Int
    public private(set) var comments: [Comment] = []
    /// The message of the last token lexed with a problem (`LexedToken.hasError`).
    private(set) var error: String?
    /// The value of the last string token lexed, escapes decoded.
    private(set) var stringValue = ""

    public init(bytes: [UInt8], file: FileID) {
        self.bytes = bytes
        self.file = file
        self.limit = bytes.count
        // A UTF-8 byte order mark is not content.
        self.position = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
    }

    /// A lexer over `part` of `bytes` alone: it starts at the part's start (skipping a byte
    /// order mark there only at offset 0, as the whole file's lexer does) and ends at the part's
    /// end. Offsets stay the file's, so the tokens and spans are the ones lexing the whole file
    /// makes there.
    init(bytes: [UInt8], file: FileID, part: Range<Int>) {
        self.bytes = bytes
        self.file = file
        self.limit = part.upperBound
        self.position = part.lowerBound == 0 && bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? min(3, part.upperBound) : part.lowerBound
    }

    /// Moves back to `offset` (the start of a token already returned) to lex it again in
    /// another mode; comments recorded from there on are forgotten so they are not doubled.
    public mutating func reset(to offset: Int) {
        position = offset
        while let last = comments.last, last.span.start >= offset { comments.removeLast() }
    }

    // MARK: - Tokens

    public mutating func next(_ mode: Mode) -> Token {
        let lexed = nextLexed(mode)
        return token(lexed)
    }

    /// Lexes a label after `:`: a string, or free text up to `[`, `{`, `}`, `#`, `;` or the end
    /// of the line, trimmed. An empty label yields whatever token comes next.
    public mutating func label() -> Token {
        let lexed = lexLabel()
        return token(lexed)
    }

    /// Lexes the factor after `slow` in a scenario: `x` and a number with no space between
    /// (`x10`, `x1.5`), returned as a number token that covers the `x`. Anything else is
    /// lexed as usual; a bare number gets an error that shows the `x`.
    public mutating func factor() -> Token {
        let lexed = lexFactor()
        return token(lexed)
    }

    /// A lexed token with its text, as the public methods return it. Called after lexing, not
    /// around it: the text of a string and the message of a problem are read from `self`.
    private func token(_ lexed: LexedToken) -> Token {
        Token(kind: TokenKind(lexed.kind, text: text(of: lexed), string: stringValue), start: lexed.start, end: lexed.end,
              error: lexed.hasError ? error : nil, followsNewline: lexed.followsNewline)
    }

    /// The bytes of a token, decoded: the name of an identifier, a word, a free-text label.
    func text(of token: LexedToken) -> String {
        String(decoding: bytes[token.start..<token.end], as: UTF8.self)
    }

    /// The next token, without its text (see `LexedToken`): what the parser reads.
    mutating func nextLexed(_ mode: Mode) -> LexedToken {
        let crossedNewline = skipTrivia(newlinesAreTrivia: mode == .attributes)
        let start = position
        guard position < limit else {
            return LexedToken(kind: .endOfFile, start: start, end: start, followsNewline: crossedNewline)
        }
        var token = lexToken(mode)
        token.followsNewline = crossedNewline
        return token
    }

    /// `label()`, without the text.
    mutating func lexLabel() -> LexedToken {
        _ = skipTrivia(newlinesAreTrivia: false, stopAtComment: true)
        let start = position
        guard position < limit else { return LexedToken(kind: .endOfFile, start: start, end: start) }
        if bytes[position] == UInt8(ascii: "\"") { return lexString() }
        var end = position
        var lastContent = position
        while end < limit {
            let byte = bytes[end]
            if byte == 0x0A || byte == UInt8(ascii: "[") || byte == UInt8(ascii: "{") || byte == UInt8(ascii: "}")
                || byte == UInt8(ascii: "#") || byte == UInt8(ascii: ";")
            {
                break
            }
            end += 1
            if byte != 0x20, byte != 0x09, byte != 0x0D { lastContent = end }
        }
        if lastContent == start { return nextLexed(.statement) }
        position = lastContent
        return LexedToken(kind: .text, start: start, end: lastContent)
    }

    /// `factor()`, without the text.
    mutating func lexFactor() -> LexedToken {
        _ = skipTrivia(newlinesAreTrivia: false)
        let start = position
        if position + 1 < limit, bytes[position] == UInt8(ascii: "x"), ASCIIByte.isDigit(bytes[position + 1]) {
            position += 1
            var number = lexNumber()
            number.start = start
            if case .number = number.kind { return number }
            if !number.hasError {
                let text = String(decoding: bytes[start..<number.end], as: UTF8.self)
                return failed(number, "'\(text)' is not a factor; write a plain number after the 'x', like x10")
            }
            return number
        }
        let token = nextLexed(.scenario)
        if case .number(let value) = token.kind, !token.hasError {
            return failed(token, "write the factor with an 'x' before it: x\(LiteralFormat.number(value))")
        }
        return token
    }

    /// `token`, marked as having the problem `message`.
    private mutating func failed(_ token: LexedToken, _ message: String) -> LexedToken {
        error = message
        var token = token
        token.hasError = true
        return token
    }

    /// A token with a problem.
    private mutating func failed(_ kind: LexedKind, start: Int, end: Int, _ message: String) -> LexedToken {
        error = message
        return LexedToken(kind: kind, start: start, end: end, hasError: true)
    }

    // Inlined into `nextLexed`, its one caller: called, it spent about twenty instructions a
    // token on its entry and exit.
    @inline(__always)
    private mutating func lexToken(_ mode: Mode) -> LexedToken {
        let start = position
        let byte = bytes[position]
        switch byte {
        case 0x0A:
            position += 1
            return LexedToken(kind: .newline, start: start, end: position)
        case UInt8(ascii: ":"): return single(.colon)
        case UInt8(ascii: ","): return single(.comma)
        case UInt8(ascii: "="): return single(.equals)
        case UInt8(ascii: ";"): return single(.semicolon)
        case UInt8(ascii: "["): return single(.leftBracket)
        case UInt8(ascii: "]"): return single(.rightBracket)
        case UInt8(ascii: "{"): return single(.leftBrace)
        case UInt8(ascii: "}"): return single(.rightBrace)
        case UInt8(ascii: "\""): return lexString()
        case UInt8(ascii: "0")...UInt8(ascii: "9"):
            if mode == .statement, let word = digitLedWord() { return word }
            return lexNumber()
        case UInt8(ascii: "-"):
            if mode == .scenario, let next = peek(1), ASCIIByte.isDigit(next) {
                // A sign, so that `load -5/s` is told its rate must be positive rather than
                // that '-' is no arrow.
                position += 1
                var number = lexNumber()
                number.start = start
                number.kind = number.kind.negated
                return number
            }
            if peek(1) == UInt8(ascii: ">") {
                if peek(2) == UInt8(ascii: ">") {
                    position += 3
                    return LexedToken(kind: .arrow(.send), start: start, end: position)
                }
                position += 2
                return LexedToken(kind: .arrow(.call), start: start, end: position)
            }
        case UInt8(ascii: "<") where mode == .scenario, UInt8(ascii: ">") where mode == .scenario:
            let orEqual = peek(1) == UInt8(ascii: "=")
            position += orEqual ? 2 : 1
            let comparison: ComparisonOperator = byte == UInt8(ascii: "<")
                ? (orEqual ? .lessOrEqual : .less) : (orEqual ? .greaterOrEqual : .greater)
            return LexedToken(kind: .comparison(comparison), start: start, end: position)
        case UInt8(ascii: "<"):
            if peek(1) == UInt8(ascii: "-") {
                position += 2
                return LexedToken(kind: .arrow(.fetch), start: start, end: position)
            }
        case UInt8(ascii: "~"):
            if peek(1) == UInt8(ascii: ">") {
                position += 2
                return LexedToken(kind: .arrow(.callback), start: start, end: position)
            }
        default:
            if let length = identifierStartLength(at: position) {
                return lexWord(mode, firstLength: length)
            }
        }
        return lexInvalid()
    }

    private mutating func single(_ kind: LexedKind) -> LexedToken {
        position += 1
        return LexedToken(kind: kind, start: position - 1, end: position)
    }

    /// The first index from `start` on (at most `limit`) whose byte fails `test`.
    ///
    /// The bytes are read through the array's buffer into a local index: read as `bytes[position]`
    /// in a loop, each byte cost its bounds check and a store of `position` (about 25
    /// instructions a byte of a name).
    @inline(__always)
    private func scan(from start: Int, while test: (UInt8) -> Bool) -> Int {
        bytes.withUnsafeBufferPointer { buffer in
            var index = start
            while index < limit, test(buffer[index]) { index += 1 }
            return index
        }
    }

    private func peek(_ offset: Int) -> UInt8? {
        let index = position + offset
        return index < limit ? bytes[index] : nil
    }

    private mutating func lexInvalid() -> LexedToken {
        let start = position
        let length = max(1, UTF8Scan.sequenceLength(bytes, at: position))
        position += length
        let character = String(decoding: bytes[start..<position], as: UTF8.self)
        let hint: String
        switch character {
        case "-": hint = "; arrows are '->', '->>', '<-' and '~>', and names cannot contain '-'"
        case ">", "<", "~": hint = "; arrows are '->', '->>', '<-' and '~>'"
        case "'": hint = "; strings use double quotes"
        default: hint = ""
        }
        return failed(.invalid, start: start, end: position, "unexpected character '\(character)'\(hint)")
    }

    /// The first byte of the next token that is not a line break, found without lexing or
    /// recording anything; nil at the end. The parser looks past line breaks after most
    /// statements (a `{` on the next line, an `else` after a `}`), and this tells it cheaply
    /// that the token it looks for is not there.
    func firstByteAfterLineBreaks() -> UInt8? {
        var index = position
        let count = limit
        while index < count {
            let byte = bytes[index]
            switch byte {
            case 0x20, 0x09, 0x0D, 0x0B, 0x0C, 0x00, 0x0A:
                index += 1
            case UInt8(ascii: "#"):
                while index < count, bytes[index] != 0x0A { index += 1 }
            default:
                if byte < 0x80 || UTF8Scan.sequenceLength(bytes, at: index) > 0 { return byte }
                index += 1  // invalid UTF-8, skipped as trivia
            }
        }
        return nil
    }

    // MARK: - Trivia

    /// Skips blanks, comments, stray bytes and (in brackets) line breaks. Returns whether a line
    /// break was skipped.
    private mutating func skipTrivia(newlinesAreTrivia: Bool, stopAtComment: Bool = false) -> Bool {
        var crossedNewline = false
        while position < limit {
            let byte = bytes[position]
            switch byte {
            case 0x20, 0x09, 0x0D, 0x0B, 0x0C, 0x00:
                position += 1
            case 0x0A:
                guard newlinesAreTrivia else { return crossedNewline }
                crossedNewline = true
                position += 1
            case UInt8(ascii: "#"):
                if stopAtComment { return crossedNewline }
                lexComment()
            default:
                if byte < 0x80 { return crossedNewline }
                if UTF8Scan.sequenceLength(bytes, at: position) == 0 {
                    position += 1  // invalid UTF-8: reported by EncodingCheck
                } else {
                    return crossedNewline
                }
            }
        }
        return crossedNewline
    }

    private mutating func lexComment() {
        let start = position
        var lineStart = start
        while lineStart > 0, bytes[lineStart - 1] != 0x0A { lineStart -= 1 }
        let ownLine = bytes[lineStart..<start].allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }
        var end = position
        while end < limit, bytes[end] != 0x0A { end += 1 }
        position = end
        var textEnd = end
        if textEnd > start + 1, bytes[textEnd - 1] == 0x0D { textEnd -= 1 }
        let text = String(decoding: bytes[(start + 1)..<max(start + 1, textEnd)], as: UTF8.self)
        comments.append(Comment(text: text, span: Span(file: file, start: start, end: textEnd), isOwnLine: ownLine))
    }

    // MARK: - Words

    /// Length of the identifier-start character at `index`: a letter or `_`. Inlined into
    /// `nextLexed`, which asks it of every word: called, its entry, exit and optional result
    /// cost about fifty instructions.
    @inline(__always)
    private func identifierStartLength(at index: Int) -> Int? {
        let byte = bytes[index]
        if byte < 0x80 {
            return ASCIIByte.isNameStart(byte) ? 1 : nil
        }
        return nonASCIIIdentifierStartLength(at: index)
    }

    /// `identifierStartLength` beyond ASCII, kept out of line: inlined, its reading of Unicode
    /// properties was set up for every token.
    @inline(never)
    private func nonASCIIIdentifierStartLength(at index: Int) -> Int? {
        let length = UTF8Scan.sequenceLength(bytes, at: index)
        guard length > 0 else { return nil }
        return UTF8Scan.scalar(bytes, at: index, length: length).properties.isAlphabetic ? length : nil
    }

    /// Length of the character at `index`, beyond ASCII, when it may continue a name (`lexWord`
    /// decides ASCII bytes itself). Kept out of line, as `nonASCIIIdentifierStartLength` is.
    @inline(never)
    private func nonASCIIIdentifierContinueLength(at index: Int) -> Int? {
        let length = UTF8Scan.sequenceLength(bytes, at: index)
        guard length > 0 else { return nil }
        let properties = UTF8Scan.scalar(bytes, at: index, length: length).properties
        switch properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark, .decimalNumber, .connectorPunctuation:
            return length
        default:
            return properties.isAlphabetic ? length : nil
        }
    }

    private mutating func lexWord(_ mode: Mode, firstLength: Int) -> LexedToken {
        let start = position
        let dashContinues = mode == .attributes
        var end = start + firstLength
        while true {
            // Nearly every byte of a name: a letter, a digit, `_` (or `-` in brackets), decided
            // here rather than through the general test, which returns an optional.
            end = dashContinues ? scan(from: end, while: ASCIIByte.isNameContinueOrDash) : scan(from: end, while: ASCIIByte.isNameContinue)
            guard end < limit, bytes[end] >= 0x80, let length = nonASCIIIdentifierContinueLength(at: end) else { break }
            end += length
        }
        position = end
        // Keywords are recognised from the bytes, so a keyword makes no string.
        let keyword = Keyword.spelled(by: bytes, from: start, to: position)
        switch mode {
        case .statement, .scenario:
            if let keyword { return LexedToken(kind: .keyword(keyword), start: start, end: position) }
            return LexedToken(kind: .identifier, start: start, end: position)
        case .attributes:
            if keyword == .unbounded { return LexedToken(kind: .keyword(.unbounded), start: start, end: position) }
            return LexedToken(kind: .word, start: start, end: position)
        }
    }

    // MARK: - Numbers

    /// Outside brackets numbers have no place, so `1A` is a misspelt name, not a bad unit.
    private mutating func digitLedWord() -> LexedToken? {
        var end = position
        while end < limit, ASCIIByte.isDigit(bytes[end]) { end += 1 }
        guard end < limit, ASCIIByte.isNameStart(bytes[end]) else { return nil }
        while end < limit, ASCIIByte.isNameContinue(bytes[end]) { end += 1 }
        let start = position
        position = end
        let word = String(decoding: bytes[start..<end], as: UTF8.self)
        return failed(.invalid, start: start, end: end,
                      "'\(word)' is not a name: names start with a letter or '_', not a digit")
    }

    private mutating func lexNumber() -> LexedToken {
        let start = position
        while position < limit, ASCIIByte.isDigit(bytes[position]) { position += 1 }
        if position < limit, bytes[position] == UInt8(ascii: "."),
            position + 1 < limit, ASCIIByte.isDigit(bytes[position + 1])
        {
            position += 1
            while position < limit, ASCIIByte.isDigit(bytes[position]) { position += 1 }
        }
        let value = Self.decimal(bytes, from: start, to: position)
        // Units follow the digits directly.
        if position < limit, bytes[position] == UInt8(ascii: "%") {
            position += 1
            return LexedToken(kind: .percent(value), start: start, end: position)
        }
        if position + 1 < limit, bytes[position] == UInt8(ascii: "/"), ASCIIByte.isLetter(bytes[position + 1]) {
            let unitStart = position + 1
            var unitEnd = unitStart
            while unitEnd < limit, ASCIIByte.isLetter(bytes[unitEnd]) { unitEnd += 1 }
            position = unitEnd
            if let unit = Self.durationUnit(bytes, from: unitStart, to: unitEnd), unit.rank != Self.millisecondsRank {
                return LexedToken(kind: .rate(value / unit.seconds), start: start, end: position)
            }
            let unit = String(decoding: bytes[unitStart..<unitEnd], as: UTF8.self)
            return failed(.rate(value), start: start, end: position,
                          "unknown rate unit '/\(unit)'; rates are written like 100/s, 6000/m or 50000/h")
        }
        if position < limit, ASCIIByte.isNameStart(bytes[position]) {
            if let compound = compoundDuration(from: start) {
                position = compound.end
                return LexedToken(kind: .duration(compound.seconds), start: start, end: position)
            }
            if let misordered = misorderedCompound(from: start) { return misordered }
            let unitStart = position
            while position < limit, ASCIIByte.isNameContinue(bytes[position]) {
                position += 1
            }
            if let unit = Self.durationUnit(bytes, from: unitStart, to: position) {
                return LexedToken(kind: .duration(value * unit.seconds), start: start, end: position)
            }
            let unit = String(decoding: bytes[unitStart..<position], as: UTF8.self)
            let numberText = String(decoding: bytes[start..<unitStart], as: UTF8.self)
            var message = "unknown unit '\(unit)' after \(numberText); durations use ms, s, m or h"
            if let suggestion = Self.unitSpellings[unit.lowercased()] ?? Suggestion.closest(to: unit, in: ["ms", "s", "m", "h"]) {
                message += " (did you mean '\(numberText)\(suggestion)'?)"
            }
            return failed(.duration(value), start: start, end: position, message)
        }
        if position < limit, bytes[position] == UInt8(ascii: "."), !(position + 1 < limit && ASCIIByte.isDigit(bytes[position + 1])) {
            position += 1
            return failed(.number(value), start: start, end: position, "a number cannot end with '.'")
        }
        return LexedToken(kind: .number(value), start: start, end: position)
    }

    /// The duration unit spelled by `bytes[start..<end]` — `h`, `m`, `s` or `ms` — with its rank
    /// (from the largest down, the order the parts of `1h30m` or `3m5s` follow) and its length
    /// in seconds. Read from the bytes: every duration and rate in a design asks.
    static func durationUnit(_ bytes: [UInt8], from start: Int, to end: Int) -> (rank: Int, seconds: Double)? {
        switch end - start {
        case 1:
            switch bytes[start] {
            case UInt8(ascii: "h"): (0, 3600)
            case UInt8(ascii: "m"): (1, 60)
            case UInt8(ascii: "s"): (2, 1)
            default: nil
            }
        case 2:
            bytes[start] == UInt8(ascii: "m") && bytes[start + 1] == UInt8(ascii: "s") ? (millisecondsRank, 0.001) : nil
        default:
            nil
        }
    }

    static let millisecondsRank = 3

    /// The value of the decimal digits in `bytes[start..<end]` (digits, optionally a `.` and more
    /// digits), as `Double("…")` reads it. Up to 15 digits and 22 after the point, the digits
    /// as a whole number and the power of ten are both exact, so one division rounds correctly,
    /// as the string conversion does; longer numbers take that conversion.
    static func decimal(_ bytes: [UInt8], from start: Int, to end: Int) -> Double {
        var mantissa: UInt64 = 0
        var digits = 0
        var fractionDigits = 0
        var inFraction = false
        for index in start..<end {
            let byte = bytes[index]
            if byte == UInt8(ascii: ".") {
                inFraction = true
                continue
            }
            mantissa = mantissa &* 10 &+ UInt64(byte &- UInt8(ascii: "0"))
            digits += 1
            if inFraction { fractionDigits += 1 }
        }
        guard digits <= 15, fractionDigits < powersOfTen.count else {
            return Double(String(decoding: bytes[start..<end], as: UTF8.self)) ?? 0
        }
        return Double(mantissa) / powersOfTen[fractionDigits]
    }

    /// 10⁰ … 10²², each exactly a `Double`.
    static let powersOfTen: [Double] = (0...22).map { exponent in
        (0..<exponent).reduce(1.0) { value, _ in value * 10 }
    }

    /// A duration of one or more parts from `start`: a number and a unit, then optionally more,
    /// each in a smaller unit than the one before (`250ms`, `3m5s`, `1h30m`, `1m0.5s`). Nil
    /// unless the whole word is such a duration.
    private func compoundDuration(from start: Int) -> (seconds: Double, end: Int)? {
        var index = start
        var seconds = 0.0
        var smallestUnit = -1
        while true {
            let numberStart = index
            while index < limit, ASCIIByte.isDigit(bytes[index]) { index += 1 }
            guard index > numberStart else { return nil }
            if index + 1 < limit, bytes[index] == UInt8(ascii: "."), ASCIIByte.isDigit(bytes[index + 1]) {
                index += 1
                while index < limit, ASCIIByte.isDigit(bytes[index]) { index += 1 }
            }
            let value = Self.decimal(bytes, from: numberStart, to: index)
            let unitStart = index
            while index < limit, ASCIIByte.isLetter(bytes[index]) { index += 1 }
            guard let unit = Self.durationUnit(bytes, from: unitStart, to: index), unit.rank > smallestUnit else { return nil }
            smallestUnit = unit.rank
            seconds += value * unit.seconds
            guard index < limit, ASCIIByte.isDigit(bytes[index]) else { break }
        }
        if index < limit, ASCIIByte.isNameStart(bytes[index]) { return nil }
        return (seconds, index)
    }

    /// `5s3m`, `3m5x`: a duration unit followed by more digits, that is not a valid compound
    /// duration. Says how compound durations are written instead of "unknown unit 's3m'".
    private mutating func misorderedCompound(from start: Int) -> LexedToken? {
        var index = position
        while index < limit, ASCIIByte.isLetter(bytes[index]) { index += 1 }
        guard Self.durationUnit(bytes, from: position, to: index) != nil, index < limit, ASCIIByte.isDigit(bytes[index]) else { return nil }
        while index < limit, ASCIIByte.isNameContinue(bytes[index])
            || (bytes[index] == UInt8(ascii: ".") && index + 1 < limit && ASCIIByte.isDigit(bytes[index + 1]))
        {
            index += 1
        }
        position = index
        let word = String(decoding: bytes[start..<index], as: UTF8.self)
        return failed(.duration(0), start: start, end: index,
                      "'\(word)' is not a duration; a duration of several parts goes from the largest unit down, like 1h30m or 3m5s")
    }

    /// Units people write out of habit, and the Baton unit they mean.
    static let unitSpellings: [String: String] = [
        "msec": "ms", "msecs": "ms", "millis": "ms", "millisecond": "ms", "milliseconds": "ms",
        "sec": "s", "secs": "s", "second": "s", "seconds": "s",
        "min": "m", "mins": "m", "minute": "m", "minutes": "m",
        "hr": "h", "hrs": "h", "hour": "h", "hours": "h",
    ]

    // MARK: - Strings

    private mutating func lexString() -> LexedToken {
        let start = position
        position += 1  // opening quote
        var value: [UInt8] = []
        var error: String?
        while true {
            guard position < limit, bytes[position] != 0x0A else {
                stringValue = String(decoding: value, as: UTF8.self)
                return failed(.string, start: start, end: position, "unterminated string; add the closing '\"' before the end of the line")
            }
            let byte = bytes[position]
            if byte == UInt8(ascii: "\"") {
                position += 1
                break
            }
            if byte == UInt8(ascii: "\\") {
                let escapeStart = position
                position += 1
                guard position < limit, bytes[position] != 0x0A else { continue }
                let escaped = bytes[position]
                position += 1
                switch escaped {
                case UInt8(ascii: "\""): value.append(escaped)
                case UInt8(ascii: "\\"): value.append(escaped)
                case UInt8(ascii: "n"): value.append(0x0A)
                case UInt8(ascii: "t"): value.append(0x09)
                case UInt8(ascii: "u"):
                    if let scalar = lexUnicodeEscape() {
                        value.append(contentsOf: Array(String(Character(scalar)).utf8))
                    } else if error == nil {
                        error = "invalid unicode escape; write it like \\u{1F600}"
                    }
                default:
                    if error == nil {
                        let shown = String(decoding: bytes[escapeStart..<position], as: UTF8.self)
                        error = "unknown escape '\(shown)'; strings understand \\\", \\\\, \\n, \\t and \\u{...}"
                    }
                }
                continue
            }
            if byte == 0 || (byte >= 0x80 && UTF8Scan.sequenceLength(bytes, at: position) == 0) {
                position += 1  // reported by EncodingCheck
                continue
            }
            // A multi-byte character is copied whole: its continuation bytes are not valid
            // sequences on their own and would otherwise be dropped one by one.
            let length = max(1, UTF8Scan.sequenceLength(bytes, at: position))
            value.append(contentsOf: bytes[position..<(position + length)])
            position += length
        }
        stringValue = String(decoding: value, as: UTF8.self)
        if let error { return failed(.string, start: start, end: position, error) }
        return LexedToken(kind: .string, start: start, end: position)
    }

    /// After `\u`: `{` 1–6 hex digits `}` naming a Unicode scalar.
    private mutating func lexUnicodeEscape() -> Unicode.Scalar? {
        guard position < limit, bytes[position] == UInt8(ascii: "{") else { return nil }
        var index = position + 1
        var value: UInt32 = 0
        var digits = 0
        while index < limit, let digit = hexValue(bytes[index]), digits < 8 {
            value = value &* 16 &+ UInt32(digit)
            digits += 1
            index += 1
        }
        guard index < limit, bytes[index] == UInt8(ascii: "}"), (1...6).contains(digits) else { return nil }
        position = index + 1
        return Unicode.Scalar(value)
    }

    private func hexValue(_ byte: UInt8) -> Int? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): Int(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): Int(byte - UInt8(ascii: "a")) + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): Int(byte - UInt8(ascii: "A")) + 10
        default: nil
        }
    }
}
