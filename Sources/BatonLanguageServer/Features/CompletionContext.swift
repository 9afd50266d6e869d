import BatonModel
import BatonSyntax

/// What the text before a cursor asks to be completed with, read from the raw bytes.
///
/// Completion runs while the user types, so the text is usually broken (`Web -> `, `[retries=`)
/// and the parser has skipped the statement the cursor is in. The context therefore comes from
/// the lexer alone: the file is lexed from its start up to the cursor (linear in the offset),
/// keeping only what decides the answer — the blocks the cursor is in, the tokens of its
/// statement, and whether it is inside `[…]` and after which key. The parser's own recovery
/// never enters into it.
struct CompletionContext: Equatable {
    /// The block a statement is written in.
    enum Block: Equatable {
        /// The file's top level: declarations, groups, flows, scenarios and top-level steps.
        case top
        /// A group's braces: declarations and groups.
        case group
        /// A flow, an interaction's block or a fragment's branch: steps.
        case steps
        /// A scenario's braces: `load`, `fault` and `expect` lines.
        case scenario
    }

    enum Want: Equatable {
        case nothing
        /// Rule ids for a `# baton:ignore` list; those already listed are left out.
        case ruleIDs(listed: [String])
        case statementStart(Block)
        /// Keys of an attribute list at `site` (nil when the owner is not recognisable), keys
        /// already written in the list left out.
        case attributeKey(site: AttributeSite?, present: [String])
        /// The value after `key=`; `owner` is the declared name when the list is a
        /// participant's (it is not its own dead-letter queue).
        case attributeValue(key: String, site: AttributeSite?, owner: String?)
        /// Names of participants, of these kinds only when given.
        case participant(kinds: [ParticipantKind]?)
        /// The effect after `fault Name`.
        case faultEffect
        /// The measure after `expect`.
        case expectation
    }

    var want: Want
    /// The partial word under the cursor, which a completion replaces; nil to insert at the cursor.
    var replaceSpan: Span?

    static func at(_ source: SourceFile, offset rawOffset: Int) -> CompletionContext {
        let bytes = source.bytes
        let offset = min(max(0, rawOffset), bytes.count)
        if let comment = commentContext(bytes, file: source.id, offset: offset) { return comment }
        var scanner = Scanner(bytes: bytes, file: source.id, offset: offset)
        return scanner.run()
    }

    // MARK: - Comments

    /// Inside a comment: rule ids after `baton:ignore ` or `baton:ignore-file ` (and after a
    /// comma of the list), nothing anywhere else in a comment or a string. Nil when the cursor
    /// is in neither. Strings and comments end at the line's end, so the line is enough.
    static func commentContext(_ bytes: [UInt8], file: FileID, offset: Int) -> CompletionContext? {
        var lineStart = offset
        while lineStart > 0, bytes[lineStart - 1] != 0x0A { lineStart -= 1 }
        var index = lineStart
        var inString = false
        var hash: Int?
        while index < offset {
            let byte = bytes[index]
            if inString {
                if byte == UInt8(ascii: "\\") { index += 1 } else if byte == UInt8(ascii: "\"") { inString = false }
            } else if byte == UInt8(ascii: "\"") {
                inString = true
            } else if byte == UInt8(ascii: "#") {
                hash = index
                break
            }
            index += 1
        }
        guard let hash else {
            return inString ? CompletionContext(want: .nothing, replaceSpan: nil) : nil
        }
        let none = CompletionContext(want: .nothing, replaceSpan: nil)
        let text = Array(bytes[(hash + 1)..<offset])
        var position = 0
        while position < text.count, text[position] == 0x20 || text[position] == 0x09 { position += 1 }
        let prefix = Array("baton:".utf8)
        guard text.count - position >= prefix.count, Array(text[position..<(position + prefix.count)]) == prefix else { return none }
        position += prefix.count
        let wordStart = position
        while position < text.count, isRuleByte(text[position]) { position += 1 }
        let word = String(decoding: text[wordStart..<position], as: UTF8.self)
        // The directive's word must be complete, and followed by a space, before rule ids come.
        guard word == "ignore" || word == "ignore-file", position < text.count else { return none }
        let list = Array(text[position...])
        // After `--` comes the reason, free text.
        if zip(list, list.dropFirst()).contains(where: { $0 == UInt8(ascii: "-") && $1 == UInt8(ascii: "-") }) { return none }
        var listed: [String] = []
        var start = 0
        var index2 = 0
        var partial: Range<Int>?
        while index2 <= list.count {
            if index2 == list.count || !isRuleByte(list[index2]) {
                if index2 > start {
                    if index2 == list.count {
                        partial = start..<index2
                    } else {
                        listed.append(String(decoding: list[start..<index2], as: UTF8.self))
                    }
                }
                start = index2 + 1
            }
            index2 += 1
        }
        // `list` starts at `hash + 1 + position` in the file.
        let base = hash + 1 + position
        var replace: Span?
        if let partial {
            // The whole word under the cursor, including what follows it on the line.
            var end = base + partial.upperBound
            while end < bytes.count, isRuleByte(bytes[end]) { end += 1 }
            replace = Span(file: file, start: base + partial.lowerBound, end: end)
        }
        return CompletionContext(want: .ruleIDs(listed: listed), replaceSpan: replace)
    }

    /// The bytes of a rule id (as `# baton:ignore` reads them: kebab-case words).
    static func isRuleByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"):
            true
        default:
            false
        }
    }

    // MARK: - Tokens

    /// Lexes up to the cursor, keeping the state that decides the context.
    struct Scanner {
        let bytes: [UInt8]
        let file: FileID
        let offset: Int
        var lexer: Lexer
        var blocks: [Block] = []
        /// The tokens of the statement the cursor is in, up to the cursor (outside brackets).
        var statement: [Token] = []
        /// Inside `[…]`: the statement's tokens before the `[`, and the list's tokens so far.
        var owner: [Token]?
        var list: [Token] = []
        /// The token the cursor is in or at the end of, when it is a word being typed.
        var partial: Token?

        init(bytes: [UInt8], file: FileID, offset: Int) {
            self.bytes = bytes
            self.file = file
            self.offset = offset
            lexer = Lexer(bytes: bytes, file: file)
        }

        var block: Block { blocks.last ?? .top }

        var mode: Lexer.Mode {
            if owner != nil { return .attributes }
            return block == .scenario && !statement.isEmpty ? .scenario : .statement
        }

        mutating func run() -> CompletionContext {
            var afterColon = false
            while true {
                let token = afterColon ? lexer.label() : lexer.next(mode)
                afterColon = false
                if case .endOfFile = token.kind { break }
                if token.start >= offset { break }
                if token.end >= offset {
                    // The cursor is in this token or right after it.
                    if token.isWord {
                        partial = token
                        break
                    }
                    if token.end > offset { return CompletionContext(want: .nothing, replaceSpan: nil) }
                    if case .string = token.kind { return CompletionContext(want: .nothing, replaceSpan: nil) }
                }
                if process(token) { afterColon = true }
            }
            return context()
        }

        /// Takes one token before the cursor; true when a label follows (after `:`).
        mutating func process(_ token: Token) -> Bool {
            if let currentOwner = owner {
                switch token.kind {
                case .rightBracket:
                    owner = nil
                    statement = currentOwner
                case .leftBrace, .rightBrace:
                    // A list never closed: the parser gives up on it here too.
                    owner = nil
                    statement = currentOwner
                    return process(token)
                default:
                    list.append(token)
                }
                return false
            }
            switch token.kind {
            case .leftBracket:
                owner = statement
                list = []
            case .leftBrace:
                blocks.append(Self.block(opening: statement))
                statement = []
            case .rightBrace:
                _ = blocks.popLast()
                statement = []
            case .newline, .semicolon:
                statement = []
            case .colon:
                statement.append(token)
                return true
            default:
                statement.append(token)
            }
            return false
        }

        /// The block a `{` opens, from the statement before it.
        static func block(opening statement: [Token]) -> Block {
            switch statement.first?.kind {
            case .keyword(.scenario): .scenario
            case .keyword(.group): .group
            default: .steps
            }
        }

        var replaceSpan: Span? {
            partial.map { Span(file: file, start: $0.start, end: $0.end) }
        }

        mutating func context() -> CompletionContext {
            if let owner { return CompletionContext(want: listWant(owner: owner), replaceSpan: replaceSpan) }
            return CompletionContext(want: statementWant(), replaceSpan: replaceSpan)
        }

        // MARK: Statements

        func statementWant() -> Want {
            let words = statement.map(\.kind)
            guard let last = words.last else { return .statementStart(block) }
            if block == .scenario {
                switch words.count {
                case 1 where words[0] == .identifier("fault"):
                    return .participant(kinds: nil)
                case 2 where words[0] == .identifier("fault"):
                    return .faultEffect
                case 1 where words[0] == .identifier("expect"):
                    return .expectation
                case 2 where words[0] == .identifier("expect"):
                    if words[1] == .identifier("queue") || words[1] == .keyword(.queue) {
                        return .participant(kinds: ParticipantKind.allCases.filter(\.isChannel))
                    }
                    if words[1] == .identifier("amplification") { return .participant(kinds: nil) }
                    return .nothing
                default:
                    return .nothing
                }
            }
            if case .arrow = last, words.count == 2 { return .participant(kinds: nil) }
            if words.count >= 2, words[0] == .keyword(.note), words[1] == .keyword(.over),
               last == .keyword(.over) || last == .comma {
                return .participant(kinds: nil)
            }
            return .nothing
        }

        // MARK: Attribute lists

        mutating func listWant(owner: [Token]) -> Want {
            let site = Self.site(of: owner)
            var segment: [Token] = []
            for token in list {
                if token.kind == .comma { segment = [] } else { segment.append(token) }
            }
            if segment.isEmpty {
                return .attributeKey(site: site, present: presentKeys())
            }
            if segment.count == 2, case .word(let key) = segment[0].kind, segment[1].kind == .equals {
                let name: String? = if case .identifier(let name) = owner.dropFirst().first?.kind { name } else { nil }
                return .attributeValue(key: key, site: site, owner: name)
            }
            return .nothing
        }

        /// The keys written in the list, before the cursor and after it up to the `]` (not the
        /// word being typed).
        mutating func presentKeys() -> [String] {
            var keys: [String] = []
            var atKey = true
            for token in list {
                if atKey, case .word(let key) = token.kind { keys.append(key) }
                atKey = token.kind == .comma
            }
            var rest = lexer
            rest.reset(to: partial?.end ?? offset)
            atKey = false
            while true {
                let token = rest.next(.attributes)
                switch token.kind {
                case .endOfFile, .rightBracket, .leftBracket, .leftBrace, .rightBrace:
                    return keys
                case .comma:
                    atKey = true
                case .word(let key):
                    if atKey { keys.append(key) }
                    atKey = false
                default:
                    atKey = false
                }
            }
        }

        /// Where a list is written, from the statement before its `[`.
        static func site(of owner: [Token]) -> AttributeSite? {
            if case .keyword(let keyword) = owner.first?.kind {
                if let kind = ParticipantKind(keyword: keyword) { return .participant(kind) }
                switch keyword {
                case .group: return .group
                case .flow: return .flow
                case .scenario: return .scenario
                case .else: return .fragment(.alt)
                case .and: return .fragment(.par)
                default:
                    if let kind = FragmentSyntax.Kind(rawValue: keyword.rawValue) { return .fragment(kind) }
                }
            }
            if owner.contains(where: { if case .arrow = $0.kind { true } else { false } }) { return .interaction }
            return nil
        }
    }
}

extension Token {
    /// A word the user may be typing: a name, a keyword, a word of an attribute list, or a
    /// value (`2s`, `99.9%`) being typed after `=`.
    var isWord: Bool {
        switch kind {
        case .identifier, .keyword, .word, .number, .duration, .percent, .rate: true
        default: false
        }
    }
}
