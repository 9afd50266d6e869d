import Baton
import BatonRender

// Rendering stages: each compiles the generated design, then renders it.
extension Bench {
    static var renderStages: [Stage] {
        [
            // Draw every flow as a sequence diagram (Baton's layout + SVG).
            Stage(name: "render-svg") { source in renderEveryFlow(source, format: .svg) },
            // Write the graph view of the whole design as DOT.
            Stage(name: "render-dot") { source in
                let compilation = Baton.compile(source: source, path: "bench.baton")
                _ = try? Baton.render(compilation, source: Array(source.utf8), options: RenderOptions(format: .dot))
            },
            // Export every flow to Mermaid.
            Stage(name: "render-mermaid") { source in renderEveryFlow(source, format: .mermaid) },
            // The graph view of the whole design as SVG, laid out by Baton (what
            // `baton render --view graph` does after reading the file). Graphs are measured by
            // participants and interactions: 100/1,000 should take well under a second.
            Stage(name: "render-graph", workloads: [.shape(participants: 30, interactions: 200),
                                                    .shape(participants: 100, interactions: 1_000),
                                                    .shape(participants: 300, interactions: 1_500),
                                                    .shape(participants: 1_000, interactions: 3_000)]) { source in
                let compilation = Baton.compile(source: source, path: "bench.baton")
                _ = try? Baton.render(compilation, source: Array(source.utf8), options: RenderOptions(format: .svg, view: .graph))
            },
        ]
    }

    static func renderEveryFlow(_ source: String, format: RenderFormat) {
        let compilation = Baton.compile(source: source, path: "bench.baton")
        let bytes = Array(source.utf8)
        for flow in compilation.model.flows {
            _ = try? Baton.render(compilation, source: bytes, options: RenderOptions(format: format, flow: flow.name))
        }
    }
}
