import BatonLayout

/// The prefix of every id in an SVG (`SVGOptions.idPrefix`): derived from the content, or given
/// by the user and checked, so that several diagrams can share an HTML page.
public enum IDPrefix {
    /// `b-` and the first 10 hex digits of the `DiagramHash` of the source and every option that
    /// changes the picture, so that two different diagrams on one page never share an id, and
    /// the same diagram always gets the same ones. (A direction adds a field only when given, so
    /// drawings that let the graph view choose keep the ids they had before directions existed;
    /// drawn findings add a field only when there are some.)
    public static func derived(source: [UInt8], format: RenderFormat, view: RenderView, flow: String?,
                               theme: Theme.Name, direction: LayoutDirection? = nil,
                               marks: [FindingMark] = [], explanations: [String] = []) -> String {
        var parts = [format.rawValue, view.rawValue, flow ?? "", theme.rawValue]
        if let direction { parts.append(direction.rawValue) }
        if !marks.isEmpty && format == .svg {
            parts.append("findings=" + marks.map { "\($0.number) \($0.severity.rawValue) \($0.title) \($0.message)" }.joined(separator: "\n"))
        }
        if !explanations.isEmpty && format == .svg { parts.append("explain=" + explanations.joined(separator: ",")) }
        return "b-" + String(DiagramHash.hex([source] + parts.map { Array($0.utf8) }).prefix(10))
    }

    /// A user's prefix must be a valid start of an XML id: a letter or `_`, then letters,
    /// digits, `_`, `-` or `.`, all ASCII, at most 64 of them (it is repeated in every id).
    public static func validated(_ prefix: String) throws(RenderError) -> String {
        let allowed = "use ASCII letters, digits, '_', '-' or '.', starting with a letter or '_'"
        let scalars = Array(prefix.unicodeScalars)
        guard let first = scalars.first else {
            throw RenderError(message: "the id prefix is empty", help: allowed + ", or leave the prefix out to derive one from the content")
        }
        guard first.isASCII, first.properties.isAlphabetic || first == "_" else {
            throw RenderError(message: "'\(prefix)' cannot start an id: it starts with \(shown(first)), and an id starts with an ASCII letter or '_'",
                              help: allowed)
        }
        if let bad = scalars.firstIndex(where: { !($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "_-.".unicodeScalars.contains($0))) }) {
            throw RenderError(message: "'\(prefix)' cannot start an id: \(shown(scalars[bad])) at position \(bad + 1) is not allowed",
                              help: allowed)
        }
        guard scalars.count <= 64 else {
            throw RenderError(message: "the id prefix must be at most 64 characters long, not \(scalars.count)",
                              help: "it is repeated in every id of the SVG: shorten it")
        }
        return prefix
    }

    /// A character as a message names it: `'é'`, `'/'`; a space or a tab by name and any other
    /// invisible character by its code point, since quoted they are easy to misread.
    private static func shown(_ scalar: Unicode.Scalar) -> String {
        switch scalar {
        case " ": return "a space"
        case "\t": return "a tab"
        default:
            switch scalar.properties.generalCategory {
            case .control, .format, .spaceSeparator, .lineSeparator, .paragraphSeparator, .privateUse, .unassigned, .surrogate:
                let hex = String(scalar.value, radix: 16, uppercase: true)
                return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
            default:
                return "'\(scalar)'"
            }
        }
    }
}
