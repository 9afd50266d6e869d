// Without a direction the graph view chooses one that fits a page; with one, it takes it. The
// choice is the same wherever it is asked for (the scene, and `GraphViewLayout.direction` for the
// DOT and Mermaid exports), for small graphs laid out both ways and for big ones judged by their
// layering.

import Baton
import BatonModel
import BatonTestSupport
import BatonWorkload
import Testing
@testable import BatonLayout

@Suite struct AutomaticDirectionTests {
    @Test func misfitIsOneInsideTheAcceptedShapes() {
        #expect(AutomaticDirection.misfit(Size(width: 300, height: 100)) == 1)
        #expect(AutomaticDirection.misfit(Size(width: 100, height: 300)) == 1)
        #expect(AutomaticDirection.misfit(Size(width: 100, height: 100)) == 1)
        #expect(abs(AutomaticDirection.misfit(Size(width: 600, height: 100)) - 2) < 1e-12)
        #expect(abs(AutomaticDirection.misfit(Size(width: 100, height: 600)) - 2) < 1e-12)
        #expect(AutomaticDirection.misfit(.zero) == 1)
    }

    @Test func leftToRightUnlessTopToBottomFitsBetter() {
        var askedForTopToBottom = false
        #expect(AutomaticDirection.choose(leftToRight: Size(width: 900, height: 300), topToBottom: {
            askedForTopToBottom = true
            return Size(width: 300, height: 300)
        }) == .leftToRight)
        #expect(!askedForTopToBottom, "a drawing that fits is not laid out the other way")
        #expect(AutomaticDirection.choose(leftToRight: Size(width: 1400, height: 200),
                                          topToBottom: { Size(width: 300, height: 700) }) == .topToBottom)
        // Both too wide, top to bottom less so.
        #expect(AutomaticDirection.choose(leftToRight: Size(width: 1400, height: 200),
                                          topToBottom: { Size(width: 1000, height: 200) }) == .topToBottom)
        // Equally bad either way: left to right.
        #expect(AutomaticDirection.choose(leftToRight: Size(width: 1200, height: 200),
                                          topToBottom: { Size(width: 200, height: 1200) }) == .leftToRight)
        // A row of two or three boxes no page shrinks stays a row.
        #expect(AutomaticDirection.choose(leftToRight: Size(width: 400, height: 60),
                                          topToBottom: { Size(width: 100, height: 200) }) == .leftToRight)
    }

    static func model(_ design: TestDesigns.Design) throws -> Model {
        let compilation = Baton.compile(bytes: design.bytes, displayPath: design.url.path)
        let hasErrors = compilation.hasErrors
        try #require(!hasErrors, "\(design.name) does not compile")
        return compilation.model
    }

    /// The direction `GraphViewLayout.direction` names is the one the scene was drawn in, for the
    /// whole design and every flow; a given direction is taken as given.
    @Test(arguments: TestDesigns.all)
    func theSceneTakesTheDirectionTheExportsAreTold(_ design: TestDesigns.Design) throws {
        let model = try Self.model(design)
        let flows: [FlowID?] = [nil] + model.flows.filter { !$0.isDefault }.map(\.id)
        for flow in flows {
            let chosen = GraphViewLayout.direction(nil, model: model, flow: flow)
            #expect(GraphViewLayout.scene(model: model, flow: flow) == GraphViewLayout.scene(model: model, flow: flow, direction: chosen),
                    "\(design.name) \(String(describing: flow))")
            for given in LayoutDirection.allCases {
                #expect(GraphViewLayout.direction(given, model: model, flow: flow) == given)
            }
        }
    }

    @Test func aGivenDirectionIsTakenEvenWhenItDoesNotFit() throws {
        let model = try Self.model(try #require(TestDesigns.named("order-pipeline")))
        let wide = GraphViewLayout.scene(model: model, flow: nil, direction: .leftToRight)
        #expect(wide.size.width > 3 * wide.size.height)
        let chosen = GraphViewLayout.scene(model: model, flow: nil)
        #expect(chosen == GraphViewLayout.scene(model: model, flow: nil, direction: .topToBottom))
        #expect(chosen.size.width < chosen.size.height)
    }

    /// What a big view chooses from: the sizes its first layering promises, in both directions.
    static func estimatedChoice(_ model: Model) -> LayoutDirection {
        let input = GraphLayout.Input(model: model, content: GraphViewContent(model: model), metrics: TextMetrics())
        let profile = layeringProfile(input.graph, options: GraphViewStyle.layoutOptions(direction: .leftToRight))
        let title = GraphScene.title(GraphDescription.title(model: model, flow: nil, untitled: DesignName.untitled),
                                     metrics: TextMetrics())?.size
        func canvas(_ direction: LayoutDirection) -> Size {
            GraphScene.canvasSize(drawing: profile.estimatedSize(of: input.graph, options: GraphViewStyle.layoutOptions(direction: direction)),
                                  title: title)
        }
        return AutomaticDirection.choose(leftToRight: canvas(.leftToRight), topToBottom: { canvas(.topToBottom) })
    }

    /// The estimate is rough (it leaves self-loops, ports and steep gaps out, stacks every
    /// layer's vertices and pads every cluster in every layer it spans) but close enough to
    /// choose: between a third of the drawing and half as much again along each axis, and on
    /// every sample it chooses as laying the sample out both ways does.
    @Test(arguments: TestDesigns.samples)
    func theLayeringsEstimateChoosesAsTheDrawingDoes(_ design: TestDesigns.Design) throws {
        let model = try Self.model(design)
        #expect(Self.estimatedChoice(model) == GraphViewLayout.direction(nil, model: model, flow: nil), "\(design.name)")
        let input = GraphLayout.Input(model: model, content: GraphViewContent(model: model), metrics: TextMetrics())
        let profile = layeringProfile(input.graph, options: GraphViewStyle.layoutOptions(direction: .leftToRight))
        for direction in LayoutDirection.allCases {
            let estimate = profile.estimatedSize(of: input.graph, options: GraphViewStyle.layoutOptions(direction: direction))
            let drawn = GraphLayout(model: model, content: input.content, direction: direction, metrics: TextMetrics()).layout.size
            #expect(estimate.width <= 1.5 * drawn.width && 3 * estimate.width >= drawn.width, "\(design.name) \(direction)")
            #expect(estimate.height <= 1.5 * drawn.height && 3 * estimate.height >= drawn.height, "\(design.name) \(direction)")
        }
    }

    /// A view whose layering has more vertices than `exactVertices` is not laid out twice: it
    /// takes the estimate's choice, and so do the exports.
    @Test func aBigViewChoosesFromItsLayering() throws {
        let source = DesignGenerator(.init(participants: 40, interactions: 300, seed: 5)).generate()
        let compilation = Baton.compile(source: source)
        let hasErrors = compilation.hasErrors
        try #require(!hasErrors)
        let model = compilation.model
        let content = GraphViewContent(model: model)
        let input = GraphLayout.Input(model: model, content: content, metrics: TextMetrics())
        let profile = layeringProfile(input.graph, options: GraphViewStyle.layoutOptions(direction: .leftToRight))
        try #require(profile.vertexCount > AutomaticDirection.exactVertices, "\(profile.vertexCount) vertices: not a big view")
        let title = GraphScene.title(GraphDescription.title(model: model, flow: nil, untitled: DesignName.untitled),
                                     metrics: TextMetrics())?.size
        let layout = GraphLayout(model: model, content: content, direction: nil, title: title, metrics: TextMetrics())
        #expect(layout.direction == Self.estimatedChoice(model))
        #expect(GraphViewLayout.direction(nil, model: model, flow: nil) == layout.direction)
    }
}
