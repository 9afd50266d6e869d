import BatonDocs
import BatonModel
import BatonRender
import BatonReport
import BatonSyntax
import Foundation

/// A stand-in renderer for testing the documentation plumbing: it compiles the design for
/// real (so diagnostics and positions are real) and returns a tiny SVG naming what it drew.
/// The real SVG renderer is tested on its own and end to end through the `baton` binary.
/// Like Baton's renderer, it draws the requested variant (the dark picture of image mode) from
/// the same compilation.
let fakeRenderer: DiagramRenderer = { request in
    let compilation = Compiler.compile(request.input)
    if compilation.hasErrors {
        let reported = compilation.diagnostics.map { ReportedDiagnostic($0, sources: compilation.sources) }
        return .failure(DiagramFailure(diagnostics: reported, message: "compile errors"))
    }
    let names = compilation.model.participants.map(\.name).joined(separator: ",")
    func svg(theme: Theme.Name, idPrefix: String) -> String {
        "<svg id=\"\(idPrefix)\" data-view=\"\(request.view.rawValue)\" data-theme=\"\(theme.rawValue)\" data-flow=\"\(request.flow ?? "")\" data-direction=\"\(request.direction?.rawValue ?? "")\" data-findings=\"\(request.findings)\">\(names)</svg>\n"
    }
    var diagram = RenderedDiagram(svg: svg(theme: request.theme, idPrefix: request.idPrefix), description: "Diagram of \(names)")
    diagram.variantSVG = request.variant.map { svg(theme: $0.theme, idPrefix: $0.idPrefix) }
    return .success(diagram)
}

/// Remembers every request a renderer was given (renderers are called from `@Sendable` closures).
final class RequestLog: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [DiagramRequest] = []
    private var storedNotes: [String] = []

    var requests: [DiagramRequest] { lock.withLock { stored } }
    /// Anything else a test wants to remember from inside a closure.
    var notes: [String] { lock.withLock { storedNotes } }

    func note(_ text: String) { lock.withLock { storedNotes.append(text) } }

    /// `renderer`, recording each request before passing it on.
    func recording(_ renderer: @escaping DiagramRenderer) -> DiagramRenderer {
        { request in
            self.lock.withLock { self.stored.append(request) }
            return renderer(request)
        }
    }
}
