import BatonModel
import BatonSimulate
import Testing

@Suite struct DeterminismTests {
    static let model = compileClean("""
        client C
        service Api [concurrency=2, latency=20ms]
        queue Q [capacity=50, overflow=drop-oldest, ttl=5s]
        service W [latency=30ms]
        C -> Api : order [timeout=200ms, retries=2, backoff=exponential, jitter] {
          Api ->> Q : placed
        }
        W <- Q : placed
        """)
    static let scenario = makeScenario(duration: 120, loads: [load(60), load(120, from: 50, to: 55)],
                                       faults: [fault(model.id("W"), .slow(factor: 3), from: 30, to: 40)])

    @Test func theSameSeedGivesTheSameResult() throws {
        let first = try Simulator.run(model: Self.model, scenario: Self.scenario)
        let second = try Simulator.run(model: Self.model, scenario: Self.scenario)
        #expect(first == second)
        var other = Self.scenario
        other.seed = 2
        #expect(try Simulator.run(model: Self.model, scenario: other) != first)
    }

    @Test func replicationsDoNotDependOnTheNumberOfJobs() throws {
        let one = try Simulator.replicate(model: Self.model, scenario: Self.scenario, runs: 6, jobs: 1)
        let three = try Simulator.replicate(model: Self.model, scenario: Self.scenario, runs: 6, jobs: 3)
        #expect(one == three)
        #expect(one.runs == 6)
    }

    @Test func replicationsAreMergedWithConfidenceIntervals() throws {
        let runs = (0..<5).map { index -> SimulationResult? in
            var scenario = Self.scenario
            scenario.seed = Self.scenario.seed + UInt64(index)
            return try? Simulator.run(model: Self.model, scenario: scenario)
        }.compactMap { $0 }
        let merged = try #require(SimulationResult.merging(runs))
        #expect(merged == (try Simulator.replicate(model: Self.model, scenario: Self.scenario, runs: 5, jobs: 2)))
        let goodputs = runs.map { $0.flows[0].goodput.value }
        let figure = merged.flows[0].goodput
        #expect(abs(figure.value - goodputs.reduce(0, +) / 5) < 1e-9)
        let interval = try #require(figure.interval)
        // mean ± t(4) s/√5 with t(4) = 2.776.
        let mean = figure.value
        let deviation = (goodputs.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / 4).squareRoot()
        #expect(abs((interval.upper - interval.lower) / 2 - 2.776 * deviation / 5.0.squareRoot()) < 1e-9)
        #expect(merged.flows[0].responseTime.sketch.count == runs.reduce(0) { $0 + $1.flows[0].responseTime.sketch.count })
        #expect(SimulationResult.merging([runs[0]]) == runs[0])
        #expect(SimulationResult.merging([]) == nil)
        #expect(merged.series.goodput.count == runs[0].series.goodput.count)
    }

    @Test func aConfidenceIntervalCoversTheTruth() throws {
        let model = compileClean("""
            client C
            service S [concurrency=1, latency=100ms]
            C -> S : work
            """)
        let result = try Simulator.replicate(model: model, scenario: makeScenario(duration: 5_000, warmup: 200, loads: [load(5)]),
                                             runs: 8, jobs: 2)
        // M/M/1 at ρ = 0.5: W = 1/(μ − λ) = 0.2 s.
        let interval = try #require(result.flows[0].responseTime.mean?.interval)
        #expect(interval.contains(0.2), "\(interval)")
        #expect(interval.upper - interval.lower < 0.02)
    }
}
