import Baton
import BatonCheck
import BatonJSON
import BatonLayout
import BatonModel
import BatonRender
import BatonReport
import BatonSyntax
import Foundation

/// `baton render --all DIR -o OUTDIR`: every design below DIR, every flow's sequence view and
/// the graph view, as SVG files in OUTDIR that mirror DIR, plus `manifest.json`.
///
/// Designs are found as `baton check DIR` finds them (`InputFiles.batonFiles`), so the two agree
/// on what a design tree holds. A file whose bytes would not change is not written again: a
/// build that reruns this sees unchanged timestamps, and a watcher or sync sees nothing to do.
/// A design that does not compile is reported and skipped; the others are still drawn.
enum RenderAll {
    /// The options `--all` draws without: it always draws every flow in both views as SVG.
    static let refused: [(option: String, help: String)] = [
        ("--view", "--all draws the sequence view of every flow and the graph view"),
        ("--flow", "--all draws every flow"),
        ("--scenario", "--all draws no simulation"),
        ("--id-prefix", "each diagram derives its own ids"),
        ("--findings", "--all draws the diagrams without findings"),
        ("--config", "--all draws the diagrams without findings"),
        ("--scale", "--all writes SVG, which has no pixels; render one design with --to png --scale N"),
        ("--font", "--all writes SVG, which leaves text to whatever shows it; render one design with --to png --font FILE"),
    ]

    /// One file written (or found unchanged) for the manifest.
    struct Output {
        /// Relative to OUTDIR, with `/`.
        var path: String
        var sha256: String
    }

    static func run(_ arguments: ParsedArguments, directory: String) -> Int32 {
        guard arguments.positional.isEmpty else {
            return Terminal.fail("--all takes its designs from DIR, not from \(English.plural(arguments.positional.count, "more file"))",
                                 help: "baton render --all designs -o diagrams")
        }
        guard let outputDirectory = arguments.outputPath else {
            return Terminal.fail("--all needs -o OUTDIR, the directory to write the diagrams into",
                                 help: "baton render --all \(ShellWords.quoted(directory)) -o diagrams")
        }
        if let format = arguments.value("--to"), format != RenderFormat.svg.rawValue {
            return Terminal.fail("--all writes SVG only, not \(format)", help: "drop --to, or render one design with --to \(format)")
        }
        for (option, help) in refused where arguments.value(option) != nil || arguments.has(option) {
            return Terminal.fail("\(option) does not apply to --all", help: help)
        }
        guard let graphLimit = RenderCommand.graphLimit(arguments) else { return Terminal.Exit.usageFault }
        let jobs: Int
        do {
            jobs = try JobsOption.parse(arguments)
        } catch {
            return Terminal.fail(error.message, help: error.help)
        }
        let theme = arguments.value("--theme").flatMap(Theme.Name.init(rawValue:)) ?? .light
        let direction = arguments.value("--direction").flatMap(LayoutDirection.init(rawValue:))

        let paths: [String]
        do {
            var status = stat()
            guard stat(directory, &status) == 0, status.st_mode & S_IFMT == S_IFDIR else {
                return Terminal.fail("--all needs a directory: '\(ControlCharacters.visible(directory))' is not one",
                                     help: "render one design with: baton render FILE -o FILE.svg")
            }
            paths = try InputFiles.batonFiles(below: directory)
        } catch {
            return Terminal.fail(error.message, help: error.help)
        }
        guard !paths.isEmpty else { return Terminal.fail("no .baton files found under '\(ControlCharacters.visible(directory))'") }
        do {
            try FileManager.default.createDirectory(atPath: outputDirectory, withIntermediateDirectories: true)
        } catch {
            return Terminal.fail("cannot create the directory '\(ControlCharacters.visible(outputDirectory))': \(error.localizedDescription)")
        }

        var writer = Writer(root: outputDirectory, force: arguments.has("--force"))
        var designs: [JSONValue] = []
        var failed: [JSONValue] = []
        let prefix = directory.hasSuffix("/") ? directory : directory + "/"
        let options = CompileOptions(importRoots: arguments.importRoots + [FileReader.absolute(directory)])
        let style = Style(theme: theme, direction: direction, graphLimit: graphLimit)
        // Designs are read, compiled and drawn `--jobs` at a time; files are written here, in
        // the designs' order, so the manifest, the messages and what is on disk do not depend
        // on the number of jobs.
        let drawn: @Sendable (Int) -> Drawing = { index in
            let path = paths[index]
            return draw(path, relative: path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : PathName.fileName(of: path),
                        options: options, style: style)
        }
        ParallelWork.forEach(count: paths.count, jobs: jobs, work: drawn) { _, drawing in
            switch drawing.outcome {
            case .unreadable(let message):
                Terminal.error("baton: error: \(ControlCharacters.visible(message))\n")
                failed.append(.string(drawing.relative))
                return
            case .compileErrors(let reported, let omitted):
                let reporter = TextReporter(color: Terminal.colorEnabled(nil, stream: STDERR_FILENO))
                Terminal.error(reporter.report(reported, files: 1, omitted: omitted))
                failed.append(.string(drawing.relative))
                return
            case .drawn(let design):
                writer.protected = drawing.reads.protected
                do throws(Failure) {
                    designs.append(try write(design, relative: drawing.relative, writer: &writer))
                } catch {
                    Terminal.error("baton: error: \(ControlCharacters.visible(drawing.relative)): \(ControlCharacters.visible(error.message))\n"
                                   + (error.help.map { "  help: \(ControlCharacters.visible($0))\n" } ?? ""))
                    failed.append(.string(drawing.relative))
                }
            }
        }
        let manifest = JSONValue.object([
            ("designs", .array(designs)),
            ("failed", .array(failed)),
        ])
        do {
            writer.protected = []
            _ = try writer.write(manifest.serializedBytes(pretty: true) + [0x0A], to: "manifest.json")
        } catch {
            return Terminal.fail(error.message, help: error.help)
        }
        if !arguments.has("--quiet") {
            let skipped = failed.isEmpty ? "" : ", \(English.plural(failed.count, "design")) not drawn"
            Terminal.error("\(writer.written) written, \(writer.unchanged) unchanged\(skipped)\n")
        }
        return failed.isEmpty ? Terminal.Exit.success : Terminal.Exit.inputFault
    }

    struct Failure: Error, Sendable {
        var message: String
        var help: String?
    }

    /// How every diagram of a run is drawn.
    struct Style: Sendable {
        var theme: Theme.Name
        var direction: LayoutDirection?
        var graphLimit: Int
    }

    /// One design read, compiled and drawn (on a worker thread), not yet written.
    struct Drawing: Sendable {
        enum Outcome: Sendable {
            case unreadable(String)
            case compileErrors([ReportedDiagnostic], omitted: [OmittedErrors])
            case drawn(Design)
        }

        /// The design's path below DIR.
        var relative: String
        /// Every file its compilation read: no diagram may replace one.
        var reads: ReadLog
        var outcome: Outcome
    }

    /// A design's diagrams: every flow's sequence view, then the graph view — as far as drawing
    /// got, with the error that stopped it (the diagrams before it are still written).
    struct Design: Sendable {
        struct Diagram: Sendable {
            /// Relative to OUTDIR.
            var path: String
            var text: String
            /// The flow it shows; nil for the graph view.
            var flow: String?
        }

        var title: String?
        var diagrams: [Diagram]
        var failure: Failure?
    }

    /// Reads, compiles and draws the design at `path`: a pure function of the files, so designs
    /// are drawn `--jobs` at a time.
    static func draw(_ path: String, relative: String, options: CompileOptions, style: Style) -> Drawing {
        let reads = ReadLog()
        reads.record(path, role: "an input")
        let input: InputFile
        do {
            input = try InputFiles.read(path)
        } catch {
            return Drawing(relative: relative, reads: reads, outcome: .unreadable(error.message))
        }
        let compilation = Baton.compile(bytes: input.bytes, displayPath: input.displayPath, options: options, read: reads.read)
        if compilation.hasErrors {
            let reported = compilation.diagnostics.filter { $0.severity == .error }
                .map { ReportedDiagnostic($0, sources: compilation.sources) }
            return Drawing(relative: relative, reads: reads, outcome: .compileErrors(reported, omitted: OmittedErrors.of(compilation)))
        }
        let base = String(relative.dropLast(".baton".count))
        let model = compilation.model
        var design = Design(title: model.title, diagrams: [])
        func render(_ options: RenderOptions, to path: String, flow: String?) -> Bool {
            do {
                design.diagrams.append(.init(path: path, text: try Baton.render(compilation, source: input.bytes, options: options), flow: flow))
                return true
            } catch {
                design.failure = Failure(message: error.message, help: error.help)
                return false
            }
        }
        for (flow, slug) in zip(model.flows, FlowSlug.slugs(model.flows.map(\.name))) {
            let options = RenderOptions(format: .svg, view: .sequence, flow: flow.name, theme: style.theme)
            guard render(options, to: base + "/" + slug + ".sequence.svg", flow: flow.name) else {
                return Drawing(relative: relative, reads: reads, outcome: .drawn(design))
            }
        }
        let options = RenderOptions(format: .svg, view: .graph, theme: style.theme, direction: style.direction, graphLimit: style.graphLimit)
        _ = render(options, to: base + "/graph.svg", flow: nil)
        return Drawing(relative: relative, reads: reads, outcome: .drawn(design))
    }

    /// Writes a drawn design's diagrams and returns its manifest entry, or the first error
    /// (writing, or the drawing's own, after the diagrams drawn before it are written).
    static func write(_ design: Design, relative: String, writer: inout Writer) throws(Failure) -> JSONValue {
        var flows: [JSONValue] = []
        var graph: Output?
        for diagram in design.diagrams {
            let output: Output
            do {
                output = try writer.write(Array(diagram.text.utf8), to: diagram.path)
            } catch {
                throw Failure(message: error.message, help: error.help)
            }
            if let flow = diagram.flow {
                flows.append(.object([("name", .string(flow)), ("file", .string(output.path)), ("sha256", .string(output.sha256))]))
            } else {
                graph = output
            }
        }
        if let failure = design.failure { throw failure }
        guard let graph else { throw Failure(message: "the graph view was not drawn") }
        return .object([
            ("source", .string(relative)),
            ("title", design.title.map(JSONValue.string) ?? .null),
            ("flows", .array(flows)),
            ("graph", .object([("file", .string(graph.path)), ("sha256", .string(graph.sha256))])),
        ])
    }

    /// Writes below OUTDIR through `AtomicWrite`, skipping files whose bytes are already there.
    struct Writer {
        var root: String
        var force: Bool
        var protected: [ProtectedFile] = []
        var written = 0
        var unchanged = 0

        mutating func write(_ bytes: [UInt8], to relative: String) throws(AtomicWrite.Failure) -> Output {
            let path = PathName.join(root, relative)
            let output = Output(path: relative, sha256: DiagramHash.hex([bytes]))
            if let existing = try? FileReader.contents(of: path), existing == bytes {
                unchanged += 1
                return output
            }
            let directory = PathName.directory(of: path)
            do {
                try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            } catch {
                throw AtomicWrite.Failure(message: "cannot create the directory '\(directory)': \(error.localizedDescription)")
            }
            try AtomicWrite.write(bytes, to: path, options: AtomicWrite.Options(force: force, protected: protected))
            written += 1
            return output
        }
    }
}
