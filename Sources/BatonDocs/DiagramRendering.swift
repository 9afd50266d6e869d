import BatonModel
import BatonRender

/// What a documentation integration asks of the renderer: one diagram, from Baton source.
public struct DiagramRequest: Sendable {
    /// The source to compile. For Markdown it is the whole document with everything outside the
    /// fence blanked out, so diagnostics carry the Markdown file's own lines and columns.
    public var input: SourceInput
    public var flow: String?
    /// `sequence` or `graph`.
    public var view: String
    /// `light` or `dark`.
    public var theme: String
    /// Ids in the SVG start with this prefix, so diagrams can share a page.
    public var idPrefix: String
    /// The graph view's direction, `LR` or `TB`; nil for the default.
    public var direction: String?

    public init(input: SourceInput, flow: String?, view: String, theme: String, idPrefix: String, direction: String? = nil) {
        self.input = input
        self.flow = flow
        self.view = view
        self.theme = theme
        self.idPrefix = idPrefix
        self.direction = direction
    }
}

public struct RenderedDiagram: Sendable {
    public var svg: String
    /// A text alternative for `alt` attributes.
    public var description: String

    public init(svg: String, description: String) {
        self.svg = svg
        self.description = description
    }
}

/// Why a diagram could not be drawn: compile errors (already resolved to file:line:col), or a
/// problem with the request itself (an unknown flow).
public struct DiagramFailure: Error, Sendable {
    public var diagnostics: [ReportedDiagnostic]
    public var message: String

    public init(diagnostics: [ReportedDiagnostic], message: String) {
        self.diagnostics = diagnostics
        self.message = message
    }
}

/// Draws one diagram. The command line passes Baton's renderer; tests may pass their own.
public typealias DiagramRenderer = @Sendable (DiagramRequest) -> Result<RenderedDiagram, DiagramFailure>
