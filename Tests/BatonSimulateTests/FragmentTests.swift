import BatonModel
import BatonSimulate
import Testing

@Suite struct FragmentTests {
    /// Sets the `p` of each branch of the default flow's first top-level fragment.
    static func setProbabilities(_ model: inout Model, _ probabilities: [Double?]) {
        guard let index = model.flows[0].steps.firstIndex(where: { if case .fragment = $0 { true } else { false } }),
              case .fragment(var fragment) = model.flows[0].steps[index] else { return }
        for (branch, probability) in zip(fragment.branches.indices, probabilities) {
            fragment.branches[branch].probability = probability
        }
        model.flows[0].steps[index] = .fragment(fragment)
    }

    @Test func aLoopRepeatsItsBody() throws {
        let model = compileClean("""
            client C
            service S [latency=10ms]
            loop "three times" [times=3] {
              C -> S : work
            }
            """)
        let result = try Simulator.run(model: model, scenario: makeScenario(duration: 100, loads: [load(10)]))
        let call = try #require(result.interactions.first)
        let flow = try #require(result.flows.first)
        #expect(abs(call.firstAttempts.value - 3 * flow.started.value) <= 3)
        // Three handlings in a row: 30 ms on average.
        #expect(within(flow.responseTime.mean?.value, 0.03, relative: 0.05))
    }

    @Test func parWaitsForEveryBranch() throws {
        // The longer of two exponential handlings of mean 100 ms: 150 ms on average.
        let model = compileClean("""
            client C
            service A [latency=100ms]
            service B [latency=100ms]
            par {
              C -> A : left
            } and {
              C -> B : right
            }
            """)
        let result = try Simulator.run(model: model, scenario: makeScenario(duration: 2_000, loads: [load(10)]))
        #expect(within(result.flows.first?.responseTime.mean?.value, 0.15, relative: 0.03))
    }

    @Test func aFailedBranchFailsThePar() throws {
        let model = compileClean("""
            client C
            service A [latency=10ms]
            service B [latency=10ms]
            par {
              C -> A : left
            } and {
              C -> B : right
            }
            """)
        let scenario = makeScenario(duration: 100, loads: [load(10)], faults: [fault(model.id("B"), .down, from: 0, to: 100)])
        let result = try Simulator.run(model: model, scenario: scenario)
        let flow = try #require(result.flows.first)
        #expect(flow.succeeded.value == 0)
        // The other branch still ran.
        #expect(try #require(result.interactions.first { $0.label == "left" }).successes.value == flow.failed.value)
    }

    @Test func aFailedStepStopsItsSequence() throws {
        let model = compileClean("""
            client C
            service A
            service B
            C -> A : first
            C -> B : second
            """)
        let scenario = makeScenario(duration: 100, loads: [load(10)], faults: [fault(model.id("A"), .errors(probability: 0.5), from: 0, to: 100)])
        let result = try Simulator.run(model: model, scenario: scenario)
        let first = try #require(result.interactions.first { $0.label == "first" })
        let second = try #require(result.interactions.first { $0.label == "second" })
        #expect(second.attempts.value == first.successes.value)
    }

    @Test func optRunsWithItsProbability() throws {
        var model = compileClean("""
            client C
            service S
            opt "sometimes" {
              C -> S : maybe
            }
            """)
        Self.setProbabilities(&model, [0.3])
        let result = try Simulator.run(model: model, scenario: makeScenario(duration: 1_000, loads: [load(20)]))
        let call = try #require(result.interactions.first)
        let runs = try #require(result.flows.first).started.value
        #expect(within(call.attempts.value / runs, 0.3, relative: 0.03))
    }

    @Test func altBranchesShareWhatIsLeft() throws {
        var model = compileClean("""
            client C
            service A
            service B
            service D
            alt "a" {
              C -> A : one
            } else "b" {
              C -> B : two
            } else "c" {
              C -> D : three
            }
            """)
        Self.setProbabilities(&model, [0.6, nil, nil])
        let result = try Simulator.run(model: model, scenario: makeScenario(duration: 1_000, loads: [load(20)]))
        let runs = try #require(result.flows.first).started.value
        let shares = ["one", "two", "three"].map { label in
            (result.interactions.first { $0.label == label }?.attempts.value ?? 0) / runs
        }
        #expect(within(shares[0], 0.6, relative: 0.03))
        #expect(within(shares[1], 0.2, relative: 0.05))
        #expect(within(shares[2], 0.2, relative: 0.05))
    }

    @Test func undeclaredAltBranchesAreEquallyLikely() throws {
        let model = compileClean("""
            client C
            service A
            service B
            alt "a" {
              C -> A : one
            } else "b" {
              C -> B : two
            }
            """)
        let result = try Simulator.run(model: model, scenario: makeScenario(duration: 1_000, loads: [load(20)]))
        let one = try #require(result.interactions.first { $0.label == "one" }).attempts.value
        let two = try #require(result.interactions.first { $0.label == "two" }).attempts.value
        #expect(within(one / (one + two), 0.5, relative: 0.03))
    }
}
