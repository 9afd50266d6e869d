import BatonDocs
import BatonJSON
import Testing

@Suite struct PandocFilterTests {
    static let document = """
        {"pandox-extra":true,"pandoc-api-version":[1,23,1],"meta":{"baton-on-error":{"t":"MetaInlines","c":[{"t":"Str","c":"placeholder"}]}},"blocks":[
          {"t":"Para","c":[{"t":"Str","c":"Hello"}]},
          {"t":"BulletList","c":[[{"t":"CodeBlock","c":[["",["baton"],[["flow","Main"]]],"service A\\nservice B\\nA -> B : x"]}]]},
          {"t":"CodeBlock","c":[["",["python"],[]],"print(1)"]},
          {"t":"Unknown","c":{"future":[1.50,2e3]}}
        ]}
        """

    func run(_ format: String, _ text: String = document) throws -> PandocResult {
        let document = try JSONValue.parse(text)
        let options = try PandocFilter.options(from: document, defaults: PandocOptions(imageDirectory: "img", onError: .fail, theme: .light, version: "1"))
        return PandocFilter.run(document, format: format, options: options, render: fakeRenderer)
    }

    @Test func htmlGetsInlineSVGAndEverythingElsePassesThrough() throws {
        let result = try run("html5")
        let blocks = try #require(result.document["blocks"]?.arrayValue)
        let list = try #require(blocks[1]["c"]?.arrayValue?.first?.arrayValue?.first)
        #expect(list["t"] == .string("RawBlock"))
        #expect(list["c"]?.arrayValue?[1].stringValue?.hasPrefix("<div class=\"baton-diagram\"><svg") == true)
        #expect(blocks[2]["t"] == .string("CodeBlock"), "other code blocks stay")
        #expect(blocks[3] == (try JSONValue.parse(#"{"t":"Unknown","c":{"future":[1.50,2e3]}}"#)), "unknown nodes and number spellings survive")
        #expect(result.document["pandoc-api-version"] == (try JSONValue.parse("[1,23,1]")))
        #expect(result.files.isEmpty)
    }

    @Test func otherFormatsGetImageFiles() throws {
        let result = try run("docx")
        #expect(result.files.count == 1)
        #expect(result.files[0].path.hasPrefix("img/baton-"))
        let serialized = result.document.serialized(pretty: false)
        #expect(serialized.contains(#""t":"Image""#))
        #expect(serialized.contains(result.files[0].path))
    }

    @Test func errorsFollowTheMetadataChoice() throws {
        let broken = Self.document.replacingOccurrences(of: "A -> B : x", with: "A -> Nope")
        let placeholder = try run("html", broken)
        #expect(!placeholder.failed)
        #expect(placeholder.document.serialized().contains("baton-error"))
        let failing = try run("html", broken.replacingOccurrences(of: "placeholder", with: "fail"))
        #expect(failing.failed)
        #expect(failing.diagnostics.first?.message.contains("Nope") == true)
    }

    @Test func sourcePositionsMapToMarkdownLines() throws {
        let text = #"{"pandoc-api-version":[1,23,1],"meta":{},"blocks":[{"t":"CodeBlock","c":[["",["baton"],[["data-pos","page.md@7:1-10:4"]]],"service A\nA -> Nope"]}]}"#
        let result = try run("html", text)
        #expect(result.diagnostics.map { "\($0.file):\($0.line):\($0.column)" } == ["page.md:9:6"])
    }

    /// A block is compiled from its own text, numbered from the line `data-pos` names: it used
    /// to be compiled behind one line break per line, so a position of 999999 cost a
    /// million-line compile per block.
    @Test func aDistantSourcePositionCostsNoPadding() throws {
        let text = #"{"pandoc-api-version":[1,23,1],"meta":{},"blocks":[{"t":"CodeBlock","c":[["",["baton"],[["data-pos","page.md@999999:1-999999:4"]]],"service A\nA -> Nope"]}]}"#
        let document = try JSONValue.parse(text)
        let log = RequestLog()
        let result = PandocFilter.run(document, format: "html", options: PandocOptions(imageDirectory: "img", onError: .fail, theme: .light, version: "1"),
                                      render: log.recording(fakeRenderer))
        #expect(log.requests.map(\.input.bytes) == [Array("service A\nA -> Nope".utf8)])
        #expect(log.requests.map(\.input.lineOffset) == [999_999])
        #expect(result.diagnostics.map { "\($0.file):\($0.line):\($0.column)" } == ["page.md:1000001:6"])
        #expect(result.diagnostics.first?.excerpt.text == "A -> Nope")
    }

    /// The metadata's theme applies to every block, so a theme Baton does not have refuses the
    /// document before anything is drawn; a block's own settings fail that block.
    @Test func unknownThemesAndViewsAreRefused() throws {
        let sepia = Self.document.replacingOccurrences(of: #""meta":{"#, with: #""meta":{"baton-theme":{"t":"MetaString","c":"sepia"},"#)
        #expect(throws: DocsSettingError(message: "the metadata field baton-theme asks for an unknown theme 'sepia'", help: "use light or dark")) {
            try self.run("html", sepia)
        }
        let dark = try run("html", sepia.replacingOccurrences(of: "sepia", with: "dark"))
        #expect(dark.document.serialized().contains(#"data-theme=\"dark\""#))
        let sideways = try run("html", Self.document.replacingOccurrences(of: #"[["flow","Main"]]"#, with: #"[["flow","Main"],["view","sideways"]]"#))
        #expect(!sideways.failed, "the metadata asks for placeholders")
        #expect(sideways.document.serialized().contains("unknown view &#39;sideways&#39;; use sequence or graph"))
    }

    /// Whether imports may resolve next to the document `data-pos` names is the caller's
    /// decision (it can compare real paths; a name inside the working directory may be a link
    /// out of it). Without one, imports never resolve there.
    @Test func importsResolveNextToTheNamedDocumentOnlyWhenTheCallerAllows() throws {
        let text = #"{"pandoc-api-version":[1,23,1],"meta":{},"blocks":[{"t":"CodeBlock","c":[["",["baton"],[["data-pos","docs/x.md@1:1-3:1"]]],"service A"]}]}"#
        let document = try JSONValue.parse(text)
        var options = PandocOptions(imageDirectory: "img", onError: .fail, theme: .light, version: "1")
        let untrusted = RequestLog()
        _ = PandocFilter.run(document, format: "html", options: options, render: untrusted.recording(fakeRenderer))
        #expect(untrusted.requests.map(\.input.resolvedPath) == ["<code block 1>"])
        #expect(untrusted.requests.map(\.input.displayPath) == ["docs/x.md"])
        let asked = RequestLog()
        options.importsMayResolveNextTo = { path in
            asked.note(path)
            return path == "docs/x.md"
        }
        let trusted = RequestLog()
        _ = PandocFilter.run(document, format: "html", options: options, render: trusted.recording(fakeRenderer))
        #expect(trusted.requests.map(\.input.resolvedPath) == ["docs/x.md"])
        #expect(asked.notes == ["docs/x.md"])
    }
}

@Suite struct MdBookPreprocessorTests {
    static func input(_ field: String, onFailure: String = "bail") -> String {
        """
        [{"root":"/book","config":{"book":{"src":"src"},"preprocessor":{"baton":{"on-failure":"\(onFailure)"}}},"renderer":"html","mdbook_version":"0.5.0"},
         {"\(field)":[{"Chapter":{"name":"Intro","content":"# Intro\\n\\n```baton\\nservice A\\nservice B\\nA -> B\\n```\\n","number":[1],
           "sub_items":[{"Chapter":{"name":"Deep","content":"```baton\\nservice C\\n```\\n","sub_items":[],"path":"deep.md","source_path":"deep.md","parent_names":["Intro"]}}],
           "path":"intro.md","source_path":"intro.md","parent_names":[]}},"Separator",{"PartTitle":"Part II"}],"__non_exhaustive":null}]
        """
    }

    @Test(arguments: ["sections", "items"])
    func bothBookShapesAreProcessedAndUnknownFieldsKept(field: String) throws {
        let result = try #require(MdBookPreprocessor.run(try JSONValue.parse(Self.input(field)), version: "1", render: fakeRenderer))
        let items = try #require(result.book[field]?.arrayValue)
        let intro = try #require(items[0]["Chapter"])
        #expect(intro["content"]?.stringValue?.contains("<div class=\"baton-diagram\"><svg") == true)
        let deep = try #require(intro["sub_items"]?.arrayValue?.first?["Chapter"])
        #expect(deep["content"]?.stringValue?.contains(">C</svg>") == true)
        #expect(items[1] == .string("Separator"))
        #expect(items[2]["PartTitle"] == .string("Part II"))
        #expect(result.book["__non_exhaustive"] == .null)
        #expect(!result.failed)
    }

    @Test func failuresBailOrContinue() throws {
        let broken = Self.input("items").replacingOccurrences(of: "A -> B", with: "A -> Nope")
        let bail = try #require(MdBookPreprocessor.run(try JSONValue.parse(broken), version: "1", render: fakeRenderer))
        #expect(bail.failed)
        #expect(bail.diagnostics.first.map { "\($0.file):\($0.line)" } == "intro.md:6")
        let keepGoing = try #require(MdBookPreprocessor.run(try JSONValue.parse(broken.replacingOccurrences(of: "\"bail\"", with: "\"continue\"")),
                                                            version: "1", render: fakeRenderer))
        #expect(!keepGoing.failed)
    }

    @Test func anUnknownThemeInBookTomlRefusesTheBook() throws {
        let sepia = Self.input("items").replacingOccurrences(of: #""on-failure":"bail""#, with: #""on-failure":"bail","theme":"sepia""#)
        #expect(throws: DocsSettingError(message: "book.toml's [preprocessor.baton] asks for an unknown theme 'sepia'", help: "use light or dark")) {
            try MdBookPreprocessor.run(try JSONValue.parse(sepia), version: "1", render: fakeRenderer)
        }
        let dark = try #require(try MdBookPreprocessor.run(try JSONValue.parse(sepia.replacingOccurrences(of: "sepia", with: "dark")),
                                                           version: "1", render: fakeRenderer))
        #expect(dark.book.serialized().contains(#"data-theme=\"dark\""#))
    }

    @Test func onlyHTMLIsSupported() {
        #expect(MdBookPreprocessor.supports(renderer: "html"))
        #expect(!MdBookPreprocessor.supports(renderer: "latex"))
    }
}
