import BatonCheck
import BatonReport
import Foundation
import BatonSyntax

/// `baton fmt PATH...`: rewrite designs in the canonical layout, keeping every comment.
enum FmtCommand {
    static let spec = CommandSpec(
        name: "fmt",
        summary: "Format designs in the canonical layout, in place",
        usage: "baton fmt [--check] PATH...",
        discussion: """
            Rewrites each file in place (atomically, only when it changes, keeping its permissions,
            owner and group; a symbolic link is written through and stays a link); '-' formats
            standard input to standard output. Every comment is kept, and formatting twice changes
            nothing. Files with syntax errors are reported and left untouched. A read-only file is
            refused unless --force is given, and a file with several hard links always is (replacing
            it would split the links). With --check nothing is written: the files that would change
            are listed and the exit status is 1. Files are formatted --jobs at a time (default: one per
            processor core); what is written and listed, and in which order, is the same for any --jobs.
            """,
        options: [
            .flag("--check", "only list the files that are not formatted; exit 1 if there are any"),
            .color("colour the diagnostics (default auto)"),
            .force,
            JobsOption.spec("files formatted"),
        ],
        examples: [
            "baton fmt samples/",
            "baton fmt --check designs/   # in CI",
            "baton fmt --force vendor/designs/   # files checked out read-only too",
            "baton fmt - < design.baton",
            "baton fmt --jobs 1 designs/   # one file after another",
        ])

    /// What formatting one file gave: its syntax errors, or its text in the canonical layout.
    enum Outcome: Sendable {
        case errors([ReportedDiagnostic], omitted: [OmittedErrors])
        case formatted([UInt8])
    }

    /// Parses and formats one input: a pure function, so files are formatted `--jobs` at a time.
    static func format(_ input: InputFile) -> Outcome {
        var sources = SourceMap()
        let id = sources.add(path: input.displayPath, bytes: input.bytes)
        let parsed = BatonParser.parse(sources[id])
        guard parsed.diagnostics.isEmpty else {
            let omitted = parsed.omittedErrors > 0 ? [OmittedErrors(file: input.displayPath, count: parsed.omittedErrors)] : []
            return .errors(parsed.diagnostics.map { ReportedDiagnostic($0, sources: sources) }, omitted: omitted)
        }
        return .formatted(Array(Formatter.format(parsed.syntax, source: sources[id]).utf8))
    }

    static func run(_ arguments: ParsedArguments) -> Int32 {
        let jobs: Int
        do {
            jobs = try JobsOption.parse(arguments)
        } catch {
            return Terminal.fail(error.message, help: error.help)
        }
        guard let inputs = InputFiles.gather(arguments, command: "fmt", jobs: jobs) else { return Terminal.Exit.usageFault }
        let check = arguments.has("--check")
        let reporter = TextReporter(color: Terminal.colorEnabled(arguments.value("--color"), stream: STDERR_FILENO))
        var status = Terminal.Exit.success
        // Formatting runs on `jobs` threads; what is written, and where, is decided here, in the
        // files' order.
        ParallelWork.forEach(count: inputs.count, jobs: jobs, work: { format(inputs[$0]) }) { index, outcome in
            let input = inputs[index]
            let formatted: [UInt8]
            switch outcome {
            case .errors(let reported, let omitted):
                Terminal.error(reporter.diagnostics(reported, omitted: omitted))
                status = max(status, Terminal.Exit.inputFault)
                return
            case .formatted(let bytes):
                formatted = bytes
            }
            if input.isStandardInput {
                if check {
                    if formatted != input.bytes {
                        Terminal.write("<stdin>\n")
                        status = max(status, Terminal.Exit.inputFault)
                    }
                } else {
                    Terminal.writeBytes(formatted)
                }
                return
            }
            guard formatted != input.bytes else { return }
            if check {
                Terminal.write(ControlCharacters.visible(input.displayPath) + "\n")
                status = max(status, Terminal.Exit.inputFault)
                return
            }
            do throws(AtomicWrite.Failure) {
                try AtomicWrite.write(formatted, to: input.displayPath, options: AtomicWrite.Options(force: arguments.has("--force")))
            } catch {
                // The other files are still formatted; the run fails as an I/O error.
                status = Terminal.fail(error.message, help: error.help)
            }
        }
        return status
    }
}
