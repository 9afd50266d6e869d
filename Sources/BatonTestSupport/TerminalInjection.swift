/// A design that tries to act on the terminal or the CI log that shows its diagnostics: a raw
/// ESC in a free-text label, and a flow name (given twice, so it is quoted in an error) with an
/// OSC title sequence, BEL, a bidi override, a line break and a C1 CSI. It has two compile
/// errors: the duplicate flow (line 6) and an unknown attribute after the label (line 7).
public enum TerminalInjection {
    public static let design = """
        service A
        service B
        flow "x\\u{1B}]0;pwn\\u{7}\\u{202E}abc\\nfake\\u{9B}2J" {
          A -> B : a [timeout=1s]
        }
        flow "x\\u{1B}]0;pwn\\u{7}\\u{202E}abc\\nfake\\u{9B}2J" {
          A -> B : b\u{1B}c [timout=1s]
        }
        """

    /// A file name with an escape sequence of its own.
    public static let path = "evil\u{1B}[2J.baton"
}
