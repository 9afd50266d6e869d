import BatonModel
import BatonSyntax
import Testing

/// Imports resolved against an in-memory file tree.
@Suite struct ImportTests {
    func compile(_ files: [String: String], root: String = "/repo/designs/main.baton",
                 roots: [String] = []) -> Compilation {
        let tree = files
        let input = SourceInput(displayPath: "designs/main.baton", resolvedPath: root, bytes: Array(tree[root]!.utf8))
        return Compiler.compile(input, options: CompileOptions(importRoots: roots)) { path in
            tree[path].map { Array($0.utf8) }
        }
    }

    @Test func importedDeclarationsAreSharedAndMarked() {
        let compilation = compile([
            "/repo/designs/main.baton": "import \"shared/catalog.baton\"\nservice Web\nWeb -> Orders : place\n",
            "/repo/designs/shared/catalog.baton": "service Orders\nqueue Events [overflow=reject]\n",
        ])
        #expect(compilation.diagnostics.isEmpty)
        #expect(compilation.model.participants.map(\.name) == ["Orders", "Events", "Web"])
        #expect(compilation.model.participants.map(\.isImported) == [true, true, false])
        #expect(compilation.sources.files.map(\.path) == ["designs/main.baton", "designs/shared/catalog.baton"])
    }

    @Test func aFileImportedTwiceIsLoadedOnce() {
        let compilation = compile([
            "/repo/designs/main.baton": "import \"a.baton\"\nimport \"b.baton\"\n",
            "/repo/designs/a.baton": "import \"common.baton\"\nservice A\n",
            "/repo/designs/b.baton": "import \"common.baton\"\nservice B\n",
            "/repo/designs/common.baton": "service Common\n",
        ])
        #expect(compilation.diagnostics.isEmpty, "\(compilation.diagnostics.map(\.message))")
        #expect(compilation.model.participants.map(\.name) == ["Common", "A", "B"])
    }

    @Test func cyclesAreReportedWithTheChain() {
        let compilation = compile([
            "/repo/designs/main.baton": "import \"a.baton\"\n",
            "/repo/designs/a.baton": "import \"main.baton\"\n",
        ])
        #expect(compilation.diagnostics.map(\.code) == [CompileError.importCycle])
        #expect(compilation.diagnostics.first?.message == "import cycle: designs/main.baton -> designs/a.baton -> designs/main.baton")
        #expect(compilation.diagnostics.first?.notes.count == 1)
    }

    @Test func missingFilesAndEscapesAreImportNotFound() {
        let compilation = compile([
            "/repo/designs/main.baton": "import \"missing.baton\"\nimport \"../secrets.baton\"\nimport \"/etc/passwd\"\n",
            "/repo/secrets.baton": "service Secret\n",
        ])
        #expect(compilation.diagnostics.map(\.code) == Array(repeating: CompileError.importNotFound, count: 3))
        #expect(compilation.diagnostics[1].message.contains("outside"))
        #expect(compilation.model.participants.isEmpty)
    }

    @Test func importRootsCanBeWidened() {
        let compilation = compile([
            "/repo/designs/main.baton": "import \"../shared.baton\"\nimport \"local.baton\"\n",
            "/repo/shared.baton": "service Shared\n",
            "/repo/designs/local.baton": "service Local\n",
        ], roots: ["/repo/other"])
        // The extra root does not cover /repo itself...
        #expect(compilation.diagnostics.map(\.code) == [CompileError.importNotFound])
        let widened = compile([
            "/repo/designs/main.baton": "import \"../shared.baton\"\nimport \"local.baton\"\n",
            "/repo/shared.baton": "service Shared\n",
            "/repo/designs/local.baton": "service Local\n",
        ], roots: ["/repo/"])
        // ...this one does, and the file's own directory stays allowed.
        #expect(widened.diagnostics.isEmpty)
        #expect(widened.model.participants.map(\.name) == ["Shared", "Local"])
    }

    @Test func errorsInImportedFilesPointIntoThem() {
        let compilation = compile([
            "/repo/designs/main.baton": "import \"bad.baton\"\n",
            "/repo/designs/bad.baton": "service\n",
        ])
        #expect(compilation.diagnostics.count == 1)
        #expect(compilation.diagnostics.first.map { compilation.sources[$0.span.file].path } == "designs/bad.baton")
    }

    @Test func pathArithmetic() {
        #expect(PathName.normalize("a/./b/../c") == "a/c")
        #expect(PathName.normalize("../x/../../y") == "../../y")
        #expect(PathName.normalize("/a/../../b") == "/b")
        #expect(PathName.join("designs", "../x.baton") == "x.baton")
        #expect(PathName.isInside("/repo/designs/x", root: "/repo"))
        #expect(!PathName.isInside("/repository/x", root: "/repo"))
        #expect(!PathName.isInside("../x", root: "."))
        #expect(PathName.stem(of: "dir/card-payments.baton") == "card-payments")
    }
}
