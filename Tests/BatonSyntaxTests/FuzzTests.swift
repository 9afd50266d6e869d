import BatonSyntax
import BatonTestSupport
import BatonWorkload
import Foundation
import Testing

/// Seeded robustness tests: thousands of random and mutated inputs must parse without
/// crashing, terminate, and give the same diagnostics every time, with every span inside the
/// input. (A crash or a hang fails the run by itself.)
@Suite struct FuzzTests {
    static let vocabulary: [[UInt8]] = [
        "{", "}", "[", "]", "->", "->>", "<-", "~>", ":", ",", "=", ";", "\n", "\"", "\\", "#", " ",
        "service", "queue", "group", "flow", "loop", "alt", "else", "par", "and", "opt", "note", "over",
        "title", "import", "unbounded", "A", "B", "Shop", "2s", "99.9%", "100/s", "1.5m", "x-y",
        "timeout=", "\"label\"", "\\u{1F600}", "Ωμέγα", "🚀", "\r\n", "\t",
        "scenario", "load", "fault", "expect", "from", "to", "down", "slow", "x10", "goodput", "p99", "<=", ">",
        "3m5s", "-5/s", "amplification", "recovers", "within", "max", "[duration=1m]",
    ].map { Array($0.utf8) } + [[0x00], [0xFF], [0xC3], [0xE2, 0x82], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80]]

    static var seeds: [[UInt8]] {
        let samples = Golden.packageRoot().appendingPathComponent("samples")
        let files = (try? FileManager.default.contentsOfDirectory(atPath: samples.path)) ?? []
        var seeds = files.sorted().filter { $0.hasSuffix(".baton") }.compactMap {
            FileManager.default.contents(atPath: samples.appendingPathComponent($0).path).map { Array($0) }
        }
        seeds.append(Array(DesignGenerator(.init(participants: 12, interactions: 60, seed: 7)).generate().utf8))
        var random = SplitMix64(seed: 11)
        seeds.append(Array((0..<3).map { _ in FormatterTests.messyScenario(&random) }.joined().utf8))
        return seeds
    }

    /// Parses twice and checks the invariants; returns the diagnostics for further checks.
    @discardableResult
    func check(_ bytes: [UInt8], sourceLocation: SourceLocation = #_sourceLocation) -> [Diagnostic] {
        let source = SourceFile(id: FileID(0), path: "fuzz.baton", bytes: bytes)
        let first = BatonParser.parse(source)
        let second = BatonParser.parse(source)
        #expect(first.diagnostics == second.diagnostics, sourceLocation: sourceLocation)
        #expect(first.syntax == second.syntax, sourceLocation: sourceLocation)
        // Bounded output: the cap covers syntax and encoding errors alike.
        #expect(first.diagnostics.count <= CappedDiagnostics.errorsPerFile, sourceLocation: sourceLocation)
        for diagnostic in first.diagnostics {
            #expect(diagnostic.span.start >= 0 && diagnostic.span.end <= bytes.count && diagnostic.span.start <= diagnostic.span.end,
                    "span \(diagnostic.span) outside \(bytes.count) bytes", sourceLocation: sourceLocation)
            let location = source.location(of: diagnostic.span.start)
            #expect(location.line >= 1 && location.line <= source.lineCount, sourceLocation: sourceLocation)
        }
        return first.diagnostics
    }

    @Test func mutatedSamples() {
        var random = SplitMix64(seed: 0xBA70)
        let seeds = Self.seeds
        #expect(seeds.count >= 10)
        for round in 0..<2500 {
            var bytes = seeds[round % seeds.count]
            for _ in 0..<(1 + random.below(4)) { mutate(&bytes, &random) }
            check(bytes)
        }
    }

    @Test func randomTokenSoup() {
        var random = SplitMix64(seed: 42)
        for _ in 0..<1500 {
            var bytes: [UInt8] = []
            for _ in 0..<random.below(120) { bytes += random.pick(Self.vocabulary) }
            check(bytes)
        }
    }

    @Test func randomBytes() {
        var random = SplitMix64(seed: 7)
        for _ in 0..<500 {
            let bytes = (0..<random.below(400)).map { _ in UInt8(truncatingIfNeeded: random.next()) }
            check(bytes)
        }
    }

    @Test(arguments: ["{", "[", "group G {", "flow \"F\" {", "A -> B {", "alt {", "par { } and {", "loop \"l\" [times=2] {"])
    func deepNesting(opening: String) {
        let bytes = Array(("service A\nservice B\n" + String(repeating: opening + "\n", count: 5_000)).utf8)
        let diagnostics = check(bytes)
        #expect(!diagnostics.isEmpty)
    }

    @Test func pathologicalSizes() {
        check(Array("service " .utf8) + Array(repeating: UInt8(ascii: "a"), count: 1_000_000))
        check(Array(repeating: UInt8(ascii: "\""), count: 100_000))
        check(Array(repeating: UInt8(ascii: "#"), count: 100_000))
        check(Array(String(repeating: "A -> B : " + String(repeating: "x", count: 500) + "\n", count: 2_000).utf8))
        // Every line broken: the error cap bounds the output.
        let broken = check(Array(String(repeating: "-> -> ->\n", count: 10_000).utf8))
        #expect(broken.count == CappedDiagnostics.errorsPerFile)
        check(Array(repeating: 0xFF, count: 50_000))
        check([])
    }

    func mutate(_ bytes: inout [UInt8], _ random: inout SplitMix64) {
        let count = bytes.count
        switch random.below(6) {
        case 0 where count > 0:  // flip a byte
            bytes[random.below(count)] = UInt8(truncatingIfNeeded: random.next())
        case 1 where count > 0:  // delete a range
            let start = random.below(count)
            bytes.removeSubrange(start..<min(count, start + 1 + random.below(40)))
        case 2:  // insert a token
            bytes.insert(contentsOf: random.pick(Self.vocabulary), at: random.below(count + 1))
        case 3 where count > 0:  // duplicate a range
            let start = random.below(count)
            let slice = Array(bytes[start..<min(count, start + 1 + random.below(200))])
            bytes.insert(contentsOf: slice, at: random.below(count + 1))
        case 4 where count > 0:  // truncate
            bytes.removeSubrange(random.below(count)...)
        default:  // swap two ranges' first bytes
            if count > 1 { bytes.swapAt(random.below(count), random.below(count)) }
        }
    }
}
