import Baton
import BatonModel
import BatonRender
import BatonTestSupport
import BatonWorkload
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing

/// Whatever compiles must render: mutated samples and generated designs go through every
/// renderer (sequence SVG, graph SVG in both directions, DOT, Mermaid) without crashing, twice
/// with the same bytes, and every SVG stays well-formed enough to parse as XML.
@Suite struct RenderFuzzTests {
    static func designs() -> [String] {
        let samples = Golden.packageRoot().appendingPathComponent("samples")
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: samples.path)) ?? []).sorted().filter { $0.hasSuffix(".baton") }
        let seeds = names.compactMap { try? String(contentsOf: samples.appendingPathComponent($0), encoding: .utf8) }
        var random = SplitMix64(seed: 2026)
        var designs: [String] = []
        // Mutations that keep a design compiling more often than not: drop or duplicate lines,
        // add self-calls, loops and notes.
        let additions = ["loop [times=3] {\n}", "note over X : <&\"'>", "par {\n} and {\n}"]
        for round in 0..<60 {
            var lines = seeds[round % seeds.count].split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            for _ in 0..<(1 + random.below(4)) {
                let at = random.below(lines.count)
                switch random.below(3) {
                case 0: lines.remove(at: at)
                case 1: lines.insert(lines[at], at: at)
                default: lines.insert(random.pick(additions).replacingOccurrences(of: "X", with: "Nobody"), at: at)
                }
            }
            designs.append(lines.joined(separator: "\n"))
        }
        for seed in 1...8 as ClosedRange<UInt64> {
            designs.append(DesignGenerator(.init(participants: 6 + Int(seed) * 2, interactions: 20 + Int(seed) * 5, seed: seed)).generate())
        }
        return designs
    }

    @Test func everythingThatCompilesRenders() throws {
        var rendered = 0
        for text in Self.designs() {
            let compilation = Baton.compile(source: text, path: "fuzz.baton")
            guard !compilation.hasErrors else { continue }
            let bytes = Array(text.utf8)
            let options: [RenderOptions] = [
                RenderOptions(format: .svg, view: .sequence),
                RenderOptions(format: .svg, view: .graph),
                RenderOptions(format: .svg, view: .graph, theme: .dark, direction: .topToBottom),
                RenderOptions(format: .dot),
                RenderOptions(format: .mermaid),
            ]
            for option in options {
                let first: String
                do {
                    first = try Baton.render(compilation, source: bytes, options: option)
                } catch {
                    // Only a design without a flow may refuse a sequence view.
                    #expect(compilation.model.flows.isEmpty, "\(option): \(error.message)")
                    continue
                }
                let second = try Baton.render(compilation, source: bytes, options: option)
                #expect(first == second)
                if option.format == .svg {
                    #expect(throws: Never.self) { _ = try XMLDocument(xmlString: first) }
                }
                rendered += 1
            }
        }
        #expect(rendered > 100, "too few designs compiled to exercise the renderers: \(rendered)")
    }
}
