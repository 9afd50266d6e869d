import Baton
import BatonLayout
import BatonRender
import BatonTestSupport
import BatonWorkload
import Foundation
import Testing

/// Real programs as clients of the output: Graphviz must lay out every DOT file, libxml2 must
/// parse every SVG, and librsvg (the renderer of GNOME, Wikipedia thumbnails and many PDF
/// pipelines) must draw it, all without a word on stderr.
@Suite struct ExternalClientTests {
    @Test(.requires(program: "dot"), arguments: RenderCase.designs)
    func graphvizLaysOutTheDOT(_ testCase: RenderCase) throws {
        let dot = try ExternalProgram.require("dot", package: "graphviz")
        for theme in Theme.Name.allCases {
            for direction in LayoutDirection.allCases {
                let output = try dot.run(["-Tsvg"], input: Data(try testCase.render(.dot, theme: theme, direction: direction).utf8))
                #expect(output.status == 0)
                #expect(output.standardError.isEmpty, "dot said: \(output.standardError)")
                #expect(String(decoding: output.standardOutput, as: UTF8.self).contains("</svg>"))
            }
        }
    }

    /// Generated designs with groups and dense crossings between them: Graphviz's default
    /// ranking fails on some of these ("trouble in init_rank"), which `newrank=true` avoids.
    @Test(.requires(program: "dot"), arguments: [1, 2, 3, 4] as [UInt64])
    func graphvizLaysOutGeneratedDesigns(_ seed: UInt64) throws {
        let dot = try ExternalProgram.require("dot", package: "graphviz")
        let source = DesignGenerator(.init(participants: 30, interactions: 200, seed: seed)).generate()
        let compilation = Baton.compile(source: source)
        #expect(!compilation.hasErrors)
        let text = try Baton.render(compilation, source: Array(source.utf8), options: RenderOptions(format: .dot))
        let output = try dot.run(["-Tsvg"], input: Data(text.utf8))
        #expect(output.status == 0)
        #expect(output.standardError.isEmpty, "dot said: \(output.standardError.prefix(500))")
    }

    /// Graphviz's scanner rejects a quoted string or HTML label longer than 16 KB ("syntax error
    /// … longer than 16384?"). Names and labels of any length must still give DOT it accepts.
    @Test(.requires(program: "dot"), arguments: ["a", "é", "&\\\""])
    func graphvizTakesHugeNamesAndLabels(_ unit: String) throws {
        let dot = try ExternalProgram.require("dot", package: "graphviz")
        let name = "Svc" + String(repeating: "x", count: 20_000)
        let text = String(repeating: unit, count: 20_000).replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
        let group = "Grp" + String(repeating: "y", count: 20_000)
        let queue = "Q" + String(repeating: "z", count: 20_000)
        let source = """
            title "\(text)"
            group \(group) "\(text)" {
              service \(name) "\(text)"
            }
            queue \(queue) "\(text)"
            service Other
            \(name) -> Other : \(text)
            \(name) ->> \(queue) : \(text)
            Other <- \(queue) : \(text)
            Other -> \(name) : a \(text)
            Other -> \(name) : b \(text)
            Other -> \(name) : c \(text)
            Other -> \(name) : d \(text)
            """
        let compilation = Baton.compile(source: source)
        try #require(!compilation.hasErrors, "\(compilation.diagnostics.map(\.message))")
        for direction in LayoutDirection.allCases {
            let text = try Baton.render(compilation, source: Array(source.utf8),
                                        options: RenderOptions(format: .dot, direction: direction))
            let output = try dot.run(["-Tsvg"], input: Data(text.utf8))
            #expect(output.status == 0)
            #expect(output.standardError.isEmpty, "dot said: \(output.standardError.prefix(300))")
        }
    }

    @Test(.requires(program: "xmllint"), arguments: RenderCase.all)
    func libxml2ParsesTheSVG(_ testCase: RenderCase) throws {
        let xmllint = try ExternalProgram.require("xmllint", package: "libxml2-utils")
        for theme in Theme.Name.allCases {
            let output = try xmllint.run(["--noout", "-"], input: Data(try testCase.render(.svg, theme: theme).utf8))
            #expect(output.status == 0)
            #expect(output.standardError.isEmpty, "xmllint said: \(output.standardError)")
        }
    }

    @Test(.requires(program: "rsvg-convert"), arguments: RenderCase.all)
    func librsvgDrawsTheSVG(_ testCase: RenderCase) throws {
        let rsvg = try ExternalProgram.require("rsvg-convert", package: "librsvg2-bin")
        for theme in Theme.Name.allCases {
            let output = try rsvg.run(["--format=png"], input: Data(try testCase.render(.svg, theme: theme).utf8))
            #expect(output.status == 0)
            #expect(output.standardError.isEmpty, "rsvg-convert said: \(output.standardError)")
            #expect(Array(output.standardOutput.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        }
    }

    /// The graph view laid out by Baton, in both directions and themes: well-formed for libxml2
    /// and drawn by librsvg without a word on stderr.
    @Test(.requires(program: "xmllint"), .requires(program: "rsvg-convert"), arguments: RenderCase.all)
    func libxml2AndLibrsvgTakeTheGraphSVG(_ testCase: RenderCase) throws {
        let xmllint = try ExternalProgram.require("xmllint", package: "libxml2-utils")
        let rsvg = try ExternalProgram.require("rsvg-convert", package: "librsvg2-bin")
        for theme in Theme.Name.allCases {
            for direction in LayoutDirection.allCases {
                let svg = Data(try testCase.render(.svg, theme: theme, view: .graph, direction: direction).utf8)
                let lint = try xmllint.run(["--noout", "-"], input: svg)
                #expect(lint.status == 0 && lint.standardError.isEmpty, "xmllint said: \(lint.standardError)")
                let png = try rsvg.run(["--format=png"], input: svg)
                #expect(png.status == 0)
                #expect(png.standardError.isEmpty, "rsvg-convert said: \(png.standardError)")
                #expect(Array(png.standardOutput.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
            }
        }
    }

    /// Large generated designs drawn as graphs: still a document librsvg draws.
    @Test(.requires(program: "rsvg-convert"), arguments: [1, 2] as [UInt64])
    func librsvgDrawsGeneratedGraphs(_ seed: UInt64) throws {
        let rsvg = try ExternalProgram.require("rsvg-convert", package: "librsvg2-bin")
        let source = DesignGenerator(.init(participants: 30, interactions: 200, seed: seed)).generate()
        let compilation = Baton.compile(source: source)
        #expect(!compilation.hasErrors)
        let svg = try Baton.render(compilation, source: Array(source.utf8), options: RenderOptions(format: .svg, view: .graph))
        let png = try rsvg.run(["--format=png"], input: Data(svg.utf8))
        #expect(png.status == 0)
        #expect(png.standardError.isEmpty, "rsvg-convert said: \(png.standardError.prefix(500))")
    }

    /// The hostile design's labels survive Graphviz too: its SVG is well-formed and shows the
    /// markup as text.
    @Test(.requires(program: "dot"), .requires(program: "xmllint"))
    func graphvizOutputOfHostileLabelsIsWellFormed() throws {
        let dot = try ExternalProgram.require("dot", package: "graphviz")
        let xmllint = try ExternalProgram.require("xmllint", package: "libxml2-utils")
        let testCase = RenderCase(design: try #require(TestDesigns.named("hostile")), flow: nil)
        let svg = try dot.run(["-Tsvg"], input: Data(try testCase.render(.dot).utf8))
        #expect(svg.standardError.isEmpty)
        let text = String(decoding: svg.standardOutput, as: UTF8.self)
        #expect(!text.contains("<script"))
        #expect(!text.contains("<img"))
        #expect(text.contains("&lt;script&gt;"))
        let lint = try xmllint.run(["--noout", "-"], input: svg.standardOutput)
        #expect(lint.status == 0 && lint.standardError.isEmpty, "\(lint.standardError)")
    }

    /// Several diagrams inlined in one HTML page: no id may appear twice, or `url(#id)` and
    /// `aria-labelledby` would point into the wrong diagram.
    @Test(.requires(program: "xmllint"))
    func diagramsInlinedInOnePageShareNoID() throws {
        let xmllint = try ExternalProgram.require("xmllint", package: "libxml2-utils")
        let payments = RenderCase(design: try #require(TestDesigns.named("card-payments")), flow: nil)
        let saga = RenderCase(design: try #require(TestDesigns.named("saga")), flow: nil)
        let diagrams = [try payments.render(.svg), try saga.render(.svg), try payments.render(.svg, theme: .dark),
                        try saga.render(.svg, theme: .dark), try payments.render(.svg, view: .graph),
                        try payments.render(.svg, view: .graph, direction: .topToBottom)]
        let page = "<!DOCTYPE html>\n<html><head><title>two diagrams</title></head><body>\n"
            + diagrams.map { "<div>\n\($0)</div>\n" }.joined() + "</body></html>\n"
        var seen = Set<String>()
        for id in SVGDocumentTests.ids(in: page) {
            #expect(seen.insert(id).inserted, "id \(id) appears twice on the page")
        }
        #expect(seen.count >= 8)
        let output = try xmllint.run(["--html", "--noout", "-"], input: Data(page.utf8))
        #expect(output.status == 0)
    }
}
