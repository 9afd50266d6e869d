extension JSONValue {
    /// Serialises the value. `pretty` indents with two spaces and puts one member per line;
    /// otherwise there is no whitespace at all. Non-ASCII text is written as UTF-8.
    public func serialized(pretty: Bool = true) -> String {
        var out = ""
        write(into: &out, pretty: pretty, indent: 0)
        return out
    }

    private func write(into out: inout String, pretty: Bool, indent: Int) {
        switch self {
        case .null: out += "null"
        case .bool(let value): out += value ? "true" : "false"
        case .number(let text): out += text
        case .string(let text): Self.writeString(text, into: &out)
        case .array(let values):
            if values.isEmpty {
                out += "[]"
                return
            }
            out += "["
            for (index, value) in values.enumerated() {
                if index > 0 { out += "," }
                if pretty { out += "\n" + Self.indentation(indent + 1) }
                value.write(into: &out, pretty: pretty, indent: indent + 1)
            }
            if pretty { out += "\n" + Self.indentation(indent) }
            out += "]"
        case .object(let members):
            if members.isEmpty {
                out += "{}"
                return
            }
            out += "{"
            for (index, (key, value)) in members.enumerated() {
                if index > 0 { out += "," }
                if pretty { out += "\n" + Self.indentation(indent + 1) }
                Self.writeString(key, into: &out)
                out += pretty ? ": " : ":"
                value.write(into: &out, pretty: pretty, indent: indent + 1)
            }
            if pretty { out += "\n" + Self.indentation(indent) }
            out += "}"
        }
    }

    /// Two spaces per level; the common depths are built once.
    static let indentations: [String] = (0..<32).map { String(repeating: "  ", count: $0) }

    static func indentation(_ level: Int) -> String {
        level < indentations.count ? indentations[level] : String(repeating: "  ", count: level)
    }

    /// Characters written as `\uXXXX` although JSON would allow them raw: DEL, C1 controls,
    /// U+2028/9 (line ends to JavaScript) and the bidi formatting characters. Output is often
    /// read on a terminal (`baton check --format json | less`), where a raw C1 control can act
    /// as an escape sequence and a bidi override reorders what is shown. The same set as
    /// `ControlCharacters.isHidden` in BatonSyntax, which this module does not depend on.
    static func isEscapedAnyway(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x7F...0x9F, 0x061C, 0x200E, 0x200F, 0x2028, 0x2029, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }

    static func writeString(_ text: String, into out: inout String) {
        out += "\""
        // Fast path: nothing to escape (no control characters, quotes or backslashes, and no lead
        // byte of the characters escaped anyway: C2 for C1 controls, D8 for U+061C, E2 for the
        // others).
        if !text.utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C || $0 == 0x7F || $0 == 0xC2 || $0 == 0xD8 || $0 == 0xE2 }) {
            out += text
            out += "\""
            return
        }
        // Runs of characters that need no escape are copied whole: a message with one line
        // break (a diagnostic with its help line) is not rebuilt one scalar at a time.
        let scalars = text.unicodeScalars
        var runStart = scalars.startIndex
        var index = scalars.startIndex
        while index < scalars.endIndex {
            let scalar = scalars[index]
            let escape: String?
            switch scalar {
            case "\"": escape = "\\\""
            case "\\": escape = "\\\\"
            case "\n": escape = "\\n"
            case "\r": escape = "\\r"
            case "\t": escape = "\\t"
            case "\u{08}": escape = "\\b"
            case "\u{0C}": escape = "\\f"
            default:
                if scalar.value < 0x20 || isEscapedAnyway(scalar) {
                    let hex = String(scalar.value, radix: 16)
                    escape = "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    escape = nil
                }
            }
            let next = scalars.index(after: index)
            if let escape {
                out += Substring(scalars[runStart..<index])
                out += escape
                runStart = next
            }
            index = next
        }
        out += Substring(scalars[runStart..<scalars.endIndex])
        out += "\""
    }
}
