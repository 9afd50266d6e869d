// Reading a graph-view scene back into its parts, and the geometric invariants every graph view
// must satisfy, for the graph scene tests.

import BatonModel
import Foundation
import Testing
@testable import BatonLayout

/// The parts of a graph-view scene, found by their group ids: `p<participant>` for nodes,
/// `g<group>` for clusters and `e<edge>` for edges (numbered like `GraphViewContent.edges`).
struct GraphSceneParts {
    struct Node {
        var shape: SceneShape
        var label: TextBlock?
        var frame: Rect { shape.frame }
    }

    struct Cluster {
        var box: SceneShape
        var title: TextBlock?
        /// Drawn over the edges on a plate, because edges had to cross it.
        var titleHasPlate = false
    }

    struct Edge {
        var id: String
        var line: SceneLine
        var label: TextBlock?
    }

    var nodes: [String: Node] = [:]
    var clusters: [String: Cluster] = [:]
    /// In paint order, which is the content's edge order.
    var edges: [Edge] = []
    var title: TextBlock?

    init(_ scene: Scene) {
        for item in scene.items {
            switch item {
            case .text(let text):
                title = text
            case .group(let group):
                guard let id = group.id else { continue }
                let shapes = group.items.compactMap { if case .shape(let s) = $0 { s } else { nil } }
                let texts = group.items.compactMap { if case .text(let t) = $0 { t } else { nil } }
                let lines = group.items.compactMap { if case .line(let l) = $0 { l } else { nil } }
                if id.hasPrefix("p"), let shape = shapes.first {
                    nodes[id] = Node(shape: shape, label: texts.first)
                } else if id.hasPrefix("g"), id.hasSuffix("-title") {
                    let cluster = String(id.dropLast("-title".count))
                    clusters[cluster]?.title = texts.first
                    clusters[cluster]?.titleHasPlate = !shapes.isEmpty
                } else if id.hasPrefix("g"), let box = shapes.first {
                    clusters[id] = Cluster(box: box, title: texts.first)
                } else if id.hasPrefix("e"), let line = lines.first {
                    edges.append(Edge(id: id, line: line, label: texts.first))
                }
            default:
                continue
            }
        }
    }
}

/// Whether `p` lies within `distance` of the outline of `shape`: on a small circle around it
/// there are points inside the outline and points outside.
func isOnOutline(_ p: Point, of shape: SceneShape, within distance: Double = 1) -> Bool {
    let outline = shape.kind.outline(size: shape.frame.size)
    var inside = false, outside = false
    for k in 0..<32 {
        let angle = Double(k) * .pi / 16
        let q = Point(x: p.x + distance * cos(angle), y: p.y + distance * sin(angle))
        if outline.contains(q, in: shape.frame) { inside = true } else { outside = true }
    }
    return inside && outside
}

/// Checks the graph view's invariants on `scene`, the graph of `model` (or of one flow).
func expectValidGraphScene(_ scene: Scene, model: Model, flow: FlowID?, sourceLocation: SourceLocation = #_sourceLocation) {
    let content = GraphViewContent(model: model, flow: flow)
    let parts = GraphSceneParts(scene)
    let canvas = Rect(origin: .zero, size: scene.size).insetBy(-0.01)

    // Everything on the canvas.
    for item in scene.leafItems where !canvas.contains(item.bounds) {
        Issue.record("\(item.bounds) lies outside the canvas \(scene.size)", sourceLocation: sourceLocation)
    }

    // One node per shown participant; nodes do not overlap; names stay inside their shapes.
    #expect(parts.nodes.count == content.nodes.count, sourceLocation: sourceLocation)
    let nodes = content.nodes.compactMap { parts.nodes["p\($0.rawValue)"] }
    guard nodes.count == content.nodes.count else {
        Issue.record("nodes are missing from the scene", sourceLocation: sourceLocation)
        return
    }
    for i in nodes.indices {
        if let label = nodes[i].label, !nodes[i].frame.insetBy(-0.01).contains(label.frame) {
            Issue.record("the name of node \(i) sticks out of its shape", sourceLocation: sourceLocation)
        }
        for j in nodes.indices where j > i && nodes[i].frame.overlaps(nodes[j].frame, tolerance: 1e-6) {
            Issue.record("nodes \(i) and \(j) overlap", sourceLocation: sourceLocation)
        }
    }

    // Labels (of edges and clusters) overlap no node and no other label.
    var labels: [(name: String, frame: Rect, crossable: Bool)] = []
    for edge in parts.edges { if let label = edge.label { labels.append(("label of \(edge.id)", label.frame, false)) } }
    for (id, cluster) in parts.clusters.sorted(by: { $0.key < $1.key }) {
        if let title = cluster.title { labels.append(("title of \(id)", title.frame, cluster.titleHasPlate)) }
    }
    for i in labels.indices {
        for (n, node) in nodes.enumerated() where labels[i].frame.overlaps(node.frame, tolerance: 1e-6) {
            Issue.record("the \(labels[i].name) overlaps node \(n)", sourceLocation: sourceLocation)
        }
        for j in labels.indices where j > i && labels[i].frame.overlaps(labels[j].frame, tolerance: 1e-6) {
            Issue.record("the \(labels[i].name) overlaps the \(labels[j].name)", sourceLocation: sourceLocation)
        }
    }

    // Edges: one per content edge, from the data source's outline to the data target's, and
    // through no other node and no label.
    #expect(parts.edges.count == content.edges.count, sourceLocation: sourceLocation)
    for (k, edge) in content.edges.enumerated() {
        guard let drawn = parts.edges.first(where: { $0.id == "e\(k)" }) else {
            Issue.record("edge \(k) is not drawn", sourceLocation: sourceLocation)
            continue
        }
        guard let source = parts.nodes["p\(edge.dataSource.rawValue)"], let target = parts.nodes["p\(edge.dataTarget.rawValue)"] else {
            continue
        }
        let line = drawn.line
        #expect(isOnOutline(line.startPoint, of: source.shape), "edge \(k) starts off its source's outline at \(line.startPoint)",
                sourceLocation: sourceLocation)
        #expect(isOnOutline(line.endPoint, of: target.shape), "edge \(k) ends off its target's outline at \(line.endPoint)",
                sourceLocation: sourceLocation)
        let sampled = Polyline.sampleCubicBezier(line.path.points, steps: 6)
        for s in 1..<max(1, sampled.count) {
            for (id, node) in parts.nodes where node.frame != source.frame && node.frame != target.frame {
                if segment(sampled[s - 1], sampled[s], entersInteriorOf: node.frame) {
                    Issue.record("edge \(k) passes through node \(id)", sourceLocation: sourceLocation)
                }
            }
            // A cluster title that edges cannot avoid is drawn over them on a plate.
            for label in labels where !label.crossable && segment(sampled[s - 1], sampled[s], entersInteriorOf: label.frame) {
                Issue.record("edge \(k) passes through the \(label.name)", sourceLocation: sourceLocation)
            }
        }
    }

    // Clusters hold exactly their members and nested clusters.
    var expected: [(id: String, members: [ParticipantID], nested: [String])] = []
    func collect(_ cluster: GraphViewContent.Cluster) -> [ParticipantID] {
        var members = cluster.members
        var nested: [String] = []
        for sub in cluster.subclusters {
            members += collect(sub)
            nested.append("g\(sub.group.rawValue)")
        }
        expected.append(("g\(cluster.group.rawValue)", members, nested))
        return members
    }
    for cluster in content.clusters { _ = collect(cluster) }
    #expect(parts.clusters.count == expected.count, sourceLocation: sourceLocation)
    for cluster in expected {
        guard let drawn = parts.clusters[cluster.id] else {
            Issue.record("cluster \(cluster.id) is not drawn", sourceLocation: sourceLocation)
            continue
        }
        let box = drawn.box.frame
        if let title = drawn.title, !box.contains(title.frame) {
            Issue.record("the title of \(cluster.id) lies outside its box", sourceLocation: sourceLocation)
        }
        for id in content.nodes {
            guard let node = parts.nodes["p\(id.rawValue)"] else { continue }
            if cluster.members.contains(id) {
                #expect(box.contains(node.frame), "\(cluster.id) does not contain its member p\(id.rawValue)", sourceLocation: sourceLocation)
            } else if box.overlaps(node.frame, tolerance: 1e-6) {
                Issue.record("\(cluster.id) overlaps p\(id.rawValue), which is not a member", sourceLocation: sourceLocation)
            }
        }
        for nested in cluster.nested {
            if let inner = parts.clusters[nested], !box.contains(inner.box.frame) {
                Issue.record("\(cluster.id) does not contain the nested \(nested)", sourceLocation: sourceLocation)
            }
        }
    }
}
