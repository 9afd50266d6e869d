@testable import BatonLayout
import Testing

/// Tick selection: nice steps for every range, and no input that breaks it.
@Suite struct NiceTicksTests {
    /// Whether `step` is 1, 2 or 5 times a power of ten (to rounding).
    static func isOneTwoFive(_ step: Double) -> Bool {
        let e = NiceTicks.decade(of: step)
        let mantissa = step / NiceTicks.Step.scaled(1, e)
        return [1.0, 2, 5, 10].contains { abs(mantissa - $0) < 1e-9 }
    }

    /// The checks every value axis must pass.
    static func checkValueAxis(_ ticks: Ticks, covers low: Double, _ high: Double, count: Int,
                               sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(ticks.step > 0 && ticks.step.isFinite, sourceLocation: sourceLocation)
        #expect(ticks.values.count >= 2, sourceLocation: sourceLocation)
        #expect(ticks.values.count <= 2 * count + 2, "\(ticks.values.count) ticks for \(count) wanted", sourceLocation: sourceLocation)
        #expect(ticks.values.allSatisfy { $0.isFinite }, sourceLocation: sourceLocation)
        #expect(ticks.values == ticks.values.sorted(), sourceLocation: sourceLocation)
        #expect(ticks.values.first == ticks.lower && ticks.values.last == ticks.upper, sourceLocation: sourceLocation)
        #expect(ticks.lower <= low && ticks.upper >= high, "\(ticks.lower)...\(ticks.upper) misses \(low)...\(high)",
                sourceLocation: sourceLocation)
        for (a, b) in zip(ticks.values, ticks.values.dropFirst()) {
            #expect(abs((b - a) - ticks.step) <= ticks.step * 1e-9, "uneven: \(a), \(b)", sourceLocation: sourceLocation)
        }
    }

    @Test(arguments: [
        (0.0, 1.0), (0, 7), (0, 10), (0, 43), (0, 91), (0, 100), (0, 743), (0, 999), (0, 1001), (0, 12_345),
        (0, 3e6), (0, 0.013), (0, 2.4), (-5, 5), (-17, 3), (0, 1e-9), (0, 3.3e-7), (0, 1e12), (0, 7.5e15),
        (0, 1e300), (-1e300, 1e300), (1e15, 1e15 + 1), (100, 100.5),
    ] as [(Double, Double)])
    func linearStepsAreOneTwoFive(_ low: Double, _ high: Double) {
        for count in [2, 4, 5, 8] {
            let ticks = NiceTicks.linear(lower: low, upper: high, count: count)
            #expect(Self.isOneTwoFive(ticks.step), "step \(ticks.step) for \(low)...\(high)")
            Self.checkValueAxis(ticks, covers: low, high, count: count)
        }
    }

    @Test func familiarRangesGiveFamiliarTicks() {
        #expect(NiceTicks.linear(lower: 0, upper: 91, count: 4).values == [0, 20, 40, 60, 80, 100])
        #expect(NiceTicks.linear(lower: 0, upper: 1, count: 4).values == [0, 0.2, 0.4, 0.6, 0.8, 1])
        #expect(NiceTicks.linear(lower: 0, upper: 0.3, count: 3).values == [0, 0.1, 0.2, 0.3])
        #expect(NiceTicks.linear(lower: 0, upper: 743, count: 4).values == [0, 200, 400, 600, 800])
        #expect(NiceTicks.linear(lower: -17, upper: 3, count: 4).values == [-20, -15, -10, -5, 0, 5]
                || NiceTicks.linear(lower: -17, upper: 3, count: 4).values == [-20, -10, 0, 10])
        #expect(NiceTicks.duration(lower: 0, upper: 1.4, count: 4).values == [0, 0.5, 1, 1.5])
        #expect(NiceTicks.duration(lower: 0, upper: 2.4, count: 4).values == [0, 0.5, 1, 1.5, 2, 2.5])
        #expect(NiceTicks.duration(lower: 0, upper: 0.013, count: 4).values == [0, 0.005, 0.01, 0.015])
    }

    @Test func zeroWidthAndMissingRangesStillGiveAnAxis() {
        let zero = NiceTicks.linear(lower: 0, upper: 0, count: 4)
        #expect(zero.lower == 0 && zero.upper == 1)
        Self.checkValueAxis(zero, covers: 0, 0, count: 4)
        let five = NiceTicks.linear(lower: 5, upper: 5, count: 4)
        Self.checkValueAxis(five, covers: 5, 5, count: 4)
        #expect(five.lower < 5 && five.upper > 5)
        for (a, b) in [(Double.nan, Double.nan), (.nan, 3), (3, .nan), (.infinity, .infinity), (-.infinity, .infinity),
                       (0, .infinity), (-.infinity, 0), (.leastNonzeroMagnitude, .leastNonzeroMagnitude * 2),
                       (.greatestFiniteMagnitude, .greatestFiniteMagnitude), (-0.0, 0)] {
            for ticks in [NiceTicks.linear(lower: a, upper: b, count: 4), NiceTicks.duration(lower: a, upper: b, count: 4),
                          NiceTicks.time(start: a, end: b, count: 4)] {
                #expect(ticks.step > 0 && ticks.step.isFinite, "\(a)...\(b)")
                #expect(ticks.lower < ticks.upper && ticks.lower.isFinite && ticks.upper.isFinite, "\(a)...\(b)")
                #expect(ticks.values.allSatisfy { $0.isFinite }, "\(a)...\(b)")
                #expect(ticks.values.count <= 20, "\(a)...\(b): \(ticks.values.count) ticks")
            }
        }
    }

    @Test func invertedRangesAreTurnedAround() {
        #expect(NiceTicks.linear(lower: 91, upper: 0, count: 4) == NiceTicks.linear(lower: 0, upper: 91, count: 4))
    }

    @Test(arguments: [0.5, 3, 59, 61, 90, 150, 600, 601, 3000, 3600, 6000, 7200, 86_400, 864_000, 3e7])
    func durationStepsAreClockSteps(_ span: Double) {
        let ticks = NiceTicks.duration(lower: 0, upper: span, count: 5)
        let clock = NiceTicks.clockSteps.contains(ticks.step)
        let subSecond = ticks.step < 1 && Self.isOneTwoFive(ticks.step)
        let days = ticks.step >= 86_400 && Self.isOneTwoFive(ticks.step / 86_400)
        #expect(clock || subSecond || days, "step \(ticks.step)s for \(span)s")
        Self.checkValueAxis(ticks, covers: 0, span, count: 5)
    }

    @Test func timeAxesKeepTheirRange() {
        let ten = NiceTicks.time(start: 0, end: 600, count: 9)
        #expect(ten.lower == 0 && ten.upper == 600)
        #expect(ten.values == [0, 60, 120, 180, 240, 300, 360, 420, 480, 540, 600])
        let hundred = NiceTicks.time(start: 0, end: 6000, count: 9)
        #expect(hundred.step == 600)
        let shifted = NiceTicks.time(start: 45, end: 245, count: 4)
        #expect(shifted.values.allSatisfy { $0 >= 45 && $0 <= 245 })
        #expect(shifted.values == [60, 120, 180, 240])
        let short = NiceTicks.time(start: 0, end: 2, count: 8)
        #expect(short.values == [0, 0.2, 0.4, 0.6, 0.8, 1, 1.2, 1.4, 1.6, 1.8, 2]
                || short.values == [0, 0.5, 1, 1.5, 2])
    }
}
