import BatonSyntax
import Testing

@Suite struct LexerTests {
    func kinds(_ text: String, mode: Lexer.Mode = .statement) -> [TokenKind] {
        var lexer = Lexer(bytes: Array(text.utf8), file: FileID(0))
        var result: [TokenKind] = []
        while true {
            let token = lexer.next(mode)
            if token.kind == .endOfFile { return result }
            result.append(token.kind)
        }
    }

    @Test func arrowsSplitNamesWithoutSpaces() {
        #expect(kinds("A->B") == [.identifier("A"), .arrow(.call), .identifier("B")])
        #expect(kinds("A->>B") == [.identifier("A"), .arrow(.send), .identifier("B")])
        #expect(kinds("A<-B") == [.identifier("A"), .arrow(.fetch), .identifier("B")])
        #expect(kinds("A~>B") == [.identifier("A"), .arrow(.callback), .identifier("B")])
    }

    @Test func keywordsAreNotNames() {
        #expect(kinds("service loop Loop") == [.keyword(.service), .keyword(.loop), .identifier("Loop")])
    }

    @Test func attributeModeReadsKebabWordsAndSkipsLineBreaks() {
        #expect(kinds("circuit-breaker,\n order=at-least-once", mode: .attributes) == [
            .word("circuit-breaker"), .comma, .word("order"), .equals, .word("at-least-once"),
        ])
        #expect(kinds("retries=unbounded", mode: .attributes) == [.word("retries"), .equals, .keyword(.unbounded)])
    }

    @Test func numbersWithUnits() {
        #expect(kinds("3 0.5 250ms 2s 1.5m 1h 99.95% 100/s 6000/m", mode: .attributes) == [
            .number(3), .number(0.5), .duration(0.25), .duration(2), .duration(90), .duration(3600),
            .percent(99.95), .rate(100), .rate(100),
        ])
    }

    @Test func stringEscapes() {
        #expect(kinds(#""a \"b\" \\ \n \t \u{1F600}""#) == [.string("a \"b\" \\ \n \t 😀")])
    }

    @Test func unicodeLettersMakeNames() {
        #expect(kinds("Zahlungsdienst Caf\u{E9} Cafe\u{301} Ωμέγα _x1") == [
            .identifier("Zahlungsdienst"), .identifier("Café"), .identifier("Cafe\u{301}"), .identifier("Ωμέγα"), .identifier("_x1"),
        ])
    }

    @Test func commentsAreKeptAside() {
        var lexer = Lexer(bytes: Array("A # trailing\n  # own line\n\"# not a comment\"".utf8), file: FileID(0))
        var tokens: [TokenKind] = []
        while case let token = lexer.next(.statement), token.kind != .endOfFile { tokens.append(token.kind) }
        #expect(tokens == [.identifier("A"), .newline, .newline, .string("# not a comment")])
        #expect(lexer.comments.map(\.text) == [" trailing", " own line"])
        #expect(lexer.comments.map(\.isOwnLine) == [false, true])
    }

    @Test func freeTextLabelsStopAtTheirDelimiters() {
        for (input, expected) in [
            ("  pay now  [x]", "pay now"), ("get {id}", "get"), ("x } and", "x"), ("a -> b # c", "a -> b"),
            ("one; two", "one"), ("café ☕\n", "café ☕"),
        ] {
            var lexer = Lexer(bytes: Array(input.utf8), file: FileID(0))
            #expect(lexer.label().kind == .text(expected), "\(input)")
        }
    }

    @Test func lexicalErrorsAreAttachedToTheirToken() {
        var lexer = Lexer(bytes: Array("2weeks \"open\n".utf8), file: FileID(0))
        let unit = lexer.next(.attributes)
        #expect(unit.error?.contains("unknown unit 'weeks'") == true)
        let string = lexer.next(.attributes)
        #expect(string.error?.contains("unterminated string") == true)
    }

    @Test func byteOrderMarkIsSkipped() {
        #expect(kinds("\u{FEFF}service A") == [.keyword(.service), .identifier("A")])
    }
}
