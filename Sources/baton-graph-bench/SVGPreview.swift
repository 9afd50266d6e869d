// A bare-bones SVG of a layout, for looking at the engine's output while tuning it (the real
// renderer lives in BatonRender).

import BatonLayout

func svgPreview(_ graph: LayeredGraph, _ layout: LayeredLayout, smooth: Bool = true) -> String {
    func f(_ v: Double) -> String { String(format: "%.1f", v) }
    var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(f(layout.size.width))\" height=\"\(f(layout.size.height))\" viewBox=\"0 0 \(f(layout.size.width)) \(f(layout.size.height))\">\n"
    out += "<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n"
    for (c, r) in layout.clusterFrames.enumerated() {
        out += "<rect x=\"\(f(r.minX))\" y=\"\(f(r.minY))\" width=\"\(f(r.width))\" height=\"\(f(r.height))\" fill=\"#eef4ff\" stroke=\"#7a9cc6\"/>\n"
        let t = layout.clusterLabelFrames[c]
        out += "<rect x=\"\(f(t.minX))\" y=\"\(f(t.minY))\" width=\"\(f(t.width))\" height=\"\(f(t.height))\" fill=\"#c6d8f0\"/>\n"
    }
    for (i, r) in layout.nodeFrames.enumerated() {
        switch graph.nodes[i].shape {
        case .ellipse:
            out += "<ellipse cx=\"\(f(r.midX))\" cy=\"\(f(r.midY))\" rx=\"\(f(r.width / 2))\" ry=\"\(f(r.height / 2))\" fill=\"#fff6d5\" stroke=\"black\"/>\n"
        default:
            out += "<rect x=\"\(f(r.minX))\" y=\"\(f(r.minY))\" width=\"\(f(r.width))\" height=\"\(f(r.height))\" fill=\"#fff6d5\" stroke=\"black\"/>\n"
        }
        out += "<text x=\"\(f(r.midX))\" y=\"\(f(r.midY + 4))\" font-size=\"10\" text-anchor=\"middle\">\(i)</text>\n"
    }
    for (e, route) in layout.edgeRoutes.enumerated() where route.count >= 2 {
        let c = smooth ? layout.edgeCurves[e] : route.flatMap { [$0, $0, $0] }.dropFirst(2).map { $0 }
        var d = "M\(f(c[0].x)),\(f(c[0].y))"
        var i = 1
        while i + 2 < c.count { d += " C\(f(c[i].x)),\(f(c[i].y)) \(f(c[i + 1].x)),\(f(c[i + 1].y)) \(f(c[i + 2].x)),\(f(c[i + 2].y))"; i += 3 }
        out += "<path d=\"\(d)\" fill=\"none\" stroke=\"#333\" stroke-width=\"0.8\"/>\n"
        let end = route[route.count - 1], prev = route[route.count - 2]
        let dx = end.x - prev.x, dy = end.y - prev.y, len = max(1e-9, (dx * dx + dy * dy).squareRoot())
        let ux = dx / len, uy = dy / len
        let a = Point(x: end.x - 7 * ux + 3 * uy, y: end.y - 7 * uy - 3 * ux), b = Point(x: end.x - 7 * ux - 3 * uy, y: end.y - 7 * uy + 3 * ux)
        out += "<polygon points=\"\(f(end.x)),\(f(end.y)) \(f(a.x)),\(f(a.y)) \(f(b.x)),\(f(b.y))\" fill=\"#333\"/>\n"
        if let l = layout.labelFrames[e] {
            out += "<rect x=\"\(f(l.minX))\" y=\"\(f(l.minY))\" width=\"\(f(l.width))\" height=\"\(f(l.height))\" fill=\"#e8ffe8\" stroke=\"#6a6\" stroke-width=\"0.5\"/>\n"
            out += "<text x=\"\(f(l.midX))\" y=\"\(f(l.midY + 3))\" font-size=\"8\" text-anchor=\"middle\">e\(e)</text>\n"
        }
    }
    out += "</svg>\n"
    return out
}
