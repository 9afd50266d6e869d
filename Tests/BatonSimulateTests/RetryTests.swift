// Attempts, retries, backoff, timeouts that do not cancel, and circuit breakers.

import BatonModel
@testable import BatonSimulate
import Testing

@Suite struct RetryTests {
    @Test func errorsFiftyPercentWithThreeRetries() throws {
        // Attempts per call (1 − p⁴)/(1 − p) = 1.875; success 1 − p⁴ = 0.9375.
        let model = compileClean("""
            client C
            service S [latency=10ms]
            C -> S : work [retries=3]
            """)
        let scenario = makeScenario(duration: 1_010, warmup: 10, loads: [load(100)],
                                    faults: [fault(model.id("S"), .errors(probability: 0.5), from: 0, to: 1_010)])
        let result = try Simulator.run(model: model, scenario: scenario)
        let call = try #require(result.interactions.first)
        let flow = try #require(result.flows.first)
        #expect(call.firstAttempts.value > 95_000)
        #expect(within(call.amplification?.value, 1.875, relative: 0.02), "\(String(describing: call.amplification))")
        #expect(within(flow.successRatio?.value, 0.9375, relative: 0.01), "\(String(describing: flow.successRatio))")
        #expect(within(call.failures.value / call.attempts.value, 0.5, relative: 0.02))
    }

    @Test func aFullOutageCostsExactlyEveryAttempt() throws {
        let model = compileClean("""
            client C
            service S [latency=10ms]
            C -> S : work [retries=3]
            """)
        let scenario = makeScenario(duration: 100, loads: [load(50)], faults: [fault(model.id("S"), .down, from: 0, to: 100)])
        let result = try Simulator.run(model: model, scenario: scenario)
        let call = try #require(result.interactions.first)
        #expect(call.amplification?.value == 4)
        #expect(call.rejections.value == call.attempts.value)
        #expect(try #require(result.flows.first).succeeded.value == 0)
        #expect(try #require(result.participant(model.id("S"))).rejected.value == call.attempts.value)
    }

    @Test func retriesMultiplyThroughLayers() throws {
        // Two retrying layers over a dead bottom: (N+1)^k attempts at the bottom per run.
        let model = compileClean("""
            client C
            service A
            service B
            C -> A : outer [retries=2] {
              A -> B : inner [retries=2]
            }
            """)
        let scenario = makeScenario(duration: 50, loads: [load(20)], faults: [fault(model.id("B"), .down, from: 0, to: 50)])
        let result = try Simulator.run(model: model, scenario: scenario)
        let outer = try #require(result.interactions.first { $0.label == "outer" })
        let inner = try #require(result.interactions.first { $0.label == "inner" })
        #expect(outer.amplification?.value == 3)
        #expect(inner.attempts.value == 3 * outer.attempts.value)
        #expect(outer.failures.value == outer.attempts.value)
    }

    @Test func backoffDelays() {
        var random = RandomSource(seed: 7)
        var site = Site(interaction: 0, initiator: 0, target: 1)
        site.backoff = .exponential
        site.backoffBase = 0.1
        site.backoffCap = 1
        #expect((1...6).map { site.backoffDelay(retry: $0, random: &random) } == [0.1, 0.2, 0.4, 0.8, 1, 1])
        site.backoff = .fixed
        #expect(site.backoffDelay(retry: 5, random: &random) == 0.1)
        site.backoff = .none
        #expect(site.backoffDelay(retry: 3, random: &random) == 0)
        site.backoff = .exponential
        site.jitter = true
        let draws = (0..<2_000).map { _ in site.backoffDelay(retry: 3, random: &random) }
        #expect(draws.allSatisfy { $0 >= 0 && $0 <= 0.4 })
        // Full jitter is uniform on [0, 0.4]: mean 0.2.
        #expect(within(draws.reduce(0, +) / Double(draws.count), 0.2, relative: 0.05))
    }

    @Test func aTimedOutAttemptIsNotCancelled() throws {
        // Handling takes 1 s on average, the caller waits 0.5 s: most attempts time out, yet the
        // station handles every one of them; the ones nobody waits for are wasted work.
        let model = compileClean("""
            client C
            service S [latency=1s]
            C -> S : work [timeout=500ms]
            """)
        let result = try Simulator.run(model: model, scenario: makeScenario(duration: 2_000, warmup: 0, loads: [load(2)]))
        let call = try #require(result.interactions.first)
        let station = try #require(result.participant(model.id("S")))
        // P(handling > 0.5 s) = e^-0.5.
        #expect(within(call.timeouts.value / call.attempts.value, 0.6065, relative: 0.05))
        #expect(station.handled.value >= call.attempts.value - 10)
        #expect(within(station.wastedAttempts.value, call.timeouts.value, relative: 0.01))
        // Wasted handling lasts 1.5 s on average (memorylessness): 0.5 s waited plus 1 s more.
        #expect(within(station.wastedWork.value / station.wastedAttempts.value, 1.5, relative: 0.05))
    }

    @Test func timeoutsDoNotCancelNestedWork() throws {
        // The abandoned attempt still calls further down: the inner call's work is wasted too.
        let model = compileClean("""
            client C
            service A [latency=10ms]
            service B [latency=1s]
            C -> A : outer [timeout=200ms] {
              A -> B : inner
            }
            """)
        let result = try Simulator.run(model: model, scenario: makeScenario(duration: 1_000, loads: [load(1)]))
        let b = try #require(result.participant(model.id("B")))
        let inner = try #require(result.interactions.first { $0.label == "inner" })
        #expect(b.wastedAttempts.value > 0.7 * inner.attempts.value)
        #expect(try #require(result.participant(model.id("A"))).wastedWork.value > 0)
    }

    @Test func budgetBoundsTheWholeCall() throws {
        // retries=10 with 1 s timeouts, but a 2.5 s budget: at most 3 attempts, ending by 2.5 s.
        let model = compileClean("""
            client C
            service S
            C -> S : work [timeout=1s, retries=10, budget=2500ms]
            """)
        let scenario = makeScenario(duration: 200, loads: [load(5)], faults: [fault(model.id("S"), .hang, from: 0, to: 200)])
        let result = try Simulator.run(model: model, scenario: scenario)
        let call = try #require(result.interactions.first)
        #expect(call.amplification?.value ?? 0 <= 3)
        #expect(call.amplification?.value ?? 0 > 2.9)
        #expect(call.successes.value == 0)
        #expect(try #require(result.participant(model.id("S"))).hung.value == call.attempts.value)
    }

    @Test func theBreakerOpensShortCircuitsAndProbes() throws {
        let model = compileClean("""
            client C
            service S [latency=10ms]
            C -> S : work [circuit-breaker]
            """)
        // Down from 20 s to 40 s. The rolling window still holds the successes of the 10 s before,
        // so failures reach half of it after about 4.5 s: the breaker opens at about 24.5 s,
        // short-circuits for 5 s, and its probes at about 29.5, 34.5 and 39.5 s find S still
        // down (open again); the probe at about 44.5 s succeeds and closes it.
        let scenario = makeScenario(duration: 60, warmup: 0, loads: [load(50)],
                                    faults: [fault(model.id("S"), .down, from: 20, to: 40)])
        let result = try Simulator.run(model: model, scenario: scenario)
        let call = try #require(result.interactions.first)
        #expect(call.breakerOpenings.value == 4, "\(call.breakerOpenings)")
        #expect(call.rejections.value > 180 && call.rejections.value < 280, "\(call.rejections)")
        #expect(call.shortCircuited.value > 900 && call.shortCircuited.value < 1_100, "\(call.shortCircuited)")
        #expect(call.firstAttempts.value == call.attempts.value + call.shortCircuited.value)
        // Closed again: calls flow.
        let perSecond = Int((1 / result.series.interval).rounded())
        let late = result.series.goodput[(46 * perSecond)...]
        #expect(late.reduce(0, +) / Double(late.count) > 45)
    }

    @Test func rejectedAttemptsAreRetried() throws {
        // A rate limit at the offered load: bursts are refused; with retries after 100 ms most of
        // those runs still succeed.
        func successRatio(_ attributes: String) throws -> (Double, Double) {
            let model = compileClean("""
                client C
                service S [rate-limit=10/s]
                C -> S : work \(attributes)
                """)
            let result = try Simulator.run(model: model, scenario: makeScenario(duration: 1_000, loads: [load(9)]))
            let call = try #require(result.interactions.first)
            return (try #require(result.flows.first?.successRatio?.value), call.rejections.value)
        }
        let (without, refused) = try successRatio("")
        let (with, _) = try successRatio("[retries=5, backoff=fixed]")
        #expect(refused > 100)
        #expect(without < 0.995)
        // Retries win back a good part of what bursts lost.
        #expect(1 - with < 0.7 * (1 - without), "\(with) vs \(without)")
    }
}
