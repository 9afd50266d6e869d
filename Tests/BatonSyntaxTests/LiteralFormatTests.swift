import BatonSyntax
import BatonWorkload
import Testing

/// Numbers, durations and percentages as Baton writes them in messages, dumps and formatted
/// designs: the digits are written straight into one string, and must read exactly as the
/// plain definition below (whole numbers bare; otherwise rounded to `digits` decimals, no
/// trailing zeros).
@Suite struct LiteralFormatTests {
    /// The definition, written the obvious way (strings joined step by step).
    static func expected(_ value: Double, digits: Int) -> String {
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

    @Test(arguments: [
        (3.0, 6, "3"), (0.5, 6, "0.5"), (1.25, 6, "1.25"), (-0.25, 6, "-0.25"), (-0.0, 6, "0"),
        (2.0 / 3.0, 3, "0.667"), (0.0001, 3, "0"), (-0.0001, 3, "-0"), (1.0999, 3, "1.1"),
        (1e20, 3, "1e+20"), (123_456.789, 1, "123456.8"), (0.000_001, 12, "0.000001"),
        (.infinity, 3, "∞"), (-.infinity, 3, "-∞"),
    ])
    func numbersReadAsDefined(_ value: Double, _ digits: Int, _ text: String) {
        #expect(LiteralFormat.number(value, digits: digits) == text)
        #expect(Self.expected(value, digits: digits) == text)
    }

    @Test func seededValuesReadAsDefined() {
        var random = SplitMix64(seed: 17)
        for _ in 0..<20_000 {
            let magnitude = Double(random.below(19)) - 6
            var value = Double(random.next() % 1_000_000) / 1_000_000 * pow10(magnitude)
            if random.chance(0.2) { value = Double(random.below(100_000)) / 8 }
            if random.chance(0.3) { value = -value }
            let digits = 1 + random.below(12)
            #expect(LiteralFormat.number(value, digits: digits) == Self.expected(value, digits: digits), "\(value) to \(digits)")
            #expect(LiteralFormat.percent(value, digits: digits) == Self.expected(value * 100, digits: digits) + "%")
        }
    }

    @Test(arguments: [
        (0.25, "250ms"), (1.5, "1.5s"), (0.0, "0s"), (90.0, "1.5m"), (7200.0, "2h"), (61.0, "61s"),
        (0.0004, "0.4ms"), (Double.infinity, "∞"),
    ])
    func durationsPickTheirUnit(_ seconds: Double, _ text: String) {
        #expect(LiteralFormat.duration(seconds) == text)
    }

    @Test func digitsOutsideTheRangeDoNotStop() {
        #expect(LiteralFormat.number(0.5, digits: 0) == "1")
        #expect(LiteralFormat.number(0.5, digits: -3) == "1")
        #expect(LiteralFormat.number(0.375, digits: 40) == "0.375")
    }

    private func pow10(_ exponent: Double) -> Double {
        var result = 1.0
        if exponent >= 0 {
            for _ in 0..<Int(exponent) { result *= 10 }
        } else {
            for _ in 0..<Int(-exponent) { result /= 10 }
        }
        return result
    }
}
