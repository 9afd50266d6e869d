import Baton
import BatonModel
import BatonReport
import BatonSyntax

/// `baton dump FILE`: print the syntax tree or the semantic model, for debugging designs and
/// Baton itself.
enum DumpCommand {
    static let spec = CommandSpec(
        name: "dump",
        summary: "Print the syntax tree or the semantic model of a design (for debugging)",
        usage: "baton dump [--model] FILE",
        discussion: """
            Prints one node per line with its line:column range; with --model, the resolved model
            with typed attributes, flows and derived quantities (attempts, worst-case waits, fan-out,
            composite availability). FILE may be '-' for standard input.
            """,
        options: [
            .flag("--model", "print the semantic model instead of the syntax tree"),
        ],
        examples: ["baton dump samples/saga.baton", "baton dump --model samples/temporal-coupling.baton"])

    static func run(_ arguments: ParsedArguments) -> Int32 {
        guard let input = InputFiles.gather(arguments, command: "dump", single: true)?.first else {
            return Terminal.Exit.usageFault
        }
        let compilation = Baton.compile(bytes: input.bytes, displayPath: input.displayPath)
        if arguments.has("--model") {
            Terminal.write(ModelDump.dump(compilation.model))
        } else {
            let root = compilation.sources[compilation.rootFile]
            Terminal.write(SyntaxDump.dump(compilation.syntax[0], source: root))
        }
        let reporter = TextReporter(color: false)
        let reported = compilation.diagnostics.map { ReportedDiagnostic($0, sources: compilation.sources) }
        Terminal.error(reporter.diagnostics(reported, omitted: OmittedErrors.of(compilation)))
        return compilation.hasErrors ? Terminal.Exit.inputFault : Terminal.Exit.success
    }
}
