import Baton
import BatonRender
import Testing

/// The graph view's limit through the façade: a usage error (exit status 2 on the command line)
/// that says how big the design is and what to do; documentation builds get the same message
/// with advice in their own terms. DOT and the sequence view are not limited.
@Suite struct GraphViewLimitRenderTests {
    /// 3 participants and 2 connections: it weighs 5.
    static let source = "client C\nservice S\nstore D\nC -> S : order\nS -> D : save\nC -> S : pay\n"
    static let compilation = Baton.compile(source: source, path: "shop.baton")
    static let message = "the graph view of 'shop.baton' has 3 participants and 2 connections, more than the graph view's "
        + "limit of 4 participants and connections together"

    static func render(_ options: RenderOptions) throws(RenderError) -> String {
        try Baton.render(compilation, source: Array(source.utf8), options: options)
    }

    @Test func overTheLimitTheGraphViewIsRefused() throws {
        #expect(throws: RenderError(message: Self.message, help: "draw one flow with --flow NAME, split the design, use the "
                                        + "sequence view, or raise the limit with --graph-limit 5 (laying out 50,000 takes up to about 1 GB)")) {
            try Self.render(RenderOptions(format: .svg, view: .graph, graphLimit: 4))
        }
        #expect(try Self.render(RenderOptions(format: .svg, view: .graph, graphLimit: 5)) == Self.render(RenderOptions(format: .svg, view: .graph)))
    }

    @Test func theDOTExportAndTheSequenceViewAreNotLimited() throws {
        #expect(try Self.render(RenderOptions(format: .dot, graphLimit: 1)) == Self.render(RenderOptions(format: .dot)))
        #expect(try Self.render(RenderOptions(format: .svg, graphLimit: 1)) == Self.render(RenderOptions(format: .svg)))
    }

    @Test func documentationBuildsGetTheSameMessage() {
        do {
            _ = try Renderer.render(Self.compilation, source: Array(Self.source.utf8),
                                    options: RenderOptions(format: .svg, view: .graph, graphLimit: 4), documentation: true)
            Issue.record("expected the limit to refuse the design")
        } catch {
            #expect(error.message == Self.message)
            #expect(error.help == "draw one flow (flow=NAME), split the design, or use the sequence view (view=sequence); "
                        + "'baton render --graph-limit 5' can draw it")
        }
    }
}
