import BatonLayout
import BatonModel
import BatonRender
import BatonReport

/// What a documentation integration asks of the renderer: one diagram, from Baton source, with
/// the settings already read from the page into the render stage's own types.
public struct DiagramRequest: Sendable {
    /// The source to compile: the fence's own lines (indentation kept, so columns are the
    /// page's), with the page's lines before them as `lineOffset`, so diagnostics carry the
    /// Markdown file's own lines and columns.
    public var input: SourceInput
    public var flow: String?
    public var view: RenderView
    public var theme: Theme.Name
    /// Ids in the SVG start with this prefix, so diagrams can share a page.
    public var idPrefix: String
    /// The graph view's direction; nil when the page gives none or says `auto`: the graph view
    /// chooses, and the diagram's file name leaves the direction out of its hash.
    public var direction: LayoutDirection?
    /// The same picture once more in another theme (image mode writes a light and a dark
    /// file), drawn from the same compilation: the design is read and compiled once.
    public var variant: DiagramVariant?
    /// Draw the design's findings on it (the fence's `findings` option, `render --findings`).
    public var findings: Bool
    /// A key, step numbers, timing brackets (the fence's `legend`, `numbers`, `timing`).
    public var explanations: DiagramExplanations

    public init(input: SourceInput, flow: String?, view: RenderView, theme: Theme.Name, idPrefix: String,
                direction: LayoutDirection? = nil, variant: DiagramVariant? = nil, findings: Bool = false,
                explanations: DiagramExplanations = DiagramExplanations()) {
        self.findings = findings
        self.explanations = explanations
        self.input = input
        self.flow = flow
        self.view = view
        self.theme = theme
        self.idPrefix = idPrefix
        self.direction = direction
        self.variant = variant
    }
}

/// A second theme for the picture of a `DiagramRequest`, with its own ids.
public struct DiagramVariant: Hashable, Sendable {
    public var theme: Theme.Name
    public var idPrefix: String

    public init(theme: Theme.Name, idPrefix: String) {
        self.theme = theme
        self.idPrefix = idPrefix
    }
}

public struct RenderedDiagram: Sendable {
    public var svg: String
    /// A text alternative for `alt` attributes.
    public var description: String
    /// The picture in the request's `variant` theme; nil when none was asked for, or when the
    /// renderer draws no variants (then the caller asks again, with the variant's theme).
    public var variantSVG: String?

    public init(svg: String, description: String, variantSVG: String? = nil) {
        self.svg = svg
        self.description = description
        self.variantSVG = variantSVG
    }
}

/// Why a diagram could not be drawn: compile errors (already resolved to file:line:col), or a
/// problem with the request itself (an unknown flow, view or theme).
public struct DiagramFailure: Error, Sendable {
    public var diagnostics: [ReportedDiagnostic]
    public var message: String

    public init(diagnostics: [ReportedDiagnostic], message: String) {
        self.diagnostics = diagnostics
        self.message = message
    }
}

/// The findings to draw on a request's diagram, from its compilation (error-free). The façade
/// supplies it (`Baton.diagramRenderer`): only it turns diagnostics into marks.
public typealias FindingMarker = @Sendable (Compilation, DiagramRequest) -> Result<[FindingMark], DiagramFailure>

/// Draws one diagram. The command line passes Baton's renderer (`DocsRenderer`); tests may pass
/// their own.
public typealias DiagramRenderer = @Sendable (DiagramRequest) -> Result<RenderedDiagram, DiagramFailure>
