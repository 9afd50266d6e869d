import BatonSyntax

/// Tick labels: numbers, rates, percentages and durations, as short as they can be while
/// telling neighbouring ticks apart.
///
/// Each label is formatted with the precision its axis' step needs (ticks 0.5 apart show one
/// decimal, ticks 2 apart none), so an axis never reads `1 1 2 2` or `1.000 1.500`. Large
/// numbers take SI prefixes (`1.5k/s`, `2M`), durations the clock's units (`500ms`, `1m30s`,
/// `2h`), and numbers too small or too large for either are written as `2.5e-9`. Everything is
/// integer arithmetic on rounded values, never the platform's float printing, so labels are the
/// same everywhere; zero is always `0`.
public enum ChartFormat {
    /// A tick label for `value` in `unit`, on an axis whose ticks are `step` apart (nil: as
    /// precise as three decimals allow).
    public static func value(_ value: Double, unit: ChartUnit, step: Double? = nil) -> String {
        switch unit {
        case .perSecond: number(value, step: step, suffix: "/s")
        case .percent: number(value * 100, step: step.map { $0 * 100 }, suffix: "%", prefixes: false)
        case .count: number(value, step: step, suffix: "")
        case .seconds: duration(value, step: step)
        }
    }

    /// `value` with an SI prefix from k up to T, `suffix` after it: `0`, `12`, `2.5`, `1.5k`.
    public static func number(_ value: Double, step: Double? = nil, suffix: String = "", prefixes: Bool = true) -> String {
        guard value.isFinite else { return "–" }
        let magnitude = abs(value)
        if magnitude < 1e-12 || (step.map { magnitude < abs($0) * 1e-9 } ?? false) { return "0" }
        var scale = 1.0, prefix = ""
        if prefixes {
            for (bound, letter) in [(1e12, "T"), (1e9, "G"), (1e6, "M"), (1e3, "k")] where magnitude >= bound {
                scale = bound
                prefix = letter
                break
            }
        }
        let decimals = decimalsFor(step: step.map { abs($0) / scale }, value: magnitude / scale)
        if magnitude >= (prefixes ? 1e15 : 1e5) || decimals > 6 { return scientific(value) + suffix }
        let digits = fixed(value / scale, decimals: decimals)
        return digits == "0" ? "0" : digits + prefix + suffix
    }

    /// A duration: `0`, `250µs`, `500ms`, `1.5s`, `45s`, `1m`, `1m30s`, `2h`, `1h15m`, `3d`.
    ///
    /// Below a minute one unit, with decimals (`1.5s`); from a minute on, the clock's units
    /// from the largest down, dropping zero parts (`1h5s`), seconds keeping the decimals the
    /// step needs.
    public static func duration(_ seconds: Double, step: Double? = nil) -> String {
        guard seconds.isFinite else { return "–" }
        let magnitude = abs(seconds)
        if magnitude < 1e-12 || (step.map { magnitude < abs($0) * 1e-9 } ?? false) { return "0" }
        let sign = seconds < 0 ? "-" : ""
        if magnitude < 60 {
            for (bound, unit) in [(1.0, "s"), (1e-3, "ms"), (1e-6, "µs"), (1e-9, "ns")] where magnitude >= bound || unit == "ns" {
                let decimals = decimalsFor(step: step.map { abs($0) / bound }, value: magnitude / bound)
                if decimals > 6 { break }
                let digits = fixed(magnitude / bound, decimals: decimals)
                return digits == "0" ? "0" : sign + digits + unit
            }
            return sign + scientific(magnitude) + "s"
        }
        // A million days is beyond any chart; such values are written as seconds.
        guard magnitude < 8.64e10 else { return sign + scientific(magnitude) + "s" }
        let decimals = min(3, decimalsFor(step: step.map(abs), value: magnitude, whole: true))
        let scale = NiceTicks.powerOfTen(decimals)
        // Whole units of 10^-decimals seconds, so the parts add up exactly.
        let total = Int64((magnitude * scale).rounded())
        let perMinute = 60 * Int64(scale), perHour = 60 * perMinute, perDay = 24 * perHour
        let days = total / perDay, hours = total % perDay / perHour
        let minutes = total % perHour / perMinute, rest = total % perMinute
        var out = sign
        if days > 0 { out += "\(days)d" }
        if hours > 0 { out += "\(hours)h" }
        if minutes > 0 { out += "\(minutes)m" }
        if rest > 0 { out += fixed(Double(rest) / scale, decimals: decimals) + "s" }
        return out == sign ? "0" : out
    }

    // MARK: - Digits

    /// How many decimals tell multiples of `step` apart (0 for 5, 1 for 0.5, 2 for 0.25); without
    /// a step, as many as `value` needs up to 3. `whole` caps the search at 3 for clock values.
    static func decimalsFor(step: Double?, value: Double, whole: Bool = false) -> Int {
        guard let step, step.isFinite, step > 0 else {
            // Trailing zeros are trimmed, so three decimals cost nothing when fewer suffice.
            return 3
        }
        var decimals = 0
        var scaled = step
        // The first power of ten at which the step is a whole number (to a millionth of itself).
        while decimals < 12 {
            if scaled >= 0.5, abs(scaled - scaled.rounded()) <= 1e-6 * scaled { break }
            scaled *= 10
            decimals += 1
        }
        return whole ? min(decimals, 3) : decimals
    }

    /// `value` rounded to `decimals` places, trailing zeros dropped: `1.5`, `2`, `-0.25`.
    static func fixed(_ value: Double, decimals: Int) -> String {
        English.decimal(value, decimals: decimals) ?? scientific(value)
    }

    /// `2.5e-9`, `1e15`: three significant digits at most.
    static func scientific(_ value: Double) -> String {
        let magnitude = abs(value)
        guard magnitude.isFinite, magnitude > 0 else { return "0" }
        var exponent = NiceTicks.decade(of: magnitude)
        var mantissa = NiceTicks.Step.scaled(magnitude, -exponent)
        if (mantissa * 100).rounded() >= 1000 {
            mantissa /= 10
            exponent += 1
        }
        return (value < 0 ? "-" : "") + fixed(mantissa, decimals: 2) + "e" + String(exponent)
    }
}
