import Baton

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
