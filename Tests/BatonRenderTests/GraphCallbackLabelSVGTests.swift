// In the graph view a callback's label takes its line's colour, read back from the SVG a reader
// gets: the label says which edge it belongs to by colour as well as by place. Every other
// edge's label keeps the ink colour, so the colour marks callbacks only.

import BatonRender
import Testing

@Suite struct GraphCallbackLabelSVGTests {
    /// One `<g class="interaction …">` of the SVG: its kind, the stroke of its line (the first
    /// path) and the fill of each of its texts.
    struct Edge {
        var kind: String
        var stroke: String?
        var labelFills: [String]
    }

    static func attribute(_ name: String, in tag: Substring) -> String? {
        guard let start = tag.range(of: " \(name)=\"") else { return nil }
        let rest = tag[start.upperBound...]
        return rest.firstIndex(of: "\"").map { String(rest[..<$0]) }
    }

    static func edges(in svg: String) -> [Edge] {
        var edges: [Edge] = []
        var rest = svg[...]
        while let open = rest.range(of: "class=\"interaction ") {
            let kind = String(rest[open.upperBound...].prefix { $0 != "\"" })
            guard let close = rest[open.upperBound...].range(of: "</g>") else { break }
            let body = rest[open.upperBound..<close.lowerBound]
            var edge = Edge(kind: kind, stroke: nil, labelFills: [])
            for line in body.split(separator: "\n") {
                if edge.stroke == nil, line.contains("<path") { edge.stroke = attribute("stroke", in: line) }
                if line.contains("<text"), let fill = attribute("fill", in: line) { edge.labelFills.append(fill) }
            }
            edges.append(edge)
            rest = rest[close.upperBound...]
        }
        return edges
    }

    @Test(arguments: Theme.Name.allCases)
    func callbackLabelsTakeTheirEdgesColourInTheSVG(_ name: Theme.Name) throws {
        let theme = Theme.named(name)
        let callback = theme.linePaint(.callbackLine).stroke
        var callbackLabels = 0
        for testCase in RenderCase.designs {
            let svg = try testCase.render(.svg, theme: name, view: .graph)
            for edge in Self.edges(in: svg) {
                if edge.kind == "callback" {
                    #expect(edge.stroke == callback, "\(testCase): a callback's line")
                    #expect(edge.labelFills.allSatisfy { $0 == edge.stroke }, "\(testCase): \(edge.labelFills)")
                    callbackLabels += edge.labelFills.count
                } else {
                    #expect(edge.labelFills.allSatisfy { $0 == theme.ink }, "\(testCase) \(edge.kind): \(edge.labelFills)")
                }
            }
        }
        // card-payments, webhook-integration and others have labelled callbacks.
        #expect(callbackLabels >= 3)
    }
}
