import BatonDrift
import BatonModel
import BatonSyntax
import BatonTrace
import Foundation

/// `baton check --traces FILE`: the design compared with what traces show (docs/traces.md,
/// "Drift"). Kept apart from `CheckCommand.run`, which only reads the traces once before its
/// loop and adds `drift(_:_:)` to each design's findings.
extension CheckCommand {
    static let traceOptions: [OptionSpec] = [
        .value("--traces", "FILE", repeatable: true,
               "compare the designs with these traces (OTLP, Jaeger or Zipkin JSON; a directory: every trace file below it) and report drift"),
    ]

    /// What reading `--traces` gave: the observed system (nil without the option), or the exit
    /// status of a failure already reported.
    struct ObservedTraces {
        var system: ObservedSystem?
        var failure: Int32?
    }

    /// Reads every `--traces` file into one observed system. Problems inside a file are reported
    /// on standard error and its readable spans used, as `baton infer` does; a file that cannot
    /// be opened, or traces without a single span, fail the run as input errors.
    static func observeTraces(_ arguments: ParsedArguments) -> ObservedTraces {
        let paths = arguments.values("--traces")
        guard !paths.isEmpty else { return ObservedTraces() }
        let files: [String]
        do { files = try InferCommand.traceFiles(paths) } catch {
            return ObservedTraces(failure: Terminal.fail(error.message, help: error.help))
        }
        var observer = TraceObserver()
        for file in files {
            let descriptor: Int32
            if file == "-" {
                descriptor = STDIN_FILENO
            } else {
                do { descriptor = try InferCommand.open(file) } catch {
                    return ObservedTraces(failure: Terminal.fail(error.message, help: error.help))
                }
            }
            let summary = TraceFileReader.read(FileDescriptorSource(descriptor: descriptor), file: file == "-" ? "<stdin>" : file) { batch in
                observer.add(batch)
            }
            if file != "-" { close(descriptor) }
            for problem in summary.problems.problems { Terminal.error(ControlCharacters.visible(problem.description) + "\n") }
            if summary.problems.omitted > 0 {
                Terminal.error("\(ControlCharacters.visible(file)): \(English.plural(summary.problems.omitted, "more problem")) not shown\n")
            }
        }
        guard observer.spanCount > 0 else {
            return ObservedTraces(failure: Terminal.fail(
                "no spans found in \(English.list(files.map { $0 == "-" ? "standard input" : "'\($0)'" }))",
                help: "give OTLP JSON (the Collector's file exporter), Jaeger JSON or Zipkin v2 JSON; docs/traces.md"))
        }
        return ObservedTraces(system: observer.finish())
    }

    /// The drift findings of one compiled design; none when it has compile errors (its model is
    /// incomplete, so every comparison would mislead) or without traces.
    static func drift(_ compilation: Compilation, _ observed: ObservedSystem?) -> [Diagnostic] {
        guard let observed, !compilation.hasErrors else { return [] }
        return DriftCheck.findings(model: compilation.model, observed: observed, rootFile: compilation.rootFile)
    }
}
