@testable import BatonLayout
import Testing

/// Tick labels: short, exact and the same everywhere.
@Suite struct ChartFormatTests {
    @Test(arguments: [
        (0.0, nil, "0"), (30, 30, "30s"), (60, 30, "1m"), (90, 30, "1m30s"), (120, 120, "2m"), (3600, 600, "1h"),
        (5400, 600, "1h30m"), (3605, 5, "1h5s"), (86_400, 3600, "1d"), (129_600, 3600, "1d12h"), (0.5, 0.5, "500ms"),
        (1.5, 0.5, "1.5s"), (1, 0.5, "1s"), (0.25, 0.05, "250ms"), (0.0015, 0.0005, "1.5ms"), (0.0002, 0.0001, "200µs"),
        (2e-8, 1e-8, "20ns"), (45, 15, "45s"), (60.25, 0.25, "1m0.25s"), (-90, 30, "-1m30s"), (1e-15, nil, "0"),
        (2.5, nil, "2.5s"), (0.1 + 0.2, nil, "300ms"), (1e20, nil, "1e20s"), (.nan, nil, "–"), (.infinity, nil, "–"),
    ] as [(Double, Double?, String)])
    func durations(_ seconds: Double, _ step: Double?, _ expected: String) {
        #expect(ChartFormat.duration(seconds, step: step) == expected)
    }

    @Test func timeAxisLabelsReadLikeAClock() {
        let ticks = NiceTicks.time(start: 0, end: 120, count: 4)
        #expect(ticks.values.map { ChartFormat.duration($0, step: ticks.step) } == ["0", "30s", "1m", "1m30s", "2m"])
        let long = NiceTicks.time(start: 0, end: 600, count: 5)
        #expect(long.values.map { ChartFormat.duration($0, step: long.step) } == ["0", "2m", "4m", "6m", "8m", "10m"])
    }

    @Test(arguments: [
        (0.0, ChartUnit.perSecond, 20.0, "0"), (40, .perSecond, 20, "40/s"), (1500, .perSecond, 500, "1.5k/s"), (1000, .count(""), 200, "1k"),
        (15_000, .perSecond, 5000, "15k/s"), (2.5, .count("messages"), 0.5, "2.5"), (1e6, .count(""), 2e5, "1M"),
        (0.5, .percent, 0.25, "50%"), (0.005, .percent, 0.005, "0.5%"), (1, .percent, 0.2, "100%"),
        (0.5, .seconds, 0.5, "500ms"), (1.5, .seconds, 0.5, "1.5s"), (2e-9, .count(""), 1e-9, "2e-9"),
        (3e16, .count(""), 1e16, "3e16"), (-40, .perSecond, 20, "-40/s"), (0.30000000000000004, .count(""), 0.1, "0.3"),
    ] as [(Double, ChartUnit, Double, String)])
    func values(_ value: Double, _ unit: ChartUnit, _ step: Double, _ expected: String) {
        #expect(ChartFormat.value(value, unit: unit, step: step) == expected)
    }

    @Test func axisLabelsAreDistinct() {
        for (low, high) in [(0.0, 91.0), (0, 1.4), (0, 0.013), (0, 743), (0, 12_345), (0, 3e-7), (0, 2e9), (0, 1e300)] {
            for unit in [ChartUnit.perSecond, .seconds, .percent, .count("x")] {
                let ticks = unit == .seconds ? NiceTicks.duration(lower: low, upper: high, count: 4)
                    : NiceTicks.linear(lower: low, upper: high, count: 4)
                let labels = ticks.values.map { ChartFormat.value($0, unit: unit, step: ticks.step) }
                #expect(Set(labels).count == labels.count, "\(labels) for \(low)...\(high) in \(unit)")
                #expect(labels.allSatisfy { $0.count <= 9 }, "\(labels) for \(low)...\(high) in \(unit)")
            }
        }
    }
}
