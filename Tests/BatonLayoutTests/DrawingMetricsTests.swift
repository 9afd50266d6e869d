// The geometric crossing count used to compare drawings matches a brute-force count.

import BatonWorkload
import Testing
@testable import BatonLayout

@Suite struct DrawingMetricsTests {
    @Test(arguments: 0..<8) func crossingCountMatchesBruteForce(_ seed: Int) {
        var rng = SplitMix64(seed: UInt64(seed))
        var routes: [[Point]] = []
        for _ in 0..<(10 + seed * 6) {
            var route: [Point] = []
            for _ in 0..<Int.random(in: 2...5, using: &rng) {
                route.append(Point(x: Double(Int.random(in: 0...400, using: &rng)), y: Double.random(in: 0...300, using: &rng)))
            }
            routes.append(route)
        }
        var brute = 0
        for i in routes.indices {
            for j in routes.indices where j > i {
                for a in 1..<routes[i].count {
                    for b in 1..<routes[j].count where Polyline.segmentsCross(routes[i][a - 1], routes[i][a], routes[j][b - 1], routes[j][b]) {
                        brute += 1
                    }
                }
            }
        }
        #expect(DrawingMetrics.crossingCount(routes) == brute)
    }

    @Test func lengths() {
        #expect(DrawingMetrics.totalLength([[Point(x: 0, y: 0), Point(x: 3, y: 4)], [Point(x: 1, y: 1), Point(x: 1, y: 2)]]) == 6)
    }
}
