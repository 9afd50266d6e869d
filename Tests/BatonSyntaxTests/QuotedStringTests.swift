import BatonSyntax
import Testing

/// Quoted strings keep every character as written: multi-byte UTF-8 sequences are copied whole.
@Suite struct QuotedStringTests {
    @Test(arguments: ["é — x", "API 🚀 שלום — مرحبا", "¶ß ﬂ°°", "日本語のラベル", "a\u{301}", "👩‍👩‍👧"])
    func nonASCIICharactersSurvive(_ text: String) {
        var lexer = Lexer(bytes: Array("\"\(text)\"".utf8), file: FileID(0))
        let token = lexer.next(.statement)
        #expect(token.kind == .string(text))
        #expect(token.error == nil)
    }

    @Test func escapesAndCharactersMix() {
        var lexer = Lexer(bytes: Array("\"a\\u{41} é\\n\\\"ü\\\"\"".utf8), file: FileID(0))
        #expect(lexer.next(.statement).kind == .string("aA é\n\"ü\""))
    }
}
