import Baton
import BatonCheck
import BatonModel
import BatonReport

/// `baton metrics FILE`: the coupling numbers of a design, per participant and per call tree.
enum MetricsCommand {
    static let spec = CommandSpec(
        name: "metrics",
        summary: "Print coupling metrics per participant: sync/async in and out, fan-out, availability",
        usage: "baton metrics [--format \(MetricsFormat.choiceList)] FILE",
        discussion: """
            FILE is a .baton file or '-' for standard input. Besides the per-participant table, it
            lists every synchronous call tree with its depth and its root's worst-case wait.
            A design with compile errors prints them on standard error and exits 1.
            """,
        options: [
            .choice("--format", "FORMAT", MetricsFormat.self, "output format"),
            .importRoot,
        ],
        examples: ["baton metrics samples/temporal-coupling.baton", "baton metrics --format json design.baton"])

    static func run(_ arguments: ParsedArguments) -> Int32 {
        guard let input = InputFiles.gather(arguments, command: "metrics", single: true)?.first else {
            return Terminal.Exit.usageFault
        }
        let options = CompileOptions(importRoots: arguments.importRoots)
        let compilation = Baton.compile(bytes: input.bytes, displayPath: input.displayPath, options: options)
        if compilation.hasErrors {
            let reported = compilation.diagnostics.map { ReportedDiagnostic($0, sources: compilation.sources) }
            Terminal.error(TextReporter(color: Terminal.colorEnabled(nil, stream: 2))
                .report(reported, files: 1, omitted: OmittedErrors.of(compilation)))
            return Terminal.Exit.inputFault
        }
        let metrics = DesignMetrics(compilation.model)
        switch arguments.choice("--format", MetricsFormat.self) {
        case .json:
            Terminal.write(MetricsReport.json(metrics, sources: compilation.sources, file: input.displayPath))
        case .text:
            Terminal.write(MetricsReport.text(metrics, sources: compilation.sources))
        }
        return Terminal.Exit.success
    }
}
