/// Formats numbers, durations and percentages the way Baton writes them, for messages, dumps
/// and the formatter. Deterministic and locale-free (no Foundation formatters).
public enum LiteralFormat {
    /// `3`, `0.5`, `1.25` — whole numbers without a fraction, others with up to `digits` decimals
    /// and no trailing zeros.
    public static func number(_ value: Double, digits: Int = 6) -> String {
        if value.isInfinite { return value < 0 ? "-∞" : "∞" }
        if value.isNaN { return "NaN" }
        if abs(value) < 1e15, value == Double(Int(value)) { return String(Int(value)) }
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let scaled = (abs(value) * scale + 0.5)
        guard scaled < 9e18 else { return String(value) }
        let integer = Int(scaled)
        let whole = integer / Int(scale)
        var fraction = String(integer % Int(scale))
        fraction = String(repeating: "0", count: digits - fraction.count) + fraction
        while fraction.hasSuffix("0") { fraction.removeLast() }
        let sign = value < 0 ? "-" : ""
        return fraction.isEmpty ? "\(sign)\(whole)" : "\(sign)\(whole).\(fraction)"
    }

    /// `250ms`, `2s`, `1.5m`, `2h`: the largest unit that keeps the number readable. Hours and
    /// minutes are used only when they are exact to two decimals; seconds and milliseconds keep
    /// up to `digits` decimals.
    public static func duration(_ seconds: Double, digits: Int = 3) -> String {
        if seconds.isInfinite { return "∞" }
        if seconds >= 3600, (seconds / 3600 * 100).truncatingRemainder(dividingBy: 1) == 0 {
            return number(seconds / 3600, digits: 2) + "h"
        }
        if seconds >= 60, (seconds / 60 * 100).truncatingRemainder(dividingBy: 1) == 0 {
            return number(seconds / 60, digits: 2) + "m"
        }
        if seconds >= 1 || seconds == 0 { return number(seconds, digits: digits) + "s" }
        return number(seconds * 1000, digits: digits) + "ms"
    }

    /// A fraction as a percentage: 0.9999 → `99.99%`.
    public static func percent(_ fraction: Double, digits: Int = 4) -> String {
        number(fraction * 100, digits: digits) + "%"
    }

    /// A Baton string literal: quoted, with `"`, `\\`, line breaks and tabs escaped, and the other
    /// characters `ControlCharacters` hides (controls, bidi overrides) written as `\u{…}`, so the
    /// result always lexes back to `text` and shows what it holds.
    public static func string(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            default:
                if ControlCharacters.isHidden(scalar) {
                    result += ControlCharacters.written(scalar)
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }

    /// A label as the formatter writes it: free text when it reads back unchanged and shows
    /// what it holds, quoted otherwise (`GET /orders/{id}` needs quotes, `place order` does not).
    public static func label(_ text: String) -> String {
        isSafeFreeText(text) && !text.unicodeScalars.contains(where: ControlCharacters.isHidden) ? text : string(text)
    }

    /// Whether free text after `:` lexes back to exactly `text`: it stops at `[`, `{`, `}`, `#`,
    /// `;` and line ends, is trimmed, and a leading quote would make it a string.
    public static func isSafeFreeText(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, let last = text.unicodeScalars.last,
              first != "\"", first != " ", first != "\t", last != " ", last != "\t"
        else { return false }
        return !text.unicodeScalars.contains { "[{}#;\n\r".unicodeScalars.contains($0) || $0.value < 0x20 }
    }
}
