import BatonSyntax
/// Numbers as the text report prints them: with their unit, as short as reading them needs,
/// and the same on every machine.
///
/// Three significant digits carry what a simulation can tell (its confidence intervals are
/// wider than that); counts stay whole and grouped by thousands. Digits come from integer
/// arithmetic on rounded values, never from the platform's float printing or locale, so the
/// report's bytes are the same everywhere. Nothing is written for a value that does not exist:
/// `–`.
enum ReportNumbers {
    static let missing = "–"

    /// How a figure is read: its unit decides the format.
    enum Unit {
        /// Things counted: `2,164`, or `2,164.3` as a mean over runs.
        case count
        /// Per second: `8/s`, `7.98/s`, `0.0781/s`.
        case rate
        /// Seconds: `98.2ms`, `1.23s`, `4m12s`.
        case duration
        /// A share 0…1 as a percentage: `79.9%`, `100%`.
        case percent
        /// A plain ratio: `3.92`, `1`.
        case ratio
    }

    static func format(_ value: Double?, _ unit: Unit) -> String {
        guard let value, value.isFinite else { return missing }
        switch unit {
        case .count: return count(value)
        case .rate: return significant(value, digits: 3) + "/s"
        case .duration: return duration(value)
        case .percent: return percent(value)
        case .ratio: return significant(value, digits: 3)
        }
    }

    /// A figure with its 95% confidence interval as `value ± half-width`; the interval is left
    /// out when there is none (one run) or it rounds to nothing. The half-width gets two
    /// significant digits: it says how far to trust the value, not a value of its own.
    static func format(_ figure: Figure?, _ unit: Unit) -> String {
        guard let figure else { return missing }
        let value = format(figure.value, unit)
        guard let interval = figure.interval, interval.lower.isFinite, interval.upper.isFinite else { return value }
        let half = (interval.upper - interval.lower) / 2
        let shown: String = switch unit {
        case .count, .ratio: significant(half, digits: 2)
        case .rate: significant(half, digits: 2) + "/s"
        case .duration: duration(half, digits: 2)
        case .percent: fixed(half * 100, decimals: half * 100 >= 10 ? 0 : 1) + "%"
        }
        if ["0", "0/s", "0s", "0%"].contains(shown) { return value }
        return value + " ± " + shown
    }

    /// `2,164`; a fractional count (a mean) keeps one decimal: `2,164.3`.
    static func count(_ value: Double, decimals: Int? = nil) -> String {
        let places = decimals ?? (value == value.rounded() ? 0 : 1)
        let scale = places == 0 ? 1.0 : 10.0
        let units = (abs(value) * scale).rounded()
        guard units < 9e15 else { return significant(value, digits: 3) }
        let whole = Int64(units) / Int64(scale)
        let fraction = Int64(units) % Int64(scale)
        var text = (value < 0 && units > 0 ? "-" : "") + grouped(whole)
        if places > 0, fraction != 0 { text += ".\(fraction)" }
        return text
    }

    /// Seconds in the clock's units, three significant digits below a minute: `0s`, `850µs`,
    /// `98.2ms`, `1.23s`, `12.3s`, then whole seconds: `1m5s`, `2h3m`.
    static func duration(_ seconds: Double, digits: Int = 3) -> String {
        guard seconds.isFinite else { return missing }
        let magnitude = abs(seconds)
        let sign = seconds < 0 ? "-" : ""
        if magnitude < 1e-9 { return "0s" }
        // Each unit up to what the digits round to the next one (999.6ms is 1s).
        let next = 1 - 0.5 * pow10(-digits)
        if magnitude < 1e-3 * next { return sign + significant(magnitude * 1e6, digits: digits) + "µs" }
        if magnitude < next { return sign + significant(magnitude * 1e3, digits: digits) + "ms" }
        if magnitude < 59.95 { return sign + significant(magnitude, digits: digits) + "s" }
        let whole = Int64(magnitude.rounded())
        let hours = whole / 3600, minutes = whole % 3600 / 60, rest = whole % 60
        var text = sign
        if hours > 0 { text += "\(hours)h" }
        if minutes > 0 { text += "\(minutes)m" }
        if rest > 0 { text += "\(rest)s" }
        return text
    }

    /// 10^exponent, exactly for the small exponents used here.
    static func pow10(_ exponent: Int) -> Double {
        var value = 1.0
        for _ in 0..<abs(exponent) { value *= 10 }
        return exponent < 0 ? 1 / value : value
    }

    /// A share as a percentage with one decimal at most: `79.9%`, `100%`, `0.4%`.
    static func percent(_ share: Double) -> String {
        fixed(share * 100, decimals: 1) + "%"
    }

    /// `value` to `digits` significant digits, trailing zeros dropped: `7.98`, `0.0781`, `1,235`.
    static func significant(_ value: Double, digits: Int) -> String {
        guard value.isFinite else { return missing }
        let magnitude = abs(value)
        if magnitude < 1e-12 { return "0" }
        let decade = magnitude.decade()
        let decimals = max(0, digits - 1 - decade)
        guard decimals <= 12 else { return "0" }
        return fixed(value, decimals: decimals)
    }

    /// `value` rounded to `decimals` places, trailing zeros dropped, thousands grouped.
    static func fixed(_ value: Double, decimals: Int) -> String {
        English.decimal(value, decimals: decimals, grouping: true) ?? (value < 0 ? "-∞" : "∞")
    }

    /// 12345 → `12,345`.
    static func grouped(_ value: Int64) -> String {
        English.grouped(Int(value))
    }
}

private extension Double {
    /// The decade of a positive number (⌊log10⌋), found by comparison with powers of ten rather
    /// than with `log10`, whose last bit may differ between C libraries.
    func decade() -> Int {
        var decade = 0
        var power = 1.0
        if self >= 1 {
            while power * 10 <= self, decade < 308 {
                power *= 10
                decade += 1
            }
        } else {
            while power > self, decade > -320 {
                power /= 10
                decade -= 1
            }
        }
        return decade
    }
}
