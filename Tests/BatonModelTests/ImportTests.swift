import BatonModel
import BatonSyntax
import BatonWorkload
import Foundation
import Testing

/// Imports resolved against an in-memory file tree.
@Suite struct ImportTests {
    func compile(_ files: [String: String], root: String = "/repo/designs/main.baton",
                 roots: [String] = []) -> Compilation {
        let tree = files
        let input = SourceInput(displayPath: "designs/main.baton", resolvedPath: root, bytes: Array(tree[root]!.utf8))
        return Compiler.compile(input, options: CompileOptions(importRoots: roots), read: Compiler.reader(tree))
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

    // MARK: - Symbolic links

    /// A fake file system's `canonical`: `links` maps each link's path to its target, for files
    /// and directories alike, followed until no link is left (as `realpath` does).
    static func canonical(_ links: [String: String]) -> Compiler.Canonicalizer {
        let byLength = links.sorted { $0.key.count > $1.key.count }
        return { path in
            var path = PathName.normalize(path)
            for _ in 0..<16 {
                guard let (link, target) = byLength.first(where: { PathName.isInside(path, root: $0.key) }) else { break }
                path = PathName.normalize(target + path.dropFirst(link.count))
            }
            return path
        }
    }

    /// `files` by their real paths; the root is given by the (possibly linked) path the user named.
    func compile(_ files: [String: String], links: [String: String], root: String, display: String) -> Compilation {
        let tree = files
        let canonical = Self.canonical(links)
        let input = SourceInput(displayPath: display, resolvedPath: root, bytes: Array((tree[canonical(root)] ?? "").utf8))
        return Compiler.compile(input, read: Compiler.reader(tree), canonical: canonical)
    }

    @Test func aFileImportedUnderTwoNamesIsLoadedOnce() {
        let compilation = compile([
            "/repo/designs/main.baton": "import \"lib.baton\"\nimport \"alias.baton\"\nimport \"shared/lib.baton\"\nimport \"linked/lib.baton\"\n",
            "/repo/designs/lib.baton": "service Lib\n",
            "/repo/designs/shared/lib.baton": "service Shared\n",
        ], links: [
            "/repo/designs/alias.baton": "/repo/designs/lib.baton",
            "/repo/designs/linked": "/repo/designs/shared",
        ], root: "/repo/designs/main.baton", display: "designs/main.baton")
        #expect(compilation.diagnostics.isEmpty, "\(compilation.diagnostics.map(\.message))")
        #expect(compilation.model.participants.map(\.name) == ["Lib", "Shared"])
        #expect(compilation.sources.files.map(\.path) == ["designs/main.baton", "designs/lib.baton", "designs/shared/lib.baton"])
    }

    @Test func aCycleThroughALinkIsACycle() {
        let compilation = compile([
            "/repo/designs/main.baton": "import \"a.baton\"\n",
            "/repo/designs/a.baton": "import \"entry.baton\"\nservice A\n",
        ], links: ["/repo/designs/entry.baton": "/repo/designs/main.baton"],
           root: "/repo/designs/main.baton", display: "designs/main.baton")
        #expect(compilation.diagnostics.map(\.code) == [CompileError.importCycle])
        #expect(compilation.diagnostics.first?.message == "import cycle: designs/main.baton -> designs/a.baton -> designs/main.baton")
        #expect(compilation.model.participants.map(\.name) == ["A"])
    }

    /// `top.baton` → `designs/main.baton`: the imports are read from `designs/`, confined to
    /// `designs/`, and named from there; the root keeps the name the user gave.
    @Test func aLinkedRootFileImportsFromItsTargetsDirectory() {
        let files = [
            "/work/designs/main.baton": "import \"lib.baton\"\nimport \"../top-level.baton\"\n",
            "/work/designs/lib.baton": "service Lib\nLib -> Ghost : x\n",
            "/work/lib.baton": "service WrongLib\n",
            "/work/top-level.baton": "service TopLevel\n",
        ]
        let compilation = compile(files, links: ["/work/top.baton": "/work/designs/main.baton"],
                                  root: "/work/top.baton", display: "top.baton")
        #expect(compilation.sources.files.map(\.path) == ["top.baton", "designs/lib.baton"])
        #expect(compilation.model.participants.map(\.name) == ["Lib"])
        let found = compilation.diagnostics.map { "\(compilation.sources[$0.span.file].path):\($0.code)" }
        #expect(found == ["top.baton:\(CompileError.importNotFound)", "designs/lib.baton:\(CompileError.undeclaredName)"],
                "the link's own directory is not an import root")
        // Named by an absolute path, the imports are named absolutely too.
        let absolute = compile(files, links: ["/work/top.baton": "/work/designs/main.baton"],
                               root: "/work/top.baton", display: "/work/top.baton")
        #expect(absolute.sources.files.map(\.path) == ["/work/top.baton", "/work/designs/lib.baton"])
    }

    /// A link whose hop cannot be retraced from the name the user gave (its own directory is a
    /// link too) names the imports by their real directory.
    @Test func aLinkBehindALinkedDirectoryNamesImportsByTheirRealDirectory() {
        let compilation = compile([
            "/store/designs/main.baton": "import \"lib.baton\"\n",
            "/store/designs/lib.baton": "service Lib\n",
        ], links: ["/work/view": "/store/links", "/store/links/top.baton": "/store/designs/main.baton"],
           root: "/work/view/top.baton", display: "view/top.baton")
        #expect(compilation.diagnostics.isEmpty, "\(compilation.diagnostics.map(\.message))")
        #expect(compilation.sources.files.map(\.path) == ["view/top.baton", "/store/designs/lib.baton"])
    }

    /// The paths a canonicalizer was asked about, in order.
    final class Questions: @unchecked Sendable {
        private let lock = NSLock()
        private var asked: [String] = []
        var paths: [String] { lock.withLock { asked } }
        func record(_ path: String) { lock.withLock { asked.append(path) } }
    }

    /// Every question costs system calls in proportion to the path's depth, and each import
    /// used to ask about four paths (the target, its directory twice, the importer's
    /// directory): a compilation asks about each path once, however many imports share it.
    @Test func eachPathIsCanonicalizedOncePerCompilation() {
        var files = ["/repo/designs/main.baton": (0..<20).map { "import \"lib/part\($0).baton\"" }.joined(separator: "\n") + "\n"]
        for index in 0..<20 { files["/repo/designs/lib/part\(index).baton"] = "import \"common.baton\"\nservice P\(index)\n" }
        files["/repo/designs/lib/common.baton"] = "service Common\n"
        let questions = Questions()
        let links = Self.canonical([:])
        let input = SourceInput(displayPath: "designs/main.baton", resolvedPath: "/repo/designs/main.baton",
                                bytes: Array((files["/repo/designs/main.baton"] ?? "").utf8))
        let compilation = Compiler.compile(input, read: Compiler.reader(files), canonical: { path in
            questions.record(path)
            return links(path)
        })
        #expect(compilation.diagnostics.isEmpty, "\(compilation.diagnostics.map(\.message))")
        #expect(compilation.model.participants.count == 21)
        let asked = questions.paths
        #expect(asked.count == Set(asked).count, "asked more than once: \(asked.sorted())")
        #expect(asked.count <= 24, "\(asked.count) questions for 22 files in 2 directories")
    }

    /// `normalize` returns a path that needs nothing as it is (a byte scan instead of a split
    /// and a join): for every path, it must give what folding the components gives.
    @Test(arguments: [1, 2, 3] as [UInt64])
    func normalizingMatchesFoldingTheComponents(seed: UInt64) {
        func folded(_ path: String) -> String {
            let isAbsolute = path.hasPrefix("/")
            var parts: [Substring] = []
            for part in path.split(separator: "/", omittingEmptySubsequences: true) {
                if part == "." { continue }
                if part == "..", let last = parts.last, last != ".." {
                    parts.removeLast()
                    continue
                }
                if part == "..", isAbsolute { continue }
                parts.append(part)
            }
            let joined = parts.joined(separator: "/")
            return isAbsolute ? "/" + joined : joined.isEmpty ? "." : joined
        }
        var random = SplitMix64(seed: seed)
        let pieces = ["/", "a", "bc", ".", "..", "...", ".x", "x.", "é"]
        for _ in 0..<3_000 {
            let path = (0..<random.below(8)).map { _ in random.pick(pieces) }.joined()
            #expect(PathName.normalize(path) == folded(path), "\(path)")
        }
        #expect(PathName.normalize("/") == "/")
        #expect(PathName.normalize("") == ".")
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
