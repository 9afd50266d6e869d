import BatonSimulate
import Foundation
import Testing

@Suite struct QuantileSketchTests {
    /// Deterministic values spread over six orders of magnitude.
    static func values(count: Int, seed: UInt64) -> [Double] {
        var state = seed
        return (0..<count).map { _ in
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let uniform = Double(state >> 11) / Double(1 << 53)
            return pow(10, uniform * 6 - 4)
        }
    }

    @Test func quantilesAreWithinOnePercent() throws {
        let values = Self.values(count: 50_000, seed: 3)
        var sketch = QuantileSketch()
        for value in values { sketch.add(value) }
        let sorted = values.sorted()
        for q in [0.01, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95, 0.99, 0.999] {
            let exact = sorted[Int((q * Double(sorted.count - 1)).rounded(.down))]
            let estimate = try #require(sketch.quantile(q))
            #expect(abs(estimate - exact) <= 0.01 * exact, "q \(q): \(estimate) vs \(exact)")
        }
        #expect(sketch.quantile(0) == sorted.first)
        #expect(sketch.quantile(1) == sorted.last)
        #expect(sketch.count == 50_000)
        #expect(abs((sketch.mean ?? 0) - values.reduce(0, +) / 50_000) < 1e-9)
    }

    @Test func mergingEqualsAddingEverything() {
        let left = Self.values(count: 10_000, seed: 1)
        let right = Self.values(count: 7_000, seed: 2).map { $0 * 1_000 }
        var a = QuantileSketch()
        var b = QuantileSketch()
        var all = QuantileSketch()
        for value in left { a.add(value); all.add(value) }
        for value in right { b.add(value); all.add(value) }
        var merged = a
        merged.merge(b)
        var reversed = b
        reversed.merge(a)
        for q in stride(from: 0.0, through: 1.0, by: 0.05) {
            #expect(merged.quantile(q) == all.quantile(q))
            #expect(reversed.quantile(q) == all.quantile(q))
        }
        #expect(merged.count == all.count)
    }

    @Test func zeroesAndEmptiness() {
        var sketch = QuantileSketch()
        #expect(sketch.quantile(0.5) == nil)
        #expect(sketch.mean == nil)
        for _ in 0..<10 { sketch.add(0) }
        sketch.add(2)
        #expect(sketch.quantile(0.5) == 0)
        #expect(sketch.quantile(1) == 2)
        sketch.add(.nan)
        #expect(sketch.count == 11)
    }

    @Test func memoryDoesNotGrowWithTheNumberOfValues() {
        var sketch = QuantileSketch()
        for value in Self.values(count: 200_000, seed: 9) { sketch.add(value) }
        var small = QuantileSketch()
        for value in Self.values(count: 2_000, seed: 9) { small.add(value) }
        // Six decades at 35 buckets per doubling: about 700 buckets either way.
        #expect(sketch.bucketCount < 720)
        #expect(sketch.bucketCount - small.bucketCount < 20)
    }
}
