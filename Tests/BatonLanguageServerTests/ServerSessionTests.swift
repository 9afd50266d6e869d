import BatonJSON
import BatonLanguageServer
import BatonTestSupport
import Foundation
import Testing

/// Whole sessions against a server in this process: what an editor sees.
@Suite struct ServerSessionTests {
    static let cycle = """
        service A [timeout=1s]
        service B [timeout=1s]
        flow "x" {
          A -> B : one
          B -> A : two
        }

        """

    @Test func diagnosticsArriveAndClearAfterAnIncrementalFix() throws {
        let directory = try makeTemporaryDirectory()
        let uri = DocumentURI.uri(ofPath: directory.path + "/cycle.baton")
        let client = LSPClient()
        let initialized = client.initialize(root: directory.path)
        #expect(initialized?["result"]?["capabilities"]?["positionEncoding"] == .string("utf-16"))
        #expect(initialized?["result"]?["serverInfo"]?["name"] == .string("baton"))
        client.open(uri, Self.cycle)
        let diagnostics = try #require(client.diagnostics(for: uri, version: 1))
        let cycle = try #require(diagnostics.first { $0["code"] == .string("sync-cycle") })
        #expect(cycle["range"] == range(4, 2, 4, 14).json)
        #expect(cycle["severity"] == .int(1))
        #expect(cycle["source"] == .string("baton"))
        #expect(cycle["codeDescription"]?["href"] == .string("https://github.com/baton-lang/baton/blob/main/docs/rules.md#sync-cycle"))
        let related = try #require(cycle["relatedInformation"]?.arrayValue?.first)
        #expect(related["location"]?["uri"] == .string(uri))
        #expect(related["location"]?["range"]?["start"] == Position(line: 3, character: 2).json)

        // `B -> A` becomes `B ->> A`: an incremental edit of the arrow.
        client.change(uri, version: 2, range: range(4, 4, 4, 6), text: "->>")
        #expect(client.diagnostics(for: uri, version: 2) == [])
        #expect(client.request("shutdown", nil)?["result"] == .null)
        client.notify("exit", .null)
        #expect(client.exitStatus() == 0)
    }

    @Test func anImportEditedInABufferUpdatesItsImporter() throws {
        let directory = try makeTemporaryDirectory([
            "lib.baton": "service A [timeout=1s]\nservice B [timeout=1s]\n",
            "main.baton": "import \"lib.baton\"\nflow \"x\" {\n  A -> B : one\n}\n",
        ])
        let main = DocumentURI.uri(ofPath: directory.path + "/main.baton")
        let lib = DocumentURI.uri(ofPath: directory.path + "/lib.baton")
        let client = LSPClient()
        _ = client.initialize(root: directory.path)
        client.open(main, "import \"lib.baton\"\nflow \"x\" {\n  A -> B : one\n}\n")
        #expect(client.diagnostics(for: main, version: 1) == [])
        client.open(lib, "service A [timeout=1s]\nservice B [timeout=1s]\n")
        // Alone, the library's participants are unused: it gets diagnostics of its own.
        #expect(client.diagnostics(for: lib, version: 1)?.allSatisfy { $0["code"] == .string("unused-participant") } == true)
        // Remove B from the library's buffer (not saved): main no longer compiles.
        client.change(lib, version: 2, range: range(1, 0, 2, 0), text: "")
        let updated = try #require(client.waitFor { message in
            message["params"]?["uri"] == .string(main)
                && (message["params"]?["diagnostics"]?.arrayValue ?? []).contains { $0["code"] == .string("undeclared-name") }
        })
        #expect(updated["params"]?["diagnostics"]?.arrayValue?.first?["range"]?["start"] == Position(line: 2, character: 7).json)
        // Closing the buffer reads the file from disk again, where B still exists.
        client.notify("textDocument/didClose", LSPClient.document(lib))
        #expect(client.waitFor { $0["params"]?["uri"] == .string(main) && $0["params"]?["diagnostics"] == .array([]) } != nil)
        client.closeInput()
        #expect(client.exitStatus() == 1)
    }

    @Test func requestsAnswerFormattingSymbolsFoldingAndWorkspaceSymbols() throws {
        let directory = try makeTemporaryDirectory()
        let uri = DocumentURI.uri(ofPath: directory.path + "/shop.baton")
        let client = LSPClient()
        _ = client.initialize(root: directory.path, encodings: ["utf-8", "utf-16"])
        let text = """
            # The shop.
            # Two lines of comment.
            group Shop {
            service   Web [timeout=2s]
            service Orders [timeout=1s, idempotent]
            }
            flow "Checkout" {
              Web -> Orders : place order {
                Orders -> Orders : validate
              }
            }

            """
        client.open(uri, text)
        _ = client.diagnostics(for: uri, version: 1)

        let formatting = try #require(client.request("textDocument/formatting", LSPClient.document(uri))?["result"]?.arrayValue)
        #expect(formatting.count == 1)
        #expect(formatting.first?["newText"]?.stringValue?.contains("  service  Web    [timeout=2s]") == true)

        let symbols = try #require(client.request("textDocument/documentSymbol", LSPClient.document(uri))?["result"]?.arrayValue)
        #expect(symbols.map { $0["name"]?.stringValue } == ["Shop", "Checkout"])
        #expect(symbols.first?["kind"] == JSONValue.int(3))
        #expect(symbols.first?["children"]?.arrayValue?.map { $0["name"]?.stringValue } == ["Web", "Orders"])
        #expect(symbols.last?["children"]?.arrayValue?.first?["name"]?.stringValue == "Web -> Orders : place order")

        let folds = try #require(client.request("textDocument/foldingRange", LSPClient.document(uri))?["result"]?.arrayValue)
            .map { "\($0["startLine"]?.numberValue ?? -1)-\($0["endLine"]?.numberValue ?? -1) \($0["kind"]?.stringValue ?? "")" }
        #expect(folds == ["0.0-1.0 comment", "2.0-4.0 ", "6.0-9.0 ", "7.0-8.0 "])

        let found = try #require(client.request("workspace/symbol", .object([("query", .string("ordrs"))]))?["result"]?.arrayValue)
        #expect(found.map { $0["name"]?.stringValue } == ["Orders"])
        #expect(found.first?["location"]?["uri"] == .string(uri))

        // A syntax error: formatting is refused, as `baton fmt` refuses it.
        client.change(uri, version: 2, range: nil, text: "service {")
        let refused = client.request("textDocument/formatting", LSPClient.document(uri))
        #expect(refused?["error"]?["code"] == .int(ErrorCode.requestFailed))
    }

    @Test func codeActionsAnswerWithoutFixesAndCancelledRequestsAreAnswered() throws {
        let directory = try makeTemporaryDirectory()
        let uri = DocumentURI.uri(ofPath: directory.path + "/cycle.baton")
        let client = LSPClient()
        _ = client.initialize(root: directory.path)
        client.open(uri, Self.cycle)
        let actions = client.request("textDocument/codeAction", .object([
            ("textDocument", .object([("uri", .string(uri))])), ("range", range(4, 2, 4, 2).json),
            ("context", .object([("diagnostics", .array([]))])),
        ]))
        #expect(actions?["result"]?.arrayValue != nil)
        // A request for a document that is not open is invalid params, and the server goes on.
        let missing = client.request("textDocument/formatting", LSPClient.document("file:///nowhere.baton"))
        #expect(missing?["error"]?["code"] == .int(ErrorCode.invalidParams))
        #expect(client.request("textDocument/documentSymbol", LSPClient.document(uri))?["result"] != nil)
    }

    @Test func aCancelledRequestStillQueuedIsAnsweredWithRequestCancelled() throws {
        let client = LSPClient()
        _ = client.initialize()
        let uri = "file:///tmp/baton-lsp-cancel/big.baton"
        let text = (0..<20_000).map { "service   P\($0)\n" }.joined()
        client.open(uri, text)
        // Slow requests first, so the last one is still queued when its cancellation arrives.
        let slow = (0..<3).map { _ in client.sendRequest("textDocument/formatting", LSPClient.document(uri)) }
        let cancelled = client.sendRequest("textDocument/documentSymbol", LSPClient.document(uri))
        client.notify("$/cancelRequest", .object([("id", .int(cancelled))]))
        for id in slow { #expect(client.response(id, timeout: 60)?["result"]?.arrayValue?.count == 1) }
        #expect(client.response(cancelled, timeout: 60)?["error"]?["code"] == .int(ErrorCode.requestCancelled))
    }
}
