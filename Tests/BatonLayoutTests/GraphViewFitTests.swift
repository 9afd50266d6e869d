// The graph view fits a page and takes no detours: measured on the scene (`GraphViewGeometry`)
// for every sample and for seeded generated designs, drawn in the direction the view chooses
// when none is given, as a reader gets them.

import Baton
import BatonModel
import BatonTestSupport
import BatonWorkload
import Testing
@testable import BatonLayout

@Suite struct GraphViewFitTests {
    /// No back edge of a sample reaches across more of the drawing than this (before the layering
    /// chose its back edges for their length, webhook-integration's reached 0.82).
    static let widestBackEdge = 0.7

    static func model(_ design: TestDesigns.Design) throws -> Model {
        let compilation = Baton.compile(bytes: design.bytes, displayPath: design.url.path)
        let hasErrors = compilation.hasErrors
        try #require(!hasErrors, "\(design.name) does not compile")
        return compilation.model
    }

    static func model(_ source: String) throws -> Model {
        let compilation = Baton.compile(source: source)
        let hasErrors = compilation.hasErrors
        try #require(!hasErrors)
        return compilation.model
    }

    static func aspect(_ scene: Scene) -> Double { GraphViewGeometry.report(scene).aspectRatio }

    static func misfit(_ scene: Scene) -> Double { AutomaticDirection.misfit(scene.size) }

    /// The chosen scene fits a page as well as either direction does, unless it is a left-to-right
    /// drawing no page shrinks.
    static func expectBestFit(_ model: Model, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let chosen = GraphViewLayout.scene(model: model, flow: nil)
        let wide = GraphViewLayout.scene(model: model, flow: nil, direction: .leftToRight)
        let best = min(misfit(wide), misfit(GraphViewLayout.scene(model: model, flow: nil, direction: .topToBottom)))
        let narrow = chosen == wide && wide.size.width <= AutomaticDirection.narrowWidth + 1
        #expect(misfit(chosen) <= best + 0.01 || narrow, "\(name)", sourceLocation: sourceLocation)
    }

    @Test(arguments: TestDesigns.samples)
    func aSampleFitsAPageWithoutDetours(_ design: TestDesigns.Design) throws {
        let model = try Self.model(design)
        let scene = GraphViewLayout.scene(model: model, flow: nil)
        let aspect = Self.aspect(scene)
        #expect(aspect <= AutomaticDirection.widestAspect && aspect >= 1 / AutomaticDirection.widestAspect,
                "\(design.name): aspect \(aspect)")
        let detours = GraphViewGeometry.detours(scene)
        #expect(detours.isolatedNodes == 0, "\(design.name): \(detours)")
        #expect(detours.widestBackEdge <= Self.widestBackEdge, "\(design.name): \(detours)")
    }

    /// Whichever direction the view takes, neither fits a page better.
    @Test(arguments: TestDesigns.samples)
    func theChosenDirectionFitsBest(_ design: TestDesigns.Design) throws {
        Self.expectBestFit(try Self.model(design), design.name)
    }

    /// Twenty seeded designs of 12 participants and 20 interactions, with groups, every kind of
    /// arrow and the cycles random designs have: no isolated node, no back edge across the whole
    /// drawing, and short back edges on the whole (0.46 on average before the layering chose its
    /// back edges for their length, 0.28 since).
    @Test func generatedDesignsTakeNoDetours() throws {
        var widest: [Double] = []
        for seed in 1...20 {
            let source = DesignGenerator(.init(participants: 12, interactions: 20, seed: UInt64(seed))).generate()
            let model = try Self.model(source)
            let scene = GraphViewLayout.scene(model: model, flow: nil)
            let detours = GraphViewGeometry.detours(scene)
            #expect(detours.isolatedNodes == 0, "seed \(seed): \(detours)")
            #expect(detours.widestBackEdge <= 0.9, "seed \(seed): \(detours)")
            Self.expectBestFit(model, "seed \(seed)")
            widest.append(detours.widestBackEdge)
        }
        let mean = widest.reduce(0, +) / Double(widest.count)
        #expect(mean <= 0.35, "mean widest back edge \(mean)")
    }

    /// temporal-coupling: Catalog calls Pricing for prices (the design's first flow) and Pricing
    /// calls Catalog back (a later flow). The later call is the one drawn back, so Catalog sits
    /// next to the gateway that calls it and the chain reads gateway → Catalog → Pricing → Tax.
    @Test func theLaterOfTwoCallsInACycleIsDrawnBack() throws {
        let design = try #require(TestDesigns.named("temporal-coupling"))
        let model = try Self.model(design)
        for direction in LayoutDirection.allCases {
            let scene = GraphViewLayout.scene(model: model, flow: nil, direction: direction)
            let parts = GraphViewGeometry.parts(of: scene)
            let frames = Dictionary(uniqueKeysWithValues: zip(GraphViewContent(model: model).nodes.map { model[$0].name }, parts.nodes))
            let along: (Rect) -> Double = direction == .leftToRight ? { $0.midX } : { $0.midY }
            let gateway = try #require(frames["Gateway"]), catalog = try #require(frames["Catalog"])
            let pricing = try #require(frames["Pricing"]), tax = try #require(frames["Tax"])
            #expect(along(gateway) < along(catalog) && along(catalog) < along(pricing) && along(pricing) < along(tax), "\(direction)")
        }
    }
}
