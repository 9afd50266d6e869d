import BatonJSON
import BatonLanguageServer
import BatonTestSupport
import Foundation
import Testing

/// The questions about a place, through the protocol: hover, definition, references, rename and
/// completion as an editor asks them.
@Suite struct QueryMethodTests {
    func position(_ line: Int, _ character: Int) -> JSONValue {
        .object([("line", .int(line)), ("character", .int(character))])
    }

    func params(_ uri: String, _ line: Int, _ character: Int, _ extra: [(String, JSONValue)] = []) -> JSONValue {
        .object([("textDocument", .object([("uri", .string(uri))])), ("position", position(line, character))] + extra)
    }

    @Test func hoverDefinitionReferencesAndRenameAnswerThroughTheProtocol() throws {
        let directory = try makeTemporaryDirectory(["lib.baton": "store Ledger [availability=99.95%]\n"])
        let main = DocumentURI.uri(ofPath: directory.path + "/main.baton")
        let lib = DocumentURI.uri(ofPath: directory.path + "/lib.baton")
        let client = LSPClient()
        let initialized = client.initialize(root: directory.path)
        let capabilities = initialized?["result"]?["capabilities"]
        for capability in ["hoverProvider", "definitionProvider", "referencesProvider", "renameProvider", "completionProvider"] {
            #expect(capabilities?[capability] != nil, "\(capability) is not announced")
        }
        client.open(main, "import \"lib.baton\"\nservice Billing [timeout=1s]\nBilling -> Ledger : post [timeout=500ms]\n")
        _ = client.diagnostics(for: main, version: 1)

        let hover = try #require(client.request("textDocument/hover", params(main, 2, 12))?["result"])
        let markdown = try #require(hover["contents"]?["value"]?.stringValue)
        #expect(markdown.contains("99.95%"))
        #expect(hover["range"] == range(2, 11, 2, 17).json)

        let definition = try #require(client.request("textDocument/definition", params(main, 2, 12))?["result"]?.arrayValue)
        #expect(definition.map { $0["uri"] } == [.string(lib)])
        #expect(definition.first?["range"] == range(0, 6, 0, 12).json)

        let references = try #require(client.request("textDocument/references",
                                                     params(main, 2, 12, [("context", .object([("includeDeclaration", .bool(true))]))]))?["result"]?.arrayValue)
        #expect(Set(references.compactMap { $0["uri"]?.stringValue }) == [main, lib])

        let prepared = client.request("textDocument/prepareRename", params(main, 2, 12))?["result"]
        #expect(prepared == range(2, 11, 2, 17).json)
        let renamed = try #require(client.request("textDocument/rename", params(main, 2, 12, [("newName", .string("Books"))]))?["result"])
        let changes = try #require(renamed["changes"]?.objectValue)
        #expect(changes.map(\.0).sorted() == [lib, main].sorted())
        let clash = client.request("textDocument/rename", params(main, 2, 12, [("newName", .string("Billing"))]))
        #expect(clash?["error"]?["code"] == .int(-32803), "a clash is refused")
        let keyword = client.request("textDocument/rename", params(main, 2, 12, [("newName", .string("flow"))]))
        #expect(keyword?["error"] != nil, "a keyword is refused")
    }

    @Test func completionOfManyNamesIsCappedAndFilteredByWhatIsTyped() throws {
        let directory = try makeTemporaryDirectory()
        let uri = DocumentURI.uri(ofPath: directory.path + "/many.baton")
        let client = LSPClient()
        _ = client.initialize(root: directory.path)
        let names = (0..<1200).map { "service S\($0)" }.joined(separator: "\n")
        client.open(uri, names + "\nS11")
        _ = client.diagnostics(for: uri, version: 1)
        let answer = try #require(client.request("textDocument/completion", params(uri, 1200, 3))?["result"])
        #expect(answer["isIncomplete"] == .bool(true))
        let labels = try #require(answer["items"]?.arrayValue).compactMap { $0["label"]?.stringValue }
        let offeredNames = labels.filter { $0.hasPrefix("S") && $0.dropFirst().allSatisfy(\.isNumber) }
        // S11, S110…S119 and S1100…S1199: every name that starts with what is typed, and no other.
        #expect(offeredNames.count == 111)
        #expect(offeredNames.allSatisfy { $0.hasPrefix("S11") })
        #expect(labels.contains("flow"), "keywords are always offered")
    }
}
