import Baton
import BatonReport
import BatonSyntax
import BatonWorkload
import Testing

/// A finding resolved for a format that prints no source line and no fingerprint (`.positions`)
/// is the full resolution less its excerpt and statement: the same positions, texts, notes and
/// fixes, so the JSON and GitHub reports it feeds are the same bytes.
@Suite struct ReportedDetailTests {
    @Test(arguments: [3, 11] as [UInt64])
    func positionsAreTheFullResolutionWithoutExcerptAndStatement(seed: UInt64) {
        let source = DesignGenerator(.init(participants: 30, interactions: 400, seed: seed)).generate()
        let compilation = Baton.compile(source: source, path: "designs/large.baton")
        let diagnostics = Baton.check(compilation)
        #expect(diagnostics.count > 100)
        var fullLine = -1
        var leanLine = -1
        for diagnostic in diagnostics {
            let file = compilation.sources[diagnostic.span.file]
            let full = ReportedDiagnostic(diagnostic, in: file, sources: compilation.sources, line: &fullLine)
            var lean = ReportedDiagnostic(diagnostic, in: file, sources: compilation.sources, line: &leanLine, detail: .positions)
            #expect(lean.excerpt.text.isEmpty && lean.statementText.isEmpty)
            #expect(JSONReporter.report([lean], files: 1) == JSONReporter.report([full], files: 1))
            #expect(GitHubReporter.report([lean], files: 1) == GitHubReporter.report([full], files: 1))
            lean.excerpt = full.excerpt
            lean.statementText = full.statementText
            #expect(lean == full)
        }
    }
}
