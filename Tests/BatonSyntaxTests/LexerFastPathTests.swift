@testable import BatonSyntax
import Testing

/// The lexer reads keywords, units and numbers from the bytes rather than through strings;
/// these check that the byte readings agree with the string ones they replace.
@Suite struct LexerFastPathTests {
    @Test func everyKeywordIsRecognisedFromItsBytes() {
        for keyword in Keyword.allCases {
            let bytes = Array(keyword.rawValue.utf8)
            #expect(Keyword.spelled(by: bytes, from: 0, to: bytes.count) == keyword)
            // Inside a longer text too.
            let padded = Array("x \(keyword.rawValue) y".utf8)
            #expect(Keyword.spelled(by: padded, from: 2, to: 2 + bytes.count) == keyword)
        }
    }

    @Test func wordsThatAreNotKeywordsAreNames() {
        for word in ["Service", "alts", "an", "a", "sc", "scenarios", "Title", "flowx", "notes", "unbound", "elsewhere", "o"] {
            let bytes = Array(word.utf8)
            #expect(Keyword.spelled(by: bytes, from: 0, to: bytes.count) == nil, "\(word)")
            #expect(Keyword(rawValue: word) == nil)
        }
    }

    @Test func decimalsReadAsTheStringConversionReadsThem() {
        var generator = SystemRandomNumberGenerator()
        var cases = ["0", "7", "0.5", "99.95", "99.99", "1.1", "0.1", "0.3", "123456789012345", "1234567890123456",
                     "0.0000000000000000000001", "0.00000000000000000000001", "9007199254740993", "18446744073709551616",
                     "3.14159265358979", "000012.5000"]
        for _ in 0..<2000 {
            let whole = String(UInt64.random(in: 0...UInt64.max, using: &generator) % [10, 1000, 1_000_000, UInt64.max][Int.random(in: 0...3, using: &generator)])
            let fractionLength = Int.random(in: 0...24, using: &generator)
            let fraction = String((0..<fractionLength).map { _ in Character(String(Int.random(in: 0...9, using: &generator))) })
            cases.append(fraction.isEmpty ? whole : whole + "." + fraction)
        }
        for text in cases {
            let bytes = Array(text.utf8)
            let read = Lexer.decimal(bytes, from: 0, to: bytes.count)
            #expect(read.bitPattern == Double(text)?.bitPattern, "\(text)")
        }
    }

    @Test func durationUnitsAreTheFour() {
        for (unit, seconds) in [("h", 3600.0), ("m", 60), ("s", 1), ("ms", 0.001)] {
            let bytes = Array(unit.utf8)
            #expect(Lexer.durationUnit(bytes, from: 0, to: bytes.count)?.seconds == seconds)
        }
        for other in ["", "sec", "M", "mss", "hs", "x"] {
            let bytes = Array(other.utf8)
            #expect(Lexer.durationUnit(bytes, from: 0, to: bytes.count) == nil, "\(other)")
        }
    }

    @Test func lookingPastLineBreaksFindsTheNextToken() {
        func firstByte(_ text: String) -> UInt8? {
            Lexer(bytes: Array(text.utf8), file: FileID(0)).firstByteAfterLineBreaks()
        }
        #expect(firstByte("\n\n  {") == UInt8(ascii: "{"))
        #expect(firstByte("  # a comment { \n\t{") == UInt8(ascii: "{"))
        #expect(firstByte("\r\n\u{0}\u{0B}else") == UInt8(ascii: "e"))
        let invalid: [UInt8] = [0x0A, 0x20, 0xFF, 0xFE, 0x80, 0x20, UInt8(ascii: "{")]
        #expect(Lexer(bytes: invalid, file: FileID(0)).firstByteAfterLineBreaks() == UInt8(ascii: "{"),
                "invalid UTF-8 is skipped, as the lexer skips it")
        #expect(firstByte("\n é") == 0xC3)
        #expect(firstByte(" \n # only a comment") == nil)
    }
}

/// The encoding check skips plain ASCII a word at a time; what it reports is what a byte at
/// a time finds.
@Suite struct EncodingCheckWordTests {
    @Test func problemsAreFoundWhereverTheyFallInAWord() {
        for length in 0..<40 {
            for position in 0..<max(1, length) {
                for bad: [UInt8] in [[0x00], [0xFF], [0xC3], [0xE2, 0x82], [0x00, 0x00]] {
                    var bytes = Array(repeating: UInt8(ascii: "a"), count: length)
                    guard position < bytes.count else { continue }
                    bytes.replaceSubrange(position..<min(bytes.count, position + bad.count), with: bad)
                    let problems = EncodingCheck.problems(in: bytes)
                    #expect(problems.first?.start == position, "\(bad) at \(position) of \(length)")
                    #expect(problems.first?.isNul == (bad.first == 0))
                }
            }
            #expect(EncodingCheck.problems(in: Array(repeating: UInt8(ascii: "b"), count: length)).isEmpty)
            #expect(EncodingCheck.problems(in: Array(String(repeating: "é", count: length).utf8)).isEmpty)
        }
    }
}
