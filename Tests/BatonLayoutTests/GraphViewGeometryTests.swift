// The graph view's geometry checker counts each planted defect exactly once on hand-built
// scenes, gives zeros on a clean one, and runs on every sample (whose numbers it prints). The
// regression tests that hold the graph view to zero defects are in GraphViewDefectTests.

import Baton
import BatonModel
import BatonSyntax
import BatonTestSupport
import Testing
@testable import BatonLayout

@Suite struct GraphViewGeometryTests {
    // MARK: - A hand-built graph scene, shaped as GraphScene builds one

    /// A node with a one-line name 14 px high (it needs 14 + 2 × 8 = 30 px of height, and the
    /// view's narrowest width, 64 px).
    static func node(_ id: Int, _ frame: Rect) -> SceneItem {
        let name = Rect(x: frame.midX - 10, y: frame.midY - 7, width: 20, height: 14)
        return .group(SceneGroup(id: "p\(id)", classes: "participant service", marker: .participant(ParticipantID(id)), items: [
            .shape(SceneShape(.roundedRectangle(cornerRadius: 6), frame: frame, role: .participant(.service))),
            .text(TextBlock(lines: ["name"], frame: name, alignment: .middle, fontSize: 13, weight: .bold, role: .participantLabel,
                            lineHeight: 14, baselineOffset: 11)),
        ]))
    }

    static func edge(_ id: Int, _ points: [Point], labels: [Rect] = []) -> SceneItem {
        var items: [SceneItem] = [.line(SceneLine(.polyline(points), start: LineEnd(baton: true),
                                                  end: LineEnd(arrowhead: .filled), role: .line(for: .call)))]
        for frame in labels {
            items.append(.text(TextBlock(lines: ["label"], frame: frame, alignment: .middle, fontSize: 11, weight: .regular,
                                         role: .interactionLabel, lineHeight: frame.height, baselineOffset: 9)))
        }
        return .group(SceneGroup(id: "e\(id)", classes: "interaction call", marker: .interactions([InteractionID(id)]),
                                 items: items))
    }

    /// An edge drawn as a cubic Bézier path (control points `[p0, c1, c2, p1, …]`).
    static func curve(_ id: Int, _ controls: [Point], labels: [Rect] = []) -> SceneItem {
        var items: [SceneItem] = [.line(SceneLine(.bezier(controls), start: LineEnd(baton: true), end: LineEnd(arrowhead: .filled),
                                                  role: .line(for: .call)))]
        for frame in labels {
            items.append(.text(TextBlock(lines: ["label"], frame: frame, alignment: .middle, fontSize: 11, weight: .regular,
                                         role: .interactionLabel, lineHeight: frame.height, baselineOffset: 9)))
        }
        return .group(SceneGroup(id: "e\(id)", classes: "interaction call", marker: .interactions([InteractionID(id)]),
                                 items: items))
    }

    static func cluster(_ id: Int, _ frame: Rect) -> SceneItem {
        .group(SceneGroup(id: "g\(id)", classes: "group", items: [
            .shape(SceneShape(.roundedRectangle(cornerRadius: 8), frame: frame, role: .groupBox)),
        ]))
    }

    static func scene(_ items: [SceneItem], width: Double = 400, height: Double = 200) -> Scene {
        Scene(size: Size(width: width, height: height), title: "t", description: "d", roleDescription: "graph diagram", items: items)
    }

    static func p(_ x: Double, _ y: Double) -> Point { Point(x: x, y: y) }

    /// A (10…50, 40…60) and B (200…240, 40…60), joined along y = 50.
    static let a = node(0, Rect(x: 10, y: 40, width: 40, height: 20))
    static let b = node(1, Rect(x: 200, y: 40, width: 40, height: 20))
    static let ab = [p(50, 50), p(200, 50)]

    /// Whether `report` counts `count` of the defect at `defect` and no other defect.
    static func only(_ report: GraphViewGeometry.Report, _ defect: KeyPath<GraphViewGeometry.Report, Int>, _ count: Int) -> Bool {
        report[keyPath: defect] == count && report.defects == count
    }

    // MARK: - Planted defects

    @Test func cleanSceneGivesZeros() {
        let report = GraphViewGeometry.report(Self.scene([
            Self.cluster(0, Rect(x: 5, y: 35, width: 50, height: 30)),
            Self.a, Self.b,
            Self.edge(0, Self.ab, labels: [Rect(x: 105, y: 30, width: 40, height: 12)]),
        ], width: 260, height: 100))
        #expect(report == GraphViewGeometry.Report(aspectRatio: 2.6, totalEdgeLength: 150, area: 26_000))
    }

    @Test func labelNearerAnotherEdge() {
        let report = GraphViewGeometry.report(Self.scene([
            Self.a, Self.b,
            Self.node(2, Rect(x: 10, y: 140, width: 40, height: 20)), Self.node(3, Rect(x: 200, y: 140, width: 40, height: 20)),
            // 70 px below its own edge, 18 above the other.
            Self.edge(0, Self.ab, labels: [Rect(x: 105, y: 120, width: 40, height: 12)]),
            Self.edge(1, [Self.p(50, 150), Self.p(200, 150)]),
        ]))
        #expect(report.labelsNearerAnotherEdge == 1)
        #expect(report.labelsAwayFromEdge == 1)
        #expect(report.defects == 2)
    }

    /// A tall label hanging 5 px under its edge, with the next edge 4 px under the label: its
    /// centre is nearer its own edge (25 px against 29), but it sits between the two. By the
    /// label's box, the other edge is within `labelMargin` of the own edge's distance.
    @Test func labelBetweenTwoEdgesCountsByItsBox() {
        func report(nextEdgeAt y: Double) -> GraphViewGeometry.Report {
            GraphViewGeometry.report(Self.scene([
                Self.a, Self.b,
                Self.node(2, Rect(x: 10, y: y - 10, width: 40, height: 20)), Self.node(3, Rect(x: 200, y: y - 10, width: 40, height: 20)),
                Self.edge(0, Self.ab, labels: [Rect(x: 105, y: 55, width: 40, height: 40)]),
                Self.edge(1, [Self.p(50, y), Self.p(200, y)]),
            ], height: 300))
        }
        #expect(Self.only(report(nextEdgeAt: 99), \.labelsNearerAnotherEdge, 1))
        #expect(report(nextEdgeAt: 112).defects == 0)
    }

    @Test func labelAwayFromItsEdge() {
        func report(gap: Double) -> GraphViewGeometry.Report {
            GraphViewGeometry.report(Self.scene([
                Self.a, Self.b,
                Self.edge(0, Self.ab, labels: [Rect(x: 105, y: 50 - gap - 12, width: 40, height: 12)]),
            ]))
        }
        #expect(Self.only(report(gap: 12), \.labelsAwayFromEdge, 1))
        #expect(report(gap: 5).defects == 0)
    }

    @Test func labelOverlapsLabel() {
        let report = GraphViewGeometry.report(Self.scene([
            Self.a, Self.b,
            Self.edge(0, Self.ab, labels: [Rect(x: 100, y: 30, width: 40, height: 12), Rect(x: 110, y: 32, width: 40, height: 12)]),
        ]))
        #expect(report.labelOverlaps == 1)
        #expect(report.labelsNearerAnotherEdge == 0 && report.closeParallelEdges == 0 && report.clusterTrespasses == 0)
    }

    @Test func labelOverlapsNode() {
        let report = GraphViewGeometry.report(Self.scene([
            Self.a, Self.b,
            Self.edge(0, Self.ab, labels: [Rect(x: 40, y: 30, width: 40, height: 12)]),
        ]))
        #expect(report.labelOverlaps == 1)
        #expect(report.labelsNearerAnotherEdge == 0 && report.closeParallelEdges == 0 && report.clusterTrespasses == 0)
    }

    @Test func foreignEdgeThroughLabel() {
        let report = GraphViewGeometry.report(Self.scene([
            Self.a, Self.node(1, Rect(x: 400, y: 40, width: 40, height: 20)),
            Self.node(2, Rect(x: 265, y: 0, width: 40, height: 20)), Self.node(3, Rect(x: 265, y: 80, width: 40, height: 20)),
            // Centred 7 px above its own edge; the vertical edge at x = 285 cuts through it, 15 px from the centre.
            Self.edge(0, [Self.p(50, 50), Self.p(400, 50)], labels: [Rect(x: 280, y: 38, width: 40, height: 10)]),
            Self.edge(1, [Self.p(285, 20), Self.p(285, 80)]),
        ], width: 460))
        #expect(report.labelOverlaps == 1)
        // An edge through a label is nearer to it than the label's own edge, too.
        #expect(report.labelsNearerAnotherEdge == 1)
        #expect(report.defects == 2)
    }

    @Test func closeParallelEdges() {
        func report(spacing: Double) -> GraphViewGeometry.Report {
            GraphViewGeometry.report(Self.scene([
                Self.a, Self.b,
                Self.edge(0, [Self.p(50, 45), Self.p(200, 45)]),
                Self.edge(1, [Self.p(50, 45 + spacing), Self.p(200, 45 + spacing)]),
            ]))
        }
        let close = report(spacing: 8)
        #expect(close.closeParallelEdges == 1)
        #expect(close.labelsNearerAnotherEdge == 0 && close.labelOverlaps == 0 && close.clusterTrespasses == 0)
        #expect(report(spacing: 12).closeParallelEdges == 0)
    }

    @Test func shortCloseRunIsNotCounted() {
        // Side by side 8 px apart for 15 px only, then far apart.
        let report = GraphViewGeometry.report(Self.scene([
            Self.edge(0, [Self.p(50, 50), Self.p(65, 50), Self.p(65, 150)]),
            Self.edge(1, [Self.p(50, 58), Self.p(65, 58), Self.p(200, 58)]),
        ]))
        #expect(report.closeParallelEdges == 0)
    }

    @Test func edgeThroughForeignCluster() {
        let m = Rect(x: 105, y: 65, width: 40, height: 20)
        let report = GraphViewGeometry.report(Self.scene([
            Self.cluster(0, Rect(x: 100, y: 30, width: 50, height: 60)),
            Self.a, Self.b, Self.node(2, m),
            Self.edge(0, Self.ab),
            // Into the cluster, to its member: not a trespass.
            Self.edge(1, [Self.p(30, 60), Self.p(30, 75), Self.p(105, 75)]),
        ]))
        #expect(report.clusterTrespasses == 1)
        #expect(report.labelsNearerAnotherEdge == 0 && report.labelOverlaps == 0 && report.closeParallelEdges == 0)
    }

    @Test func bezierPathsAreSampled() {
        // A straight cubic from (0, 0) to (90, 0) is 90 px long, whatever its control points.
        let line = SceneItem.group(SceneGroup(id: "e0", classes: "interaction call", marker: .interactions([InteractionID(0)]), items: [
            .line(SceneLine(.bezier([Self.p(0, 0), Self.p(30, 0), Self.p(60, 0), Self.p(90, 0)]), role: .line(for: .call))),
        ]))
        let report = GraphViewGeometry.report(Self.scene([line]))
        #expect(abs(report.totalEdgeLength - 90) < 1e-9)
    }

    @Test func stretchedNode() {
        func report(height: Double) -> GraphViewGeometry.Report {
            GraphViewGeometry.report(Self.scene([Self.node(0, Rect(x: 10, y: 40, width: 64, height: height))]))
        }
        // The name needs 30 px of height.
        #expect(Self.only(report(height: 60), \.stretchedNodes, 1))
        #expect(report(height: 30).defects == 0)
        // Wider than the name and the narrowest node need (44 and 64 px) counts too.
        #expect(Self.only(GraphViewGeometry.report(Self.scene([Self.node(0, Rect(x: 10, y: 40, width: 90, height: 30))])),
                          \.stretchedNodes, 1))
    }

    /// An edge between A and B (both at y = 50) that dips to y = 70 along its middle.
    static func dip(labels: [Rect] = []) -> SceneItem {
        Self.curve(0, [Self.p(50, 50), Self.p(60, 50), Self.p(80, 50), Self.p(90, 50),
                       Self.p(98, 50), Self.p(92, 70), Self.p(100, 70),
                       Self.p(116, 70), Self.p(134, 70), Self.p(150, 70),
                       Self.p(158, 70), Self.p(152, 50), Self.p(160, 50),
                       Self.p(173, 50), Self.p(187, 50), Self.p(200, 50)], labels: labels)
    }

    @Test func troughAroundALabel() {
        // Another edge's label (12 px high) sits where the edge would run: it dips under it.
        let label = SceneItem.group(SceneGroup(id: "e1", classes: "interaction call", marker: .interactions([InteractionID(1)]), items: [
            .line(SceneLine(.polyline([Self.p(110, 30), Self.p(140, 30)]), role: .line(for: .call))),
            .text(TextBlock(lines: ["label"], frame: Rect(x: 105, y: 45, width: 50, height: 12), alignment: .middle, fontSize: 11,
                            weight: .regular, role: .interactionLabel, lineHeight: 12, baselineOffset: 9)),
        ]))
        let report = GraphViewGeometry.report(Self.scene([Self.a, Self.b, Self.dip(), label]))
        #expect(report.labelDetours == 1)
        // Its own label, between the dip and the straight line, holds it out just as well.
        let own = GraphViewGeometry.report(Self.scene([Self.a, Self.b, Self.dip(labels: [Rect(x: 105, y: 53, width: 40, height: 12)])]))
        #expect(own.labelDetours == 1)
        // A node in the way is the placement's doing, not a label detour; a straight edge swings nowhere.
        let node = GraphViewGeometry.report(Self.scene([Self.a, Self.b, Self.dip(), Self.node(2, Rect(x: 105, y: 40, width: 50, height: 20))]))
        #expect(node.labelDetours == 0)
        #expect(GraphViewGeometry.report(Self.scene([Self.a, Self.b, Self.edge(0, Self.ab),
                                                     Self.node(2, Rect(x: 105, y: 60, width: 50, height: 20))])).labelDetours == 0)
    }

    @Test func kinks() {
        func report(_ controls: [Point]) -> GraphViewGeometry.Report {
            GraphViewGeometry.report(Self.scene([Self.curve(0, controls)]))
        }
        // Two straight pieces meeting at a right angle.
        #expect(Self.only(report([Self.p(0, 0), Self.p(10, 0), Self.p(20, 0), Self.p(30, 0),
                                  Self.p(30, 10), Self.p(30, 20), Self.p(30, 30)]), \.kinks, 1))
        // A right-angle bend squeezed into 2 px: its tangent turns, but on the spot.
        #expect(Self.only(report([Self.p(0, 0), Self.p(9, 0), Self.p(18, 0), Self.p(28, 0),
                                  Self.p(29.1, 0), Self.p(30, 0.9), Self.p(30, 2),
                                  Self.p(30, 12), Self.p(30, 22), Self.p(30, 32)]), \.kinks, 1))
        // The same bend rounded over 14 px (a near-circular arc) is smooth.
        #expect(report([Self.p(0, 0), Self.p(5, 0), Self.p(11, 0), Self.p(16, 0),
                        Self.p(23.7, 0), Self.p(30, 6.3), Self.p(30, 14),
                        Self.p(30, 20), Self.p(30, 26), Self.p(30, 32)]).defects == 0)
        // A polyline's corner is a kink too.
        #expect(GraphViewGeometry.report(Self.scene([Self.edge(0, [Self.p(0, 0), Self.p(30, 0), Self.p(30, 30)])])).kinks == 1)
    }

    @Test func twoWayPairSplit() {
        // A to B along y = 45, back along y = 55.
        let there = Self.edge(0, [Self.p(50, 45), Self.p(200, 45)]), back = Self.edge(1, [Self.p(200, 55), Self.p(50, 55)])
        #expect(GraphViewGeometry.report(Self.scene([Self.a, Self.b, there, back])).defects == 0)
        // A third edge leaves A between their ends: the pair is split at A.
        let c = Self.node(2, Rect(x: 200, y: 140, width: 40, height: 20))
        let between = Self.edge(2, [Self.p(50, 50), Self.p(120, 50), Self.p(120, 150), Self.p(200, 150)])
        #expect(GraphViewGeometry.report(Self.scene([Self.a, Self.b, c, there, back, between])).splitPairs == 1)
        // An edge of two other nodes runs between them halfway.
        let d = Self.node(3, Rect(x: 100, y: 100, width: 20, height: 20)), e = Self.node(4, Rect(x: 150, y: 100, width: 20, height: 20))
        let across = Self.edge(3, [Self.p(110, 100), Self.p(110, 50), Self.p(160, 50), Self.p(160, 100)])
        #expect(GraphViewGeometry.report(Self.scene([Self.a, Self.b, d, e, there, back, across])).splitPairs == 1)
    }

    @Test func descriptionIsOneLine() {
        let report = GraphViewGeometry.Report(labelsNearerAnotherEdge: 1, labelsAwayFromEdge: 2, labelOverlaps: 3, closeParallelEdges: 4,
                                              clusterTrespasses: 5, stretchedNodes: 6, labelDetours: 7, kinks: 8, splitPairs: 9,
                                              aspectRatio: 2.456, totalEdgeLength: 1234.4, area: 5000)
        #expect(report.description == "labels nearer another edge 1, labels away from edge 2, label overlaps 3, "
                + "close parallel edges 4, cluster trespasses 5, stretched nodes 6, label detours 7, kinks 8, split pairs 9, "
                + "aspect 2.46, edge length 1234, area 5000")
        #expect(report.defects == 45)
    }

    // MARK: - Detours

    @Test func aNodeFarFromItsOnlyPartnerIsIsolated() {
        // A chain of three 100 px edges left to right, and E hanging off D 400 px further on.
        let nodes = (0..<4).map { Self.node($0, Rect(x: 140 * Double($0), y: 40, width: 40, height: 20)) }
            + [Self.node(4, Rect(x: 860, y: 40, width: 40, height: 20))]
        let edges = (0..<3).map { Self.edge($0, [Self.p(140 * Double($0) + 40, 50), Self.p(140 * Double($0) + 140, 50)]) }
        let far = GraphViewGeometry.detours(Self.scene(nodes + edges + [Self.edge(3, [Self.p(460, 50), Self.p(860, 50)])], width: 920))
        #expect(far.isolatedNodes == 1)
        #expect(abs(far.worstIsolation - 4) < 1e-9)
        #expect(far.backEdges == 0 && far.widestBackEdge == 0)
        // The same with E 100 px from D.
        let near = GraphViewGeometry.detours(Self.scene(
            Array(nodes.prefix(4)) + [Self.node(4, Rect(x: 560, y: 40, width: 40, height: 20))]
                + edges + [Self.edge(3, [Self.p(460, 50), Self.p(560, 50)])], width: 620))
        #expect(near.isolatedNodes == 0)
        #expect(abs(near.worstIsolation - 1) < 1e-9)
    }

    /// A → B → C left to right and C back to A below them, across the whole drawing.
    static func cycle(back: [Point]) -> Scene {
        scene([
            node(0, Rect(x: 10, y: 40, width: 40, height: 20)), node(1, Rect(x: 200, y: 40, width: 40, height: 20)),
            node(2, Rect(x: 390, y: 40, width: 40, height: 20)),
            edge(0, [p(50, 50), p(200, 50)]), edge(1, [p(240, 50), p(390, 50)]), edge(2, back),
        ], width: 440)
    }

    @Test func aBackEdgeIsMeasuredAlongTheFlow() {
        let wide = GraphViewGeometry.detours(Self.cycle(back: [Self.p(390, 55), Self.p(370, 90), Self.p(70, 90), Self.p(50, 55)]))
        #expect(wide.backEdges == 1)
        #expect(abs(wide.widestBackEdge - 340.0 / 420) < 1e-9, "\(wide.widestBackEdge)")
        #expect(wide.isolatedNodes == 0)
        // Top to bottom, the same drawing turned: the flow is vertical.
        func turned(_ r: Rect) -> Rect { Rect(x: r.minY, y: r.minX, width: r.height, height: r.width) }
        let down = GraphViewGeometry.detours(Self.scene([
            Self.node(0, turned(Rect(x: 10, y: 40, width: 40, height: 20))), Self.node(1, turned(Rect(x: 200, y: 40, width: 40, height: 20))),
            Self.node(2, turned(Rect(x: 390, y: 40, width: 40, height: 20))),
            Self.edge(0, [Self.p(50, 50), Self.p(50, 200)]), Self.edge(1, [Self.p(50, 240), Self.p(50, 390)]),
            Self.edge(2, [Self.p(55, 390), Self.p(90, 370), Self.p(90, 70), Self.p(55, 50)]),
        ], width: 100, height: 440))
        #expect(down.backEdges == 1)
        #expect(abs(down.widestBackEdge - 340.0 / 420) < 1e-9, "\(down.widestBackEdge)")
        // Without the back edge there is nothing to measure.
        let forward = GraphViewGeometry.detours(Self.cycle(back: [Self.p(50, 55), Self.p(390, 55)]))
        #expect(forward.backEdges == 0 && forward.widestBackEdge == 0)
    }

    @Test func detoursWithoutEdgesAreZero() {
        #expect(GraphViewGeometry.detours(Self.scene([Self.a, Self.b])) == GraphViewGeometry.Detours())
    }

    @Test func detoursDescriptionIsOneLine() {
        let detours = GraphViewGeometry.Detours(isolatedNodes: 1, worstIsolation: 2.345, backEdges: 3, widestBackEdge: 0.5)
        #expect(detours.description == "isolated nodes 1, worst isolation 2.35, back edges 3, widest back edge 0.50")
    }

    // MARK: - Every sample

    @Test func samplesMeasure() throws {
        var table: [String] = []
        for design in TestDesigns.samples {
            let compilation = Baton.compile(bytes: design.bytes, displayPath: design.url.path)
            try #require(!compilation.hasErrors, "\(design.name) does not compile")
            let scene = GraphViewLayout.scene(model: compilation.model, flow: nil)
            let report = GraphViewGeometry.report(scene)
            let parts = GraphViewGeometry.parts(of: scene)
            #expect(report.aspectRatio > 0, "\(design.name)")
            #expect(report.area > 0, "\(design.name)")
            #expect(!parts.nodes.isEmpty, "\(design.name) has no nodes")
            #expect(parts.edges.isEmpty || report.totalEdgeLength > 0, "\(design.name)")
            #expect(report.labelsNearerAnotherEdge >= 0 && report.labelOverlaps >= 0
                    && report.closeParallelEdges >= 0 && report.clusterTrespasses >= 0, "\(design.name)")
            table.append("\(design.name): \(report)")
        }
        #expect(table.count == TestDesigns.samples.count)
        print("graph view geometry (samples, left to right):\n" + table.joined(separator: "\n"))
    }
}
