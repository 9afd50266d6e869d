import BatonModel
import BatonSimulate
import Testing

@Suite struct FaultTests {
    static let design = """
        client C
        service S [concurrency=4, latency=100ms]
        C -> S : work [timeout=1s]
        """

    @Test func aHangSwallowsAttemptsUntilCallersTimeOut() throws {
        let model = compileClean(Self.design)
        let scenario = makeScenario(duration: 120, warmup: 0, loads: [load(10)], faults: [fault(model.id("S"), .hang, from: 40, to: 60)])
        let result = try Simulator.run(model: model, scenario: scenario)
        let call = try #require(result.interactions.first)
        let station = try #require(result.participant(model.id("S")))
        #expect(within(station.hung.value, 200, relative: 0.2))
        #expect(call.timeouts.value >= station.hung.value)
        #expect(result.recovery.first?.recovered == true)
    }

    @Test func aHangWithoutTimeoutsLeavesRunsUnfinished() throws {
        let model = compileClean("""
            client C
            service S [latency=10ms]
            C -> S : work
            """)
        let scenario = makeScenario(duration: 60, warmup: 0, loads: [load(10)], faults: [fault(model.id("S"), .hang, from: 20, to: 30)])
        let result = try Simulator.run(model: model, scenario: scenario)
        let flow = try #require(result.flows.first)
        #expect(within(flow.unfinished.value, 100, relative: 0.25))
        #expect(flow.failed.value == 0)
    }

    @Test func slowMultipliesHandlingTime() throws {
        let model = compileClean("""
            client C
            service S [latency=100ms]
            C -> S : work
            """)
        let scenario = makeScenario(duration: 1_000, warmup: 0, loads: [load(10)], faults: [fault(model.id("S"), .slow(factor: 10), from: 0, to: 1_000)])
        let result = try Simulator.run(model: model, scenario: scenario)
        #expect(within(result.flows.first?.responseTime.mean?.value, 1, relative: 0.05))
    }

    @Test func aCapacityDropKeepsTheDeclaredShareOfThroughput() throws {
        // capacity 20% of one server: one server at a fifth of its speed (μ = 2/s) under 1.5/s.
        let model = compileClean("""
            client C
            service S [concurrency=1, latency=100ms]
            C -> S : work
            """)
        let scenario = makeScenario(duration: 20_000, loads: [load(1.5)], faults: [fault(model.id("S"), .capacity(fraction: 0.2), from: 0, to: 20_000)])
        let result = try Simulator.run(model: model, scenario: scenario)
        // M/M/1 with λ = 1.5, μ = 2: W = 2 s, utilisation 0.75.
        #expect(within(result.flows.first?.responseTime.mean?.value, 2, relative: 0.1))
        #expect(within(result.participants.first?.utilisation?.value, 0.75, relative: 0.03))
    }

    @Test func capacityRemovesServers() throws {
        // capacity 50% of four servers: two, at full speed; 1.8/s at 1 s each needs 1.8 servers.
        let model = compileClean("""
            client C
            service S [concurrency=4, latency=1s]
            C -> S : work
            """)
        let scenario = makeScenario(duration: 10_000, loads: [load(1.8)], faults: [fault(model.id("S"), .capacity(fraction: 0.5), from: 0, to: 10_000)])
        let result = try Simulator.run(model: model, scenario: scenario)
        let station = try #require(result.participants.first)
        #expect(within(station.meanBusy.value, 1.8, relative: 0.03))
        // M/M/2 at ρ = 0.9 queues heavily; M/M/4 would not.
        #expect(station.meanWaiting.value > 3)
    }

    @Test func goingDownRefusesTheWaitingLine() throws {
        let model = compileClean("""
            client C
            service S [concurrency=1, latency=1s]
            C -> S : work
            """)
        // 2/s into 1/s: a long line when S goes down at 50 s; it is refused at once.
        let scenario = makeScenario(duration: 60, warmup: 0, loads: [load(2)], faults: [fault(model.id("S"), .down, from: 50, to: 60)])
        let result = try Simulator.run(model: model, scenario: scenario)
        let station = try #require(result.participants.first)
        let call = try #require(result.interactions.first)
        #expect(station.rejected.value > 50)
        #expect(call.rejections.value == station.rejected.value)
        let row = try #require(result.series.participants.first)
        let perSecond = Int((1 / result.series.interval).rounded())
        #expect(row.maxWaiting[55 * perSecond] == 0)
    }

    @Test func availabilityFailsAttemptsAfterTheirHandling() throws {
        var model = compileClean("""
            client C
            external Psp [latency=50ms]
            C -> Psp : charge
            """)
        model.participants[model.id("Psp").rawValue].attributes.availability = 0.9
        let result = try Simulator.run(model: model, scenario: makeScenario(duration: 1_000, loads: [load(20)]))
        #expect(within(result.flows.first?.successRatio?.value, 0.9, relative: 0.01))
        // The failed attempts took their handling time: the station's work includes them.
        #expect(within(result.participants.first?.meanBusy.value, 1, relative: 0.05))
    }
}
