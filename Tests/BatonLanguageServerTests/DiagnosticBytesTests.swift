import Baton
import BatonJSON
@testable import BatonLanguageServer
import BatonModel
import BatonSyntax
import BatonTestSupport
import BatonWorkload
import Foundation
import Testing

/// The diagnostics notification is written straight to bytes (`DiagnosticMapping.lists`): it
/// must be byte for byte what serialising the `JSONValue`s of `DiagnosticMapping.json(_:)` gives,
/// whatever the diagnostics carry and in either position encoding.
@Suite struct DiagnosticBytesTests {
    /// A design and an import, with non-ASCII text (two-byte, three-byte and four-byte
    /// characters: a surrogate pair in UTF-16) before and inside the places diagnostics point at.
    static let main = """
        title "Bestellung ✓"
        import "lib.baton"
        client Käufer "Käufer 😀"
        Käufer -> Orders : bestellen 😀 [timeout=2s] {
          Orders -> Stock : reserve [retries=2]
          Orders ->> Events : OrderPlaced ✓
        }

        """
    static let lib = """
        service Orders [timeout=1s]
        service Stock "Stock 😀 keeper" [idempotent]
        queue Events
        Orders -> Stock : check

        """

    static func compilation() throws -> (Compilation, [String]) {
        let temporary = try makeTemporaryDirectory(["main.baton": main, "lib.baton": lib])
        let directory = FileReader.canonical(temporary.path)
        let compilation = Compiler.compile(
            SourceInput(displayPath: "main.baton", resolvedPath: directory + "/main.baton", bytes: Array(main.utf8)),
            options: CompileOptions(importRoots: [directory]), read: FileReader.readImport, canonical: { FileReader.canonical($0) })
        return (compilation, compilation.resolvedPaths.map { DocumentURI.uri(ofPath: $0) })
    }

    /// Diagnostics made by hand on top of the design's own: every optional member, texts that
    /// need escaping (quotes, backslashes, line breaks, controls, C1 controls, bidi overrides),
    /// notes with and without places (in the other file too, and past the files), spans that
    /// start or end inside a character, and a list out of source order.
    static func handMade(_ compilation: Compilation) -> [Diagnostic] {
        let mainLength = compilation.sources[FileID(0)].bytes.count
        let libLength = compilation.sources[FileID(1)].bytes.count
        return [
            Diagnostic(code: "fan-out", severity: .info, message: "say \"hi\" \\ back\nthen\ttab \u{1}\u{7F}\u{85}\u{202E}é😀",
                       span: Span(file: FileID(0), start: 60, end: 75),
                       notes: [.init("in the library \"x\"", at: Span(file: FileID(1), start: 8, end: libLength)),
                               .init("no place 😀"), .init("past the files", at: Span(file: FileID(7), start: 0, end: 1)),
                               .init("here", at: Span(file: FileID(0), start: 3, end: 4))],
                       help: "do \"this\"",
                       fixes: [Fix("a \"fix\" ✓", safety: .safe, edits: []), Fix("another", safety: .unsafe, edits: [])]),
            Diagnostic(code: "no-such-code", severity: .error, message: "plain", span: Span(file: FileID(0), start: 0, end: mainLength)),
            Diagnostic(code: "missing-timeout", severity: .warning, message: "inside a character",
                       span: Span(file: FileID(0), start: 59, end: 200)),
            Diagnostic(code: "missing-timeout", severity: .warning, message: "in the library", span: Span(file: FileID(1), start: 2, end: 30)),
            Diagnostic(code: "syntax", severity: .error, message: "at the end", span: Span(file: FileID(0), start: mainLength, end: mainLength)),
        ]
    }

    static func expectSameBytes(_ diagnostics: [Diagnostic], _ compilation: Compilation, uris: [String],
                                encoding: PositionEncoding) {
        var old = DiagnosticMapping(compilation: compilation, encoding: encoding) { uris[$0.rawValue] }
        var new = DiagnosticMapping(compilation: compilation, encoding: encoding) { uris[$0.rawValue] }
        let values = old.byFile(diagnostics)
        let lists = new.lists(diagnostics)
        #expect(values.map(\.file) == lists.map(\.file))
        for (value, list) in zip(values, lists) {
            // Compared as text, so that a failure shows where they differ.
            let expected = JSONValue.array(value.diagnostics).serialized(pretty: false)
            #expect("[" + String(decoding: list.diagnostics.bytes, as: UTF8.self) + "]" == expected)
            #expect(list.diagnostics.count == value.diagnostics.count)
            for (index, element) in value.diagnostics.enumerated() {
                #expect(String(decoding: list.diagnostics.element(index), as: UTF8.self) == element.serialized(pretty: false))
            }
            // The notification around it: what `RPC.notification` of the same values gives.
            let uri = uris[value.file.rawValue]
            for version in [nil, 7] as [Int?] {
                var params: [(String, JSONValue)] = [("uri", .string(uri))]
                if let version { params.append(("version", .int(version))) }
                params.append(("diagnostics", .array(value.diagnostics)))
                let notification = RPC.notification("textDocument/publishDiagnostics", .object(params))
                #expect(String(decoding: list.diagnostics.notification(uri: uri, version: version).flatMap { $0 }, as: UTF8.self)
                        == notification.serialized(pretty: false))
            }
        }
    }

    @Test(arguments: [PositionEncoding.utf16, .utf8])
    func listsAreTheBytesOfTheValues(encoding: PositionEncoding) throws {
        let (compilation, uris) = try Self.compilation()
        #expect(compilation.sources.files.count == 2)
        let checked = Analysis(compilation: compilation).diagnostics
        #expect(!checked.isEmpty)
        Self.expectSameBytes(checked, compilation, uris: uris, encoding: encoding)
        Self.expectSameBytes(checked + Self.handMade(compilation), compilation, uris: uris, encoding: encoding)
        Self.expectSameBytes([], compilation, uris: uris, encoding: encoding)
    }

    @Test func samplesWriteTheSameBytes() throws {
        let samples = TestDesigns.packageRoot.appendingPathComponent("samples")
        let names = try FileManager.default.contentsOfDirectory(atPath: samples.path).filter { $0.hasSuffix(".baton") }.sorted()
        #expect(names.count > 5)
        for name in names {
            let compilation = Baton.compile(bytes: try Array(Data(contentsOf: samples.appendingPathComponent(name))),
                                            displayPath: samples.appendingPathComponent(name).path)
            let uris = compilation.resolvedPaths.map { DocumentURI.uri(ofPath: $0) }
            Self.expectSameBytes(Analysis(compilation: compilation).diagnostics, compilation, uris: uris, encoding: .utf16)
        }
    }

    /// Strings made of the characters escaping treats apart, at random.
    @Test func stringsAreEscapedAsTheValuesEscapeThem() {
        let pieces = ["a", "plain text ", "\"", "\\", "\n", "\r", "\t", "\u{8}", "\u{C}", "\u{1}", "\u{1F}", "\u{7F}", "\u{80}",
                      "\u{85}", "\u{9F}", "\u{A0}", "é", "\u{61C}", "\u{200E}", "\u{2028}", "\u{202E}", "\u{2066}", "\u{2069}",
                      "\u{2070}", "✓", "😀", "12345678"]
        var random = SplitMix64(seed: 17)
        for _ in 0..<2_000 {
            let count = Int(random.next() % 12)
            let text = (0..<count).map { _ in pieces[Int(random.next() % UInt64(pieces.count))] }.joined()
            var bytes = JSONBytes()
            bytes.string(text)
            #expect(String(decoding: bytes.bytes, as: UTF8.self) == JSONValue.string(text).serialized(pretty: false))
            // Continuing a string is writing the concatenation.
            var continued = JSONBytes()
            continued.string(text)
            continued.continueString("\\nhelp: ", text)
            #expect(String(decoding: continued.bytes, as: UTF8.self) == JSONValue.string(text + "\nhelp: " + text).serialized(pretty: false))
        }
    }

    /// The cursor gives what `LineIndex.position` gives, for offsets in order, in reverse, and
    /// at random, in text with multi-byte characters, invalid bytes and `\r\n` line ends.
    @Test(arguments: [PositionEncoding.utf16, .utf8])
    func cursorsAgreeWithTheLineIndex(encoding: PositionEncoding) {
        let pieces: [[UInt8]] = [Array("ab".utf8), Array("é".utf8), Array("✓".utf8), Array("😀".utf8), [0xFF], [0xE2, 0x9C],
                                 [0x0A], [0x0D, 0x0A], Array(" \n".utf8)]
        var random = SplitMix64(seed: 5)
        for _ in 0..<50 {
            let bytes = (0..<Int(random.next() % 60)).flatMap { _ in pieces[Int(random.next() % UInt64(pieces.count))] }
            let index = LineIndex(bytes: bytes)
            let offsets = (0..<40).map { _ in Int(random.next() % UInt64(bytes.count + 3)) - 1 }
            for order in [offsets.sorted(), offsets.sorted().reversed(), offsets] {
                var cursor = PositionCursor(index, encoding: encoding)
                for offset in order {
                    #expect(cursor.position(of: offset) == index.position(of: offset, encoding: encoding))
                }
            }
        }
    }
}

/// What is published after each analysis, on lists of bytes.
@Suite struct DiagnosticPublisherTests {
    static func list(_ elements: [String]) -> DiagnosticList {
        var list = DiagnosticList()
        for element in elements { list.append(element: Array(element.utf8)) }
        return list
    }

    static func texts(_ sent: [(uri: String, diagnostics: DiagnosticList)]) -> [String] {
        sent.map { $0.uri + " " + String(decoding: $0.diagnostics.bytes, as: UTF8.self) }
    }

    @Test func listsMergeWithoutDuplicatesAndUnchangedImportsAreNotSentAgain() {
        var publisher = DiagnosticPublisher()
        // The root's own list is always sent, with an import's.
        #expect(Self.texts(publisher.update(root: "a", files: ["a": Self.list(["1"]), "lib": Self.list(["x", "y"])]))
                == ["a 1", "lib x,y"])
        // The same again: the root's list is sent (the client waits for its version), the
        // import's unchanged one is not.
        #expect(Self.texts(publisher.update(root: "a", files: ["a": Self.list(["1"]), "lib": Self.list(["x", "y"])])) == ["a 1"])
        // A second document reports on the import too: the union, in root order, once each.
        #expect(Self.texts(publisher.update(root: "b", files: ["lib": Self.list(["y", "z"])])) == ["b ", "lib x,y,z"])
        // The first one's problems in the import go away: what the second says is left.
        #expect(Self.texts(publisher.update(root: "a", files: ["a": Self.list(["1"])])) == ["a 1", "lib y,z"])
        // Closing the second clears the import.
        #expect(Self.texts(publisher.remove(root: "b")) == ["lib "])
        #expect(Self.texts(publisher.remove(root: "b")).isEmpty)
    }

    @Test func elementsAndAppendingKeepTheirBoundaries() {
        var list = Self.list(["{\"a\":1}", "[]"])
        list.append(contentsOf: Self.list(["\"x,y\""]))
        #expect(list.count == 3)
        #expect(list.elements.map { String(decoding: $0, as: UTF8.self) } == ["{\"a\":1}", "[]", "\"x,y\""])
        #expect(String(decoding: list.bytes, as: UTF8.self) == "{\"a\":1},[],\"x,y\"")
        var empty = DiagnosticList()
        empty.append(contentsOf: list)
        #expect(empty == list)
    }
}
