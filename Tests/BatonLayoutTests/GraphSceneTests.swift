import Baton
import BatonLayout
import BatonModel
import BatonSyntax
import BatonTestSupport
import BatonWorkload
import Foundation
import Testing

/// Geometric properties every graph view must have, checked on the scene (no SVG parsing) for
/// every sample and test design (the whole design and each flow), in both directions, and for
/// generated designs large enough to be dense.
@Suite struct GraphSceneTests {
    struct Case: Sendable, CustomStringConvertible {
        var design: TestDesigns.Design
        var flow: String?
        var direction: LayoutDirection
        var description: String {
            design.name + (flow.map { " / \($0)" } ?? "") + (direction == .topToBottom ? " (TB)" : "")
        }
    }

    static let cases: [Case] = TestDesigns.all.flatMap { design -> [Case] in
        let model = Baton.compile(bytes: design.bytes, displayPath: design.url.path).model
        let flows: [String?] = [nil] + model.flows.filter { !$0.isDefault }.map(\.name)
        return flows.flatMap { flow in
            [LayoutDirection.leftToRight, .topToBottom].map { Case(design: design, flow: flow, direction: $0) }
        }
    }

    @Test(arguments: cases)
    func sceneInvariantsHold(_ testCase: Case) throws {
        let compilation = Baton.compile(bytes: testCase.design.bytes, displayPath: testCase.design.url.path)
        try #require(!compilation.hasErrors, "\(testCase.design.name) does not compile")
        let model = compilation.model
        let flow = testCase.flow.flatMap { model.flow(named: $0)?.id }
        let scene = GraphViewLayout.scene(model: model, flow: flow, direction: testCase.direction)
        expectValidGraphScene(scene, model: model, flow: flow)
    }

    struct Generated: Sendable, CustomStringConvertible {
        var seed: UInt64
        var direction: LayoutDirection
        var description: String { "seed \(seed)" + (direction == .topToBottom ? " (TB)" : "") }
    }

    static let generated: [Generated] = (1...3).flatMap { seed in
        [LayoutDirection.leftToRight, .topToBottom].map { Generated(seed: UInt64(seed), direction: $0) }
    }

    /// 30 participants in nested groups, 200 interactions of every kind: dense, clustered,
    /// with cycles, parallel edges of different kinds and self-loops.
    @Test(arguments: generated)
    func generatedDesignsKeepTheInvariants(_ generated: Generated) throws {
        let source = DesignGenerator(.init(participants: 30, interactions: 200, seed: generated.seed)).generate()
        let compilation = Baton.compile(source: source)
        try #require(!compilation.hasErrors)
        let scene = GraphViewLayout.scene(model: compilation.model, flow: nil, direction: generated.direction)
        expectValidGraphScene(scene, model: compilation.model, flow: nil)
    }

    @Test func theSameDesignGivesTheSameScene() throws {
        let source = DesignGenerator(.init(participants: 30, interactions: 200, seed: 9)).generate()
        let model = Baton.compile(source: source).model
        #expect(GraphViewLayout.scene(model: model, flow: nil) == GraphViewLayout.scene(model: model, flow: nil))
    }

    // MARK: - Content and marks

    static func scene(_ source: String, flow: String? = nil, direction: LayoutDirection = .leftToRight) throws -> (Model, Scene) {
        let compilation = Baton.compile(source: source)
        try #require(!compilation.hasErrors, "\(compilation.diagnostics.map(\.message))")
        let flowID = flow.flatMap { compilation.model.flow(named: $0)?.id }
        return (compilation.model, GraphViewLayout.scene(model: compilation.model, flow: flowID, direction: direction))
    }

    @Test func theBatonIsAtTheInitiatorAndTheArrowheadWhereTheDataGoes() throws {
        let (_, scene) = try Self.scene("""
            service A
            service B
            queue Q
            A -> B : call
            A ->> Q : send
            B <- Q : fetch
            B ~> A : callback
            """)
        let parts = GraphSceneParts(scene)
        let a = try #require(parts.nodes["p0"]), b = try #require(parts.nodes["p1"]), q = try #require(parts.nodes["p2"])
        func near(_ p: Point, _ node: GraphSceneParts.Node) -> Bool { node.frame.insetBy(-1.5).contains(p) }
        let lines = parts.edges.map(\.line)
        try #require(lines.count == 4)
        // call A -> B: dot at A, filled head at B.
        #expect(near(lines[0].startPoint, a) && near(lines[0].endPoint, b))
        #expect(lines[0].start == LineEnd(baton: true) && lines[0].end == LineEnd(arrowhead: .filled))
        #expect(lines[0].role == .syncLine)
        // send A ->> Q: dot at A, open head at Q, dashed.
        #expect(near(lines[1].startPoint, a) && near(lines[1].endPoint, q))
        #expect(lines[1].end == LineEnd(arrowhead: .open) && lines[1].role == .asyncLine)
        // fetch B <- Q: drawn from Q to B, both marks at B.
        #expect(near(lines[2].startPoint, q) && near(lines[2].endPoint, b))
        #expect(lines[2].start == .plain && lines[2].end == LineEnd(arrowhead: .filled, baton: true))
        // callback B ~> A: from B to A, dotted.
        #expect(near(lines[3].startPoint, b) && near(lines[3].endPoint, a))
        #expect(lines[3].role == .callbackLine)
    }

    @Test func aCallbackIsDrawnBackAlongItsRegistration() throws {
        // The registration A -> B and the callback B ~> A must not make the layout turn the
        // registration around: A comes first.
        for direction in [LayoutDirection.leftToRight, .topToBottom] {
            let (_, scene) = try Self.scene("service A\nexternal B\nA -> B : register\nB ~> A : notify", direction: direction)
            let parts = GraphSceneParts(scene)
            let a = try #require(parts.nodes["p0"]).frame, b = try #require(parts.nodes["p1"]).frame
            #expect(direction == .leftToRight ? a.maxX < b.minX : a.maxY < b.minY)
        }
    }

    @Test func parallelEdgesOfDifferentKindsStayApart() throws {
        let (_, scene) = try Self.scene("service A\nservice B\nA -> B : call\nA ->> B : send\nA ~> B : callback")
        let lines = GraphSceneParts(scene).edges.map(\.line)
        try #require(lines.count == 3)
        for i in lines.indices {
            for j in lines.indices where j > i {
                #expect(lines[i].startPoint.distance(to: lines[j].startPoint) >= 8, "batons \(i) and \(j) merge")
                #expect(lines[i].endPoint.distance(to: lines[j].endPoint) >= 8, "arrowheads \(i) and \(j) merge")
            }
        }
    }

    @Test func mergedLabelsAreCapped() throws {
        var source = "service A\nservice B\n"
        for i in 1...7 { source += "A -> B : operation number \(i)\n" }
        source += "A ->> B : " + String(repeating: "a very long label that goes on ", count: 6) + "\n"
        let (_, scene) = try Self.scene(source)
        let labels = GraphSceneParts(scene).edges.compactMap(\.label)
        #expect(labels.count == 2)
        #expect(labels[0].lines.count == 5)
        #expect(labels[0].lines.last == "(+3 more)")
        #expect(labels[1].lines.count == 2)
        #expect(labels[1].lines[1].hasSuffix("\u{2026}"))
    }

    @Test func theTitleNamesTheDesignAndTheFlow() throws {
        let source = "title \"Shop\"\nservice A\nservice B\nA -> B : x\nflow \"Refund\" {\n  B -> A : y\n}\n"
        #expect(try Self.scene(source).1.title == "Shop")
        let (_, refund) = try Self.scene(source, flow: "Refund")
        #expect(refund.title == "Shop: Refund")
        #expect(refund.textBlocks.first?.lines == ["Shop: Refund"])
        #expect(refund.description.contains("B calls A: y."))
        #expect(!refund.description.contains("A calls B"))
        #expect(refund.roleDescription == "graph diagram")
    }

    @Test func anEmptyDesignIsAnEmptyCanvas() throws {
        let (_, scene) = try Self.scene("title \"Nothing yet\"\n")
        #expect(scene.size.width > 0 && scene.size.height > 0)
        #expect(scene.shapes.isEmpty && scene.lines.isEmpty)
    }
}
