import Baton
import BatonModel
import BatonRender
import BatonSyntax

/// `baton check PATH...`: compile and lint designs; exit 1 when findings reach the fail level.
enum CheckCommand {
    static let spec = CommandSpec(
        name: "check",
        summary: "Compile and lint designs, reporting problems for people and CI",
        usage: "baton check [OPTIONS] PATH...",
        discussion: """
            PATH is a .baton file, a directory (every *.baton below it, in sorted order) or '-' for
            standard input. Exit status: 0 when nothing reaches the fail level, 1 when something
            does (compile errors always do), 2 for a usage, configuration or I/O error.
            """,
        options: [
            .value("--format", "FORMAT", choices: ["text", "json"], "output format (default text)"),
            .value("--fail-on", "LEVEL", choices: ["error", "warning", "info"], "lowest severity that fails the run (default error)"),
            .value("--import-root", "DIR", repeatable: true, "also allow imports from below DIR (default: the file's own directory)"),
            .value("--color", "WHEN", choices: ["auto", "always", "never"], "colour the text output (default auto: only on a terminal, never with NO_COLOR)"),
        ],
        examples: [
            "baton check samples/card-payments.baton",
            "baton check --format json designs/",
            "cat design.baton | baton check -",
        ])

    static func run(_ arguments: ParsedArguments) -> Int32 {
        guard !arguments.positional.isEmpty else {
            return Terminal.fail("no input: give one or more files, directories or '-'", help: "baton check design.baton")
        }
        let inputs: [InputFile]
        do {
            inputs = try InputFiles.collect(arguments.positional)
        } catch {
            return Terminal.fail(error.message, help: error.help)
        }
        let failLevel = Severity(rawValue: arguments.value("--fail-on") ?? "error") ?? .error
        let options = CompileOptions(importRoots: arguments.values("--import-root").map(FileReader.absolute))
        var reported: [ReportedDiagnostic] = []
        var seen = Set<ReportedDiagnostic>()
        for input in inputs {
            let compilation = Baton.compile(bytes: input.bytes, displayPath: input.displayPath, options: options)
            for diagnostic in compilation.diagnostics {
                let resolved = ReportedDiagnostic(diagnostic, sources: compilation.sources)
                // A file imported by several inputs reports its own problems once.
                if seen.insert(resolved).inserted { reported.append(resolved) }
            }
        }
        switch arguments.value("--format") ?? "text" {
        case "json":
            Terminal.write(JSONReporter.report(reported, files: inputs.count))
        default:
            let reporter = TextReporter(color: Terminal.colorEnabled(arguments.value("--color")))
            Terminal.write(reporter.report(reported, files: inputs.count))
        }
        let fails = reported.contains { $0.severity >= failLevel || CompileError.isCompileError($0.code) }
        return fails ? Terminal.Exit.inputFault : Terminal.Exit.success
    }
}
