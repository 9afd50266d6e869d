import Baton
import BatonCheck
import BatonModel
import BatonReport
import BatonSyntax
import Foundation

/// `baton check PATH...`: compile and lint designs; exit 1 when findings reach the fail level.
enum CheckCommand {
    static let spec = CommandSpec(
        name: "check",
        summary: "Compile and lint designs, reporting problems for people and CI",
        usage: "baton check [OPTIONS] PATH...",
        discussion: """
            PATH is a .baton file, a directory (every *.baton below it, in sorted order) or '-' for
            standard input. Each file is checked with the nearest .baton.json found by walking up
            from its directory (standard input: from the current directory), unless --config is given.
            Exit status: 0 when nothing reaches the fail level, 1 when something does (compile errors
            always do), 2 for a usage, configuration or I/O error.
            """,
        options: [
            .choice("--format", "FORMAT", CheckFormat.self, "output format"),
            .value("--fail-on", "LEVEL", choices: Severity.failLevels.map(\.rawValue), "lowest severity that fails the run (default: the configuration's failOn, else error)"),
            .value("--config", "PATH", "use this configuration file for every input instead of looking for .baton.json"),
            .importRoot,
            .color("colour the text output (default auto: only on a terminal, never with NO_COLOR)"),
        ],
        examples: [
            "baton check samples/card-payments.baton",
            "baton check --format json designs/",
            "baton check --format sarif designs/ > baton.sarif",
            "baton check --format github --fail-on warning designs/",
            "cat design.baton | baton check -",
        ])

    static func run(_ arguments: ParsedArguments) -> Int32 {
        guard let inputs = InputFiles.gather(arguments, command: "check") else { return Terminal.Exit.usageFault }
        // Every configuration is read before any output, so a broken one fails the run cleanly.
        var configurations: [Configuration] = []
        do {
            var files = try ConfigurationFiles(explicitPath: arguments.value("--config"))
            for input in inputs { configurations.append(try files.configuration(for: input)) }
        } catch {
            return Terminal.fail("invalid configuration: \(error.description)", help: error.help)
        }
        let commandLineFailLevel = arguments.value("--fail-on").flatMap(Severity.init(rawValue:))
        let importRoots = arguments.importRoots
        var reported: [ReportedDiagnostic] = []
        var seen = Set<ReportedDiagnostic>()
        var omitted: [OmittedErrors] = []
        var fails = false
        for (input, configuration) in zip(inputs, configurations) {
            // A file found below a directory argument may import from anywhere inside that directory.
            let options = CompileOptions(importRoots: importRoots + (input.searchRoot.map { [FileReader.absolute($0)] } ?? []))
            let compilation = Baton.compile(bytes: input.bytes, displayPath: input.displayPath, options: options)
            let failLevel = commandLineFailLevel ?? configuration.failOn ?? .error
            for diagnostic in Baton.check(compilation, configuration: configuration) {
                if diagnostic.severity >= failLevel || CompileError.isCompileError(diagnostic.code) { fails = true }
                let resolved = ReportedDiagnostic(diagnostic, sources: compilation.sources)
                // A file imported by several inputs reports its own problems once.
                if seen.insert(resolved).inserted { reported.append(resolved) }
            }
            for omission in OmittedErrors.of(compilation) where !omitted.contains(where: { $0.file == omission.file }) {
                omitted.append(omission)
            }
        }
        switch arguments.choice("--format", CheckFormat.self) {
        case .json:
            Terminal.write(JSONReporter.report(reported, files: inputs.count, omitted: omitted))
        case .sarif:
            let tool = SARIFReporter.Tool(name: "baton", version: Baton.version, informationURI: Baton.informationURI)
            Terminal.write(SARIFReporter.report(reported, tool: tool, workingDirectory: FileManager.default.currentDirectoryPath,
                                                omitted: omitted))
        case .github:
            Terminal.write(GitHubReporter.report(reported, files: inputs.count, omitted: omitted))
        case .text:
            let reporter = TextReporter(color: Terminal.colorEnabled(arguments.value("--color")))
            Terminal.write(reporter.report(reported, files: inputs.count, omitted: omitted))
        }
        return fails ? Terminal.Exit.inputFault : Terminal.Exit.success
    }
}
