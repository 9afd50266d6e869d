import BatonDocs
import BatonModel
import BatonRender
import BatonSyntax

/// A stand-in renderer for testing the documentation plumbing: it compiles the design for
/// real (so diagnostics and positions are real) and returns a tiny SVG naming what it drew.
/// The real SVG renderer is tested on its own and end to end through the `baton` binary.
let fakeRenderer: DiagramRenderer = { request in
    let compilation = Compiler.compile(request.input)
    if compilation.hasErrors {
        let reported = compilation.diagnostics.map { ReportedDiagnostic($0, sources: compilation.sources) }
        return .failure(DiagramFailure(diagnostics: reported, message: "compile errors"))
    }
    let names = compilation.model.participants.map(\.name).joined(separator: ",")
    let svg = "<svg id=\"\(request.idPrefix)\" data-view=\"\(request.view)\" data-theme=\"\(request.theme)\" data-flow=\"\(request.flow ?? "")\" data-direction=\"\(request.direction ?? "")\">\(names)</svg>\n"
    return .success(RenderedDiagram(svg: svg, description: "Diagram of \(names)"))
}
