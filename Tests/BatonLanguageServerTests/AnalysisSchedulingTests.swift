import BatonJSON
import BatonLanguageServer
import BatonTestSupport
import Foundation
import Testing

/// When analyses run: at once for an edit after a pause, once at the end of a burst.
@Suite struct AnalysisSchedulingTests {
    static let design = "service A [timeout=1s]\nservice B [timeout=1s]\nA -> B : x [retries=2]\n"

    @Test func anEditAfterAPauseIsAnalysedWithoutWaitingForTheDebounce() throws {
        let directory = try makeTemporaryDirectory()
        let uri = DocumentURI.uri(ofPath: directory.path + "/a.baton")
        // A debounce far longer than analysing this design takes.
        let client = LSPClient(debounce: 2)
        _ = client.initialize(root: directory.path)
        let began = Date()
        client.open(uri, Self.design)
        let diagnostics = try #require(client.diagnostics(for: uri, version: 1, timeout: 10))
        #expect(diagnostics.contains { $0["code"] == .string("retry-without-backoff") })
        #expect(Date().timeIntervalSince(began) < 1.5, "the first analysis waited for the debounce")
    }

    @Test func aBurstOfEditsIsAnalysedOnceAtItsEnd() throws {
        let directory = try makeTemporaryDirectory()
        let uri = DocumentURI.uri(ofPath: directory.path + "/a.baton")
        let client = LSPClient(debounce: 0.3)
        _ = client.initialize(root: directory.path)
        client.open(uri, Self.design)
        _ = try #require(client.diagnostics(for: uri, version: 1))
        // Wait out the quiet period, then type four characters quickly.
        Thread.sleep(forTimeInterval: 0.4)
        var text = Self.design
        for (index, character) in ["#", " ", "a", "b"].enumerated() {
            text += character
            client.change(uri, version: 2 + index, range: nil, text: text)
        }
        let last = try #require(client.diagnostics(for: uri, version: 5))
        #expect(last.contains { $0["code"] == .string("retry-without-backoff") })
        // The first keystroke after the pause may be analysed at once; the rest of the burst
        // waits and is superseded, so versions 3 and 4 are never published.
        Thread.sleep(forTimeInterval: 0.5)
        let published = client.remaining.filter { $0["method"] == .string("textDocument/publishDiagnostics") }
            .compactMap { $0["params"]?["version"]?.numberValue.map { Int($0) } }
        #expect(!published.contains(3) && !published.contains(4), "published \(published)")
    }
}
