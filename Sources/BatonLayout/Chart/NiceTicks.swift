/// The values an axis marks, and the range it covers.
public struct Ticks: Hashable, Sendable {
    /// The axis runs from `lower` to `upper`.
    public var lower: Double
    public var upper: Double
    /// The distance between consecutive ticks: always a "nice" number (see `NiceTicks`).
    public var step: Double
    /// Ascending, each a multiple of `step`, all within `lower...upper`.
    public var values: [Double]
}

/// Tick selection: steps a reader can add up at a glance.
///
/// Values use 1, 2 and 5 times a power of ten (`0 20 40 60`, `0 0.5 1 1.5`). Durations of a
/// second and more use the clock's own steps instead (`0 30s 1m 1m30s`, `0 15m 30m 45m 1h`),
/// since 50 seconds or 200 minutes are not steps anyone counts in. The step chosen is the nice
/// step nearest, on a log scale, to the range divided by the wanted number of intervals.
///
/// Everything is computed with IEEE arithmetic only (powers of ten by repeated multiplication,
/// no `log10` or `pow`, whose last bit differs between C libraries), so the ticks, and the
/// SVG that shows them, are the same on every machine. Input is never trusted: NaN and
/// infinities are ignored, ranges are clamped to ±1e300, and an empty range becomes a small one
/// around its value, so the result always has at least two ticks and a positive step.
public enum NiceTicks {
    /// The largest magnitude an axis covers; beyond it, steps and bounds could overflow.
    static let limit = 1e300

    /// Ticks for values from `lower` to `upper`, about `count` intervals, the range widened to
    /// the nearest ticks outside it (a value axis: the data never pokes out of the plot).
    public static func linear(lower: Double, upper: Double, count: Int) -> Ticks {
        let (lower, upper) = sanitized(lower, upper)
        let step = niceStep(raw: (upper - lower) / Double(max(1, count)))
        return widened(lower, upper, step: step)
    }

    /// Ticks for durations in seconds from `lower` to `upper`, widened like `linear`: below a
    /// second in 1-2-5 steps (`0 500ms 1s 1.5s`), from a second on in clock steps.
    public static func duration(lower: Double, upper: Double, count: Int) -> Ticks {
        let (lower, upper) = sanitized(lower, upper)
        let step = durationStep(raw: (upper - lower) / Double(max(1, count)))
        return widened(lower, upper, step: step)
    }

    /// Ticks for a time axis from `start` to `end` seconds, which stays exactly that range: the
    /// ticks are the clock-step multiples inside it (`0 2m 4m 6m 8m 10m`).
    public static func time(start: Double, end: Double, count: Int) -> Ticks {
        let (start, end) = sanitized(start, end)
        let step = durationStep(raw: (end - start) / Double(max(1, count)))
        let first = (start / step.value).rounded(.up), last = (end / step.value).rounded(.down)
        var values: [Double] = []
        if first <= last, last - first < 10_000 {
            var k = first
            while k <= last {
                values.append(step.multiple(k))
                k += 1
            }
        }
        return Ticks(lower: start, upper: end, step: step.value, values: values)
    }

    // MARK: - Steps

    /// A nice step: `mantissa × 10^exponent` seconds or units, kept apart so that multiples are
    /// computed without accumulating rounding errors (0.3, not 0.30000000000000004).
    struct Step: Hashable {
        var mantissa: Double
        var exponent: Int

        var value: Double { Self.scaled(mantissa, exponent) }

        /// `k` steps.
        func multiple(_ k: Double) -> Double {
            let value = Self.scaled(k * mantissa, exponent)
            return value == 0 ? 0 : value
        }

        /// `x × 10^e`, dividing for negative `e` so that exact decimals round correctly.
        static func scaled(_ x: Double, _ e: Int) -> Double {
            e >= 0 ? x * powerOfTen(e) : x / powerOfTen(-e)
        }
    }

    /// 10^e for e ≥ 0 by repeated multiplication: exact up to 10^22, and the same bits everywhere.
    static func powerOfTen(_ e: Int) -> Double {
        var result = 1.0
        for _ in 0..<min(e, 400) { result *= 10 }
        return result
    }

    /// The exponent of the largest power of ten not above `x` (x positive and finite).
    static func decade(of x: Double) -> Int {
        var e = 0
        while Step.scaled(1, e) > x, e > -400 { e -= 1 }
        while Step.scaled(1, e + 1) <= x, e < 400 { e += 1 }
        return e
    }

    /// 1, 2 or 5 times a power of ten, the nearest to `raw` on a log scale.
    static func niceStep(raw: Double) -> Step {
        guard raw.isFinite, raw > 0 else { return Step(mantissa: 1, exponent: 0) }
        let e = decade(of: raw)
        let error = raw / Step.scaled(1, e)
        // The geometric means of neighbouring steps: √2 between 1 and 2, √10 between 2 and 5, √50 between 5 and 10.
        if error >= 7.0710678118654755 { return Step(mantissa: 1, exponent: e + 1) }
        if error >= 3.1622776601683795 { return Step(mantissa: 5, exponent: e) }
        if error >= 1.4142135623730951 { return Step(mantissa: 2, exponent: e) }
        return Step(mantissa: 1, exponent: e)
    }

    /// Clock steps in seconds, from one second to a day; beyond, whole days in 1-2-5 steps.
    static let clockSteps: [Double] = [1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800,
                                       3600, 7200, 10_800, 21_600, 43_200, 86_400]

    /// Below a second a 1-2-5 step; from a second to a day the nearest clock step; beyond, a
    /// 1-2-5 number of days.
    static func durationStep(raw: Double) -> Step {
        guard raw.isFinite, raw > 0 else { return Step(mantissa: 1, exponent: 0) }
        if raw < 1 {
            let step = niceStep(raw: raw)
            // Rounding up to 10 × 10^-1 gives the clock's first step.
            return step.value >= 1 ? Step(mantissa: 1, exponent: 0) : step
        }
        let day = 86_400.0
        if raw > day {
            let days = niceStep(raw: raw / day)
            return Step(mantissa: days.mantissa * day, exponent: days.exponent)
        }
        var previous = clockSteps[0]
        for step in clockSteps.dropFirst() {
            if raw <= step {
                // The nearer of the two on a log scale: raw² against their product.
                return Step(mantissa: raw * raw > previous * step ? step : previous, exponent: 0)
            }
            previous = step
        }
        return Step(mantissa: day, exponent: 0)
    }

    // MARK: - Ranges

    /// Finite, ordered, within ±`limit`, and not empty.
    static func sanitized(_ a: Double, _ b: Double) -> (Double, Double) {
        func clean(_ x: Double) -> Double? { x.isNaN ? nil : min(max(x, -limit), limit) }
        var lower = clean(a) ?? clean(b) ?? 0
        var upper = clean(b) ?? lower
        if lower > upper { swap(&lower, &upper) }
        // A range too narrow to divide (empty, or lost in the values' own rounding) is widened
        // around its middle: to 0…1 at zero, else by a tenth of the value.
        let middle = lower / 2 + upper / 2
        let width = max(abs(middle) * 1e-9, 1e-300)
        if !((upper - lower) > width) {
            if abs(middle) < 1e-300 { return (0, 1) }
            let half = abs(middle) / 10
            return (middle - half, middle + half)
        }
        return (lower, upper)
    }

    /// The multiples of `step` from the last at or below `lower` to the first at or above `upper`.
    static func widened(_ lower: Double, _ upper: Double, step: Step) -> Ticks {
        let size = step.value
        guard size > 0, size.isFinite else { return Ticks(lower: lower, upper: upper, step: 1, values: [lower, upper]) }
        let first = (lower / size).rounded(.down), last = (upper / size).rounded(.up)
        // A step chosen from the range divides it into about `count` parts; the guard only
        // stops a pathological input from producing millions of ticks.
        guard last - first < 10_000, last > first else {
            return Ticks(lower: lower, upper: upper, step: upper - lower, values: [lower, upper])
        }
        var values: [Double] = []
        var k = first
        while k <= last {
            values.append(step.multiple(k))
            k += 1
        }
        let low = values.first ?? lower, high = values.last ?? upper
        guard low.isFinite, high.isFinite else {
            return Ticks(lower: lower, upper: upper, step: upper - lower, values: [lower, upper])
        }
        return Ticks(lower: low, upper: high, step: size, values: values)
    }
}
