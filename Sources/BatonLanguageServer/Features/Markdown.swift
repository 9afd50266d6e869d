/// Markdown for hovers, where names, labels and attribute values come from the file being
/// edited: any of them could hold `*`, `[link](…)`, `<img …>` or a backtick, and an editor
/// renders hover text as Markdown (often with HTML). Every piece of such text goes through
/// `escape` so it shows as written and cannot add markup.
enum Markdown {
    /// `text` with every ASCII punctuation character that may start markup in CommonMark or GitHub
    /// Markdown backslash-escaped (emphasis, code, links, HTML, entities, tables, lists, and the
    /// `:` and `@` of autolinked URLs and addresses; a backslash before ASCII punctuation is a
    /// literal there), and line
    /// breaks and other control characters made visible, so one value cannot start a new block.
    static func escape(_ text: String) -> String {
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

    /// Our own text (numbers, kinds, keys the schema knows) in a code span; never untrusted text,
    /// which cannot be escaped inside one.
    static func code(_ text: String) -> String {
        "`\(text)`"
    }
}
