import BatonSyntax

/// Text in Mermaid's sequence-diagram syntax.
///
/// Mermaid's lexer ends a message, label or alias at `;` (a statement separator) or `#` (a
/// comment), treats `%%` as a comment anywhere, reads `wrap:` at the start of a message as a
/// directive, and hands text to the browser as HTML. It also offers entity codes (`#59;`,
/// `#lt;`) that it decodes only after parsing. So every character that could mean something to
/// the parser or the browser goes out as an entity code; the diagram shows the text as written.
/// The characters `ControlCharacters` hides (controls, bidi overrides) are written out, as
/// `\u{202E}` (in entity codes): they would reorder the text or act on a terminal.
enum MermaidEscaping {
    /// Text for a message, note, fragment label, alias or title.
    ///
    /// - `lineBreaks`: whether a line break becomes Mermaid's `<br/>` (messages, notes) or a
    ///   space (aliases, titles, the accessible description, which must stay on one line).
    ///
    /// - `flowchart`: also the characters that delimit a flowchart's shapes and edge labels
    ///   (`|`, brackets, parentheses), so a label stays one label even outside its quotes.
    static func text(_ text: String, lineBreaks: Bool = true, flowchart: Bool = false) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case ";": out += "#59;"
            case "#": out += "#35;"
            case "%": out += "#37;"
            case ":": out += "#58;"
            case "<": out += "#lt;"
            case ">": out += "#gt;"
            case "&": out += "#amp;"
            case "\"": out += "#quot;"
            case "{": out += "#123;"
            case "}": out += "#125;"
            case "\\": out += "#92;"
            case "`": out += "#96;"
            // Mermaid marks entity codes with these characters while it parses; written
            // literally they could smuggle an entity into the output.
            case "\u{FB02}": out += "#64258;"
            case "\u{B6}": out += "#182;"
            case "|" where flowchart: out += "#124;"
            case "[" where flowchart: out += "#91;"
            case "]" where flowchart: out += "#93;"
            case "(" where flowchart: out += "#40;"
            case ")" where flowchart: out += "#41;"
            case "\n": out += lineBreaks ? "<br/>" : " "
            case "\t": out += " "
            default:
                if ControlCharacters.isHidden(scalar) {
                    out += Self.text(ControlCharacters.written(scalar), flowchart: flowchart)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out.trimmingSpaces
    }

    /// Words Mermaid's lexer recognises at the start of a line (case-insensitively, by prefix:
    /// it takes the first rule that matches, so a participant called `Ender` would lex as
    /// `end`). A name starting with one of them cannot be used as a participant id.
    static let keywords = [
        "accdescr", "acctitle", "activate", "actor", "alt", "and", "as", "autonumber", "box", "break", "create",
        "critical", "deactivate", "destroy", "details", "else", "end", "left", "link", "links", "loop", "note",
        "off", "opt", "option", "over", "par", "participant", "properties", "rect", "right", "sequencediagram",
        "title",
    ]

    /// Whether `name` can be a Mermaid participant id as it is.
    static func isSafeID(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, first.isASCIILetter || first == "_" else { return false }
        for scalar in name.unicodeScalars where !(scalar.isASCIILetter || scalar.isASCIIDigit || scalar == "_") {
            return false
        }
        let lowered = name.lowercased()
        return !keywords.contains { lowered.hasPrefix($0) }
    }
}

extension Unicode.Scalar {
    var isASCIILetter: Bool { ("a"..."z").contains(self) || ("A"..."Z").contains(self) }
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}

extension String {
    var trimmingSpaces: String {
        var scalars = Substring(self).unicodeScalars
        while scalars.first == " " { scalars.removeFirst() }
        while scalars.last == " " { scalars.removeLast() }
        return String(scalars)
    }
}
