// The graph view draws every sample, both ways (and so in the direction it chooses by itself,
// which is one of the two, laid out the same: see GraphDirectionRenderTests), with none of the
// defects `GraphViewGeometry` measures: labels against their own edge and clear of everything
// else, edges apart, round and clear of foreign clusters, two-way pairs together, nodes no
// bigger than their names need.
// Seeded generated designs (denser than any sample, with many edges between the same nodes) hold
// to the same for all but edges running close and troughs around labels.

import Baton
import BatonLayout
import BatonModel
import BatonTestSupport
import BatonWorkload
import Testing

@Suite struct GraphViewDefectTests {
    struct Case: Sendable, CustomStringConvertible {
        var name: String
        var direction: LayoutDirection
        var description: String { name + (direction == .topToBottom ? " (TB)" : "") }
    }

    static let sampleCases: [Case] = TestDesigns.samples.flatMap { design in
        [LayoutDirection.leftToRight, .topToBottom].map { Case(name: design.name, direction: $0) }
    }

    /// What a sample may still have, and why. team-boundaries: five edges end at Customer
    /// database, from both sides of the Payments platform box, and some run close together as
    /// they converge on it (the ordering puts it beside the box, not across from Nightly
    /// renewals, so that none cuts through the box).
    /// temporal-coupling top to bottom: the ordering (no crossings either way)
    /// puts the long "price badge" edge's bend points after Promotions rather than beside
    /// Catalog, so the edge swings out past the nodes of the middle layer on its way to Pricing,
    /// and the nearest thing holding it out there is the "active promotions" label beside
    /// Promotions. Fewer, never more.
    static func allowance(_ testCase: Case) -> GraphViewGeometry.Report {
        switch (testCase.name, testCase.direction) {
        case ("team-boundaries", .leftToRight): GraphViewGeometry.Report(closeParallelEdges: 3)
        case ("team-boundaries", _): GraphViewGeometry.Report(closeParallelEdges: 1)
        case ("temporal-coupling", .topToBottom): GraphViewGeometry.Report(labelDetours: 1)
        default: GraphViewGeometry.Report()
        }
    }

    @Test(arguments: sampleCases)
    func samplesHaveNoDefects(_ testCase: Case) throws {
        let design = try #require(TestDesigns.samples.first { $0.name == testCase.name })
        let compilation = Baton.compile(bytes: design.bytes, displayPath: design.url.path)
        try #require(!compilation.hasErrors)
        let report = GraphViewGeometry.report(GraphViewLayout.scene(model: compilation.model, flow: nil, direction: testCase.direction))
        let allowed = Self.allowance(testCase)
        #expect(report.labelsNearerAnotherEdge == 0, "\(testCase): \(report)")
        #expect(report.labelsAwayFromEdge == 0, "\(testCase): \(report)")
        #expect(report.labelOverlaps == 0, "\(testCase): \(report)")
        #expect(report.closeParallelEdges <= allowed.closeParallelEdges, "\(testCase): \(report)")
        #expect(report.clusterTrespasses <= allowed.clusterTrespasses, "\(testCase): \(report)")
        #expect(report.stretchedNodes == 0, "\(testCase): \(report)")
        #expect(report.labelDetours <= allowed.labelDetours, "\(testCase): \(report)")
        #expect(report.kinks == 0, "\(testCase): \(report)")
        #expect(report.splitPairs == 0, "\(testCase): \(report)")
    }

    struct Generated: Sendable, CustomStringConvertible {
        var seed: UInt64
        var direction: LayoutDirection
        var description: String { "seed \(seed)" + (direction == .topToBottom ? " (TB)" : "") }
    }

    static let generated: [Generated] = (1...6).flatMap { seed in
        [LayoutDirection.leftToRight, .topToBottom].map { Generated(seed: UInt64(seed), direction: $0) }
    }

    /// 8 participants and 16 interactions of every kind, in groups: every label against its own
    /// edge and clear of the rest, no kink, no cluster cut through, no stretched node, two-way
    /// pairs together. Edges running close and troughs around labels are not held to zero on
    /// these: with three or more labelled edges between the same two nodes, the middle ones'
    /// labels can only go between edges, which then part around them (`baton-bench
    /// graph-geometry --generated` prints how many there are).
    @Test(arguments: generated)
    func generatedDesignsHaveNoLabelOrBendDefects(_ generated: Generated) throws {
        let source = DesignGenerator(.init(participants: 8, interactions: 16, seed: generated.seed)).generate()
        let compilation = Baton.compile(source: source)
        try #require(!compilation.hasErrors)
        let report = GraphViewGeometry.report(GraphViewLayout.scene(model: compilation.model, flow: nil, direction: generated.direction))
        #expect(report.labelsNearerAnotherEdge == 0, "\(generated): \(report)")
        #expect(report.labelsAwayFromEdge == 0, "\(generated): \(report)")
        #expect(report.labelOverlaps == 0, "\(generated): \(report)")
        #expect(report.clusterTrespasses == 0, "\(generated): \(report)")
        #expect(report.stretchedNodes == 0, "\(generated): \(report)")
        #expect(report.kinks == 0, "\(generated): \(report)")
        #expect(report.splitPairs == 0, "\(generated): \(report)")
    }
}
