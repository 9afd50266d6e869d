// BatonRender: the render stage. It turns a compiled design into a picture — SVG, PDF and PNG
// from the layout's `Scene`, DOT and Mermaid from the model — and never sees a diagnostic
// (reports are BatonReport's).
//
// - The vocabulary of a request (`Vocabulary/`): `RenderFormat`, `RenderView`, `RenderOptions`,
//   `FlowSelection`, `IDPrefix`, and `RenderError` for a request that cannot be drawn. Callers
//   pass these typed values; the command line and documentation fences parse their words into
//   them, and nothing here parses them back.
// - `Renderer.render` picks the flow, derives or checks the id prefix, lays out and writes.
// - Invariants: a render is a pure function of the compilation, the root file's bytes and the
//   options, so the same input gives the same bytes on every machine (ids included).

import BatonLayout
import BatonModel

/// A picture and its text alternative (for `alt` attributes and captions).
public struct RenderOutput: Hashable, Sendable {
    public var text: String
    public var description: String
}

/// A PNG and its text alternative: bytes rather than text.
public struct RenderedImage: Hashable, Sendable {
    public var bytes: [UInt8]
    public var description: String
}

public enum Renderer {
    /// The simulation view is drawn by the façade (`Baton.render`), which can run the simulator.
    static let simulationViewRefused = RenderError(
        message: "the simulation view runs the design, which the render stage cannot do",
        help: "render it through the façade (Baton.render), or with 'baton render --view simulation'")

    /// Renders a compiled design. `source` is the root file's bytes: with the options, they
    /// determine the id prefix. The compilation must be free of errors.
    ///
    /// `untitled` names a design without a title (nil: its file's name, see `DesignName`);
    /// `documentation` says that a documentation build asks, which changes the advice in errors
    /// (fence options instead of command-line flags).
    public static func render(_ compilation: Compilation, source: [UInt8], options: RenderOptions, untitled: String? = nil,
                              documentation: Bool = false) throws(RenderError) -> RenderOutput {
        let (view, flow, untitledName) = try prepare(compilation, options: options, untitled: untitled)
        let model = compilation.model
        let theme = Theme.named(options.theme)
        // Mermaid has no ids; the others get the given prefix or one derived from the content.
        let given = try options.idPrefix.map(IDPrefix.validated)
        let prefix = options.format == .mermaid ? ""
            : given ?? IDPrefix.derived(source: source, format: options.format, view: view, flow: flow.map { model[$0].name },
                                        theme: options.theme, direction: options.direction, marks: options.marks,
                                        explanations: options.explanationWords)
        switch (options.format, view) {
        case (.svg, .sequence), (.svg, .graph):
            let scene = try svgScene(compilation, flow: flow, view: view, options: options, untitled: untitledName,
                                     documentation: documentation)
            return RenderOutput(text: SVGWriter.write(scene, options: SVGOptions(theme: theme, idPrefix: prefix)), description: scene.description)
        case (.pdf, .sequence), (.pdf, .graph):
            let scene = try svgScene(compilation, flow: flow, view: view, options: options, untitled: untitledName,
                                     documentation: documentation)
            return RenderOutput(text: PDFWriter.write(scene, options: PDFOptions(theme: theme)), description: scene.description)
        case (.dot, _):
            let title = GraphDescription.title(model: model, flow: flow.map { model[$0] }, untitled: untitledName)
            let direction = GraphViewLayout.direction(options.direction, model: model, flow: flow, untitled: untitledName,
                                                      limit: options.graphLimit)
            let dotOptions = DOTOptions(theme: theme, idPrefix: prefix, flow: flow, title: title, direction: direction)
            return RenderOutput(text: DOTWriter.write(model: model, options: dotOptions), description: "Graph of \(title)")
        case (.svg, .simulation), (.pdf, .simulation), (.png, .simulation):
            throw simulationViewRefused
        case (.png, _):
            throw pngIsBinary
        case (.mermaid, .graph):
            let title = GraphDescription.title(model: model, flow: flow.map { model[$0] }, untitled: untitledName)
            let description = GraphDescription.describe(model: model, content: GraphViewContent(model: model, flow: flow), title: title)
            let direction = GraphViewLayout.direction(options.direction, model: model, flow: flow, untitled: untitledName,
                                                      limit: options.graphLimit)
            return RenderOutput(text: MermaidFlowchartWriter.write(model: model, flow: flow, direction: direction, theme: theme,
                                                                   title: title, description: description),
                                description: description)
        case (.mermaid, _):
            let flowValue = flow.map { model[$0] }
            let description = SequenceDescription.describe(model: model, flow: flowValue)
            return RenderOutput(text: MermaidWriter.write(model: model, flow: flow,
                                                          title: SequenceDescription.title(model: model, flow: flowValue, untitled: untitledName),
                                                          description: description),
                                description: description)
        }
    }

    static let pngIsBinary = RenderError(
        message: "PNG is binary and drawn with a TrueType font: render it with Renderer.renderPNG, which takes the fonts",
        help: "or with 'baton render --to png'")

    /// Renders a compiled design as a PNG (the sequence or the graph view), its text drawn
    /// with `fonts`. Like `render`, a pure function of its arguments.
    public static func renderPNG(_ compilation: Compilation, source: [UInt8], options: RenderOptions, fonts: PNGFonts,
                                 untitled: String? = nil, documentation: Bool = false) throws(RenderError) -> RenderedImage {
        var options = options
        options.format = .png
        let (view, flow, untitledName) = try prepare(compilation, options: options, untitled: untitled)
        guard view == .sequence || view == .graph else { throw simulationViewRefused }
        let scene = try svgScene(compilation, flow: flow, view: view, options: options, untitled: untitledName,
                                 documentation: documentation)
        let bytes = try PNGWriter.write(scene, options: PNGOptions(theme: Theme.named(options.theme), scale: options.scale, fonts: fonts))
        return RenderedImage(bytes: bytes, description: scene.description)
    }

    /// Checks the options against each other and the design: the view, the flow and the name of
    /// an untitled design every render needs.
    private static func prepare(_ compilation: Compilation, options: RenderOptions,
                                untitled: String?) throws(RenderError) -> (RenderView, FlowID?, String) {
        let untitledName = untitled
            ?? (compilation.sources.files.isEmpty ? DesignName.untitled : DesignName.untitled(path: compilation.sources[compilation.rootFile].path))
        let model = compilation.model
        let view = options.effectiveView
        switch (options.format, view) {
        case (_, .simulation):
            throw simulationViewRefused
        case (.dot, .sequence):
            throw RenderError(message: "DOT output is always the graph view",
                              help: "drop '--view sequence', or use --to svg or --to mermaid for a sequence diagram")
        case (_, .sequence):
            if let direction = options.direction {
                throw RenderError(message: "--direction \(direction.rawValue) applies to the graph view only",
                                  help: "add --view graph (or --to dot), or drop --direction")
            }
        default:
            break
        }
        if options.scale != 1, options.format != .png {
            throw RenderError(message: "--scale applies to PNG only: \(options.format.displayName) is drawn at the diagram's own size",
                              help: "add --to png (or write to a .png file), or drop --scale")
        }
        let flow = try FlowSelection.flow(options.flow, in: model, required: view == .sequence)
        return (view, flow, untitledName)
    }

    /// The scene of an SVG, PDF or PNG diagram (the sequence or the graph view), with its findings drawn.
    private static func svgScene(_ compilation: Compilation, flow: FlowID?, view: RenderView, options: RenderOptions,
                                 untitled: String, documentation: Bool) throws(RenderError) -> Scene {
        let model = compilation.model
        // The key goes right under the drawing, the findings' legend under the key.
        let legend = { (scene: Scene) in options.legend ? NotationLegend.apply(to: scene) : scene }
        if view == .sequence {
            let annotations = SequenceAnnotations(numbers: options.numbers, timing: options.timing)
            return FindingOverlay.apply(options.marks, to: legend(SequenceLayout.scene(
                model: model, flow: flow, untitled: untitled, annotations: annotations)))
        }
        do {
            return FindingOverlay.apply(options.marks, to: legend(try GraphViewLayout.scene(
                model: model, flow: flow, untitled: untitled, direction: options.direction, limit: options.graphLimit)))
        } catch {
            let file = compilation.sources.files.isEmpty ? "<input>" : compilation.sources[compilation.rootFile].path
            throw RenderError.graphTooLarge(error, file: file, documentation: documentation)
        }
    }

    /// One SVG diagram in each of `themes`, laid out once: the outputs are exactly what
    /// `render` gives with each theme (each with its own derived id prefix), for a page that
    /// shows a diagram in both themes and switches between them. Other formats and views are
    /// rendered once per theme.
    public static func render(_ compilation: Compilation, source: [UInt8], options: RenderOptions, themes: [Theme.Name],
                              untitled: String? = nil) throws(RenderError) -> [RenderOutput] {
        let (view, flow, untitledName) = try prepare(compilation, options: options, untitled: untitled)
        guard options.format == .svg, view == .sequence || view == .graph else {
            var outputs: [RenderOutput] = []
            for theme in themes {
                var themed = options
                themed.theme = theme
                outputs.append(try render(compilation, source: source, options: themed, untitled: untitled))
            }
            return outputs
        }
        let model = compilation.model
        let given = try options.idPrefix.map(IDPrefix.validated)
        let scene = try svgScene(compilation, flow: flow, view: view, options: options, untitled: untitledName, documentation: false)
        var outputs: [RenderOutput] = []
        for theme in themes {
            let prefix = given ?? IDPrefix.derived(source: source, format: options.format, view: view, flow: flow.map { model[$0].name },
                                                   theme: theme, direction: options.direction, marks: options.marks,
                                                   explanations: options.explanationWords)
            outputs.append(RenderOutput(text: SVGWriter.write(scene, options: SVGOptions(theme: Theme.named(theme), idPrefix: prefix)),
                                        description: scene.description))
        }
        return outputs
    }
}
