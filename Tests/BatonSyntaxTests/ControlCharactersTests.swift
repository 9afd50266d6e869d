import BatonSyntax
import Testing

/// The one sanitiser for text shown to people.
@Suite struct ControlCharactersTests {
    @Test(arguments: [
        ("plain text, ünïcödé → 😀", "plain text, ünïcödé → 😀"),
        ("tab\tstays", "tab\tstays"),
        ("line\nbreak", "line\\nbreak"),
        ("\u{1B}[31mred\u{1B}[0m", "\\u{1B}[31mred\\u{1B}[0m"),
        ("bell\u{07} nul\u{00} cr\r", "bell\\u{7} nul\\u{0} cr\\u{D}"),
        ("del\u{7F} csi\u{9B} nel\u{85}", "del\\u{7F} csi\\u{9B} nel\\u{85}"),
        ("a\u{202E}cba\u{202C} b\u{2066}x\u{2069} \u{200F}\u{061C}", "a\\u{202E}cba\\u{202C} b\\u{2066}x\\u{2069} \\u{200F}\\u{61C}"),
        ("ls\u{2028}ps\u{2029}", "ls\\u{2028}ps\\u{2029}"),
        ("ü\u{1B}", "ü\\u{1B}"),
        ("", ""),
    ])
    func hiddenCharactersAreWrittenOut(_ text: String, _ visible: String) {
        #expect(ControlCharacters.visible(text) == visible)
        #expect(!ControlCharacters.visible(text).unicodeScalars.contains { ControlCharacters.isHidden($0) })
    }

    /// Baton string literals write the same characters the same way, and still read back.
    @Test func stringLiteralsShowThemToo() {
        #expect(LiteralFormat.string("x\u{1B}y\u{202E}z\u{9B}\n") == #""x\u{1B}y\u{202E}z\u{9B}\n""#)
        let literal = LiteralFormat.string("a\u{202E}b\u{85}")
        var lexer = Lexer(bytes: Array(literal.utf8), file: FileID(0))
        #expect(lexer.next(.statement).kind == .string("a\u{202E}b\u{85}"))
    }
}
