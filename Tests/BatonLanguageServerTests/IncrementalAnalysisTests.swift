import Baton
import BatonJSON
import BatonLanguageServer
import BatonModel
import BatonSyntax
import BatonTestSupport
import BatonWorkload
import Foundation
import Testing

/// The server reuses the parse of every file that did not change since it was last compiled.
/// Whatever it reused, what it publishes after an edit is what a check from scratch of the
/// same texts says.
@Suite struct IncrementalAnalysisTests {
    static let main = """
        title "Shop"
        import "lib.baton"
        client Web
        Web -> Orders : place [timeout=2s] {
          Orders -> Stock : reserve [retries=2]
          Orders ->> Events : OrderPlaced
        }

        """
    static let lib = """
        import "channels.baton"
        service Orders [timeout=1s]
        service Stock "Stock keeper" [idempotent]
        Orders -> Stock : check

        """
    static let channels = "queue Events [overflow=reject, dlq=Dead]\nqueue Dead [ttl=1h]\n"

    /// What an edit inserts: statements, broken ones, imports, comments, stray characters.
    static let pieces = [
        "service Extra\n", "Web -> Stock : peek\n", "Orders -> Missing : x\n", "# a comment\n", "\n", "}", "{",
        "import \"channels.baton\"\n", "import \"gone.baton\"\n", "[timeout=", "queue Events\n",
        "loop { Orders -> Stock : again [retries=3] }\n", "é", " ", "Web -> Orders : place [retries=unbounded]\n",
        "# baton:ignore missing-timeout\n",
    ]

    /// A check from scratch of `main` as the server makes one: open buffers first, then disk.
    static func fromScratch(directory: String, buffers: [String: [UInt8]], uris: [String: String]) -> [JSONValue] {
        let mainPath = directory + "/main.baton"
        let read: Compiler.Reader = { path throws(Compiler.ReadFailure) in
            if let bytes = buffers[path] { return bytes }
            return try FileReader.readImport(path)
        }
        let input = SourceInput(displayPath: "main.baton", resolvedPath: mainPath, bytes: buffers[mainPath] ?? [])
        let compilation = Compiler.compile(input, options: CompileOptions(importRoots: [directory]), read: read,
                                           canonical: { FileReader.canonical($0) })
        let analysis = Analysis(compilation: compilation)
        let paths = compilation.resolvedPaths
        var mapping = DiagnosticMapping(compilation: compilation, encoding: .utf16) { file in
            uris[paths[file.rawValue]] ?? DocumentURI.uri(ofPath: paths[file.rawValue])
        }
        return mapping.byFile(analysis.diagnostics).first { $0.file == FileID(0) }?.diagnostics ?? []
    }

    @Test(arguments: [7, 8] as [UInt64])
    func publishedDiagnosticsEqualAFreshCheckAfterRandomEdits(seed: UInt64) throws {
        let temporary = try makeTemporaryDirectory([
            "main.baton": Self.main, "lib.baton": Self.lib, "channels.baton": Self.channels,
        ])
        let directory = FileReader.canonical(temporary.path)
        let paths = ["main", "lib", "channels"].map { directory + "/\($0).baton" }
        var uris: [String: String] = [:]
        for path in paths { uris[path] = DocumentURI.uri(ofPath: path) }
        let mainURI = DocumentURI.uri(ofPath: paths[0])
        var texts = [paths[0]: Array(Self.main.utf8), paths[1]: Array(Self.lib.utf8), paths[2]: Array(Self.channels.utf8)]
        var versions = [paths[0]: 1, paths[1]: 1]

        let client = LSPClient(debounce: 0.01)
        _ = client.initialize(root: directory)
        client.open(mainURI, Self.main)
        client.open(uris[paths[1]] ?? "", Self.lib)
        _ = try #require(client.diagnostics(for: mainURI, version: 1))

        var random = SplitMix64(seed: seed)
        for step in 0..<24 {
            // The document itself most often; its open import; a closed import on disk.
            let roll = random.below(10)
            let path = roll < 5 ? paths[0] : roll < 8 ? paths[1] : paths[2]
            var bytes = texts[path] ?? []
            let at = random.below(bytes.count + 1)
            if random.chance(0.3), !bytes.isEmpty {
                bytes.removeSubrange(at..<min(bytes.count, at + 1 + random.below(10)))
            } else {
                bytes.insert(contentsOf: Array(random.pick(Self.pieces).utf8), at: at)
            }
            // Whole UTF-8 characters only: an edit from an editor never splits one.
            bytes = Array(String(decoding: bytes, as: UTF8.self).utf8) as [UInt8]
            texts[path] = bytes
            let text = String(decoding: bytes, as: UTF8.self)
            if path == paths[2] {
                try text.write(toFile: path, atomically: true, encoding: .utf8)
                client.notify("workspace/didChangeWatchedFiles", .object([("changes", .array([]))]))
            } else {
                versions[path, default: 1] += 1
                client.change(uris[path] ?? "", version: versions[path] ?? 1, range: nil, text: text)
            }
            // A new version of the document after every edit, so its diagnostics after this
            // edit are told apart from earlier ones.
            if path != paths[0] {
                versions[paths[0], default: 1] += 1
                client.change(mainURI, version: versions[paths[0]] ?? 1, range: nil, text: String(decoding: texts[paths[0]] ?? [], as: UTF8.self))
            }
            let published = try #require(client.diagnostics(for: mainURI, version: versions[paths[0]]), "seed \(seed), step \(step)")
            var buffers = texts
            buffers.removeValue(forKey: paths[2])
            let expected = Self.fromScratch(directory: directory, buffers: buffers, uris: uris)
            #expect(published == expected, "seed \(seed), step \(step): \(path) edited")
            if published != expected { return }
        }
    }
}
