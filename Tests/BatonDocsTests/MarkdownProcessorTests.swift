import BatonDocs
import BatonRender
import BatonTestSupport
import Testing

@Suite struct MarkdownProcessorTests {
    static let document = """
        # Checkout

        Some text.

        ```baton flow="Main" alt="The checkout"
        service Shop
        service Stripe
        Shop -> Stripe : pay
        ```

        - a list item

          ~~~baton
          service A
          ~~~

        ```swift
        let x = 1
        ```

        """

    func process(_ text: String, _ options: MarkdownOptions) -> MarkdownResult {
        MarkdownProcessor.process(Array(text.utf8), displayPath: "docs/page.md", resolvedPath: "/r/docs/page.md",
                                  options: options, render: fakeRenderer)
    }

    @Test func findsOnlyBatonFencesWithTheirOptionsAndIndentation() {
        let fences = MarkdownFences.find(in: Array(Self.document.utf8))
        #expect(fences.count == 2)
        #expect(fences[0].line == 5)
        #expect(fences[0].option("flow") == "Main")
        #expect(fences[0].option("alt") == "The checkout")
        #expect(fences[1].indent == 2)
    }

    @Test func imagesModeWritesLightAndDarkFilesNamedByContent() {
        let result = process(Self.document, MarkdownOptions(output: .images(directory: "out/img", linkPrefix: "img"), version: "1"))
        #expect(!result.failed)
        #expect(result.files.count == 4)
        let names = result.files.map(\.path)
        #expect(names.allSatisfy { $0.hasPrefix("out/img/baton-") && $0.hasSuffix(".svg") })
        #expect(names[1] == names[0].replacingOccurrences(of: ".svg", with: "-dark.svg"))
        #expect(result.files[1].contents.contains("data-theme=\"dark\""))
        #expect(result.text.contains("<source media=\"(prefers-color-scheme: dark)\" srcset=\"img/baton-"))
        #expect(result.text.contains("<img alt=\"The checkout\" src=\"img/baton-"))
        #expect(!result.text.contains("```baton"))
        #expect(result.text.contains("```swift"), "other fences are untouched")
        // The indented fence's replacement keeps the list indentation, with no blank lines.
        #expect(result.text.contains("\n  <picture>\n  <source"))
    }

    @Test func theSameSourceAndOptionsGiveTheSameNameAndAnyChangeANewOne() {
        let options = MarkdownOptions(output: .images(directory: "d", linkPrefix: "d"), version: "1")
        let first = process(Self.document, options).files.map(\.path)
        let again = process("intro\n\n" + Self.document, options).files.map(\.path)
        #expect(first == again, "moving a fence does not rename its picture")
        let edited = process(Self.document.replacingOccurrences(of: "pay", with: "charge"), options).files.map(\.path)
        #expect(edited[0] != first[0])
        #expect(edited[2] == first[2])
        let newVersion = process(Self.document, MarkdownOptions(output: .images(directory: "d", linkPrefix: "d"), version: "2")).files
        #expect(newVersion[0].path != first[0])
    }

    @Test func inlineModeEmbedsTheSVGWithoutBlankLines() {
        let result = process(Self.document, MarkdownOptions(output: .inline, version: "1"))
        #expect(result.files.isEmpty)
        #expect(result.text.contains("<div class=\"baton-diagram\"><svg id=\"b"))
        #expect(result.text.contains("data-flow=\"Main\""))
    }

    @Test func errorsPointAtTheMarkdownLine() {
        let broken = "Intro\n\n```baton\nservice A\nA -> Missing\n```\n"
        let result = process(broken, MarkdownOptions(output: .inline, version: "1"))
        #expect(result.failed)
        #expect(result.diagnostics.map { "\($0.file):\($0.line):\($0.column)" } == ["docs/page.md:5:6"])
        #expect(result.text == broken, "a failed fence stays as it was")
    }

    @Test func placeholderModePutsAnEscapedErrorBoxInThePage() {
        let broken = "```baton\n<script> -> x\n```\n"
        let result = process(broken, MarkdownOptions(output: .inline, onError: .placeholder, version: "1"))
        #expect(!result.failed)
        #expect(result.text.contains("<pre class=\"baton-error\" role=\"alert\">"))
        #expect(!result.text.contains("<script>"))
    }

    @Test func inPlaceModeKeepsTheFenceAndRefreshesItsPicture() {
        let options = MarkdownOptions(output: .images(directory: "img", linkPrefix: "img"), inPlace: true, version: "1")
        let once = process(Self.document, options)
        #expect(once.text.contains("```baton flow=\"Main\""))
        #expect(once.text.contains("<!-- baton:generated"))
        let twice = process(once.text, options)
        #expect(twice.text == once.text, "refreshing is idempotent")
        let edited = process(once.text.replacingOccurrences(of: "Shop -> Stripe : pay", with: "Shop -> Stripe : charge"), options)
        #expect(edited.text.components(separatedBy: "<!-- baton:generated").count == 3, "one block per fence, old one replaced")
        #expect(edited.files[0].path != once.files[0].path)
    }

    @Test func aGraphFenceTakesADirectionThatNamesItsPicture() {
        let options = MarkdownOptions(output: .images(directory: "d", linkPrefix: "d"), version: "1")
        let fence = "```baton view=graph\nservice A\n```\n"
        let plain = process(fence, options)
        let down = process(fence.replacingOccurrences(of: "view=graph", with: "view=graph direction=TB"), options)
        #expect(down.diagnostics.isEmpty)
        #expect(down.files.first?.contents.contains("data-direction=\"TB\"") == true)
        #expect(plain.files.first?.contents.contains("data-direction=\"\"") == true)
        #expect(down.files.first?.path != plain.files.first?.path)
        // `auto` asks for what no direction asks for: the graph view chooses, and the picture's
        // name is the same.
        let chosen = process(fence.replacingOccurrences(of: "view=graph", with: "view=graph direction=auto"), options)
        #expect(chosen.diagnostics.isEmpty)
        #expect(chosen.files.first?.path == plain.files.first?.path)
        #expect(chosen.files.first?.contents == plain.files.first?.contents)
    }

    /// An unclosed Baton fence is an error at its opening line in every mode, even with
    /// placeholders, and the document comes back untouched: in place, a generated block after
    /// it would be inside the fence and break the next run.
    @Test(arguments: [
        MarkdownOptions(output: .images(directory: "img", linkPrefix: "img"), inPlace: true, version: "1"),
        MarkdownOptions(output: .images(directory: "img", linkPrefix: "img"), version: "1"),
        MarkdownOptions(output: .inline, onError: .placeholder, version: "1"),
    ])
    func anUnclosedBatonFenceIsAnErrorAndChangesNothing(_ options: MarkdownOptions) {
        let document = "# Title\n\n```baton\nservice A\n```\n\nText.\n\n  ~~~~baton\n  service B\n  ~~~\nMore text.\n"
        let result = process(document, options)
        #expect(result.failed)
        #expect(result.files.isEmpty)
        #expect(result.text == document)
        #expect(result.diagnostics.map { "\($0.file):\($0.line):\($0.column): \($0.severity.rawValue)[\($0.code)]" }
                    == ["docs/page.md:9:3: error[unclosed-fence]"])
        #expect(result.diagnostics.first?.message.hasPrefix("unclosed fence at line 9") == true)
        #expect(result.diagnostics.first?.help?.contains("~~~~") == true)
    }

    /// An unclosed fence of another language is legal CommonMark: it runs to the end of the
    /// document, so nothing after it is a Baton fence and nothing is inserted into it.
    @Test func anUnclosedFenceOfAnotherLanguageHidesTheRestOfTheDocument() throws {
        let document = "```baton\nservice A\n```\n\n```python\nprint(1)\n```baton\nservice B\n```\n"
        let options = MarkdownOptions(output: .images(directory: "img", linkPrefix: "img"), inPlace: true, version: "1")
        let result = process(document, options)
        #expect(!result.failed)
        #expect(result.diagnostics.isEmpty)
        #expect(result.diagramCount == 1)
        let python = try #require(result.text.range(of: "```python"))
        #expect(!result.text[python.upperBound...].contains("baton:generated"), "nothing generated inside the python block")
        #expect(process(result.text, options).text == result.text, "and the next run agrees")
    }

    /// A fence's settings reach the renderer as the render stage's own values: a word Baton does
    /// not know fails that fence, at its opening line, without drawing anything.
    @Test(arguments: [
        ("view=sideways", "unknown view 'sideways'; use sequence or graph"),
        ("view=simulation", "a page cannot draw the simulation view (it runs the design); use sequence or graph, "
            + "or include the chart of 'baton simulate --chart' as an image"),
        ("theme=sepia", "unknown theme 'sepia'; use light or dark"),
        ("view=graph direction=sideways", "unknown direction 'sideways'; use auto or LR or TB"),
    ])
    func unknownSettingWordsFailTheFence(_ settings: String, _ message: String) {
        let log = RequestLog()
        let result = MarkdownProcessor.process(Array("Intro\n\n```baton \(settings)\nservice A\n```\n".utf8), displayPath: "docs/page.md",
                                               resolvedPath: "/r/docs/page.md", options: MarkdownOptions(output: .inline, version: "1"),
                                               render: log.recording(fakeRenderer))
        #expect(result.failed)
        #expect(log.requests.isEmpty)
        #expect(result.diagnostics.map { "\($0.file):\($0.line):\($0.column): \($0.code): \($0.message)" }
                    == ["docs/page.md:3:1: render: \(message)"])
    }

    /// Image mode draws both themes, so a fence's theme is not read there (as before).
    @Test func imageModeIgnoresAFenceTheme() {
        let result = process("```baton theme=sepia\nservice A\n```\n", MarkdownOptions(output: .images(directory: "d", linkPrefix: "d"), version: "1"))
        #expect(!result.failed)
        #expect(result.files.count == 2)
    }

    @Test func unknownFenceOptionsAreWarnedAbout() {
        let result = process("```baton flw=Main\nservice A\n```\n", MarkdownOptions(output: .inline, version: "1"))
        #expect(result.diagnostics.map(\.severity) == [.warning])
        #expect(result.diagnostics.first?.help == "did you mean 'flow'?")
    }

    // MARK: - Generated blocks that lost their end marker

    static let start = "<!-- baton:generated (do not edit: run baton markdown --in-place to refresh) -->"
    static let end = "<!-- /baton:generated -->"
    static let inPlaceModes = [
        MarkdownOptions(output: .images(directory: "img", linkPrefix: "img"), inPlace: true, version: "1"),
        MarkdownOptions(output: .inline, onError: .placeholder, inPlace: true, version: "1"),
    ]

    func expectRefused(_ document: String, at line: Int, column: Int = 1, _ options: MarkdownOptions,
                       sourceLocation: SourceLocation = #_sourceLocation) {
        let result = process(document, options)
        #expect(result.failed, sourceLocation: sourceLocation)
        #expect(result.files.isEmpty, sourceLocation: sourceLocation)
        #expect(result.text == document, "the document comes back untouched", sourceLocation: sourceLocation)
        #expect(result.diagnostics.map { "\($0.file):\($0.line):\($0.column): \($0.severity.rawValue)[\($0.code)]" }
                    == ["docs/page.md:\(line):\(column): error[unclosed-generated-block]"], sourceLocation: sourceLocation)
        #expect(result.diagnostics.first?.excerpt.text.contains("baton:generated") == true, sourceLocation: sourceLocation)
        #expect(result.diagnostics.first?.help?.contains(Self.end) == true, sourceLocation: sourceLocation)
    }

    /// The end marker deleted and another Baton fence after it: the search for the end went on
    /// through that fence, and the next fence then started before the cursor (a crash: "Range
    /// requires lowerBound <= upperBound"). Now the block ends at the next fence at the latest,
    /// and a block without its end is an error at its start marker.
    @Test(arguments: inPlaceModes, ["\n", ""])
    func aGeneratedBlockWhoseEndIsMissingBeforeTheNextFenceIsRefused(_ options: MarkdownOptions, blank: String) {
        let document = "# Doc\n\n```baton\nservice A\n```\n\(Self.start)\nMy precious prose, end marker deleted.\n\(blank)"
            + "```baton\nservice B\n```\n\(Self.start)\nold\n\(Self.end)\n\nTail.\n"
        expectRefused(document, at: 6, options)
    }

    /// With no fence after it, the search ran to any later end marker and deleted the prose,
    /// headings and code in between. A generated block never holds a blank line or a fence
    /// (Baton writes none), so the end marker must come before either.
    @Test(arguments: inPlaceModes)
    func aGeneratedBlockWhoseEndIsMissingKeepsTheProseAfterIt(_ options: MarkdownOptions) {
        let blankLine = "# Doc\n\n```baton\nservice A\n```\n\(Self.start)\nMy precious prose, end marker deleted.\n\n"
            + "## Section\n\nMore prose.\n\n```python\nprint(1)\n```\n\(Self.end)\nTail\n"
        expectRefused(blankLine, at: 6, options)
        let fence = "```baton\nservice A\n```\n\(Self.start)\nprose\n```python\nprint(1)\n```\n\(Self.end)\n"
        expectRefused(fence, at: 4, options)
        let noEnd = "```baton\nservice A\n```\n\(Self.start)\n<picture>\n</picture>\n"
        expectRefused(noEnd, at: 4, options)
    }

    /// The end marker counts only at the start of a line (after the block's indentation): one
    /// quoted in prose does not end the block.
    @Test func anEndMarkerInsideALineDoesNotEndTheBlock() {
        let document = "- item\n\n  ```baton\n  service A\n  ```\n  \(Self.start)\n  see \(Self.end) for the end\n"
        expectRefused(document, at: 6, column: 3, Self.inPlaceModes[0])
    }

    /// Refreshing still replaces complete blocks, indented ones included, and a block whose
    /// lines end in CR LF (a checkout with autocrlf) leaves no stray line behind.
    @Test func completeBlocksAreReplacedWhateverTheirLineEnds() {
        let options = Self.inPlaceModes[0]
        let once = process(Self.document, options)
        #expect(!once.failed)
        let crlf = once.text.replacingOccurrences(of: "\n", with: "\r\n")
        let refreshed = process(crlf, options)
        #expect(!refreshed.failed, "\(refreshed.diagnostics.map(\.message))")
        #expect(refreshed.text.components(separatedBy: "baton:generated").count == 5, "two blocks, each replaced once")
        #expect(refreshed.text.utf8.filter { $0 == 0x0A }.count == crlf.utf8.filter { $0 == 0x0A }.count,
                "no line left over from the old blocks")
        #expect(process(refreshed.text, options).text == refreshed.text)
    }

    // MARK: - Cost

    /// Each fence is compiled from its own lines, numbered from the fence's place in the page:
    /// compiling a line break for every line before it made the work grow with the square of
    /// the page (16,000 fences took 20 s). Lines, columns (of an indented fence too) and the
    /// snippet are the Markdown file's.
    @Test func eachFenceIsCompiledFromItsOwnLines() throws {
        let count = 2_000
        let page = String(repeating: "```baton\nservice A\n```\n", count: count) + "- item\n\n  ```baton\n  service B\n  B -> Ghost\n  ```\n"
        let log = RequestLog()
        let result = MarkdownProcessor.process(Array(page.utf8), displayPath: "docs/page.md", resolvedPath: "/r/docs/page.md",
                                               options: MarkdownOptions(output: .inline, version: "1"), render: log.recording(fakeRenderer))
        let inputs = log.requests.map(\.input)
        #expect(inputs.count == count + 1)
        #expect(inputs.dropLast().allSatisfy { $0.bytes == Array("service A\n".utf8) })
        #expect(inputs.indices.dropLast().allSatisfy { inputs[$0].lineOffset == 3 * $0 + 1 })
        #expect(inputs.allSatisfy { $0.displayPath == "docs/page.md" && $0.resolvedPath == "/r/docs/page.md" })
        #expect(result.diagnostics.map { "\($0.file):\($0.line):\($0.column)" } == ["docs/page.md:\(3 * count + 5):8"])
        #expect(result.diagnostics.first?.excerpt.text == "  B -> Ghost")
    }

    /// Image mode draws the light and the dark picture from one compilation.
    @Test func imageModeCompilesEachFenceOnce() {
        let log = RequestLog()
        let result = MarkdownProcessor.process(Array(Self.document.utf8), displayPath: "docs/page.md", resolvedPath: "/r/docs/page.md",
                                               options: MarkdownOptions(output: .images(directory: "img", linkPrefix: "img"), version: "1"),
                                               render: log.recording(fakeRenderer))
        #expect(log.requests.count == 2)
        #expect(log.requests.map(\.theme) == [.light, .light])
        #expect(log.requests.map { $0.variant?.theme } == [.dark, .dark])
        #expect(result.files.map { $0.contents.contains("data-theme=\"dark\"") } == [false, true, false, true])
        #expect(result.files[1].contents.contains("id=\"\(log.requests[0].variant?.idPrefix ?? "?")\""))
    }

    /// A renderer that draws no variant is simply asked again for the dark picture.
    @Test func aRendererWithoutVariantsIsAskedForEachTheme() {
        let log = RequestLog()
        let plain: DiagramRenderer = { request in
            var request = request
            request.variant = nil
            return fakeRenderer(request)
        }
        let result = MarkdownProcessor.process(Array(Self.document.utf8), displayPath: "docs/page.md", resolvedPath: "/r/docs/page.md",
                                               options: MarkdownOptions(output: .images(directory: "img", linkPrefix: "img"), version: "1"),
                                               render: log.recording(plain))
        #expect(log.requests.map(\.theme) == [.light, .dark, .light, .dark])
        #expect(result.files.map { $0.contents.contains("data-theme=\"dark\"") } == [false, true, false, true])
    }

    /// `findings` asks for the design's findings, and gives the picture its own file name; a
    /// value that is not yes or no fails the fence.
    @Test func theFindingsOptionAsksForFindingsAndChangesTheName() {
        let design = "service A\nservice B\nA -> B : go\n"
        let options = MarkdownOptions(output: .images(directory: "img", linkPrefix: "img"), version: "1")
        let plain = process("```baton\n\(design)```\n", options)
        let bare = process("```baton findings\n\(design)```\n", options)
        let explicit = process("```baton findings=true\n\(design)```\n", options)
        let off = process("```baton findings=no\n\(design)```\n", options)
        #expect(plain.files.allSatisfy { $0.contents.contains("data-findings=\"false\"") })
        #expect(bare.files.allSatisfy { $0.contents.contains("data-findings=\"true\"") })
        #expect(bare.diagnostics.isEmpty)
        #expect(bare.files.map(\.path) == explicit.files.map(\.path))
        #expect(Set(bare.files.map(\.path)).isDisjoint(with: plain.files.map(\.path)))
        #expect(off.files.map(\.path) == plain.files.map(\.path))
        let bad = process("```baton findings=maybe\n\(design)```\n", options)
        #expect(bad.failed)
        #expect(bad.diagnostics.contains { $0.message.contains("unknown findings 'maybe'") })
    }

    /// `legend`, `numbers` and `timing` reach the renderer and give the picture its own file
    /// name; left out (or `=no`) they change nothing, and a value that is not yes or no fails.
    @Test func theExplanationOptionsReachTheRendererAndChangeTheName() {
        let design = "service A\nservice B\nA -> B : go\n"
        let options = MarkdownOptions(output: .images(directory: "img", linkPrefix: "img"), version: "1")
        let log = RequestLog()
        func run(_ fence: String) -> MarkdownResult {
            MarkdownProcessor.process(Array("```baton\(fence)\n\(design)```\n".utf8), displayPath: "docs/page.md",
                                      resolvedPath: "/r/docs/page.md", options: options, render: log.recording(fakeRenderer))
        }
        let plain = run("")
        let all = run(" legend numbers=yes timing=true")
        let legend = run(" legend")
        let off = run(" legend=no numbers=off timing=false")
        #expect(all.diagnostics.isEmpty)
        #expect(log.requests.map(\.explanations) == [
            DiagramExplanations(), DiagramExplanations(legend: true, numbers: true, timing: true),
            DiagramExplanations(legend: true), DiagramExplanations(),
        ])
        #expect(Set(all.files.map(\.path)).isDisjoint(with: plain.files.map(\.path)))
        #expect(Set(all.files.map(\.path)).isDisjoint(with: legend.files.map(\.path)))
        #expect(off.files.map(\.path) == plain.files.map(\.path))
        let bad = run(" timing=later")
        #expect(bad.failed)
        #expect(bad.diagnostics.contains { $0.message.contains("unknown timing 'later'") })
    }
}
