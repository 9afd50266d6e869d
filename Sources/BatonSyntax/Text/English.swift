/// The few bits of English grammar Baton's messages, reports and text alternatives need, in one
/// place so that every stage counts and lists the same way: "1 file", "3 files", "a, b and c",
/// "12,345". They live in the lowest stage so that every other one can use them.
public enum English {
    /// "1 error", "0 errors", "3 more errors": a count and a regular noun (one that takes an `s`).
    public static func plural(_ count: Int, _ noun: String) -> String {
        "\(count) \(self.noun(noun, count: count))"
    }

    /// The noun alone, singular for exactly one: `participant`, `participants`. For counts that
    /// are printed some other way (see `grouped`).
    public static func noun(_ noun: String, count: Int) -> String {
        count == 1 ? noun : noun + "s"
    }

    /// "a", "a and b", "a, b and c"; "" for none.
    public static func list(_ items: [String]) -> String {
        switch items.count {
        case 0: ""
        case 1: items[0]
        default: items.dropLast().joined(separator: ", ") + " and " + items[items.count - 1]
        }
    }

    /// `value` rounded to `decimals` places with trailing zeros dropped — `1.5`, `2`, `-0.25` —
    /// and, when `grouping`, thousands grouped (`12,345.6`). Nil when the rounded value does not
    /// fit in whole numbers (beyond 9e15 units), for the caller to write another way.
    public static func decimal(_ value: Double, decimals: Int, grouping: Bool = false) -> String? {
        var scale: Int64 = 1
        for _ in 0..<max(0, decimals) { scale *= 10 }
        let scaled = (abs(value) * Double(scale)).rounded()
        guard scaled < 9e15 else { return nil }
        let units = Int64(scaled)
        if units == 0 { return "0" }
        let whole = units / scale
        var out = (value < 0 ? "-" : "") + (grouping ? grouped(Int(whole)) : String(whole))
        var fraction = units % scale
        if fraction != 0 {
            var places = decimals
            while fraction % 10 == 0 {
                fraction /= 10
                places -= 1
            }
            let digits = String(fraction)
            out += "." + String(repeating: "0", count: places - digits.count) + digits
        }
        return out
    }

    /// 12345 → "12,345": sizes this big are easier to read grouped by thousands.
    public static func grouped(_ n: Int) -> String {
        let digits = String(n.magnitude)
        var out = ""
        for (i, digit) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(digit)
        }
        return n < 0 ? "-" + out : out
    }
}
