import BatonModel
@testable import BatonSimulate
import Testing

/// `Simulator.traced`: the spans of a sample of runs, well formed, bounded, and without effect
/// on the simulation.
@Suite struct TracingTests {
    static let design = """
        client Client
        service Front [latency=10ms]
        service Back [latency=20ms, availability=90%]
        queue Jobs
        service Worker [latency=5ms]
        Client -> Front : order [timeout=1s] {
          Front -> Back : reserve [timeout=500ms, retries=2]
          Front ->> Jobs : job
        }
        Worker <- Jobs : job
        """

    @Test func everySpanIsClosedWithinTheScenarioAndNestsUnderAnEarlierOne() throws {
        let model = compileClean(Self.design)
        let scenario = makeScenario(duration: 60, loads: [load(20)])
        let (_, traces) = try Simulator.traced(model: model, scenario: scenario, traceLimit: 50)
        #expect(traces.traces.count + traces.unfinished <= 50 && traces.traces.count > 40)
        #expect(traces.every == 24, "1,200 expected arrivals, 50 traced: one in 24")
        for trace in traces.traces {
            #expect(trace.spans.first?.role == .flow && trace.spans.first?.parent == -1)
            for (index, span) in trace.spans.enumerated() {
                #expect(span.end >= span.start && span.end <= 60)
                if index > 0 { #expect(span.parent >= 0 && span.parent < index) }
                if span.role == .handling { #expect(trace.spans[span.parent].role == .call) }
                if span.role == .consumption { #expect(trace.spans[span.parent].role == .send) }
            }
        }
        // Runs are spread over the scenario, in arrival order.
        #expect(traces.traces.map(\.run) == traces.traces.map(\.run).sorted())
        #expect((traces.traces.last?.spans.first?.start ?? 0) > 50)
        // Back fails one attempt in ten: some runs retry, each retry a call under the same parent.
        let retried = traces.traces.contains { trace in trace.spans.contains { $0.role == .call && $0.attempt > 1 } }
        #expect(retried)
    }

    @Test func tracingChangesNothingTheSimulationMeasures() throws {
        let model = compileClean(Self.design)
        let scenario = makeScenario(duration: 60, loads: [load(20)])
        let plain = try Simulator.run(model: model, scenario: scenario)
        let (traced, _) = try Simulator.traced(model: model, scenario: scenario, traceLimit: 1_000)
        #expect(plain == traced)
    }

    @Test func aRunOfTooManySpansIsLeftOutAndCounted() throws {
        let model = compileClean("""
            client Client
            service Server
            loop [times=600] {
              Client -> Server : ping
            }
            """)
        let (_, traces) = try Simulator.traced(model: model, scenario: makeScenario(duration: 10, loads: [load(1)]), traceLimit: 5)
        #expect(traces.traces.isEmpty)
        #expect(traces.tooLarge > 0 && traces.tooLarge <= 5, "1,201 spans a run, above \(SpanLog.maximumSpansPerTrace)")
    }

    @Test func aRunStillInProgressAtTheEndIsLeftOut() throws {
        let model = compileClean("""
            client Client
            service Server [latency=1h]
            Client -> Server : slow
            """)
        let (_, traces) = try Simulator.traced(model: model, scenario: makeScenario(duration: 10, loads: [load(1)]), traceLimit: 3)
        #expect(traces.traces.isEmpty)
        #expect(traces.unfinished > 0 && traces.unfinished <= 3)
    }
}
