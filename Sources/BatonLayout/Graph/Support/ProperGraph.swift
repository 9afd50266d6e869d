// The layered graph once every arc joins consecutive layers: long edges are chains of dummy
// vertices, labels ride on a dummy of their own, and clusters have a vertex in every layer
// they span. The ordering and coordinate phases work on this.

struct ProperGraph: Sendable {
    enum Vertex: Hashable, Sendable {
        /// A node of the input graph.
        case node(Int)
        /// A bend of a long edge (index into the input's edges).
        case bend(edge: Int)
        /// The vertex carrying an edge's label, in the middle of the edge.
        case label(edge: Int)
        /// An empty stand-in keeping a cluster present in a layer where it has nothing else,
        /// so that clusters stay contiguous and their boxes rectangular.
        case filler(cluster: Int)

        var isDummy: Bool {
            switch self {
            case .bend, .label: return true
            case .node, .filler: return false
            }
        }
    }

    var vertices: [Vertex]
    var layer: [Int]
    /// Innermost cluster of each vertex (`ClusterTree.root` for none).
    var cluster: [Int]
    var layerCount: Int
    /// Neighbours in the layer above (`layer − 1`), in compressed rows; a neighbour appears once
    /// per arc, so parallel arcs repeat it.
    var upperStart: [Int]
    var upper: [Int]
    /// Neighbours in the layer below (`layer + 1`).
    var lowerStart: [Int]
    var lower: [Int]
    /// For each input edge, its vertices from the layout tail to the layout head; empty for
    /// self-loops and invalid edges.
    var chains: [[Int]]
    /// Whether each input edge was turned around for the layout.
    var reversed: [Bool]
    /// The first and last layer of every cluster (`nil` range never happens: empty clusters get
    /// a filler).
    var clusterLayers: [ClosedRange<Int>]

    var vertexCount: Int { vertices.count }

    /// The number of arcs at `v`, both sides together.
    func degree(_ v: Int) -> Int {
        let up: Int = upperStart[v + 1] - upperStart[v]
        let down: Int = lowerStart[v + 1] - lowerStart[v]
        return up + down
    }

    func upperNeighbors(_ v: Int) -> ArraySlice<Int> { upper[upperStart[v]..<upperStart[v + 1]] }
    func lowerNeighbors(_ v: Int) -> ArraySlice<Int> { lower[lowerStart[v]..<lowerStart[v + 1]] }

    /// The vertices of each layer, in vertex order.
    func verticesByLayer() -> [[Int]] {
        var layers = Array(repeating: [Int](), count: layerCount)
        for v in 0..<vertexCount { layers[layer[v]].append(v) }
        return layers
    }
}
