import Baton
import BatonLayout
import BatonModel
import BatonRender
import BatonReport
import BatonSimulate
import BatonSyntax
import Foundation

/// `baton render FILE`: draw a design as SVG, PDF, Graphviz DOT or Mermaid.
enum RenderCommand {
    static let spec = CommandSpec(
        name: "render",
        summary: "Draw a design: a sequence diagram (SVG, PDF, PNG, Mermaid), the graph view (SVG, PDF, PNG, DOT, Mermaid), or a simulation chart",
        usage: "baton render [OPTIONS] [FILE]   (one FILE, or --all DIR -o OUTDIR)",
        discussion: """
            FILE is a .baton file or '-' for standard input. The output goes to standard output, or
            to OUT with -o, whose extension picks the format (.svg, .pdf, .png, .dot or .gv, .mmd or
            .mermaid, .html or .htm). PDF is one vector page, the SVG's drawing at 0.75 points per
            pixel, with the standard Helvetica fonts. PNG is the SVG's drawing as pixels, drawn by
            Baton itself: --scale N pixels per SVG unit (default 1; decimals such as 1.5 are fine,
            0.1 to 16, at most 250 megapixels), text in Liberation Sans or Arial found on the usual
            font paths, or the TrueType font --font FILE (a bold face beside it is used for bold
            labels). A PNG is never written to a terminal: give -o or redirect standard output.
            An explicit --to wins over the extension, with a warning when the extension names
            another format. OUT is written atomically (a symbolic link is written through, keeping
            the link), and never over the input or a file it imports; a read-only OUT needs
            --force. When standard error is a terminal, a line there says what was written
            ("wrote checkout.svg (SVG, sequence view of flow "Checkout", 12 KB)"); --quiet drops
            it, and pipes and CI logs never get it.
            Compile errors are reported as by 'baton check' and exit with 1; lint findings never
            stop a render. The graph view is laid out by Baton itself (no Graphviz needed), left to
            right unless that drawing would be wider than half a page (440 px) and over 3 times
            wider than high: then top to bottom, if that fits a page better. --direction LR or TB
            fixes the direction, in SVG, PDF, DOT (rankdir) and Mermaid alike. A graph view with more participants and connections
            together than --graph-limit (or so densely connected that it weighs more) is refused
            before it takes long; draw one flow, or raise the limit. The simulation view runs one
            of the design's scenarios (--scenario NAME, or its only one) and draws what happened
            over time as an SVG chart, the one 'baton simulate' draws. --findings draws what 'baton
            check' finds on the SVG or PDF diagram: a numbered badge (red error, amber warning, blue info) at
            each arrow or participant a finding is about, and a legend of the findings under the
            diagram. Severities come from .baton.json as for check (found from the input's directory,
            or --config PATH); rules turned off are not drawn. Mermaid and DOT ignore --findings.
            --legend adds a key under an SVG diagram explaining its arrows; --numbers numbers the
            arrows of a sequence diagram; --timing brackets the activation bars of calls with a
            timeout, with the worst-case wait of their block (a timeout inversion in amber).
            Exit status 2: a usage or
            I/O error, an unknown flow or scenario, or a graph view over the limit.
            --to html writes one self-contained page (no external requests) with the sequence
            view of every flow, the graph view, both themes, the findings of 'baton check' (with
            the configuration found as check finds it) and the metrics; --flow, --view and
            --theme pick what it shows first. A design with compile errors still gets a page,
            with the errors in a banner, and exits with 1.
            """,
        options: [
            .value("--output", short: "-o", "OUT", "write to OUT instead of standard output"),
            .value("--all", "DIR", "draw every design below DIR (every flow's sequence view and the graph view, SVG) "
                   + "into the directory -o OUTDIR, mirroring DIR, with a manifest.json; unchanged files are not rewritten"),
            .value("--to", "FORMAT", choices: RenderFormat.allCases.map(\.rawValue) + [PageRender.format],
                   "output format, even when OUT's extension says another (default: from OUT's extension, else svg); "
                   + "html: one page with both views, every flow, the findings and the metrics"),
            .value("--view", "VIEW", choices: RenderView.allCases.map(\.rawValue),
                   "sequence: one flow over time; graph: the architecture; simulation: a scenario's run as a time chart (default: sequence, DOT is always graph; Mermaid draws sequence or graph)"),
            .value("--flow", "NAME", "the flow to draw (default: the file's top-level steps, else the first flow)"),
            .value("--scenario", "NAME", "simulation view: the scenario to run (default: the design's only one)"),
            .value("--direction", "DIR", choices: LayoutDirection.words,
                   "graph view: edges run left to right (LR) or top to bottom (TB); auto, the default, "
                   + "takes left to right unless that drawing is wider than 440 px and over 3 times wider than high, "
                   + "then whichever fits a page better"),
            .value("--graph-limit", "N", "graph view: the most participants and connections laid out together, "
                   + "1 to 10,000,000 (default 50,000; laying out that many takes up to about 1 GB)"),
            .value("--theme", "THEME", choices: Theme.Name.allCases.map(\.rawValue),
                   "colours (default light; html: the theme shown first, default the reader's)"),
            .value("--id-prefix", "PREFIX", "prefix for every id in the SVG (default: derived from the content)"),
            .value("--scale", "N", "PNG: pixels per SVG unit, 0.1 to 16, decimals allowed (default 1; 2 for high-density screens)"),
            .value("--font", "FILE", "PNG: the TrueType font for text (default: Liberation Sans or Arial from the usual font "
                   + "paths); a bold face beside it (X-Bold.ttf, Xbd.ttf) draws bold labels"),
            .flag("--findings", "SVG, PDF and PNG: draw the lint findings as numbered badges, with a legend under the diagram"),
            .flag("--legend", "SVG, PDF and PNG: a key under the diagram explaining the arrows it uses"),
            .flag("--numbers", "SVG, PDF and PNG sequence view: step numbers 1, 2, … at the start of every arrow"),
            .flag("--timing", "SVG, PDF and PNG sequence view: timeouts and worst-case waits beside activation bars, inversions marked"),
            .value("--config", "PATH", "with --findings: use this configuration file instead of looking for .baton.json"),
            .importRoot,
            .force,
            JobsOption.spec("with --all: designs drawn"),
            .flag("--quiet", short: "-q", "do not say what was written (said on standard error only when it is a terminal)"),
        ],
        examples: [
            "baton render checkout.baton -o checkout.svg",
            "baton render checkout.baton --flow Refund --theme dark -o refund-dark.svg",
            "baton render checkout.baton --view graph -o checkout-graph.svg",
            "baton render samples/card-payments.baton --findings -o card-payments-findings.svg",
            "baton render samples/web-checkout.baton --legend --numbers --timing -o web-checkout-explained.svg",
            "baton render checkout.baton --view graph --direction TB --theme dark -o checkout-graph-dark.svg",
            "baton render samples/order-pipeline.baton --view graph -o pipeline.svg   # a long pipeline: drawn top to bottom",
            "baton render platform.baton --view graph --graph-limit 120000 -o platform-graph.svg",
            "baton render checkout.baton -o checkout.pdf   # vector PDF, one page",
            "baton render checkout.baton --view graph --scale 2 -o checkout-graph.png   # pixels, twice the SVG's size",
            "baton render checkout.baton --to dot | dot -Tpng -o checkout.png",
            "baton render samples/retry-storm-simulated.baton --view simulation --scenario Repaired -o repaired.svg",
            "baton render checkout.baton --to mermaid -o checkout.md   # an extension that names no format needs --to",
            "baton render checkout.baton -o checkout.svg --quiet   # no 'wrote checkout.svg' line, even on a terminal",
            "cat checkout.baton | baton render - --to mermaid",
            "baton render checkout.baton --to html -o checkout.html   # one page: both views, findings, metrics",
            "baton render --all designs -o diagrams   # designs/a.baton → diagrams/a/<flow>.sequence.svg, diagrams/a/graph.svg",
        ])

    static func run(_ arguments: ParsedArguments) -> Int32 {
        if let directory = arguments.value("--all") { return RenderAll.run(arguments, directory: directory) }
        guard arguments.positional.count == 1, let path = arguments.positional.first else {
            return Terminal.fail(arguments.positional.isEmpty ? "no input: give one file, or '-' for standard input"
                                     : "render takes one file, not \(arguments.positional.count)",
                                 help: "baton render design.baton -o design.svg")
        }
        let output = arguments.outputPath
        if PageRender.wanted(arguments, output: output) { return PageRender.run(arguments, path: path, output: output) }
        let chosen = arguments.value("--to").flatMap(RenderFormat.init(rawValue:))
        let implied = output.flatMap(RenderFormat.init(fileName:))
        // An explicit --to wins; the extension decides only when --to is not given.
        guard let format = chosen ?? implied ?? (output == nil ? .svg : nil) else {
            return Terminal.fail("cannot tell the format from '\(output ?? "")'",
                                 help: "use an .svg, .pdf, .png, .dot, .gv, .mmd, .mermaid or .html extension, or say --to svg|pdf|png|dot|mermaid|html")
        }
        var scale = 1.0
        if let given = arguments.value("--scale") {
            do { scale = try ScaleOption.parse(given) } catch { return Terminal.fail(error.message, help: error.help) }
        }
        if arguments.value("--font") != nil, format != .png {
            return Terminal.fail("--font applies to PNG only: \(format.displayName) text is drawn by whatever shows it",
                                 help: "add --to png (or write to a .png file), or drop --font")
        }
        if format == .png, output == nil, isatty(STDOUT_FILENO) == 1 {
            return Terminal.fail("refusing to write a PNG to the terminal: it is binary",
                                 help: "write it to a file with -o diagram.png, or redirect standard output (> diagram.png)")
        }
        guard let graphLimit = RenderCommand.graphLimit(arguments) else { return Terminal.Exit.usageFault }
        var options = RenderOptions(
            format: format, view: arguments.value("--view").flatMap(RenderView.init(rawValue:)),
            flow: arguments.value("--flow"), theme: arguments.value("--theme").flatMap(Theme.Name.init(rawValue:)) ?? .light,
            idPrefix: arguments.value("--id-prefix"),
            direction: arguments.value("--direction").flatMap(LayoutDirection.init(rawValue:)),
            graphLimit: graphLimit, scenario: arguments.value("--scenario"))
        options.legend = arguments.has("--legend")
        options.numbers = arguments.has("--numbers")
        options.timing = arguments.has("--timing")
        options.scale = scale

        let input: InputFile
        do {
            input = try InputFiles.one(path, command: "render")
        } catch {
            return Terminal.fail(error.message, help: error.help)
        }
        let reads = ReadLog()
        if path == "-" { reads.recordStandardInput(role: "the input (read as standard input)") } else { reads.record(path, role: "the input") }
        var writeOptions = AtomicWrite.Options(force: arguments.has("--force"), protected: reads.protected)
        // Refuse a bad OUT before the work, not after it.
        if let output {
            do { try AtomicWrite.check(output, options: writeOptions) } catch { return Terminal.fail(error.message, help: error.help) }
        }
        // The fonts are found before the work, so that a machine without them is told at once.
        var fonts: PNGFonts?
        if format == .png {
            do { fonts = try PNGFontFiles.fonts(explicit: arguments.value("--font")) } catch { return Terminal.fail(error.message, help: error.help) }
        }
        let compileOptions = CompileOptions(importRoots: arguments.importRoots)
        let compilation = Baton.compile(bytes: input.bytes, displayPath: input.displayPath, options: compileOptions, read: reads.read)
        if compilation.hasErrors {
            let reported = compilation.diagnostics.filter { $0.severity == .error }
                .map { ReportedDiagnostic($0, sources: compilation.sources) }
            let reporter = TextReporter(color: Terminal.colorEnabled(nil, stream: STDERR_FILENO))
            Terminal.error(reporter.report(reported, files: 1, omitted: OmittedErrors.of(compilation)))
            return Terminal.Exit.inputFault
        }
        if arguments.has("--findings") {
            do {
                var files = try ConfigurationFiles(explicitPath: arguments.value("--config"))
                options.marks = Baton.findingMarks(compilation, configuration: try files.configuration(for: input))
            } catch {
                return Terminal.fail("invalid configuration: \(error.description)", help: error.help)
            }
        } else if arguments.value("--config") != nil {
            return Terminal.fail("--config applies to --findings only", help: "add --findings, or drop --config")
        }
        let bytes: [UInt8]
        do {
            if let fonts {
                bytes = try Baton.renderPNG(compilation, source: input.bytes, options: options, fonts: fonts)
            } else {
                bytes = Array(try Baton.render(compilation, source: input.bytes, options: options).utf8)
            }
        } catch {
            return Terminal.fail(error.message, help: error.help)
        }
        guard let output else {
            Terminal.writeBytes(bytes)
            return Terminal.Exit.success
        }
        writeOptions.protected = reads.protected
        if let implied, implied != format {
            Terminal.warn("writing \(format.displayName) into '\(output)', whose extension says \(implied.displayName): --to \(format.rawValue) wins",
                          help: "name the file \(renamed(output, to: format.fileExtension)), or drop --to to write \(implied.displayName)")
        }
        do {
            try AtomicWrite.write(bytes, to: output, options: writeOptions)
        } catch {
            return Terminal.fail(error.message, help: error.help)
        }
        if !arguments.has("--quiet"), Terminal.standardErrorIsTerminal {
            Terminal.error(ControlCharacters.visible(wrote(output, bytes: bytes.count, options: options, model: compilation.model)) + "\n")
        }
        return Terminal.Exit.success
    }

    /// "wrote checkout.svg (SVG, sequence view of flow "Checkout", 12 KB)": what a person at a
    /// terminal wants to know after a render that printed nothing else.
    static func wrote(_ path: String, bytes: Int, options: RenderOptions, model: Model) -> String {
        var what = "\(options.format.displayName), \(options.effectiveView.rawValue) view"
        // The flow drawn: always one in the sequence view (when the design has any), only a
        // named one in the graph view, which otherwise shows them all.
        let view = options.effectiveView
        if view == .simulation, let scenario = try? ScenarioSelection.scenario(options.scenario, in: model) {
            what += " of scenario \(LiteralFormat.string(scenario.name))"
        }
        if view == .sequence || options.flow != nil,
           let flow = try? FlowSelection.flow(options.flow, in: model, required: view == .sequence) {
            what += " of flow \"\(model[flow].name)\""
        }
        return "wrote \(path) (\(what), \(size(bytes)))"
    }

    /// 812 bytes, 12 KB, 3.4 MB (decimal units, as file managers show them).
    static func size(_ bytes: Int) -> String {
        if bytes < 1_000 { return English.plural(bytes, "byte") }
        if bytes < 999_500 { return "\((bytes + 500) / 1_000) KB" }
        let tenths = (bytes + 50_000) / 100_000
        return "\(tenths / 10).\(tenths % 10) MB"
    }

    /// `a.svg` → `a.dot`: the file name the format would have.
    static func renamed(_ path: String, to fileExtension: String) -> String {
        let name = PathName.fileName(of: path)
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return path + "." + fileExtension }
        return String(path.dropLast(name.distance(from: dot, to: name.endIndex))) + "." + fileExtension
    }

    /// `--graph-limit`, or the default; nil (after saying why on standard error) when it is not
    /// a whole number in range. One reading for a single render, `--all` and `--to html`.
    static func graphLimit(_ arguments: ParsedArguments) -> Int? {
        guard let given = arguments.value("--graph-limit") else { return RenderOptions.defaultGraphLimit }
        do {
            return try WholeNumberOption.parse(given, option: "--graph-limit", in: 1...RenderOptions.maximumGraphLimit,
                                               help: "the default is 50,000 participants and connections together")
        } catch {
            _ = Terminal.fail(error.message, help: error.help)
            return nil
        }
    }
}
