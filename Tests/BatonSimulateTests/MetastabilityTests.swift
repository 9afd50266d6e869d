// The retry storm of the metastability literature: one server (μ = 10/s) with a waiting line of
// 100, 8 requests/s, clients that time out after 4 s and retry three times at once. A 5-second
// spike to 30/s fills the line; from then on every waiting request outlives its caller, the
// server only serves abandoned work, and the retries keep the line full: goodput stays near zero
// long after the spike. Each control removes the sustaining effect and recovers.

import BatonModel
import BatonSimulate
import Testing

@Suite struct MetastabilityTests {
    static let seeds = 20

    static func design(_ clientAttributes: String) -> Model {
        var model = compileClean("""
            client Client
            service Server [concurrency=1, latency=100ms]
            Client -> Server : request \(clientAttributes)
            """)
        model.setBacklog("Server", 100)
        return model
    }

    static func scenario(seed: UInt64 = 1) -> Scenario {
        makeScenario(duration: 300, warmup: 30, seed: seed, loads: [load(8), load(30, from: 60, to: 65)])
    }

    @Test func aShortSpikeLeavesTheSystemCollapsed() throws {
        let model = Self.design("[timeout=4s, retries=3, backoff=none]")
        var collapsed = 0
        for seed in 1...Self.seeds {
            let result = try Simulator.run(model: model, scenario: Self.scenario(seed: UInt64(seed)))
            let verdict = try #require(result.recovery.first)
            // Goodput over the last 100 s, long after the spike.
            let last = result.series.goodput.suffix(Int((100 / result.series.interval).rounded()))
            let late = last.reduce(0, +) / Double(last.count)
            if late < 0.4, verdict.diagnosis == .metastable, verdict.sustainedBy == model.interaction("request")?.id {
                collapsed += 1
            }
        }
        #expect(collapsed * 100 >= 95 * Self.seeds, "collapsed in \(collapsed) of \(Self.seeds) runs")
    }

    @Test func theVerdictNamesTheSustainingRetries() throws {
        let model = Self.design("[timeout=4s, retries=3, backoff=none]")
        let result = try Simulator.run(model: model, scenario: Self.scenario())
        let verdict = try #require(result.recovery.first)
        guard case .loadSpike(_, _, let rate) = verdict.trigger else {
            Issue.record("the spike is the trigger")
            return
        }
        #expect(rate == 30)
        #expect(verdict.window == TimeWindow(from: 60, to: 65))
        #expect((verdict.levelAfter?.value ?? 1) < 0.05)
        #expect((verdict.amplification?.value ?? 0) > 3.5)
        #expect((verdict.amplification?.value ?? 5) < 4.1)
        #expect(verdict.summary.hasPrefix("did not recover in the remaining 3m55s: goodput stayed at"), "\(verdict.summary)")
        #expect(verdict.summary.contains("a metastable failure sustained by retries of 'request' (amplification"))
        // The server is busy all along, with work nobody waits for.
        let server = try #require(result.participant(model.id("Server")))
        #expect((server.utilisation?.value ?? 0) > 0.9)
        #expect(server.wastedWork.value > 0.8 * 270 * 0.9)
        #expect(server.maxWaiting.value == 100)
    }

    @Test(arguments: [
        "[timeout=4s]",
        "[timeout=4s, retries=3, backoff=exponential, jitter, circuit-breaker]",
        "[timeout=11s, retries=3, backoff=none]",
    ])
    func eachControlRecovers(_ clientAttributes: String) throws {
        let result = try Simulator.replicate(model: Self.design(clientAttributes), scenario: Self.scenario(),
                                             runs: Self.seeds, jobs: 2)
        let verdict = try #require(result.recovery.first)
        #expect(result.runs == Self.seeds)
        #expect(verdict.fractionRecovered >= 0.95, "\(clientAttributes): \(verdict.fractionRecovered) — \(verdict.summary)")
        #expect(verdict.diagnosis == .recovered)
        #expect((verdict.after?.value ?? .infinity) < 120)
    }
}
