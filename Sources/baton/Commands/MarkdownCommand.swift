import Baton
import BatonDocs
import BatonModel
import BatonRender
import BatonReport
import BatonSyntax
import Foundation

/// `baton markdown FILE.md...`: turn ```baton fences into diagrams.
enum MarkdownCommand {
    static let spec = CommandSpec(
        name: "markdown",
        summary: "Render the ```baton fences of Markdown documents to diagrams",
        usage: "baton markdown [OPTIONS] FILE.md...   ('-' reads standard input)",
        discussion: """
            Each ```baton fence becomes a light and a dark SVG file, named by a hash of its source
            and options (so unchanged diagrams keep their names), and a <picture> that follows the
            reader's colour scheme; with --inline the SVG goes into the page instead. Fence options:
            flow="Name", view=sequence|graph, alt="text", theme=light|dark, id=prefix.

            By default the rewritten document goes to standard output (or -o FILE) and the source is
            left alone. With --in-place the fences stay and each is followed by a generated block
            that is refreshed on every run: the way to keep diagrams in a README on GitHub.
            --check writes nothing and exits 1 when any output or SVG file is missing or stale.
            Files are written atomically, never over the input document (but with --in-place) or a
            design a fence imports; a read-only output needs --force.
            Errors in a fence are reported at the Markdown file's own line and column. A ```baton
            fence without its closing line is an error in every mode: nothing is drawn or written.
            """,
        options: [
            .value("--output", short: "-o", "FILE", "write the rewritten document to FILE (one input only)"),
            .flag("--in-place", "keep the fences and refresh a generated picture after each"),
            .flag("--inline", "put the SVG into the page instead of writing files"),
            .value("--assets", "DIR", "where SVG files go (default: 'diagrams' beside the output document)"),
            .value("--theme", "THEME", choices: Theme.Name.allCases.map(\.rawValue), "theme of inline diagrams (default light)"),
            .value("--on-error", "MODE", choices: MarkdownOptions.OnError.allCases.map(\.rawValue), "fail the run, or put an error box in the page (default fail)"),
            .flag("--check", "write nothing; exit 1 if a document or SVG file is missing or out of date"),
            .value("--source-name", "PATH", "the name standard input goes by in messages (and imports resolve from)"),
            .color("colour the diagnostics (default auto)"),
            .force,
        ],
        examples: [
            "baton markdown docs/architecture.src.md -o docs/architecture.md",
            "baton markdown --in-place README.md",
            "baton markdown --check --in-place README.md   # in CI",
        ])

    static func run(_ arguments: ParsedArguments) -> Int32 {
        let paths = arguments.positional
        guard !paths.isEmpty else { return Terminal.fail("no input: give one or more Markdown files", help: "baton markdown README.md") }
        let inPlace = arguments.has("--in-place")
        let output = arguments.outputPath
        if output != nil, paths.count != 1 { return Terminal.fail("-o takes one input file", help: "use --in-place for several files") }
        if output != nil, inPlace { return Terminal.fail("-o and --in-place exclude each other") }
        if output == nil, !inPlace, paths.count != 1 {
            return Terminal.fail("several files need --in-place (standard output takes one document)")
        }
        let check = arguments.has("--check")
        let reporter = TextReporter(color: Terminal.colorEnabled(arguments.value("--color"), stream: STDERR_FILENO))
        var status = Terminal.Exit.success
        var stale: [String] = []
        let reads = ReadLog()
        let render = Baton.diagramRenderer(read: reads.read)
        for path in paths {
            let input: InputFile
            if path == "-" {
                guard !inPlace else { return Terminal.fail("--in-place needs a file, not standard input") }
                do {
                    input = InputFile(displayPath: arguments.value("--source-name") ?? "<stdin>", bytes: try Terminal.readStandardInput())
                } catch {
                    return Terminal.fail(error.message, help: error.help)
                }
                reads.recordStandardInput(role: "the input document (read as standard input), whose ```baton sources would be lost")
            } else {
                do { input = try InputFiles.read(path, command: "markdown") } catch { return Terminal.fail(error.message, help: error.help) }
                // Replacing the fences in the source itself would lose the diagrams' source.
                reads.record(path, role: inPlace ? "an input document"
                                 : "the input document, whose ```baton sources would be lost (--in-place keeps them)")
            }
            let outputPath = inPlace ? path : output
            // --in-place rewrites its own document, and nothing else this run reads.
            let force = arguments.has("--force")
            func writeOptions() -> AtomicWrite.Options {
                AtomicWrite.Options(force: force, protected: reads.protected.filter { !inPlace || $0.path != path })
            }
            if let outputPath, !check {
                do { try AtomicWrite.check(outputPath, options: writeOptions()) } catch { return Terminal.fail(error.message, help: error.help) }
            }
            let outputDirectory = PathName.directory(of: outputPath ?? (path == "-" ? "./-" : path))
            let assets = arguments.value("--assets") ?? PathName.join(outputDirectory, "diagrams")
            let mode: MarkdownOptions.Output = arguments.has("--inline")
                ? .inline
                : .images(directory: assets, linkPrefix: PathName.relative(from: FileReader.absolute(outputDirectory),
                                                                          to: FileReader.absolute(assets)))
            let options = MarkdownOptions(output: mode, onError: MarkdownOptions.OnError(rawValue: arguments.value("--on-error") ?? "fail") ?? .fail,
                                          inPlace: inPlace, inlineTheme: arguments.value("--theme").flatMap(Theme.Name.init(rawValue:)) ?? .light,
                                          version: Baton.version)
            let result = MarkdownProcessor.process(input.bytes, displayPath: input.displayPath,
                                                   resolvedPath: FileReader.absolute(input.displayPath),
                                                   options: options, render: render)
            for diagnostic in result.diagnostics { Terminal.error(reporter.format(diagnostic) + "\n") }
            if result.failed {
                status = Terminal.Exit.inputFault
                continue
            }
            let writeOptions = writeOptions()
            // SVG files: written only when missing or different, so unchanged diagrams keep their dates.
            for file in result.files {
                let existing = FileReader.read(file.path)
                guard existing != Array(file.contents.utf8) else { continue }
                if check {
                    stale.append(file.path)
                    continue
                }
                do {
                    try FileManager.default.createDirectory(atPath: PathName.directory(of: file.path), withIntermediateDirectories: true)
                    try AtomicWrite.write(Array(file.contents.utf8), to: file.path, options: writeOptions)
                } catch let error as AtomicWrite.Failure {
                    return Terminal.fail(error.message, help: error.help)
                } catch {
                    return Terminal.fail("cannot create '\(PathName.directory(of: file.path))': \(error.localizedDescription)")
                }
            }
            let text = Array(result.text.utf8)
            guard let outputPath else {
                if !check { Terminal.writeBytes(text) }
                continue
            }
            let existing = FileReader.read(outputPath)
            guard existing != text else { continue }
            if check {
                stale.append(outputPath)
                continue
            }
            do {
                try AtomicWrite.write(text, to: outputPath, options: writeOptions)
            } catch {
                return Terminal.fail(error.message, help: error.help)
            }
        }
        if !stale.isEmpty {
            Terminal.error("out of date (run without --check to refresh):\n" + stale.map { "  \(ControlCharacters.visible($0))\n" }.joined())
            status = Terminal.Exit.inputFault
        }
        return status
    }
}
