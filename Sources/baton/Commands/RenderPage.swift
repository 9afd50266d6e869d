import Baton
import BatonCheck
import BatonLayout
import BatonModel
import BatonPage
import BatonRender
import BatonReport
import BatonSyntax
import Foundation

/// `baton render --to html`: the design page (`DesignPage`), one self-contained HTML file. It
/// is a page, not a diagram format, so it is handled before the renderer, whose formats it
/// leaves alone: it draws every flow and both views through it, and adds the findings and
/// metrics, which the render stage never sees.
enum PageRender {
    /// The `--to` word.
    static let format = "html"

    /// Whether the invocation asks for the page: `--to html`, or no `--to` and an OUT ending in
    /// `.html` or `.htm`.
    static func wanted(_ arguments: ParsedArguments, output: String?) -> Bool {
        if let chosen = arguments.value("--to") { return chosen == format }
        return output.map(isPageName) ?? false
    }

    static func isPageName(_ path: String) -> Bool {
        let lowered = path.lowercased()
        return lowered.hasSuffix(".html") || lowered.hasSuffix(".htm")
    }

    static func run(_ arguments: ParsedArguments, path: String, output: String?) -> Int32 {
        for option in ["--id-prefix", "--scenario", "--scale", "--font"] where arguments.value(option) != nil {
            let help = switch option {
            case "--id-prefix": "each diagram on the page derives its own ids; drop --id-prefix"
            case "--scenario": "the page shows the sequence and graph views; render the simulation view as SVG"
            default: "the page draws its diagrams as SVG; \(option) applies to --to png"
            }
            return Terminal.fail("\(option) does not apply to --to html", help: help)
        }
        guard let graphLimit = RenderCommand.graphLimit(arguments) else { return Terminal.Exit.usageFault }
        let input: InputFile
        do {
            input = try InputFiles.one(path, command: "render")
        } catch {
            return Terminal.fail(error.message, help: error.help)
        }
        let configuration: Configuration
        do {
            var files = try ConfigurationFiles(explicitPath: nil)
            configuration = try files.configuration(for: input)
        } catch {
            return Terminal.fail("invalid configuration: \(error.description)", help: error.help)
        }
        let reads = ReadLog()
        if path == "-" { reads.recordStandardInput(role: "the input (read as standard input)") } else { reads.record(path, role: "the input") }
        var writeOptions = AtomicWrite.Options(force: arguments.has("--force"), protected: reads.protected)
        if let output {
            do { try AtomicWrite.check(output, options: writeOptions) } catch { return Terminal.fail(error.message, help: error.help) }
        }
        let compilation = Baton.compile(bytes: input.bytes, displayPath: input.displayPath,
                                        options: CompileOptions(importRoots: arguments.importRoots), read: reads.read)
        let options = PageOptions(
            theme: arguments.value("--theme").flatMap(Theme.Name.init(rawValue:)),
            view: arguments.value("--view").flatMap(RenderView.init(rawValue:)) ?? .sequence,
            flow: arguments.value("--flow"),
            direction: arguments.value("--direction").flatMap(LayoutDirection.init(rawValue:)),
            graphLimit: graphLimit, configuration: configuration)
        let page: String
        do {
            page = try DesignPage.html(compilation, source: input.bytes, options: options)
        } catch {
            return Terminal.fail(error.message, help: error.help)
        }
        let status = compilation.hasErrors ? Terminal.Exit.inputFault : Terminal.Exit.success
        if compilation.hasErrors {
            let reported = compilation.diagnostics.filter { $0.severity == .error }.map { ReportedDiagnostic($0, sources: compilation.sources) }
            Terminal.error(TextReporter(color: Terminal.colorEnabled(nil, stream: STDERR_FILENO))
                .report(reported, files: 1, omitted: OmittedErrors.of(compilation)))
        }
        guard let output else {
            Terminal.write(page)
            return status
        }
        if !isPageName(output) {
            Terminal.warn("writing HTML into '\(output)', whose extension is not .html: --to html wins",
                          help: "name the file \(RenderCommand.renamed(output, to: "html"))")
        }
        writeOptions.protected = reads.protected
        let bytes = Array(page.utf8)
        do {
            try AtomicWrite.write(bytes, to: output, options: writeOptions)
        } catch {
            return Terminal.fail(error.message, help: error.help)
        }
        if !arguments.has("--quiet"), Terminal.standardErrorIsTerminal {
            let flows = English.plural(compilation.model.flows.count, "flow")
            Terminal.error(ControlCharacters.visible("wrote \(output) (HTML page: sequence and graph views, \(flows), \(RenderCommand.size(bytes.count)))") + "\n")
        }
        return status
    }
}
