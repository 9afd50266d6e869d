import BatonSyntax

/// Escaping for text placed in XML and HTML — SVG text and attributes, and the HTML that the
/// documentation integrations write around diagrams.
public enum XMLEscaping {
    /// Safe in text and in quoted attribute values: markup characters become entities, line
    /// breaks and tabs become spaces, the characters `ControlCharacters` hides (controls, bidi
    /// overrides) are written out as `\u{202E}`, and the noncharacters XML forbids become U+FFFD,
    /// so the document stays well-formed, draws its text in the order written, and cannot act
    /// on the terminal it is printed to, whatever the source said.
    public static func escape(_ s: String, into out: inout String) {
        var clean = true
        for byte in s.utf8 where byte < 0x20 || byte == 0x7F || byte == UInt8(ascii: "&") || byte == UInt8(ascii: "<")
            || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
            clean = false
            break
        }
        if clean, s.utf8.contains(where: { $0 >= 0x80 }) {
            clean = !s.unicodeScalars.contains { ControlCharacters.isHidden($0) || $0.value == 0xFFFE || $0.value == 0xFFFF }
        }
        if clean {
            out += s
            return
        }
        for scalar in s.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\n", "\t": out += " "
            default:
                if ControlCharacters.isHidden(scalar) {
                    out += ControlCharacters.written(scalar)
                } else if scalar.value == 0xFFFE || scalar.value == 0xFFFF {
                    out.unicodeScalars.append("\u{FFFD}")
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
    }

    public static func escape(_ s: String) -> String {
        var out = ""
        escape(s, into: &out)
        return out
    }

    /// For element content where line breaks matter (`<pre>`): like `escape`, but keeps them.
    public static func text(_ s: String) -> String {
        s.split(separator: "\n", omittingEmptySubsequences: false).map { escape(String($0)) }.joined(separator: "\n")
    }
}
