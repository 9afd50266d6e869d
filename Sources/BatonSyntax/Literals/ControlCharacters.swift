/// Text for people, with the characters that would act on a terminal or reorder what it shows
/// written out instead (`\u{1B}`), so a label, a name or a path can never colour, move, retitle
/// or clear the user's terminal, end a CI log command early, or hide code behind a bidi override.
///
/// Every human-readable output goes through `visible(_:)`: text diagnostics (message, notes,
/// help, paths, the source snippet), GitHub workflow commands, the metrics table, the CLI's own
/// messages. Machine formats have their own escaping (JSON's `\u001b`).
public enum ControlCharacters {
    /// C0 controls other than tab, DEL, C1 controls, the line and paragraph separators, and the
    /// bidirectional formatting characters of Unicode TR9 (the "Trojan Source" set).
    ///
    /// Tab stays: it moves the cursor only forwards and the snippet relies on it to keep carets
    /// aligned under tab-indented source.
    public static func isHidden(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09: false
        case 0x00...0x1F, 0x7F...0x9F: true
        case 0x061C, 0x200E, 0x200F, 0x2028, 0x2029, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }

    /// How a hidden scalar is written: `\n` for a line break (it reads like the language's own
    /// escape), `\u{1B}` for the rest — uppercase hex, as Baton string literals write it.
    public static func written(_ scalar: Unicode.Scalar) -> String {
        scalar == "\n" ? "\\n" : "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
    }

    /// `text` with every hidden scalar written out; text without any is returned as it is.
    public static func visible(_ text: String) -> String {
        // Printable ASCII and tab, nearly every text, is settled by its bytes.
        var text = text
        guard text.withUTF8({ $0.contains { ($0 < 0x20 && $0 != 0x09) || $0 >= 0x7F } }),
              text.unicodeScalars.contains(where: isHidden) else { return text }
        var result = ""
        for scalar in text.unicodeScalars {
            if isHidden(scalar) { result += written(scalar) } else { result.unicodeScalars.append(scalar) }
        }
        return result
    }
}
