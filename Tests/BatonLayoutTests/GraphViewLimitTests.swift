// The graph view at scale: a design whose layering goes over the vertex budget is still drawn
// with every invariant, and the view's limit refuses designs by their counts or, when densely
// connected, by the room their layering needs, before laying them out.

import Baton
import BatonModel
import BatonWorkload
import Foundation
import Testing
@testable import BatonLayout

@Suite struct GraphViewLimitTests {
    static func model(_ source: String) throws -> Model {
        let compilation = Baton.compile(source: source)
        let hasErrors = compilation.hasErrors
        try #require(!hasErrors, "\(compilation.diagnostics.map(\.message))")
        return compilation.model
    }

    static let generated = DesignGenerator(.init(participants: 30, interactions: 200, seed: 4)).generate()

    static let small = """
        title "Small"
        group Shop {
          service A
          service B
        }
        store C
        A -> B : x
        B -> C : y
        C ~> A : z
        flow "One call" {
          A -> B : x
        }
        """

    /// `n` services, each calling every later one: every acyclic layering of it is a total order.
    static func complete(_ n: Int) -> String {
        var lines = ["title \"Dense\""] + (0..<n).map { "service S\($0)" }
        for i in 0..<n { for j in (i + 1)..<n { lines.append("S\(i) -> S\(j) : c\(i)x\(j)") } }
        return lines.joined(separator: "\n")
    }

    /// The scene `GraphViewLayout` would draw, with the layout's options replaced.
    static func scene(_ model: Model, options: LayeredLayoutOptions) -> Scene {
        let content = GraphViewContent(model: model)
        let layout = GraphLayout(model: model, content: content, direction: options.direction, metrics: TextMetrics(),
                                 layoutOptions: options)
        let title = GraphDescription.title(model: model, flow: nil, untitled: DesignName.untitled)
        return GraphScene.scene(model: model, layout: layout, title: title,
                                description: GraphDescription.describe(model: model, content: content, title: title),
                                metrics: TextMetrics())
    }

    @Test(arguments: [LayoutDirection.leftToRight, .topToBottom])
    func aDesignOverTheVertexBudgetKeepsTheInvariants(_ direction: LayoutDirection) throws {
        let model = try Self.model(Self.generated)
        var options = GraphViewStyle.layoutOptions(direction: direction)
        options.vertexBudget = 500
        let scene = Self.scene(model, options: options)
        #expect(scene != GraphViewLayout.scene(model: model, flow: nil, direction: direction), "the budget changed nothing")
        expectValidGraphScene(scene, model: model, flow: nil)
    }

    @Test func withinTheLimitTheViewIsTheSameAsWithout() throws {
        let model = try Self.model(Self.small)
        let limited = try GraphViewLayout.scene(model: model, flow: nil, limit: 6)
        #expect(limited == GraphViewLayout.scene(model: model, flow: nil))
        // The helper above draws what the graph view draws.
        #expect(Self.scene(model, options: GraphViewStyle.layoutOptions(direction: .leftToRight)) == limited)
    }

    @Test func theLimitRefusesByParticipantsAndConnections() throws {
        let model = try Self.model(Self.generated)
        let content = GraphViewContent(model: model)
        let size = GraphViewContent.size(model: model)
        #expect(size.participants == content.nodes.count && size.connections == content.edges.count)
        let limit = content.nodes.count + content.edges.count - 1
        do {
            _ = try GraphViewLayout.scene(model: model, flow: nil, limit: limit)
            Issue.record("expected the limit to refuse the design")
        } catch {
            #expect(error == GraphViewTooLarge(participants: content.nodes.count, connections: content.edges.count,
                                               weight: limit + 1, limit: limit))
            #expect(!error.isDense)
        }
    }

    @Test func theLimitRefusesADenselyConnectedDesignByItsLayering() throws {
        let model = try Self.model(Self.complete(70))
        let counts = 70 + 70 * 69 / 2
        do {
            _ = try GraphViewLayout.scene(model: model, flow: nil, limit: counts)
            Issue.record("expected the limit to refuse the design")
        } catch {
            #expect(error.participants == 70 && error.connections == counts - 70)
            #expect(error.isDense)
            #expect(error.weight > counts)
        }
    }

    @Test func aFlowIsWeighedAlone() throws {
        let model = try Self.model(Self.small)
        let flow = try #require(model.flow(named: "One call")?.id)
        #expect(GraphViewContent.size(model: model) == (participants: 3, connections: 3))
        #expect(GraphViewContent.size(model: model, flow: flow) == (participants: 2, connections: 1))
        #expect(throws: GraphViewTooLarge.self) { try GraphViewLayout.scene(model: model, flow: nil, limit: 3) }
        _ = try GraphViewLayout.scene(model: model, flow: flow, limit: 3)
    }
}
