import Baton
import Testing
@testable import BatonLayout

/// Cluster titles get out of the way of edges that cross them, or else go on a plate.
@Suite struct GraphClusterTitlesTests {
    static func layout() throws -> GraphLayout {
        let compilation = Baton.compile(source: """
            group Team "A team with a name" {
              service A
              service B
              service C
            }
            A -> B : x
            A -> C : y
            """)
        try #require(!compilation.hasErrors)
        let model = compilation.model
        return GraphLayout(model: model, content: GraphViewContent(model: model), direction: .leftToRight, metrics: TextMetrics())
    }

    /// A vertical straight "curve" through x, top to bottom of the drawing.
    static func line(atX x: Double, height: Double) -> [Point] {
        [Point(x: x, y: 0), Point(x: x, y: height / 3), Point(x: x, y: 2 * height / 3), Point(x: x, y: height)]
    }

    @Test func aTitleNoEdgeCrossesStays() throws {
        let graph = try Self.layout()
        let titles = GraphClusterTitles.frames(graph, curves: graph.content.edges.indices.map(graph.curve))
        #expect(titles.frames == graph.layout.clusterLabelFrames)
        #expect(titles.crossed == [false])
    }

    @Test func aCrossedTitleSlidesAlongTheTopOfItsBox() throws {
        let graph = try Self.layout()
        let title = graph.layout.clusterLabelFrames[0], box = graph.layout.clusterFrames[0]
        let crossing = Self.line(atX: title.midX, height: graph.layout.size.height)
        let titles = GraphClusterTitles.frames(graph, curves: [crossing])
        let moved = titles.frames[0]
        #expect(titles.crossed == [false])
        #expect(moved.minY == title.minY && moved.minX > title.midX)
        #expect(box.contains(moved))
        #expect(!moved.isCrossed(by: crossing[0], crossing[3]))
    }

    @Test func aTitleWithNoFreePlaceStaysOnAPlate() throws {
        let graph = try Self.layout()
        let box = graph.layout.clusterFrames[0]
        let fence = stride(from: box.minX, through: box.maxX, by: 6).map { Self.line(atX: $0, height: graph.layout.size.height) }
        let titles = GraphClusterTitles.frames(graph, curves: fence)
        #expect(titles.frames == graph.layout.clusterLabelFrames)
        #expect(titles.crossed == [true])
    }
}
