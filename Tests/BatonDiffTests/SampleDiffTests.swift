import BatonDiff
import BatonModel
import BatonSyntax
import BatonTestSupport
import BatonWorkload
import Foundation
import Testing

/// The bundled samples and generated designs: a design equals itself and its formatted text,
/// and a pair of samples differs exactly as worked out by hand.
@Suite struct SampleDiffTests {
    static let samples = Golden.packageRoot().appendingPathComponent("samples")

    static var sampleNames: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: samples.path)) ?? []).filter { $0.hasSuffix(".baton") }.sorted()
    }

    /// A sample compiled with its imports read from the samples directory.
    static func sample(_ name: String, text: String? = nil, path: String? = nil) throws -> DesignSide {
        let url = samples.appendingPathComponent(name)
        let source = try text ?? String(contentsOf: url, encoding: .utf8)
        let compilation = Compiler.compile(SourceInput(displayPath: path ?? "samples/\(name)", resolvedPath: url.path, bytes: Array(source.utf8)),
                                           read: { path throws(Compiler.ReadFailure) in
                                               guard let data = FileManager.default.contents(atPath: path) else {
                                                   throw Compiler.ReadFailure(reason: "missing")
                                               }
                                               return Array(data)
                                           })
        return DesignSide(label: path ?? "samples/\(name)", compilation: compilation)
    }

    @Test(arguments: sampleNames)
    func aSampleEqualsItselfAndItsFormattedText(_ name: String) throws {
        let original = try Self.sample(name)
        #expect(!original.compilation.hasErrors)
        #expect(Differ.diff(old: original, new: try Self.sample(name), workingDirectory: "/").isEmpty)
        let source = original.compilation.sources[original.compilation.rootFile]
        let formatted = try #require(Formatter.format(source).text)
        // Formatted text, and the same text with comments added and spacing squeezed, mean the same.
        let squeezed = formatted.replacingOccurrences(of: " -> ", with: "->").replacingOccurrences(of: " ->> ", with: "->>")
            .split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.isEmpty || $0.hasSuffix("{") || $0.hasSuffix("\"") ? String($0) : $0 + "   # note" }.joined(separator: "\n")
        for text in [formatted, squeezed] {
            let other = try Self.sample(name, text: text)
            #expect(!other.compilation.hasErrors, "\(other.compilation.diagnostics.map(\.message))")
            let result = Differ.diff(old: original, new: other, workingDirectory: "/")
            #expect(result.isEmpty, "\(name): \(DiffTextWriter().write(result))")
        }
    }

    /// retry-storm.baton (one call tree, seven participants) against retry-storm-simulated.baton
    /// (two clients of one server, two scenarios), worked out by reading both files.
    @Test func retryStormAgainstItsSimulatedSibling() throws {
        let old = try Self.sample("retry-storm.baton")
        let new = try Self.sample("retry-storm-simulated.baton")
        let result = Differ.diff(old: old, new: new, workingDirectory: "/")
        #expect(result.design == [AttributeChange(key: "title", old: "Search: retries at every layer", new: "Retry storm, simulated")])
        #expect(result.summary(result.participants) == [
            "added Hasty", "added Careful", "changed Search",
            "removed App", "removed Gateway", "removed Ranking", "removed Index", "removed AdServer", "removed Audit",
        ])
        // Search: [timeout=3s, idempotent] became [concurrency=1, latency=100ms, backlog=100, idempotent].
        #expect(DesignDiff.attributes(result.participants[2]) == [
            "latency: - → 100ms", "concurrency: - → 1", "timeout: 3s → -", "backlog: - → 100",
        ])
        #expect(result.summary(result.interactions) == [
            "added Hasty -> Search : query", "added Careful -> Search : query",
            "removed App -> Gateway : search", "removed Gateway -> Search : query", "removed Search <- Index : match terms",
            "removed Search -> Ranking : rank hits", "removed Gateway <- AdServer : sponsored results",
            "removed Gateway ->> Audit : SearchLogged",
        ])
        #expect(result.summary(result.flows) == ["added Retry at once", "added Back off", "removed (top-level steps)"])
        #expect(result.summary(result.scenarios) == ["added Retry storm", "added Repaired"])
        // The old design's four findings go (amplification 36, fixed backoff, the inversion,
        // the unbounded audit retry); the hasty client's immediate retries are new.
        #expect(result.resolvedFindings.map(\.code) == ["retry-amplification", "retry-without-backoff", "timeout-inversion", "unbounded-retry"])
        #expect(result.newFindings.map(\.code) == ["retry-without-backoff"])
        #expect(result.newFindings.first?.location.line == 30)
        // Search called Index and Ranking; now it calls nobody.
        #expect(result.metrics.map { "\($0.metric.rawValue) \($0.subject) \($0.oldText) → \($0.newText)" } == ["fanOut Search 2 → 0"])
    }

    /// Generated designs of every shape: each equals itself, and comparing A with B reports
    /// the mirror image of comparing B with A.
    @Test(arguments: [UInt64(1), 2, 3])
    func generatedDesignsCompareSymmetrically(_ seed: UInt64) throws {
        let a = DesignGenerator(.init(participants: 25, interactions: 300, seed: seed, interactionsPerFlow: 60)).generate()
        let b = DesignGenerator(.init(participants: 25, interactions: 300, seed: seed + 10, interactionsPerFlow: 60)).generate()
        let sideA = side(a, path: "a.baton"), sideB = side(b, path: "b.baton")
        #expect(Differ.diff(old: sideA, new: side(a, path: "a.baton"), workingDirectory: "/t").isEmpty)
        let forward = Differ.diff(old: sideA, new: sideB, workingDirectory: "/t")
        let backward = Differ.diff(old: sideB, new: sideA, workingDirectory: "/t")
        #expect(!forward.isEmpty)
        for (section, changes) in forward.sections {
            let mirrored = backward.sections.first { $0.section == section }?.changes ?? []
            let added = changes.filter { $0.change == .added }.map(\.name).sorted()
            let removedBack = mirrored.filter { $0.change == .removed }.map(\.name).sorted()
            #expect(added == removedBack, "\(section)")
            #expect(changes.filter { $0.change == .changed }.count == mirrored.filter { $0.change == .changed }.count, "\(section)")
        }
        // (Fingerprints name the new design's file, which the two directions swap.)
        func findings(_ list: [FindingEntry]) -> [String] { list.map { "\($0.code) \($0.location.line) \($0.message)" }.sorted() }
        #expect(findings(forward.newFindings) == findings(backward.resolvedFindings))
        #expect(findings(forward.resolvedFindings) == findings(backward.newFindings))
        #expect(forward.metrics.count == backward.metrics.count)
        // And the same inputs give the same diff, byte for byte.
        #expect(DiffJSONWriter.write([forward]) == DiffJSONWriter.write([Differ.diff(old: sideA, new: side(b, path: "b.baton"), workingDirectory: "/t")]))
    }
}
