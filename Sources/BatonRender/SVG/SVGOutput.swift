import BatonLayout

/// The bytes of an SVG document as they are written: numbers in one fixed format, every string
/// escaped, one element per line, never a blank line.
///
/// Blank lines matter: CommonMark ends a raw HTML block at the first one, so an SVG pasted into
/// Markdown would be cut in two. Numbers matter for determinism: Swift's default `description`
/// of a Double prints `0.30000000000000004` and `-0.0`; here every number is rounded to at most
/// two decimals, without trailing zeros and without a negative zero.
struct SVGOutput {
    private(set) var text = ""
    private var depth = 0

    init(capacity: Int) {
        text.reserveCapacity(capacity)
    }

    /// Starts a new line at the current depth.
    mutating func line(_ start: String) {
        for _ in 0..<depth { text += "  " }
        text += start
    }

    mutating func raw(_ s: String) {
        text += s
    }

    mutating func indent() { depth += 1 }
    mutating func outdent() { depth -= 1 }

    /// ` name="value"` with a number value.
    mutating func attribute(_ name: String, _ value: Double) {
        text += " "
        text += name
        text += "=\""
        text += Self.format(value)
        text += "\""
    }

    /// ` name="value"`, the value escaped.
    mutating func attribute(_ name: String, _ value: String) {
        text += " "
        text += name
        text += "=\""
        Self.escape(value, into: &text)
        text += "\""
    }

    mutating func escaped(_ s: String) {
        Self.escape(s, into: &text)
    }

    /// `x,y`
    mutating func point(_ p: Point) {
        text += Self.format(p.x)
        text += ","
        text += Self.format(p.y)
    }

    /// At most two decimals, no trailing zeros, no `-0`, and `0` for anything not finite.
    static func format(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        let hundredths = (value * 100).rounded()
        guard hundredths != 0 else { return "0" }
        let clamped = min(abs(hundredths), 1e15)
        let magnitude = Int64(clamped)
        let whole = magnitude / 100, fraction = magnitude % 100
        var out = hundredths < 0 ? "-" : ""
        out += String(whole)
        if fraction != 0 {
            out += "."
            if fraction < 10 {
                out += "0"
                out += String(fraction)
            } else if fraction % 10 == 0 {
                out += String(fraction / 10)
            } else {
                out += String(fraction)
            }
        }
        return out
    }

    /// Appends `s` escaped for XML text and attribute values alike.
    ///
    /// `&`, `<`, `>`, `"` and `'` become entities, so no label can open a tag, close a CDATA
    /// section (`]]>`), end a comment or break out of an attribute. Line breaks and tabs become
    /// spaces (a line break in `<title>` would otherwise put a blank line into Markdown), and
    /// characters XML 1.0 forbids (other control characters, U+FFFE, U+FFFF) become U+FFFD, so
    /// the document stays well-formed whatever the source said.
    static func escape(_ s: String, into out: inout String) {
        XMLEscaping.escape(s, into: &out)
    }

}
