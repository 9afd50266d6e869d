// Every rendering of the graph view runs the same way: without a direction the SVG, the PDF, the
// DOT export (its rankdir) and the Mermaid flowchart all take the direction the graph view
// chooses; with one, all take it.

import Baton
import BatonLayout
import BatonModel
import BatonRender
import BatonTestSupport
import Testing

@Suite struct GraphDirectionRenderTests {
    static func header(_ text: String, after prefix: String) -> String? {
        guard let range = text.range(of: prefix) else { return nil }
        return String(text[range.upperBound...].prefix { $0.isLetter })
    }

    @Test(arguments: RenderCase.designs)
    func everyFormatTakesTheChosenDirection(_ testCase: RenderCase) throws {
        let compilation = try testCase.compile()
        let chosen = GraphViewLayout.direction(nil, model: compilation.model, flow: nil,
                                               untitled: DesignName.untitled(path: testCase.design.url.path))
        #expect(Self.header(try testCase.render(.dot), after: "rankdir=") == chosen.rawValue, "\(testCase.design.name)")
        #expect(Self.header(try testCase.render(.mermaid, view: .graph), after: "flowchart ") == chosen.rawValue,
                "\(testCase.design.name)")
        // The SVG drawn without a direction is the one drawn in the chosen direction (ids aside,
        // which name a given direction).
        func svg(_ direction: LayoutDirection?) throws -> String {
            try Baton.render(compilation, source: testCase.design.bytes,
                             options: RenderOptions(format: .svg, view: .graph, idPrefix: "g", direction: direction))
        }
        #expect(try svg(nil) == svg(chosen), "\(testCase.design.name)")
    }

    @Test func aGivenDirectionIsTakenByEveryFormat() throws {
        let testCase = RenderCase(design: try #require(TestDesigns.named("order-pipeline")), flow: nil)
        for direction in LayoutDirection.allCases {
            #expect(Self.header(try testCase.render(.dot, direction: direction), after: "rankdir=") == direction.rawValue)
            #expect(Self.header(try testCase.render(.mermaid, view: .graph, direction: direction), after: "flowchart ")
                    == direction.rawValue)
        }
        // order-pipeline is a long pipeline: left to right only when asked for.
        #expect(Self.header(try testCase.render(.dot), after: "rankdir=") == "TB")
    }

    /// A view over the graph limit is not laid out, so nothing is chosen: left to right.
    @Test func aViewOverTheLimitRunsLeftToRight() throws {
        let design = try #require(TestDesigns.named("order-pipeline"))
        let compilation = Baton.compile(bytes: design.bytes, displayPath: design.url.path)
        for format in [RenderFormat.dot, .mermaid] {
            let limited = try Baton.render(compilation, source: design.bytes,
                                           options: RenderOptions(format: format, view: .graph, graphLimit: 5))
            let prefix = format == .dot ? "rankdir=" : "flowchart "
            #expect(Self.header(limited, after: prefix) == "LR")
            let given = try Baton.render(compilation, source: design.bytes,
                                         options: RenderOptions(format: format, view: .graph, direction: .topToBottom, graphLimit: 5))
            #expect(Self.header(given, after: prefix) == "TB")
        }
    }

    @Test func onlyAGivenDirectionNamesTheIDs() {
        let source = Array("service A".utf8)
        func prefix(_ direction: LayoutDirection?) -> String {
            IDPrefix.derived(source: source, format: .svg, view: .graph, flow: nil, theme: .light, direction: direction)
        }
        #expect(Set([prefix(nil), prefix(.leftToRight), prefix(.topToBottom)]).count == 3)
    }

    @Test(arguments: [LayoutDirection.leftToRight, .topToBottom])
    func theSequenceViewRefusesAnyGivenDirection(_ direction: LayoutDirection) throws {
        let testCase = RenderCase(design: try #require(TestDesigns.named("saga")), flow: nil)
        #expect(throws: RenderError.self) { try testCase.render(.svg, view: .sequence, direction: direction) }
        _ = try testCase.render(.svg, view: .sequence)
    }
}
