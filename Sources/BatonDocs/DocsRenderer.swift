import BatonLayout
import BatonModel
import BatonRender
import BatonReport

/// Baton's own `DiagramRenderer`: it compiles the request's source and draws it with the render
/// stage (`Renderer`), as SVG of the requested view, flow and theme with the given id prefix.
/// Compile errors come back as diagnostics; a request the render stage refuses (an unknown
/// flow, an invalid id) as a message.
///
/// It reads imported files with `read` and resolves their real paths with `canonical`, which
/// the caller provides: this stage never touches the file system itself (the façade passes its
/// `FileReader`, the command line one that remembers what it read, so that no output replaces
/// an input).
public enum DocsRenderer {
    /// `marks` draws a request's findings (without it, a request for them draws none).
    public static func renderer(read: @escaping Compiler.Reader, canonical: @escaping Compiler.Canonicalizer,
                                marks: FindingMarker? = nil) -> DiagramRenderer {
        { request in render(request, read: read, canonical: canonical, marks: marks) }
    }

    public static func render(_ request: DiagramRequest, read: @escaping Compiler.Reader,
                              canonical: @escaping Compiler.Canonicalizer,
                              marks: FindingMarker? = nil) -> Result<RenderedDiagram, DiagramFailure> {
        var compilation = Compiler.compile(request.input, read: read, canonical: canonical)
        // A diagram in a page is titled by the page; it draws a title only when the design has one.
        if compilation.model.title == nil {
            for index in compilation.model.flows.indices where compilation.model.flows[index].isDefault {
                compilation.model.flows[index].name = ""
            }
        }
        let errors = compilation.diagnostics.filter { $0.severity == .error }
        if !errors.isEmpty {
            let reported = errors.map { ReportedDiagnostic($0, sources: compilation.sources) }
            return .failure(DiagramFailure(diagnostics: reported, message: "the design has compile errors"))
        }
        var options = RenderOptions(format: .svg, view: request.view, flow: request.flow, theme: request.theme,
                                    idPrefix: request.idPrefix, direction: request.direction)
        request.explanations.apply(to: &options)
        if request.findings, let marks {
            switch marks(compilation, request) {
            case .success(let found): options.marks = found
            case .failure(let failure): return .failure(failure)
            }
        }
        let untitled = compilation.model.title == nil ? "" : nil
        let source = request.input.bytes
        do {
            let output = try Renderer.render(compilation, source: source, options: options, untitled: untitled, documentation: true)
            var diagram = RenderedDiagram(svg: output.text, description: output.description)
            // The second theme from the same compilation: the design is read and checked once.
            if let variant = request.variant {
                var variantOptions = options
                variantOptions.theme = variant.theme
                variantOptions.idPrefix = variant.idPrefix
                diagram.variantSVG = try Renderer.render(compilation, source: source, options: variantOptions, untitled: untitled,
                                                         documentation: true).text
            }
            return .success(diagram)
        } catch {
            let help = error.help.map { " (\($0))" } ?? ""
            return .failure(DiagramFailure(diagnostics: [], message: error.message + help))
        }
    }
}
