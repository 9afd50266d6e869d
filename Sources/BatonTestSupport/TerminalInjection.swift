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

    /// The same characters in every text a diagram draws, in a design that compiles: the title,
    /// a group, a participant's display name, a message (in quotes, and raw in a free label), a
    /// note, a fragment label and a flow name. Each text holds C0 and C1 controls, DEL, bidi
    /// overrides, isolates and marks, and the line and paragraph separators.
    public static let diagram = """
        title "t\\u{1B}]0;pwn\\u{7}\\u{202E}title\\u{9B}2J"
        group G "g\\u{202D}group\\u{2066}x\\u{2069}" [owner=web] {
          service A "a\\u{202E}alpha\\u{85}\\u{200F}"
        }
        service B
        flow "f\\u{202B}flow\\u{2067}\\u{61C}" {
          A -> B : "m\\u{1B}[31m\\u{202E}red\\u{202C}\\u{7F}\\u{2028}x\\u{2029}y" [timeout=1s] {
            note over B : "n\\u{200E}\\u{202A}note\\u{2068}\\u{9D}8;;x"
          }
          loop "l\\u{1B}[2J\\u{202E}loop\\u{D}" [times=2] {
            A -> B : raw\u{1B}clabel\u{9B}2J\u{202E}x [timeout=1s]
          }
        }
        """

    /// The hidden characters `diagram` holds (those `ControlCharacters.isHidden` names), for
    /// tests that look for any of them in the output.
    public static let diagramCharacters: [Unicode.Scalar] = [
        "\u{1B}", "\u{7}", "\u{D}", "\u{7F}", "\u{85}", "\u{9B}", "\u{9D}", "\u{61C}", "\u{200E}", "\u{200F}", "\u{2028}", "\u{2029}",
        "\u{202A}", "\u{202B}", "\u{202C}", "\u{202D}", "\u{202E}", "\u{2066}", "\u{2067}", "\u{2068}", "\u{2069}",
    ]
}
