import BatonSyntax

/// Strings in DOT: everything user-written goes out as a double-quoted string with only
/// `\"`, `\\` and `\n` escapes, so no label can end the string, start an attribute or a
/// statement, or invoke Graphviz's own escapes (`\N`, `\G`, `\l`...). Graphviz also decodes
/// HTML entities in labels (`&amp;` would show as `&`), so `&` itself goes out as `&amp;`.
/// The characters `ControlCharacters` hides (controls, bidi overrides) are written out, as
/// `\u{202E}`: they would reorder a label or act on the terminal the DOT is printed to.
enum DOTEscaping {
    /// `"text"`, with line breaks kept as `\n` (a centred line break).
    static func quoted(_ text: String) -> String {
        "\"" + escaped(text) + "\""
    }

    /// The inside of a quoted string, cut with "…" after the last whole character that fits in
    /// `DOTLimits.quotedBytes` (Graphviz rejects strings beyond 16 KB; see `DOTLimits`).
    static func escaped(_ text: String) -> String {
        if text.utf8.count <= DOTLimits.quotedBytes,
           !text.utf8.contains(where: { $0 < 0x20 || $0 == 0x7F || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") || $0 == UInt8(ascii: "&") }),
           !text.unicodeScalars.contains(where: ControlCharacters.isHidden) {
            return text
        }
        let ellipsis = "…"
        var out = ""
        var used = 0
        out.reserveCapacity(min(text.utf8.count, DOTLimits.quotedBytes))
        for character in text {
            var piece = ""
            for scalar in character.unicodeScalars {
                switch scalar {
                case "\"": piece += "\\\""
                case "\\": piece += "\\\\"
                case "\n": piece += "\\n"
                case "&": piece += "&amp;"
                case "\t": piece += " "
                default:
                    // Written out, its backslash escaped: Graphviz shows `\u{1B}`.
                    if ControlCharacters.isHidden(scalar) {
                        piece += "\\" + ControlCharacters.written(scalar)
                    } else {
                        piece.unicodeScalars.append(scalar)
                    }
                }
            }
            guard used + piece.utf8.count + ellipsis.utf8.count <= DOTLimits.quotedBytes else {
                return out + ellipsis
            }
            out += piece
            used += piece.utf8.count
        }
        return out
    }

    /// Text inside an HTML-like label: the markup characters become entities, line breaks and
    /// tabs spaces, hidden characters written out.
    static func html(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "\n", "\t": out += " "
            default:
                if ControlCharacters.isHidden(scalar) {
                    out += ControlCharacters.written(scalar)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }
}
