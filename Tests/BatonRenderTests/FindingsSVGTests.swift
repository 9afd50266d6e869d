import Baton
import BatonLayout
import BatonModel
import BatonRender
import BatonTestSupport
import Foundation
import Testing

/// The SVG side of drawn findings and of the stable element markers: the data attributes name
/// the model's ids, and a diagram with findings (hostile text included) is still a document
/// libxml2 parses and librsvg draws.
@Suite struct FindingsSVGTests {
    /// `id="…-i7" … data-interaction="7"`, `id="…-p2…" … data-participant="2"`: the markers say
    /// what the ids say, in both views, for every design.
    @Test(arguments: RenderCase.designs)
    func dataAttributesNameTheModelsIDs(_ testCase: RenderCase) throws {
        let compilation = try testCase.compile()
        let model = compilation.model
        for view in [RenderView.sequence, .graph] {
            let svg = try testCase.render(.svg, view: view)
            let groups = svg.split(separator: "\n").filter { $0.contains("<g ") }
            var interactions = 0, participants = 0
            for line in groups {
                if let id = Self.value("id", in: line), let interaction = Self.value("data-interaction", in: line) {
                    #expect(id.hasSuffix("-i\(interaction)"), "\(line)")
                    #expect(Int(interaction).map { $0 < model.interactions.count } == true)
                    interactions += 1
                }
                if let id = Self.value("id", in: line), let participant = Self.value("data-participant", in: line) {
                    #expect(id.hasSuffix("-p\(participant)") || id.hasSuffix("-p\(participant)-foot"), "\(line)")
                    participants += 1
                }
                if let list = Self.value("data-interactions", in: line) {
                    let ids = list.split(separator: " ").compactMap { Int($0) }
                    #expect(!ids.isEmpty && ids == ids.sorted() && Set(ids).count == ids.count, "\(line)")
                    interactions += ids.count
                }
                if line.contains("class=\"interaction ") {
                    #expect(line.contains("data-interaction"), "an interaction group without a marker: \(line)")
                }
                if line.contains("class=\"participant") {
                    #expect(line.contains("data-participant="), "a participant group without a marker: \(line)")
                }
            }
            #expect(participants > 0)
            if view == .graph { #expect(interactions == Self.graphInteractionCount(model)) }
        }
    }

    static func graphInteractionCount(_ model: Model) -> Int {
        GraphViewContent(model: model).edges.reduce(0) { $0 + $1.interactions.count }
    }

    static func value(_ name: String, in line: Substring) -> String? {
        guard let range = line.range(of: " \(name)=\"") else { return nil }
        let rest = line[range.upperBound...]
        return rest.firstIndex(of: "\"").map { String(rest[..<$0]) }
    }

    /// Findings with markup in their text, on every element of the card-payments sample, in both
    /// views and themes: well-formed, drawn by librsvg without a word, the text escaped.
    @Test(.requires(program: "xmllint"), .requires(program: "rsvg-convert"))
    func svgWithFindingsSurvivesItsConsumers() throws {
        let xmllint = try ExternalProgram.require("xmllint", package: "libxml2-utils")
        let rsvg = try ExternalProgram.require("rsvg-convert", package: "librsvg2-bin")
        let design = try #require(TestDesigns.named("card-payments"))
        let compilation = Baton.compile(bytes: design.bytes, displayPath: design.url.path)
        var marks = Baton.findingMarks(compilation)
        try #require(!marks.isEmpty)
        marks.append(FindingMark(number: marks.count + 1, severity: .info, title: "hostile",
                                 message: "<script>alert(1)</script> ]]> --> & \"quoted\" 'single'",
                                 interactions: compilation.model.interactions.map(\.id)))
        for view in [RenderView.sequence, .graph] {
            for theme in Theme.Name.allCases {
                var options = RenderOptions(format: .svg, view: view, theme: theme)
                options.marks = marks
                let svg = try Baton.render(compilation, source: design.bytes, options: options)
                #expect(!svg.contains("<script>") && svg.contains("&lt;script&gt;"))
                #expect(svg.contains("class=\"finding-badge error\"") && svg.contains("-findings\" class=\"findings\""))
                let lint = try xmllint.run(["--noout", "-"], input: Data(svg.utf8))
                #expect(lint.status == 0 && lint.standardError.isEmpty, "xmllint said: \(lint.standardError)")
                let png = try rsvg.run(["--format=png"], input: Data(svg.utf8))
                #expect(png.status == 0 && png.standardError.isEmpty, "rsvg-convert said: \(png.standardError)")
            }
        }
    }

    /// Drawn findings change the derived ids (two renders on one page never share one), and no
    /// findings leave them as they were.
    @Test func findingsChangeTheDerivedPrefixOnlyWhenDrawn() throws {
        let design = try #require(TestDesigns.named("card-payments"))
        let compilation = Baton.compile(bytes: design.bytes, displayPath: design.url.path)
        let plain = try Baton.render(compilation, source: design.bytes, options: RenderOptions())
        var options = RenderOptions()
        #expect(try Baton.render(compilation, source: design.bytes, options: options) == plain)
        options.marks = Baton.findingMarks(compilation)
        let marked = try Baton.render(compilation, source: design.bytes, options: options)
        #expect(Self.value("id", in: Substring(marked)) != Self.value("id", in: Substring(plain)))
        // Mermaid and DOT ignore marks.
        for format in [RenderFormat.mermaid, .dot] {
            var with = RenderOptions(format: format)
            let without = try Baton.render(compilation, source: design.bytes, options: with)
            with.marks = options.marks
            #expect(try Baton.render(compilation, source: design.bytes, options: with) == without)
        }
    }
}
