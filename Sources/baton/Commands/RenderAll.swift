import Baton
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
        for path in paths {
            let relative = path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : PathName.fileName(of: path)
            let reads = ReadLog()
            reads.record(path, role: "an input")
            let input: InputFile
            do {
                input = try InputFiles.read(path)
            } catch {
                Terminal.error("baton: error: \(ControlCharacters.visible(error.message))\n")
                failed.append(.string(relative))
                continue
            }
            let options = CompileOptions(importRoots: arguments.importRoots + [FileReader.absolute(directory)])
            let compilation = Baton.compile(bytes: input.bytes, displayPath: input.displayPath, options: options, read: reads.read)
            if compilation.hasErrors {
                let reported = compilation.diagnostics.filter { $0.severity == .error }
                    .map { ReportedDiagnostic($0, sources: compilation.sources) }
                let reporter = TextReporter(color: Terminal.colorEnabled(nil, stream: STDERR_FILENO))
                Terminal.error(reporter.report(reported, files: 1, omitted: OmittedErrors.of(compilation)))
                failed.append(.string(relative))
                continue
            }
            writer.protected = reads.protected
            let base = String(relative.dropLast(".baton".count))
            do {
                designs.append(try draw(compilation, source: input.bytes, relative: relative, base: base, theme: theme,
                                        direction: direction, graphLimit: graphLimit, writer: &writer))
            } catch {
                Terminal.error("baton: error: \(ControlCharacters.visible(relative)): \(ControlCharacters.visible(error.message))\n"
                               + (error.help.map { "  help: \(ControlCharacters.visible($0))\n" } ?? ""))
                failed.append(.string(relative))
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

    struct Failure: Error {
        var message: String
        var help: String?
    }

    /// Draws one design: every flow's sequence view, then the graph view.
    static func draw(_ compilation: Compilation, source: [UInt8], relative: String, base: String, theme: Theme.Name,
                     direction: LayoutDirection?, graphLimit: Int, writer: inout Writer) throws(Failure) -> JSONValue {
        let model = compilation.model
        var flows: [JSONValue] = []
        for (flow, slug) in zip(model.flows, FlowSlug.slugs(model.flows.map(\.name))) {
            let options = RenderOptions(format: .svg, view: .sequence, flow: flow.name, theme: theme)
            let output = try render(compilation, source: source, options: options, to: base + "/" + slug + ".sequence.svg", writer: &writer)
            flows.append(.object([("name", .string(flow.name)), ("file", .string(output.path)), ("sha256", .string(output.sha256))]))
        }
        let options = RenderOptions(format: .svg, view: .graph, theme: theme, direction: direction, graphLimit: graphLimit)
        let graph = try render(compilation, source: source, options: options, to: base + "/graph.svg", writer: &writer)
        return .object([
            ("source", .string(relative)),
            ("title", model.title.map(JSONValue.string) ?? .null),
            ("flows", .array(flows)),
            ("graph", .object([("file", .string(graph.path)), ("sha256", .string(graph.sha256))])),
        ])
    }

    static func render(_ compilation: Compilation, source: [UInt8], options: RenderOptions, to path: String,
                       writer: inout Writer) throws(Failure) -> Output {
        let text: String
        do {
            text = try Baton.render(compilation, source: source, options: options)
        } catch {
            throw Failure(message: error.message, help: error.help)
        }
        do {
            return try writer.write(Array(text.utf8), to: path)
        } catch {
            throw Failure(message: error.message, help: error.help)
        }
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
