import BatonModel
import BatonSimulate
import Testing

@Suite struct ExpectationTests {
    static let model = compileClean("""
        client C
        service Api [concurrency=2, latency=50ms]
        queue Q
        service W [concurrency=1, latency=150ms]
        C -> Api : pay [timeout=1s, retries=2] {
          Api ->> Q : paid
        }
        W <- Q : paid
        """)

    static func expect(_ measure: BatonModel.Expectation.Measure) -> BatonModel.Expectation {
        BatonModel.Expectation(measure: measure, text: "expect …", span: noSpan)
    }

    @Test func expectationsAreEvaluated() throws {
        let pay = try #require(Self.model.interaction("pay")).id
        let expectations = [
            Self.expect(.goodput(.greaterOrEqual, fraction: 0.95, after: nil)),
            Self.expect(.goodput(.greaterOrEqual, fraction: 0.95, after: 60)),
            Self.expect(.responseTime(percentile: 0.99, flow: FlowID(0), .lessOrEqual, seconds: 2)),
            Self.expect(.responseTime(percentile: 0.5, flow: nil, .lessOrEqual, seconds: 0.01)),
            Self.expect(.amplification(interaction: pay, .lessOrEqual, value: 1.5)),
            Self.expect(.amplification(interaction: nil, .less, value: 1)),
            Self.expect(.recovers(within: 30)),
            Self.expect(.queueMax(channel: Self.model.id("Q"), max: 5)),
        ]
        // Api is down from 40 s to 50 s: goodput over the whole run drops below 95%, but not
        // from 60 s on.
        let scenario = makeScenario(duration: 120, warmup: 10, loads: [load(5)],
                                    faults: [fault(Self.model.id("Api"), .down, from: 40, to: 50)],
                                    expectations: expectations)
        let result = try Simulator.run(model: Self.model, scenario: scenario)
        let outcomes = result.expectations
        #expect(outcomes.map(\.passed) == [false, true, true, false, true, false, true, false], "\(outcomes.map(\.explanation))")
        #expect(within(outcomes[0].actual, 100.0 / 110.0, relative: 0.03))
        #expect((outcomes[1].actual ?? 0) > 0.99)
        #expect(outcomes[3].explanation.hasPrefix("p50 of all runs was"))
        #expect(outcomes[4].explanation.hasPrefix("amplification of 'pay' was"))
        #expect((outcomes[7].actual ?? 0) > 5)
        #expect(outcomes[7].explanation.hasPrefix("Q held at most"))
        #expect(!result.expectationsHold)
        #expect(outcomes.allSatisfy { $0.passedFraction == ($0.passed ? 1 : 0) })
    }

    @Test func mergedExpectationsHoldOnTheMeans() throws {
        let scenario = makeScenario(duration: 60, loads: [load(5)],
                                    expectations: [Self.expect(.goodput(.greaterOrEqual, fraction: 0.99, after: nil)),
                                                   Self.expect(.responseTime(percentile: 0.99, flow: nil, .less, seconds: 0.05))])
        let result = try Simulator.replicate(model: Self.model, scenario: scenario, runs: 4, jobs: 2)
        #expect(result.expectations[0].passed)
        #expect(result.expectations[0].passedFraction == 1)
        #expect(!result.expectations[1].passed)
        #expect(result.expectations[1].explanation.hasPrefix("mean over 4 runs"))
    }

    @Test func nothingToMeasureFails() throws {
        let scenario = makeScenario(duration: 60, loads: [load(5, from: 100, to: 200)],
                                    expectations: [Self.expect(.goodput(.greaterOrEqual, fraction: 0.5, after: nil)),
                                                   Self.expect(.recovers(within: 10))])
        let result = try Simulator.run(model: Self.model, scenario: scenario)
        #expect(result.expectations[0].passed == false)
        #expect(result.expectations[0].actual == nil)
        #expect(result.expectations[0].explanation == "no run started")
        // No fault and no spike: nothing to recover from, which holds.
        #expect(result.expectations[1].passed)
    }
}
