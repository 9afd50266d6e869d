import Baton
import BatonLanguageServer
import BatonSyntax
import Testing

@Suite struct AnalysisTests {
    @Test func analysisCarriesCheckDiagnosticsAndResolvedPaths() {
        let compilation = Baton.compile(source: """
            service Search [timeout=3s]
            service Ranking [timeout=1s, idempotent]
            Search -> Ranking : rank [retries=3]
            """, path: "search.baton")
        let analysis = Analysis(compilation: compilation)
        #expect(analysis.diagnostics.map(\.code).contains("retry-without-backoff"))
        #expect(analysis.compilation.resolvedPaths.count == 1)
        #expect(analysis.file(resolvedPath: analysis.compilation.resolvedPaths[0]) == FileID(0))
    }
}
