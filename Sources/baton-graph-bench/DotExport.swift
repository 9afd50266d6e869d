// Writes a benchmark graph as Graphviz DOT with the same node, label and title sizes and the
// same separations, so that dot lays out exactly the same problem.

import BatonLayout

func dotSource(_ graph: LayeredGraph, options: LayeredLayoutOptions) -> String {
    func inches(_ points: Double) -> String { String(format: "%.4f", points / 72) }
    func box(_ s: Size) -> String {
        "<<TABLE FIXEDSIZE=\"TRUE\" WIDTH=\"\(Int(s.width.rounded()))\" HEIGHT=\"\(Int(s.height.rounded()))\" BORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"0\"><TR><TD></TD></TR></TABLE>>"
    }
    var out = "digraph G {\n"
    out += "  rankdir=\(options.direction == .leftToRight ? "LR" : "TB");\n"
    out += "  nodesep=\(inches(options.nodeSeparation)); ranksep=\(inches(options.layerSeparation));\n"
    out += "  node [shape=box, fixedsize=true, label=\"\"];\n"
    for (i, node) in graph.nodes.enumerated() {
        out += "  n\(i) [width=\(inches(node.size.width)), height=\(inches(node.size.height))];\n"
    }
    var children = Array(repeating: [Int](), count: graph.clusters.count)
    var roots: [Int] = []
    for (c, cluster) in graph.clusters.enumerated() {
        if let p = cluster.parent, p >= 0, p < c { children[p].append(c) } else { roots.append(c) }
    }
    var members = Array(repeating: [Int](), count: graph.clusters.count)
    for (i, node) in graph.nodes.enumerated() { if let c = node.cluster { members[c].append(i) } }
    func emit(_ c: Int, indent: String) {
        out += "\(indent)subgraph cluster_\(c) {\n"
        out += "\(indent)  label=\(box(graph.clusters[c].labelSize));\n"
        for v in members[c] { out += "\(indent)  n\(v);\n" }
        for d in children[c] { emit(d, indent: indent + "  ") }
        out += "\(indent)}\n"
    }
    for c in roots { emit(c, indent: "  ") }
    for e in graph.edges {
        out += "  n\(e.from) -> n\(e.to)"
        if let s = e.labelSize { out += " [label=\(box(s))]" }
        out += ";\n"
    }
    out += "}\n"
    return out
}
