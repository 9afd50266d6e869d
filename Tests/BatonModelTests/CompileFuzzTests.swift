import BatonModel
import BatonSyntax
import BatonTestSupport
import BatonWorkload
import Foundation
import Testing

/// Mutated designs through the whole front end (parser, model builder, derived quantities):
/// no crash, deterministic diagnostics, derived arithmetic never NaN.
@Suite struct CompileFuzzTests {
    @Test func mutatedDesignsCompileDeterministically() {
        let samples = Golden.packageRoot().appendingPathComponent("samples")
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: samples.path)) ?? []).sorted().filter { $0.hasSuffix(".baton") }
        var seeds = names.compactMap { FileManager.default.contents(atPath: samples.appendingPathComponent($0).path).map { Array($0) } }
        seeds.append(Array(DesignGenerator(.init(participants: 20, interactions: 150, seed: 3)).generate().utf8))
        seeds.append(Array(ScenarioModelTests.design.utf8))
        var random = SplitMix64(seed: 99)
        let vocabulary = ["->", "<-", "~>", "->>", "{", "}", "[retries=unbounded]", "[timeout=1s]", "\n", "A", "Shop", "loop {", "alt {", "} else {",
                          "[p=60%]", "load 5/s", "fault Stripe down from 1m to 2m", "-", "x10", "10m", "\"Shop\""]
        for round in 0..<600 {
            var text = seeds[round % seeds.count]
            for _ in 0..<(1 + random.below(3)) {
                let at = random.below(text.count + 1)
                if random.chance(0.5), !text.isEmpty {
                    text.removeSubrange(at..<min(text.count, at + random.below(30)))
                } else {
                    text.insert(contentsOf: Array(random.pick(vocabulary).utf8), at: at)
                }
            }
            let input = SourceInput(displayPath: "fuzz.baton", resolvedPath: "/fuzz/fuzz.baton", bytes: text)
            let first = Compiler.compile(input)
            let second = Compiler.compile(input)
            #expect(first.diagnostics == second.diagnostics)
            #expect(first.model == second.model)
            let waits = WorstCaseWaits(first.model)
            #expect(waits.seconds.allSatisfy { $0.map { !$0.isNaN } ?? true })
            let availability = CompositeAvailability(first.model, graph: SyncGraph(first.model))
            #expect(availability.values.allSatisfy { $0 >= 0 && $0 <= 1 })
        }
    }
}
