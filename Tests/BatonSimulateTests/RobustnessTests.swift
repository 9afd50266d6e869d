// Every sample, every test design and generated designs run under load and faults without an
// error, with every message accounted for and the same result twice.

import BatonModel
import BatonSimulate
import BatonTestSupport
import BatonWorkload
import Foundation
import Testing

@Suite struct RobustnessTests {
    static func compile(_ design: TestDesigns.Design) -> Model {
        let path = design.url.path
        return Compiler.compile(SourceInput(displayPath: design.name, resolvedPath: path, bytes: design.bytes)) { path throws(Compiler.ReadFailure) in
            guard let data = FileManager.default.contents(atPath: path) else { throw Compiler.ReadFailure(reason: "cannot read it") }
            return Array(data)
        }.model
    }

    /// Load on every flow, and faults on a few participants: a hang, errors, a slowdown.
    static func scenario(for model: Model, seed: UInt64) -> Scenario {
        let loads = model.flows.map { load($0.isDefault ? 5 : 2, flow: $0.id) }
        var faults: [Fault] = []
        let effects: [Fault.Effect] = [.hang, .errors(probability: 0.2), .slow(factor: 5), .capacity(fraction: 0.5), .down]
        for (index, participant) in model.participants.enumerated() where index % 3 == 1 {
            let start = Double(10 + (index % 5) * 5)
            faults.append(fault(participant.id, effects[index % effects.count], from: start, to: start + 10))
        }
        return makeScenario(duration: 60, warmup: 5, seed: seed, loads: loads, faults: faults)
    }

    /// The run's result, or nil when it stopped because time stood still: unbounded retries
    /// without backoff against a participant that is down, which is reported as it should be.
    static func run(_ model: Model, _ scenario: Scenario, _ options: SimulationOptions) throws -> SimulationResult? {
        do {
            return try Simulator.run(model: model, scenario: scenario, options: options)
        } catch SimulationError.timeStandsStill {
            return nil
        }
    }

    static func check(_ model: Model, seed: UInt64, name: String) throws {
        var options = SimulationOptions()
        options.maximumEventsPerInstant = 200_000
        let scenario = Self.scenario(for: model, seed: seed)
        guard let result = try Self.run(model, scenario, options) else { return }
        ChannelTests.expectAccounted(result)
        for flow in result.flows {
            #expect(flow.started.value == flow.succeeded.value + flow.failed.value + flow.unfinished.value, "\(name)")
        }
        #expect(result.recovery.count >= scenario.faults.count, "\(name)")
        #expect(try Self.run(model, scenario, options) == result, "\(name)")
    }

    @Test(arguments: TestDesigns.all)
    func everyDesignRuns(_ design: TestDesigns.Design) throws {
        try Self.check(Self.compile(design), seed: 1, name: design.name)
    }

    @Test(arguments: 1...12)
    func generatedDesignsRun(_ seed: Int) throws {
        let text = DesignGenerator(.init(participants: 14, interactions: 50, seed: UInt64(seed), interactionsPerFlow: 10)).generate()
        let model = Compiler.compile(SourceInput(displayPath: "g.baton", resolvedPath: "/g/g.baton", bytes: Array(text.utf8))).model
        try Self.check(model, seed: UInt64(seed), name: "generated \(seed)")
    }
}
