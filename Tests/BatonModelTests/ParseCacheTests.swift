import BatonModel
import BatonSyntax
import BatonWorkload
import Testing

/// A compilation that reuses cached parses equals one made from scratch, edit after edit.
@Suite struct ParseCacheTests {
    static let root = "/repo/designs/main.baton"
    static let start: [String: String] = [
        root: """
            title "Shop"
            import "lib.baton"
            import "channels.baton"
            client Web
            Web -> Orders : place [timeout=2s] {
              Orders -> Stock : reserve [retries=2, backoff=exponential, jitter]
              Orders ->> Events : OrderPlaced
            }
            flow "Refunds" {
              Web -> Orders : refund
            }

            """,
        "/repo/designs/lib.baton": """
            import "channels.baton"
            service Orders [timeout=1s]
            service Stock "Stock keeper" [idempotent]
            Orders -> Stock : check

            """,
        "/repo/designs/channels.baton": """
            queue Events [overflow=reject, dlq=Dead]
            queue Dead [ttl=1h]

            """,
    ]

    /// Pieces an edit inserts: statements, broken statements, imports (which renumber files
    /// and make cycles), comments, blank lines and bytes that are not UTF-8 text.
    static let pieces = [
        "service Extra\n", "Web -> Stock : peek\n", "Orders -> Missing : x\n", "# a comment\n", "\n", "}",
        "{", "import \"lib.baton\"\n", "import \"main.baton\"\n", "import \"channels.baton\"\n", "import \"gone.baton\"\n",
        "[timeout=", "queue Events\n", "loop { Orders -> Stock : again }\n", "title \"Other\"\n", "\u{FF}", "é", " ",
        "note over Web : hi\n", "Web -> Orders : place [retries=unbounded]\n",
    ]

    struct Snapshot: Equatable {
        var diagnostics: [Diagnostic]
        var omitted: [Int]
        var syntax: [SyntaxFile]
        var model: Model
        var paths: [String]
        var resolved: [String]
        var bytes: [[UInt8]]
        var lineStarts: [[Int]]

        init(_ compilation: Compilation) {
            diagnostics = compilation.diagnostics
            omitted = compilation.omittedErrors
            syntax = compilation.syntax
            model = compilation.model
            paths = compilation.sources.files.map(\.path)
            resolved = compilation.resolvedPaths
            bytes = compilation.sources.files.map(\.bytes)
            lineStarts = compilation.sources.files.map(\.lineStarts)
        }
    }

    static func compile(_ files: [String: [UInt8]], cache: inout ParseCache?) -> Compilation {
        let read: Compiler.Reader = { path throws(Compiler.ReadFailure) in
            guard let bytes = files[path] else { throw Compiler.ReadFailure(reason: "No such file or directory") }
            return bytes
        }
        let input = SourceInput(displayPath: "designs/main.baton", resolvedPath: root, bytes: files[root] ?? [])
        guard var used = cache else { return Compiler.compile(input, read: read) }
        defer { cache = used }
        return Compiler.compile(input, read: read, cache: &used)
    }

    @Test(arguments: [1, 2, 3, 4] as [UInt64])
    func cachedCompilationsEqualFreshOnesAfterRandomEdits(seed: UInt64) {
        var random = SplitMix64(seed: seed)
        var files = Self.start.mapValues { Array($0.utf8) }
        let paths = files.keys.sorted()
        var cache: ParseCache? = ParseCache()
        var none: ParseCache?
        for step in 0..<60 {
            // Mostly the root, as in an editor; sometimes an imported file, sometimes none
            // (a compilation with every file unchanged).
            let roll = random.below(10)
            if roll < 9 {
                let path = roll < 5 ? Self.root : paths[random.below(paths.count)]
                var bytes = files[path] ?? []
                let at = random.below(bytes.count + 1)
                if random.chance(0.3), !bytes.isEmpty {
                    let end = min(bytes.count, at + 1 + random.below(12))
                    bytes.removeSubrange(min(at, end)..<end)
                } else {
                    bytes.insert(contentsOf: Array(random.pick(Self.pieces).utf8), at: at)
                }
                files[path] = bytes
            }
            let cached = Snapshot(Self.compile(files, cache: &cache))
            let fresh = Snapshot(Self.compile(files, cache: &none))
            #expect(cached == fresh, "seed \(seed), step \(step)")
            if cached != fresh { return }
        }
        #expect((cache?.reused ?? 0) > 0, "nothing was reused")
    }

    @Test func anUnchangedImportIsReusedAndAChangedOneIsParsedAgain() {
        var files = Self.start.mapValues { Array($0.utf8) }
        var cache: ParseCache? = ParseCache()
        _ = Self.compile(files, cache: &cache)
        #expect(cache?.parsed == 3 && cache?.reused == 0)
        files[Self.root]?.append(contentsOf: Array("# edited\n".utf8))
        _ = Self.compile(files, cache: &cache)
        #expect(cache?.parsed == 4 && cache?.reused == 2, "only the edited root is parsed again")
        files["/repo/designs/channels.baton"]?.append(contentsOf: Array("queue More\n".utf8))
        let compilation = Self.compile(files, cache: &cache)
        #expect(cache?.parsed == 5 && cache?.reused == 4, "only the edited import is parsed again")
        #expect(compilation.model.participants.contains { $0.name == "More" })
    }

    @Test func theCacheKeepsToItsByteLimit() {
        var cache: ParseCache? = ParseCache(byteLimit: 1)
        let files = Self.start.mapValues { Array($0.utf8) }
        _ = Self.compile(files, cache: &cache)
        #expect(cache?.count == 1, "only the file used last stays")
        _ = Self.compile(files, cache: &cache)
        #expect(cache?.count == 1)
    }
}
