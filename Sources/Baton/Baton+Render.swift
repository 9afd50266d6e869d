// Rendering for library users and the command line: the render stage's entry point, and the
// documentation builds' renderer with imports read from disk. The work is the render stage's
// (`Renderer`) and the documentation stage's (`DocsRenderer`); the façade only supplies the
// file system.

import BatonCheck
import BatonDocs
import BatonLayout
import BatonModel
import BatonRender

extension Baton {
    /// Renders a compiled design. `source` is the root file's bytes: with the options, they
    /// determine the id prefix. The compilation must be free of errors.
    ///
    /// The simulation view runs the design: it draws one run of a scenario as a time chart.
    public static func render(_ compilation: Compilation, source: [UInt8], options: RenderOptions) throws(RenderError) -> String {
        if options.effectiveView == .simulation { return try renderSimulation(compilation, options: options) }
        if options.scenario != nil {
            throw RenderError(message: "--scenario applies to the simulation view only", help: "add --view simulation, or drop --scenario")
        }
        return try Renderer.render(compilation, source: source, options: options).text
    }

    /// Renders a compiled design as a PNG, its text drawn with `fonts` (nil: found on disk by
    /// `PNGFontFiles`). The compilation must be free of errors.
    public static func renderPNG(_ compilation: Compilation, source: [UInt8], options: RenderOptions,
                                 fonts: PNGFonts? = nil) throws(RenderError) -> [UInt8] {
        if options.effectiveView == .simulation {
            throw RenderError(message: "the simulation view is an SVG chart, not PNG", help: "write it to an .svg file, or say --to svg")
        }
        if options.scenario != nil {
            throw RenderError(message: "--scenario applies to the simulation view only", help: "add --view simulation, or drop --scenario")
        }
        let found: PNGFonts
        if let fonts { found = fonts } else { found = try PNGFontFiles.fonts() }
        return try Renderer.renderPNG(compilation, source: source, options: options, fonts: found).bytes
    }

    /// Baton's renderer for documentation builds (`BatonDocs`: Markdown fences, the pandoc filter,
    /// the mdBook preprocessor), reading imported files from disk.
    public static let diagramRenderer: DiagramRenderer = diagramRenderer(read: FileReader.readImport)

    /// The same renderer, reading imported files with `read` (the command line passes one that
    /// remembers what it read, so that no output replaces an input).
    public static func diagramRenderer(read: @escaping Compiler.Reader) -> DiagramRenderer {
        DocsRenderer.renderer(read: read, canonical: { FileReader.canonical($0) }, marks: documentationMarks)
    }
}
