// Absurd inputs are refused or stopped with a clear error, never left to run for ever or to
// exhaust memory.

import BatonModel
import BatonSimulate
import Testing

@Suite struct LimitTests {
    static let model = compileClean("""
        client C
        service S
        C -> S : work
        """)

    @Test func tooManyArrivalsAreRefusedUpFront() {
        let scenario = makeScenario(duration: 1e9, loads: [load(1e6)])
        #expect(throws: SimulationError.tooManyArrivals(expected: 1e15, limit: 50_000_000)) {
            try Simulator.run(model: Self.model, scenario: scenario)
        }
    }

    @Test func pollsBeyondTheEventLimitAreRefusedUpFront() {
        let model = compileClean("""
            client C
            queue Q
            driver Pump [interval=1ms]
            C ->> Q : event
            Pump <- Q : event
            """)
        #expect(throws: SimulationError.tooManyPolls(expected: 1e12, limit: 1_000_000_000)) {
            try Simulator.run(model: model, scenario: makeScenario(duration: 1e9, loads: [load(0.001)]))
        }
    }

    @Test func anUnboundedRetryWithoutBackoffIsStopped() throws {
        let model = compileClean("""
            client C
            service S
            C -> S : work [retries=unbounded]
            """)
        let scenario = makeScenario(duration: 10, loads: [load(1)], faults: [fault(model.id("S"), .down, from: 0, to: 10)])
        var options = SimulationOptions()
        options.maximumEventsPerInstant = 100_000
        do {
            _ = try Simulator.run(model: model, scenario: scenario, options: options)
            Issue.record("expected the run to stop")
        } catch {
            guard case .timeStandsStill(let events, _) = error else {
                Issue.record("unexpected \(error)")
                return
            }
            #expect(events > 100_000)
            #expect(error.description.contains("unbounded retry without backoff"))
        }
    }

    @Test func theEventLimitStopsARun() {
        var options = SimulationOptions()
        options.maximumEvents = 1_000
        #expect(throws: SimulationError.self) {
            try Simulator.run(model: Self.model, scenario: makeScenario(duration: 100, loads: [load(100)]), options: options)
        }
    }

    @Test func workPilingUpWithoutBoundIsStopped() throws {
        let model = compileClean("""
            client C
            service S [concurrency=1, latency=1s]
            C -> S : work
            """)
        var options = SimulationOptions()
        options.maximumInFlight = 5_000
        do {
            _ = try Simulator.run(model: model, scenario: makeScenario(duration: 10_000, loads: [load(100)]), options: options)
            Issue.record("expected the run to stop")
        } catch {
            guard case .tooMuchInFlight(let limit, let time) = error else {
                Issue.record("unexpected \(error)")
                return
            }
            #expect(limit == 5_000)
            #expect(time < 100)
        }
    }

    @Test func malformedScenariosAreRefused() {
        let cases: [Scenario] = [
            makeScenario(duration: 0, loads: [load(1)]),
            makeScenario(duration: .infinity, loads: [load(1)]),
            makeScenario(duration: 10, warmup: 10, loads: [load(1)]),
            makeScenario(duration: 10, loads: [load(-1)]),
            makeScenario(duration: 10, loads: [load(1, from: 5, to: 2)]),
            makeScenario(duration: 10, loads: [load(1)], faults: [fault(ParticipantID(1), .errors(probability: 2), from: 0, to: 1)]),
        ]
        for scenario in cases {
            #expect(throws: SimulationError.self) { try Simulator.run(model: Self.model, scenario: scenario) }
        }
        #expect(throws: SimulationError.unknownFlow(7)) {
            try Simulator.run(model: Self.model, scenario: makeScenario(duration: 10, loads: [load(1, flow: FlowID(7))]))
        }
        #expect(throws: SimulationError.nothingToRun) {
            try Simulator.run(model: compileClean("service S"), scenario: makeScenario(duration: 10, loads: [load(1)]))
        }
    }

    @Test func theTimeSeriesStaysBoundedHoweverLongTheScenario() throws {
        let result = try Simulator.run(model: Self.model, scenario: makeScenario(duration: 86_400, loads: [load(0.01)]))
        #expect(result.series.count <= 600)
        #expect(result.series.interval == 200)
        let short = try Simulator.run(model: Self.model, scenario: makeScenario(duration: 600, loads: [load(1)]))
        #expect(short.series.interval == 1)
        #expect(short.series.count == 600)
    }
}
