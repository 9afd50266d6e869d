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
            are listed and the exit status is 1.
            """,
        options: [
            .flag("--check", "only list the files that are not formatted; exit 1 if there are any"),
            .color("colour the diagnostics (default auto)"),
            .force,
        ],
        examples: [
            "baton fmt samples/",
            "baton fmt --check designs/   # in CI",
            "baton fmt --force vendor/designs/   # files checked out read-only too",
            "baton fmt - < design.baton",
        ])

    static func run(_ arguments: ParsedArguments) -> Int32 {
        guard let inputs = InputFiles.gather(arguments, command: "fmt") else { return Terminal.Exit.usageFault }
        let check = arguments.has("--check")
        let reporter = TextReporter(color: Terminal.colorEnabled(arguments.value("--color"), stream: STDERR_FILENO))
        var status = Terminal.Exit.success
        for input in inputs {
            var sources = SourceMap()
            let id = sources.add(path: input.displayPath, bytes: input.bytes)
            let parsed = BatonParser.parse(sources[id])
            guard parsed.diagnostics.isEmpty else {
                let reported = parsed.diagnostics.map { ReportedDiagnostic($0, sources: sources) }
                let omitted = parsed.omittedErrors > 0 ? [OmittedErrors(file: input.displayPath, count: parsed.omittedErrors)] : []
                Terminal.error(reporter.diagnostics(reported, omitted: omitted))
                status = max(status, Terminal.Exit.inputFault)
                continue
            }
            let formatted = Array(Formatter.format(parsed.syntax, source: sources[id]).utf8)
            if input.isStandardInput {
                if check {
                    if formatted != input.bytes {
                        Terminal.write("<stdin>\n")
                        status = max(status, Terminal.Exit.inputFault)
                    }
                } else {
                    Terminal.writeBytes(formatted)
                }
                continue
            }
            guard formatted != input.bytes else { continue }
            if check {
                Terminal.write(ControlCharacters.visible(input.displayPath) + "\n")
                status = max(status, Terminal.Exit.inputFault)
                continue
            }
            do {
                try AtomicWrite.write(formatted, to: input.displayPath, options: AtomicWrite.Options(force: arguments.has("--force")))
            } catch {
                // The other files are still formatted; the run fails as an I/O error.
                status = Terminal.fail(error.message, help: error.help)
            }
        }
        return status
    }
}
