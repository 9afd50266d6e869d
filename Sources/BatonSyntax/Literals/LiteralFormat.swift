/// Formats numbers, durations and percentages the way Baton writes them, for messages, dumps
/// and the formatter. Deterministic and locale-free (no Foundation formatters).
public enum LiteralFormat {
    /// `3`, `0.5`, `1.25` — whole numbers without a fraction, others with up to `digits` decimals
    /// and no trailing zeros.
    public static func number(_ value: Double, digits: Int = 6) -> String {
        number(value, digits: digits, unit: "")
    }

    /// `number` followed by `unit`, made in one string: every finding about time has a duration
    /// or two in its message, and making the number's digits, its fraction and the joined text
    /// one string after another cost thousands of instructions each.
    static func number(_ value: Double, digits: Int, unit: StaticString) -> String {
        if value.isInfinite { return (value < 0 ? "-∞" : "∞") + unit.description }
        if value.isNaN { return "NaN" + unit.description }
        // What is written: a sign, the whole part, and `fractionDigits` digits of `fraction`.
        let negative: Bool
        let whole: UInt64
        var fraction: UInt64 = 0
        var fractionDigits = 0
        if abs(value) < 1e15, value == Double(Int(value)) {
            negative = value < 0
            whole = UInt64(Int(value).magnitude)
        } else {
            // Eighteen decimals at most: ten to the nineteenth is past the integers' range.
            let digits = min(max(digits, 0), 18)
            var scale = 1.0
            for _ in 0..<digits { scale *= 10 }
            let scaled = abs(value) * scale + 0.5
            guard scaled < 9e18 else { return String(value) + unit.description }
            let integer = UInt64(scaled)
            let unitScale = UInt64(scale)
            negative = value < 0
            whole = integer / unitScale
            fraction = integer % unitScale
            fractionDigits = digits
            // No trailing zeros.
            while fractionDigits > 0, fraction % 10 == 0 {
                fraction /= 10
                fractionDigits -= 1
            }
        }
        // A sign, 20 digits, a point, 18 digits and the unit (the units are a few letters).
        return String(unsafeUninitializedCapacity: 48) { buffer in
            var count = 0
            if negative {
                buffer[count] = UInt8(ascii: "-")
                count += 1
            }
            count += writeDigits(of: whole, into: buffer, at: count)
            if fractionDigits > 0 {
                buffer[count] = UInt8(ascii: ".")
                count += 1
                count += writeDigits(of: fraction, width: fractionDigits, into: buffer, at: count)
            }
            unit.withUTF8Buffer { unit in
                for byte in unit.prefix(buffer.count - count) {
                    buffer[count] = byte
                    count += 1
                }
            }
            return count
        }
    }

    /// Writes `value` in decimal at `start` (with leading zeros up to `width` digits, when
    /// given); returns how many digits it wrote. The one digit writer of Baton's texts
    /// (`FindingText` writes its integers with it); `buffer` must have room for them.
    public static func writeDigits(of value: UInt64, width: Int? = nil, into buffer: UnsafeMutableBufferPointer<UInt8>,
                                   at start: Int) -> Int {
        var length = 1
        var rest = value / 10
        while rest > 0 {
            length += 1
            rest /= 10
        }
        if let width { length = max(length, width) }
        var remaining = value
        for position in stride(from: start + length - 1, through: start, by: -1) {
            buffer[position] = UInt8(ascii: "0") + UInt8(remaining % 10)
            remaining /= 10
        }
        return length
    }

    /// `250ms`, `2s`, `1.5m`, `2h`: the largest unit that keeps the number readable. Hours and
    /// minutes are used only when they are exact to two decimals; seconds and milliseconds keep
    /// up to `digits` decimals.
    public static func duration(_ seconds: Double, digits: Int = 3) -> String {
        if seconds.isInfinite { return "∞" }
        if seconds >= 3600, (seconds / 3600 * 100).truncatingRemainder(dividingBy: 1) == 0 {
            return number(seconds / 3600, digits: 2, unit: "h")
        }
        if seconds >= 60, (seconds / 60 * 100).truncatingRemainder(dividingBy: 1) == 0 {
            return number(seconds / 60, digits: 2, unit: "m")
        }
        if seconds >= 1 || seconds == 0 { return number(seconds, digits: digits, unit: "s") }
        return number(seconds * 1000, digits: digits, unit: "ms")
    }

    /// A fraction as a percentage: 0.9999 → `99.99%`.
    public static func percent(_ fraction: Double, digits: Int = 4) -> String {
        number(fraction * 100, digits: digits, unit: "%")
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
