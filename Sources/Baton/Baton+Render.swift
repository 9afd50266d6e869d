// Rendering for library users and the `baton render` command: pick the flow, derive the id
// prefix, lay out, write. Everything here is a pure function of the compilation and the options.

import BatonDocs
import BatonLayout
import BatonModel
import BatonRender
import BatonReport
import BatonSyntax

/// What to write.
public enum RenderFormat: String, Sendable, CaseIterable {
    case svg
    case dot
    case mermaid

    /// How people write the format's name: "SVG", "DOT", "Mermaid".
    public var displayName: String {
        switch self {
        case .svg: "SVG"
        case .dot: "DOT"
        case .mermaid: "Mermaid"
        }
    }

    /// The usual extension of a file in this format.
    public var fileExtension: String {
        switch self {
        case .svg: "svg"
        case .dot: "dot"
        case .mermaid: "mmd"
        }
    }

    /// The format a file name asks for by its extension: `.svg`, `.dot`/`.gv`, `.mmd`/`.mermaid`.
    public init?(fileName: String) {
        let lowered = fileName.lowercased()
        if lowered.hasSuffix(".svg") { self = .svg }
        else if lowered.hasSuffix(".dot") || lowered.hasSuffix(".gv") { self = .dot }
        else if lowered.hasSuffix(".mmd") || lowered.hasSuffix(".mermaid") { self = .mermaid }
        else { return nil }
    }
}

/// Which picture of the design.
public enum RenderView: String, Sendable, CaseIterable {
    /// One flow over time: lifelines, arrows, activations, fragments.
    case sequence
    /// The whole architecture: participants as nodes, merged interactions as edges.
    case graph
}

/// Which way the graph view's edges run, in Graphviz's words.
public enum GraphDirection: String, Sendable, CaseIterable {
    /// Left to right (the default): data flows across the page, as most architecture diagrams read.
    case leftToRight = "LR"
    /// Top to bottom: for tall, narrow pages and long pipelines.
    case topToBottom = "TB"

    var layoutDirection: LayoutDirection {
        switch self {
        case .leftToRight: .leftToRight
        case .topToBottom: .topToBottom
        }
    }
}

public struct RenderOptions: Hashable, Sendable {
    public var format: RenderFormat
    /// Nil: the format's own (SVG: sequence; DOT: graph; Mermaid: sequence).
    public var view: RenderView?
    /// A flow by name; nil: the root file's default flow, else the first flow (the graph view:
    /// every flow).
    public var flow: String?
    public var theme: Theme.Name
    /// Overrides the content-derived id prefix.
    public var idPrefix: String?
    /// The graph view's direction (SVG and DOT alike); the sequence view has only one.
    public var direction: GraphDirection
    /// The largest graph view laid out, in participants and connections together (see
    /// `GraphViewLimit`); a bigger one is refused before it takes long. DOT is not limited: it
    /// only lists the design, and Graphviz does the layout.
    public var graphLimit: Int
    /// 50,000: the heaviest graph views within it take seconds and under 1 GB.
    public static let defaultGraphLimit = GraphViewLimit.standard
    /// The greatest limit the command line takes: 200 times the default, far beyond what a
    /// machine lays out, so it bounds nothing real — it only keeps a mistyped number from
    /// being read as "no limit".
    public static let maximumGraphLimit = 10_000_000

    public init(format: RenderFormat = .svg, view: RenderView? = nil, flow: String? = nil,
                theme: Theme.Name = .light, idPrefix: String? = nil, direction: GraphDirection = .leftToRight,
                graphLimit: Int = RenderOptions.defaultGraphLimit) {
        self.format = format
        self.view = view
        self.flow = flow
        self.theme = theme
        self.idPrefix = idPrefix
        self.direction = direction
        self.graphLimit = graphLimit
    }

    /// The view actually drawn.
    public var effectiveView: RenderView {
        view ?? (format == .dot ? .graph : .sequence)
    }
}

/// Why a compiled design could not be rendered as asked: the invocation's fault (exit 2).
public struct RenderError: Error, Hashable, Sendable {
    public var message: String
    public var help: String?
}

extension Baton {
    /// Renders a compiled design. `source` is the root file's bytes: with the options, they
    /// determine the id prefix. The compilation must be free of errors.
    public static func render(_ compilation: Compilation, source: [UInt8], options: RenderOptions) throws(RenderError) -> String {
        try rendered(compilation, source: source, options: options).text
    }

    /// The output and its text alternative (for `alt` attributes and captions). `documentation`
    /// says that a documentation build asks, which changes the advice in errors.
    static func rendered(_ compilation: Compilation, source: [UInt8], options: RenderOptions, untitled: String? = nil,
                         documentation: Bool = false) throws(RenderError) -> (text: String, description: String) {
        let untitledName = untitled ?? Self.untitled(compilation)
        let model = compilation.model
        let view = options.effectiveView
        switch (options.format, view) {
        case (.dot, .sequence):
            throw RenderError(message: "DOT output is always the graph view",
                              help: "drop '--view sequence', or use --to svg or --to mermaid for a sequence diagram")
        case (.mermaid, .graph):
            throw RenderError(message: "the Mermaid export is a sequence diagram",
                              help: "use --view graph with --to svg or --to dot for the graph view")
        case (_, .sequence) where options.direction != .leftToRight:
            throw RenderError(message: "--direction \(options.direction.rawValue) applies to the graph view only",
                              help: "add --view graph (or --to dot), or drop --direction")
        default:
            break
        }
        let flow = try selectFlow(options.flow, in: model, required: view == .sequence)
        let theme = Theme.named(options.theme)
        // Mermaid has no ids; the others get the given prefix or one derived from the content.
        let given = try options.idPrefix.map(validatedPrefix)
        let prefix = options.format == .mermaid ? ""
            : given ?? idPrefix(source: source, format: options.format, view: view, flow: flow.map { model[$0].name }, theme: options.theme,
                                direction: options.direction)
        switch (options.format, view) {
        case (.svg, .sequence):
            let scene = SequenceLayout.scene(model: model, flow: flow, untitled: untitledName)
            return (SVGWriter.write(scene, options: SVGOptions(theme: theme, idPrefix: prefix)), scene.description)
        case (.svg, .graph):
            let scene: Scene
            do {
                scene = try GraphViewLayout.scene(model: model, flow: flow, untitled: untitledName,
                                                  direction: options.direction.layoutDirection, limit: options.graphLimit)
            } catch {
                let file = compilation.sources.files.isEmpty ? "<input>" : compilation.sources[compilation.rootFile].path
                throw RenderError.graphTooLarge(error, file: file, documentation: documentation)
            }
            return (SVGWriter.write(scene, options: SVGOptions(theme: theme, idPrefix: prefix)), scene.description)
        case (.dot, _):
            let title = graphTitle(model: model, flow: flow, untitled: untitledName)
            let dotOptions = DOTOptions(theme: theme, idPrefix: prefix, flow: flow, title: title,
                                        direction: options.direction.layoutDirection)
            return (DOTWriter.write(model: model, options: dotOptions),
                    "Graph of \(title)")
        case (.mermaid, _):
            let flowValue = flow.map { model[$0] }
            let description = SequenceDescription.describe(model: model, flow: flowValue)
            return (MermaidWriter.write(model: model, flow: flow,
                                        title: SequenceDescription.title(model: model, flow: flowValue, untitled: untitledName),
                                        description: description), description)
        }
    }

    /// Baton's renderer for documentation builds (`BatonDocs`: Markdown fences, the pandoc filter,
    /// the mdBook preprocessor): an SVG of the requested view, flow and theme, with the given id
    /// prefix. Compile errors come back as diagnostics; a bad request (an unknown flow, view or
    /// theme, an invalid id) as a message.
    public static let diagramRenderer: DiagramRenderer = { request in renderDiagram(request) }

    /// The same renderer, reading imported files with `read` (the command line passes one that
    /// remembers what it read, so that no output replaces an input).
    public static func diagramRenderer(read: @escaping Compiler.Reader) -> DiagramRenderer {
        { request in renderDiagram(request, read: read) }
    }

    public static func renderDiagram(_ request: DiagramRequest,
                                     read: @escaping Compiler.Reader = FileReader.readImport) -> Result<RenderedDiagram, DiagramFailure> {
        var compilation = Compiler.compile(request.input, read: read, canonical: { FileReader.canonical($0) })
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
        guard let view = RenderView(rawValue: request.view) else {
            return .failure(DiagramFailure(diagnostics: [], message: "unknown view '\(request.view)'; use sequence or graph"))
        }
        guard let theme = Theme.Name(rawValue: request.theme) else {
            return .failure(DiagramFailure(diagnostics: [], message: "unknown theme '\(request.theme)'; use light or dark"))
        }
        guard let direction = GraphDirection(rawValue: request.direction ?? GraphDirection.leftToRight.rawValue) else {
            return .failure(DiagramFailure(diagnostics: [], message: "unknown direction '\(request.direction ?? "")'; use LR or TB"))
        }
        let options = RenderOptions(format: .svg, view: view, flow: request.flow, theme: theme, idPrefix: request.idPrefix,
                                    direction: direction)
        var variantOptions: RenderOptions?
        if let variant = request.variant {
            guard let theme = Theme.Name(rawValue: variant.theme) else {
                return .failure(DiagramFailure(diagnostics: [], message: "unknown theme '\(variant.theme)'; use light or dark"))
            }
            variantOptions = options
            variantOptions?.theme = theme
            variantOptions?.idPrefix = variant.idPrefix
        }
        let untitled = compilation.model.title == nil ? "" : nil
        do {
            let output = try rendered(compilation, source: request.input.bytes, options: options, untitled: untitled, documentation: true)
            var diagram = RenderedDiagram(svg: output.text, description: output.description)
            // The second theme from the same compilation: the design is read and checked once.
            if let variantOptions {
                diagram.variantSVG = try rendered(compilation, source: request.input.bytes, options: variantOptions, untitled: untitled,
                                                  documentation: true).text
            }
            return .success(diagram)
        } catch {
            let help = error.help.map { " (\($0))" } ?? ""
            return .failure(DiagramFailure(diagnostics: [], message: error.message + help))
        }
    }

    /// The flow to draw: the one named, else the root file's default flow, else the first.
    /// Nil when the model has no flow (or, for the graph view, when none was named: it shows all).
    public static func selectFlow(_ name: String?, in model: Model, required: Bool = true) throws(RenderError) -> FlowID? {
        if let name {
            if let flow = model.flow(named: name) { return flow.id }
            let names = model.flows.map(\.name)
            var help = names.isEmpty ? "this design has no flows"
                : "the flows are: " + names.map { "\"\($0)\"" }.joined(separator: ", ")
            if let suggestion = Suggestion.closest(to: name, in: names) { help = "did you mean \"\(suggestion)\"? " + help }
            throw RenderError(message: "there is no flow named \"\(name)\"", help: help)
        }
        guard required else { return nil }
        if let root = model.flows.first(where: { $0.isDefault && $0.span.file == FileID(0) }) { return root.id }
        return model.flows.first?.id
    }

    /// `b-` and the first 10 hex digits of SHA-256 over the source and every option that
    /// changes the picture, so that two different diagrams on one page never share an id, and
    /// the same diagram always gets the same ones. (The default direction adds nothing, so
    /// left-to-right drawings keep the ids they had before directions existed.)
    public static func idPrefix(source: [UInt8], format: RenderFormat, view: RenderView, flow: String?,
                                theme: Theme.Name, direction: GraphDirection = .leftToRight) -> String {
        var hasher = SHA256()
        hasher.update(source)
        var parts = [format.rawValue, view.rawValue, flow ?? "", theme.rawValue]
        if direction != .leftToRight { parts.append(direction.rawValue) }
        for part in parts {
            hasher.update([0])
            hasher.update(Array(part.utf8))
        }
        return "b-" + String(SHA256.hex(hasher.finalize()).prefix(10))
    }

    /// A user's prefix must be a valid start of an XML id: a letter or `_`, then letters,
    /// digits, `_`, `-` or `.`, all ASCII, at most 64 of them (it is repeated in every id).
    static func validatedPrefix(_ prefix: String) throws(RenderError) -> String {
        let allowed = "use ASCII letters, digits, '_', '-' or '.', starting with a letter or '_'"
        let scalars = Array(prefix.unicodeScalars)
        guard let first = scalars.first else {
            throw RenderError(message: "the id prefix is empty", help: allowed + ", or leave the prefix out to derive one from the content")
        }
        guard first.isASCII, first.properties.isAlphabetic || first == "_" else {
            throw RenderError(message: "'\(prefix)' cannot start an id: it starts with \(shown(first)), and an id starts with an ASCII letter or '_'",
                              help: allowed)
        }
        if let bad = scalars.firstIndex(where: { !($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "_-.".unicodeScalars.contains($0))) }) {
            throw RenderError(message: "'\(prefix)' cannot start an id: \(shown(scalars[bad])) at position \(bad + 1) is not allowed",
                              help: allowed)
        }
        guard scalars.count <= 64 else {
            throw RenderError(message: "the id prefix must be at most 64 characters long, not \(scalars.count)",
                              help: "it is repeated in every id of the SVG: shorten it")
        }
        return prefix
    }

    /// A character as a message names it: `'é'`, `'/'`; a space or a tab by name and any other
    /// invisible character by its code point, since quoted they are easy to misread.
    private static func shown(_ scalar: Unicode.Scalar) -> String {
        switch scalar {
        case " ": return "a space"
        case "\t": return "a tab"
        default:
            switch scalar.properties.generalCategory {
            case .control, .format, .spaceSeparator, .lineSeparator, .paragraphSeparator, .privateUse, .unassigned, .surrogate:
                let hex = String(scalar.value, radix: 16, uppercase: true)
                return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
            default:
                return "'\(scalar)'"
            }
        }
    }

    /// What a design without a title is called: its file's name, as for its default flow.
    static func untitled(_ compilation: Compilation) -> String {
        guard !compilation.sources.files.isEmpty else { return "main" }
        let stem = PathName.stem(of: compilation.sources[compilation.rootFile].path)
        return stem == "<stdin>" || stem.isEmpty ? "main" : stem
    }

    static func graphTitle(model: Model, flow: FlowID?, untitled: String) -> String {
        GraphDescription.title(model: model, flow: flow.map { model[$0] }, untitled: untitled)
    }
}
