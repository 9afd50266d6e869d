/// Untrusted text (names, labels, attribute values, messages from a design) made safe to put in
/// Markdown: hovers in an editor, a `baton diff` comment on a pull request. Any such text could
/// hold `*`, `[link](…)`, `<img …>`, a backtick or a `|` that ends a table cell; through
/// `escape` it shows as written and cannot add markup.
public enum MarkdownText {
    /// `text` with every ASCII punctuation character that may start markup in CommonMark or GitHub
    /// Markdown backslash-escaped (emphasis, code, links, HTML, entities, tables, lists, and the
    /// `:` and `@` of autolinked URLs and addresses; a backslash before ASCII punctuation is a
    /// literal there), and line breaks and other control characters made harmless, so one value
    /// cannot start a new block.
    public static func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\", "`", "*", "_", "{", "}", "[", "]", "(", ")", "#", "+", "-", ".", "!", "|", "<", ">", "~", "&", ":", "$", "@":
                result.append("\\")
                result.unicodeScalars.append(scalar)
            case "\n", "\r", "\t":
                result.append(" ")
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    result.append("\u{FFFD}")
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result
    }
}
