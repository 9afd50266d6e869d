import Baton
import BatonRender
import BatonTestSupport
import Testing

/// The exact bytes of every output, reviewed as diffs (`UPDATE_GOLDENS=1` rewrites them).
@Suite struct GoldenOutputTests {
    @Test(arguments: RenderCase.all)
    func sequenceSVG(_ testCase: RenderCase) throws {
        try Golden.check(try testCase.render(.svg), "svg/\(testCase.slug).svg")
    }

    @Test(arguments: RenderCase.all)
    func mermaid(_ testCase: RenderCase) throws {
        try Golden.check(try testCase.render(.mermaid), "mermaid/\(testCase.slug).mmd")
    }

    @Test(arguments: RenderCase.designs)
    func dot(_ testCase: RenderCase) throws {
        try Golden.check(try testCase.render(.dot), "dot/\(testCase.design.name).dot")
    }

    /// The graph view laid out by Baton, for every design (all its flows at once). Review
    /// changes by looking at them: `rsvg-convert FILE -o FILE.png`.
    @Test(arguments: RenderCase.designs)
    func graphSVG(_ testCase: RenderCase) throws {
        try Golden.check(try testCase.render(.svg, view: .graph), "graph/\(testCase.design.name).svg")
    }

    /// Without a direction most designs are drawn top to bottom (they are too wide left to
    /// right): left to right, as given, stays covered.
    @Test(arguments: ["every-construct", "groups", "saga"])
    func graphLeftToRight(_ name: String) throws {
        let testCase = RenderCase(design: try #require(TestDesigns.named(name)), flow: nil)
        try Golden.check(try testCase.render(.svg, view: .graph, direction: .leftToRight), "graph/\(name).lr.svg")
        try Golden.check(try testCase.render(.dot, direction: .leftToRight), "dot/\(name).lr.dot")
    }

    @Test(arguments: ["every-construct", "groups", "saga"])
    func graphTopToBottom(_ name: String) throws {
        let testCase = RenderCase(design: try #require(TestDesigns.named(name)), flow: nil)
        try Golden.check(try testCase.render(.svg, view: .graph, direction: .topToBottom), "graph/\(name).tb.svg")
        try Golden.check(try testCase.render(.dot, direction: .topToBottom), "dot/\(name).tb.dot")
    }

    @Test(arguments: ["every-construct", "card-payments"])
    func darkTheme(_ name: String) throws {
        let testCase = RenderCase(design: try #require(TestDesigns.named(name)), flow: nil)
        try Golden.check(try testCase.render(.svg, theme: .dark), "svg/\(name).dark.svg")
        try Golden.check(try testCase.render(.dot, theme: .dark), "dot/\(name).dark.dot")
        try Golden.check(try testCase.render(.svg, theme: .dark, view: .graph), "graph/\(name).dark.svg")
    }
}
