import Baton
import BatonCheck
import BatonTestSupport
import Foundation
import Testing

/// Every sample design produces exactly the findings its `# expect:` lines announce.
struct SampleTests {
    static var samplesDirectory: URL { Golden.packageRoot().appendingPathComponent("samples") }

    static var sampleNames: [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: samplesDirectory.path)) ?? []
        return names.filter { $0.hasSuffix(".baton") }.sorted()
    }

    /// `# expect: rule-id @ line` lines, or `# expect: none`.
    static func expected(in text: String) -> [String] {
        var result: [String] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard trimmed.hasPrefix("# expect:") else { continue }
            let value = trimmed.dropFirst("# expect:".count).trimmingCharacters(in: .whitespaces)
            if value == "none" { continue }
            let parts = value.components(separatedBy: "@").map { $0.trimmingCharacters(in: .whitespaces) }
            result.append("\(parts[0]) @ \(parts.count > 1 ? parts[1] : "?")")
        }
        return result.sorted()
    }

    @Test func thereAreSamples() {
        #expect(Self.sampleNames.count >= 10)
    }

    @Test("a sample produces exactly its expected findings", arguments: sampleNames)
    func sample(_ name: String) throws {
        let url = Self.samplesDirectory.appendingPathComponent(name)
        let bytes = try Array(Data(contentsOf: url))
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.contains("# expect:"), "\(name) says what it expects")
        let compilation = Baton.compile(bytes: bytes, displayPath: url.path)
        let compiles = !compilation.hasErrors
        #expect(compiles, "\(name) compiles: \(compilation.diagnostics.map(\.message))")
        let diagnostics = Checker.check(compilation).filter { $0.span.file == compilation.rootFile }
        let actual = expectations(diagnostics, compilation)
        #expect(actual == Self.expected(in: text),
                "\(name):\n\(diagnostics.map { "  \($0.code) @ \(compilation.sources[$0.span.file].location(of: $0.span.start).line): \($0.message)" }.joined(separator: "\n"))")
    }
}
