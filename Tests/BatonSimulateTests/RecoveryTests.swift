import BatonModel
import BatonSimulate
import Testing

@Suite struct RecoveryTests {
    static let design = """
        client C
        service Api [concurrency=4, latency=50ms]
        external Psp [latency=100ms]
        C -> Api : pay [timeout=2s] {
          Api -> Psp : charge [timeout=1s, retries=2, backoff=exponential, jitter]
        }
        """

    @Test func aFaultWindowRecovers() throws {
        let model = compileClean(Self.design)
        let scenario = makeScenario(duration: 200, warmup: 20, loads: [load(20)],
                                    faults: [fault(model.id("Psp"), .down, from: 80, to: 100)])
        let result = try Simulator.run(model: model, scenario: scenario)
        let verdict = try #require(result.recovery.first)
        #expect(verdict.kind == "fault")
        #expect(verdict.diagnosis == .recovered)
        #expect(verdict.fractionRecovered == 1)
        #expect((verdict.after?.value ?? .infinity) < 3)
        #expect(within(verdict.goodputBefore?.value, 20, relative: 0.1))
        #expect(verdict.summary.hasPrefix("goodput back to ≥ 95% of its pre-fault level"), "\(verdict.summary)")
        // During the outage nothing succeeds.
        let perSecond = Int((1 / result.series.interval).rounded())
        let during = result.series.goodput[(85 * perSecond)..<(95 * perSecond)]
        #expect(during.allSatisfy { $0 == 0 })
    }

    @Test func aFaultThatNeverEndsDoesNotRecover() throws {
        let model = compileClean(Self.design)
        let scenario = makeScenario(duration: 200, warmup: 20, loads: [load(20)],
                                    faults: [fault(model.id("Psp"), .down, from: 80, to: 150),
                                             fault(model.id("Psp"), .errors(probability: 1), from: 150, to: 200)])
        let result = try Simulator.run(model: model, scenario: scenario)
        #expect(result.recovery.count == 2)
        let first = result.recovery[0]
        #expect(first.diagnosis == .notRecovered)
        #expect(first.summary.contains("another fault is in force"), "\(first.summary)")
        // The second ends with the scenario: too little time left to tell.
        #expect(result.recovery[1].diagnosis == .undetermined)
        #expect(result.recovery[1].summary.hasPrefix("cannot tell"))
    }

    @Test func aSpikeThatTheSystemAbsorbsRecoversAtOnce() throws {
        let model = compileClean(Self.design)
        let scenario = makeScenario(duration: 120, warmup: 10, loads: [load(10), load(40, from: 50, to: 55)])
        let result = try Simulator.run(model: model, scenario: scenario)
        let verdict = try #require(result.recovery.first)
        #expect(verdict.kind == "spike")
        #expect(verdict.recovered)
        #expect(verdict.after?.value == 0)
    }

    @Test func aLoadStepIsNotASpike() throws {
        // A window that starts at 0, or lowers the load, is not a trigger.
        let model = compileClean(Self.design)
        let scenario = makeScenario(duration: 60, loads: [load(10, from: 0, to: 30), load(5, from: 30, to: 60)])
        #expect(try Simulator.run(model: model, scenario: scenario).recovery.isEmpty)
    }
}
