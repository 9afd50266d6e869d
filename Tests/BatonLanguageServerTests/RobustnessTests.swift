import BatonJSON
import BatonLanguageServer
import BatonTestSupport
import Foundation
import Testing

/// The real `baton lsp`, fed what a broken or hostile client sends: it answers with JSON-RPC
/// errors, keeps serving, and ends when its input does.
@Suite struct RobustnessTests {
    @Test func theServerSurvivesBadInputAndExitsWhenStandardInputCloses() throws {
        let client = try LSPClient(executable: ["lsp", "--stdio"])
        // Before initialize: -32002.
        let early = client.request("textDocument/documentSymbol", LSPClient.document("file:///a.baton"))
        #expect(early?["error"]?["code"] == .int(ErrorCode.serverNotInitialized))
        #expect(client.initialize()?["result"]?["capabilities"] != nil)
        // Garbage headers, then a request: still answered.
        client.sendRaw("this is not a header\r\n\r\nnor is this\r\n")
        #expect(client.request("workspace/symbol", .object([("query", .string(""))]))?["result"] == .array([]))
        // Invalid JSON: a parse error with a null id.
        client.sendRaw(MessageWriter.frame(Array("{\"jsonrpc\": ".utf8)))
        let parseError = client.waitFor { $0["error"]?["code"] == .int(ErrorCode.parseError) }
        #expect(parseError?["id"] == .null)
        // Not a request: invalid request.
        client.sendRaw(MessageWriter.frame(Array("[1, 2, 3]".utf8)))
        #expect(client.waitFor { $0["error"]?["code"] == .int(ErrorCode.invalidRequest) } != nil)
        // An unknown method: method not found; bad params: invalid params.
        #expect(client.request("baton/nothing", nil)?["error"]?["code"] == .int(ErrorCode.methodNotFound))
        #expect(client.request("workspace/symbol", .object([]))?["error"]?["code"] == .int(ErrorCode.invalidParams))
        // Notifications with bad params are logged, never answered, never fatal.
        client.notify("textDocument/didOpen", .object([("textDocument", .int(3))]))
        client.notify("textDocument/didChange", .object([("contentChanges", .string("x"))]))
        client.notify("$/cancelRequest", .object([("id", .object([]))]))
        // A second initialize is refused.
        #expect(client.request("initialize", LSPClient.initializeParams())?["error"]?["code"] == .int(ErrorCode.invalidRequest))
        #expect(client.request("workspace/symbol", .object([("query", .string("x"))]))?["result"] == .array([]))
        // The client dies: the server exits (1: no shutdown came).
        client.closeInput()
        #expect(client.exitStatus() == 1)
    }

    @Test func aTruncatedBodyAtTheEndOfInputEndsTheServerCleanly() throws {
        let client = try LSPClient(executable: ["lsp"])
        _ = client.initialize()
        client.sendRaw("Content-Length: 500\r\n\r\n{\"jsonrpc\":\"2.0\",")
        client.closeInput()
        #expect(client.exitStatus() == 1)
    }

    @Test func shutdownThenExitEndsWithZeroAndRequestsAfterShutdownAreRefused() throws {
        let client = try LSPClient(executable: ["lsp"])
        _ = client.initialize()
        #expect(client.request("shutdown", nil)?["result"] == .null)
        #expect(client.request("workspace/symbol", .object([("query", .string(""))]))?["error"]?["code"] == .int(ErrorCode.invalidRequest))
        client.notify("exit", .object([]))
        #expect(client.exitStatus() == 0)
    }

    /// Seeded random sequences of plausible and broken messages against a server in this
    /// process: every request is answered and the server still works afterwards.
    @Test func fuzzedSessionsAreAlwaysAnswered() throws {
        var generator = SeededGenerator(seed: 7)
        let client = LSPClient()
        _ = client.initialize()
        let methods = ["textDocument/didOpen", "textDocument/didChange", "textDocument/didClose", "textDocument/formatting",
                       "textDocument/documentSymbol", "textDocument/foldingRange", "textDocument/codeAction", "workspace/symbol",
                       "$/cancelRequest", "textDocument/hover", "initialized"]
        let values: [JSONValue] = [
            .null, .int(-1), .string("file:///f.baton"), .array([]), .object([]),
            .object([("uri", .string("file:///f.baton")), ("text", .string("service A\nA -> A : x\n")), ("version", .int(2))]),
            .object([("start", Position(line: 0, character: 3).json), ("end", Position(line: 9, character: 0).json)]),
            .array([.object([("range", TextRange(start: Position(line: 0, character: 1), end: Position(line: 0, character: 2)).json),
                             ("text", .string("é\n"))])]),
        ]
        var ids: [Int] = []
        for _ in 0..<300 {
            let method = methods[Int.random(in: 0..<methods.count, using: &generator)]
            var params: [(String, JSONValue)] = []
            for key in ["textDocument", "contentChanges", "range", "query", "context", "id"] where Bool.random(using: &generator) {
                params.append((key, values[Int.random(in: 0..<values.count, using: &generator)]))
            }
            if method.hasPrefix("textDocument/did") || method.hasPrefix("$/") || method == "initialized" {
                client.notify(method, .object(params))
            } else {
                ids.append(client.sendRequest(method, .object(params)))
            }
        }
        for id in ids { #expect(client.response(id) != nil, "request \(id) was not answered") }
        #expect(client.request("workspace/symbol", .object([("query", .string(""))]))?["result"] != nil)
        client.closeInput()
        #expect(client.exitStatus() == 1)
    }
}
