// The engine's flat statistics tables give exactly what the plain types they replace would.

@testable import BatonSimulate
import Testing

@Suite struct StatisticsTableTests {
    /// Values in an order that makes windows move both ways: large, then tiny, then zeros,
    /// infinities and values in between.
    static func awkwardValues(seed: UInt64) -> [Double] {
        var values = QuantileSketchTests.values(count: 5_000, seed: seed)
        values.insert(contentsOf: [0, 1e300, -3, .infinity, 1e-12, 2e-9, 5e5], at: 100)
        return values.enumerated().map { index, value in index % 3 == 0 ? 1 / value : value }
    }

    @Test func sketchTableBuildsTheSameSketches() {
        var table = SketchTable(count: 3)
        var plain = [QuantileSketch(), QuantileSketch(), QuantileSketch()]
        for seed in [UInt64(4), 5] {
            for (index, value) in Self.awkwardValues(seed: seed).enumerated() {
                // Sketch 2 stays empty; 0 and 1 get interleaved values.
                table.add(index % 2, value)
                plain[index % 2].add(value)
            }
        }
        for index in 0..<3 {
            #expect(table.sketch(index) == plain[index], "sketch \(index)")
        }
        #expect(table.sketch(0).count > 5_000)
        #expect(table.sketch(2).isEmpty)
    }

    @Test func windowsGrowInPlaceBothWays() {
        // One sketch after another (each window last in the arena when it grows), with values
        // that run down, then up, then down again far beyond each window.
        var table = SketchTable(count: 2)
        var plain = [QuantileSketch(), QuantileSketch()]
        let down: [Double] = (0..<60).map { 1e-3 / Double(1 << ($0 % 20)) }
        let up: [Double] = (0..<60).map { Double(1 << ($0 % 30)) }
        let values = down + up + [1e-8, 3, 1e12, 5e-9]
        for index in 0..<2 {
            for value in values {
                table.add(index, value * Double(index + 1))
                plain[index].add(value * Double(index + 1))
            }
        }
        #expect(table.sketch(0) == plain[0])
        #expect(table.sketch(1) == plain[1])
        #expect(table.sketch(1).bucketCount > 1_000)
    }

    @Test func aSketchOfZerosOnlyHasNoBuckets() {
        var table = SketchTable(count: 1)
        var plain = QuantileSketch()
        for value in [0.0, 1e-10, 0] {
            table.add(0, value)
            plain.add(value)
        }
        #expect(table.sketch(0) == plain)
        #expect(table.sketch(0).bucketCount == 0)
    }

    @Test func levelTableIntegratesPerIntervalAndAfterTheWarmup() {
        let clock = IntervalClock(duration: 10, warmup: 2, width: 1)
        var levels = LevelTable(clock: clock, count: 2)
        // Level 0: 1 from 0.5 s, 3 from 2.5 s, 0 from 4 s; level 1 stays 0 and then 2 from 9.5 s.
        levels.set(0, to: 1, at: 0.5)
        levels.add(0, 2, at: 2.5)
        levels.set(1, to: 2, at: 9.5)
        levels.set(0, to: 0, at: 4)
        levels.finish(at: 10)
        // Measured from 2 s: 1 × 0.5 + 3 × 1.5.
        #expect(abs(levels.measuredArea(0) - 5) < 1e-12)
        #expect(levels.measuredMaximum(0) == 3)
        #expect(levels.overallMaximum(0) == 3)
        let areas = levels.intervalAreas(0)
        #expect(areas.count == 10)
        #expect(abs(areas[0] - 0.5) < 1e-12 && abs(areas[1] - 1) < 1e-12 && abs(areas[2] - 2) < 1e-12)
        #expect(abs(areas[3] - 3) < 1e-12 && areas[4] == 0)
        #expect(levels.intervalMaxima(0)[2] == 3 && levels.intervalMaxima(0)[5] == 0)
        #expect(abs(levels.measuredArea(1) - 1) < 1e-12)
        #expect(levels.intervalMaxima(1) == [0, 0, 0, 0, 0, 0, 0, 0, 0, 2])
    }
}
