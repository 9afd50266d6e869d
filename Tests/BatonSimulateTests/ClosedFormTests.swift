// The engine against queueing theory. Sample sizes are chosen so that each tolerance is at
// least three standard deviations of the estimate (measured over many seeds): an M/M/1 queue at
// ρ = 0.8 is strongly autocorrelated, so its mean response needs about 10⁶ requests to be known
// within ±3%.

import BatonModel
import BatonSimulate
import Testing

@Suite struct ClosedFormTests {
    static let queue = """
        client C
        service S [concurrency=1, latency=100ms]
        C -> S : work
        """

    @Test func mm1MatchesItsClosedForms() throws {
        // λ = 8/s, μ = 10/s: W = 1/(μ−λ) = 0.5 s, Wq = ρ/(μ−λ) = 0.4 s, p99 = ln(100)/(μ−λ).
        let model = compileClean(Self.queue)
        let result = try Simulator.run(model: model, scenario: makeScenario(duration: 125_200, warmup: 200, loads: [load(8)]))
        let flow = try #require(result.flows.first)
        let station = try #require(result.participant(model.id("S")))
        #expect(flow.started.value > 990_000)
        #expect(within(flow.responseTime.mean?.value, 0.5, relative: 0.03), "\(String(describing: flow.responseTime.mean))")
        #expect(within(station.meanWait?.value, 0.4, relative: 0.04), "\(String(describing: station.meanWait))")
        #expect(within(station.utilisation?.value, 0.8, relative: 0.01), "\(String(describing: station.utilisation))")
        #expect(within(flow.responseTime.p99?.value, 2.302_585, relative: 0.08), "\(String(describing: flow.responseTime.p99))")
        // The median of an exponential with rate 2: ln 2 / 2.
        #expect(within(flow.responseTime.p50?.value, 0.346_574, relative: 0.05))
        // Little's law at the station and for the flow.
        let little = station.throughput.value * (station.meanSojourn?.value ?? 0)
        #expect(within(station.meanInSystem.value, little, relative: 0.02), "L \(station.meanInSystem) λW \(little)")
        #expect(within(station.meanWaiting.value, station.throughput.value * (station.meanWait?.value ?? 0), relative: 0.02))
    }

    @Test func mm3MatchesErlangC() throws {
        // λ = 0.2/s, μ = 0.1/s, c = 3: Erlang C 0.4444, Wq = C/(cμ−λ) = 4.444 s.
        let model = compileClean("""
            client C
            service S [concurrency=3, latency=10s]
            C -> S : work
            """)
        let result = try Simulator.run(model: model, scenario: makeScenario(duration: 4_002_000, warmup: 2_000, loads: [load(0.2)]))
        let station = try #require(result.participant(model.id("S")))
        #expect(station.handled.value > 790_000)
        #expect(within(station.meanWait?.value, 4.444, relative: 0.05), "\(String(describing: station.meanWait))")
        #expect(within(station.utilisation?.value, 2.0 / 3.0, relative: 0.02))
    }

    @Test func mm1kBlocksAsTheFiniteQueueFormulaSays() throws {
        // Concurrency 1 and a waiting line of 4: K = 5, a = 0.8; blocking = p₅ = a⁵(1−a)/(1−a⁶).
        var model = compileClean(Self.queue)
        model.setBacklog("S", 4)
        let result = try Simulator.run(model: model, scenario: makeScenario(duration: 37_600, warmup: 100, loads: [load(8)]))
        let call = try #require(result.interactions.first)
        let blocking = call.rejections.value / call.attempts.value
        #expect(call.attempts.value > 290_000)
        #expect(within(blocking, 0.0888, relative: 0.05), "\(blocking)")
        #expect(try #require(result.participant(model.id("S"))).maxWaiting.value == 4)
        // Every attempt either got in or was refused, and the refused ones are the station's.
        #expect(call.successes.value + call.rejections.value == call.attempts.value)
        #expect(try #require(result.participant(model.id("S"))).rejected.value == call.rejections.value)
    }

    @Test func erlangBWithoutAWaitingLine() throws {
        // Two servers, no waiting line, a = 1: Erlang B = 0.2.
        var model = compileClean("""
            client C
            service S [concurrency=2, latency=1s]
            C -> S : work
            """)
        model.setBacklog("S", 0)
        let result = try Simulator.run(model: model, scenario: makeScenario(duration: 100_100, warmup: 100, loads: [load(1)]))
        let call = try #require(result.interactions.first)
        #expect(within(call.rejections.value / call.attempts.value, 0.2, relative: 0.04))
        #expect(try #require(result.participant(model.id("S"))).maxWaiting.value == 0)
    }

    @Test func littlesLawHoldsAtEveryStationOfANetwork() throws {
        // Nested calls hold the caller's server while the callee works: every station's L = λW.
        let model = compileClean("""
            client C
            service Api [concurrency=8, latency=20ms]
            service Orders [concurrency=2, latency=30ms]
            service Db [concurrency=1, latency=10ms]
            C -> Api : place {
              Api -> Orders : create {
                Orders -> Db : insert
              }
              Api -> Db : audit
            }
            """)
        let result = try Simulator.run(model: model, scenario: makeScenario(duration: 5_000, loads: [load(20)]))
        #expect(result.participants.count == 3)
        for station in result.participants {
            let little = station.throughput.value * (station.meanSojourn?.value ?? 0)
            #expect(within(station.meanInSystem.value, little, relative: 0.02), "\(station.name): L \(station.meanInSystem) λW \(little)")
        }
        // The flow's response includes every nested hop: longer than Api's own handling.
        let flow = try #require(result.flows.first)
        let api = try #require(result.participant(model.id("Api")))
        #expect(within(flow.responseTime.mean?.value, api.meanSojourn?.value ?? 0, relative: 0.01))
        #expect((flow.responseTime.mean?.value ?? 0) > 0.06)
    }
}
