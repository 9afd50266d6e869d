import BatonLanguageServer
import BatonModel
import BatonSyntax
import Testing

@Suite struct RenameTests {
    static let catalog = """
        service ↓Orders [timeout=1s]
        queue Replies [dlq=Dead]
        queue Dead
        group Payments { service Cards }
        """
    static let workspace = Workspace([
        "/repo/main.baton": """
            import "lib/catalog.baton"
            service Web
            Web -> ↓Orders : place [reply-to=Replies]
            note over Web, Orders : hello
            """,
        "/repo/other.baton": """
            import "lib/catalog.baton"
            client App
            App -> Orders : buy
            """,
        "/repo/lib/catalog.baton": catalog,
    ])

    /// The files after applying edits, by path.
    func applied(_ files: [FileEdits]) -> [String: String] {
        var result: [String: String] = [:]
        for file in files {
            var bytes = file.source.bytes
            for edit in file.edits.reversed() {
                #expect(edit.span.file == file.source.id)
                bytes.replaceSubrange(edit.span.start..<edit.span.end, with: Array(edit.replacement.utf8))
            }
            result[file.resolvedPath] = String(decoding: bytes, as: UTF8.self)
        }
        return result
    }

    @Test func renameEditsEveryFileAndTheResultCompiles() throws {
        let analysis = Self.workspace.analysis(root: "/repo/main.baton")
        let index = SymbolIndex(analysis)
        let cursor = Self.workspace.cursor("/repo/main.baton", 0, in: analysis)
        let prepared = try #require(Rename.prepare(analysis, index: index, at: cursor))
        #expect(analysis.source(prepared.file).text(of: prepared) == "Orders")
        let result = Rename.rename(analysis, index: index, at: cursor, to: "Shop")
        let edits = try #require(result.edits)
        #expect(edits.count == 3)
        #expect(Set(edits.map(\.span.file)).count == 2)
        let files = applied(Rename.merge([(analysis, edits)]))
        #expect(files["/repo/main.baton"]?.contains("Web -> Shop : place") == true)
        #expect(files["/repo/main.baton"]?.contains("note over Web, Shop") == true)
        #expect(files["/repo/lib/catalog.baton"]?.hasPrefix("service Shop [timeout=1s]") == true)
        var tree = Self.workspace.files.mapValues(\.text)
        for (path, text) in files { tree[path] = text }
        let renamed = Workspace(tree).analysis(root: "/repo/main.baton")
        #expect(!renamed.compilation.hasErrors, "\(renamed.compilation.diagnostics.map(\.message))")
        #expect(renamed.model.participant(named: "Shop") != nil)
    }

    @Test func renameFromAnAttributeValueRenamesTheDeclarationToo() throws {
        let design = Marked("queue Q [dlq=↓Dead]\nqueue Dead\n")
        let edits = try #require(Rename.rename(design.analysis, index: design.index, at: design.cursor(), to: "Graveyard").edits)
        #expect(edits.map { design.text($0.span) } == ["Dead", "Dead"])
        #expect(edits.map(\.span.start) == [13, 25])
    }

    @Test func badNamesAndClashesAreRejected() {
        let analysis = Self.workspace.analysis(root: "/repo/main.baton")
        let index = SymbolIndex(analysis)
        let cursor = Self.workspace.cursor("/repo/main.baton", 0, in: analysis)
        func rejection(_ name: String) -> String? {
            if case .rejected(let message) = Rename.rename(analysis, index: index, at: cursor, to: name) { return message }
            return nil
        }
        #expect(rejection("1abc")?.contains("not a valid name") == true)
        #expect(rejection("a-b")?.contains("not a valid name") == true)
        #expect(rejection("two words")?.contains("not a valid name") == true)
        #expect(rejection("")?.contains("empty") == true)
        #expect(rejection("flow") == "'flow' is a keyword and cannot name a participant")
        #expect(rejection("Web") == "'Web' is already declared: the service at main.baton:2:9")
        #expect(rejection("Dead")?.contains("the queue at lib/catalog.baton:3:7") == true, "\(rejection("Dead") ?? "")")
        #expect(rejection("Payments")?.contains("the group at") == true)
        // Letters beyond ASCII are names; the same name is no change.
        #expect(rejection("Bestellungen_ä") == nil)
        #expect(Rename.rename(analysis, index: index, at: cursor, to: "Orders") == .edits([]))
    }

    @Test func nothingToRenameOnKeywordsOrUndeclaredNames() {
        let design = Marked("↓service A\nA -> ↓Nobody : x\n")
        #expect(Rename.prepare(design.analysis, index: design.index, at: design.cursor(0)) == nil)
        #expect(Rename.prepare(design.analysis, index: design.index, at: design.cursor(1)) == nil)
        #expect(Rename.rename(design.analysis, index: design.index, at: design.cursor(1), to: "B").edits == nil)
    }

    @Test func editsOfSeveralOpenDocumentsMergeByPath() throws {
        let main = Self.workspace.analysis(root: "/repo/main.baton")
        let other = Self.workspace.analysis(root: "/repo/other.baton")
        let target = try #require(Rename.target(main, index: SymbolIndex(main), at: Self.workspace.cursor("/repo/main.baton", 0, in: main)))
        #expect(target.declarationPath == "/repo/lib/catalog.baton")
        let fromMain = try #require(Rename.rename(target, to: "Shop", in: main, index: SymbolIndex(main)).edits)
        let fromOther = try #require(Rename.rename(target, to: "Shop", in: other, index: SymbolIndex(other)).edits)
        // The catalogue has a different FileID in each compilation, and its edit is made once.
        let merged = Rename.merge([(other, fromOther), (main, fromMain)])
        #expect(merged.map(\.resolvedPath) == ["/repo/lib/catalog.baton", "/repo/main.baton", "/repo/other.baton"])
        #expect(merged.map(\.edits.count) == [1, 2, 1])
        let files = applied(merged)
        #expect(files["/repo/other.baton"]?.contains("App -> Shop : buy") == true)
        // The same merge whatever order the analyses come in.
        let reversed = Rename.merge([(main, fromMain), (other, fromOther)])
        #expect(reversed.map(\.resolvedPath) == merged.map(\.resolvedPath))
        #expect(reversed.map { $0.edits.map(\.span.start) } == merged.map { $0.edits.map(\.span.start) })
        // A document that does not include the declaring file gets nothing.
        let unrelated = Workspace(["/x/a.baton": "service Orders\n"]).analysis(root: "/x/a.baton")
        #expect(Rename.rename(target, to: "Shop", in: unrelated, index: SymbolIndex(unrelated)) == .edits([]))
    }
}
