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

            --fix applies the findings' safe fixes to the files named (and the designs below a named
            directory), rewriting each once, atomically; an imported file changes only when it is named
            too. --unsafe-fixes also applies the fixes that change the design. Fixing repeats until
            nothing more applies; the report then shows what is left, and standard error says
            "fixed N findings in M files". Fixes that suppress a finding are never applied. With '-'
            (alone), the fixed text goes to standard output and the report to standard error.
            --diff prints the fixes as a unified diff and writes nothing: exit 1 when there is a diff,
            0 when there is none.

            --write-baseline FILE records every finding (not compile errors) in FILE by a fingerprint
            without line numbers, so inserted lines and 'baton fmt' keep it. --baseline FILE, or the
            configuration's "baseline", then reports only findings that are not in it, and only those
            count for the exit status; the summary says how many known findings it left out and lists
            the recorded findings that are fixed.

            --traces FILE (repeatable; a directory means every trace file below it) compares each design
            with what the traces show and reports the differences as findings: undeclared-interaction,
            unobserved-interaction (info), kind-drift, latency-drift, retry-drift (warnings; docs/traces.md
            says what triggers each). Use --fail-on warning to fail on drift.
            """,
        options: [
            .choice("--format", "FORMAT", CheckFormat.self, "output format"),
            .value("--fail-on", "LEVEL", choices: Severity.failLevels.map(\.rawValue), "lowest severity that fails the run (default: the configuration's failOn, else error)"),
            .value("--config", "PATH", "use this configuration file for every input instead of looking for .baton.json"),
            .importRoot,
            .color("colour the text output (default auto: only on a terminal, never with NO_COLOR)"),
            .flag("--fix", "apply safe fixes to the files named, then report what is left"),
            .flag("--unsafe-fixes", "also apply the fixes that change the design (implies --fix)"),
            .flag("--diff", "print the fixes as a unified diff instead of writing them; exit 1 if there are any"),
            .force,
        ] + CheckBaselines.options + traceOptions,
        examples: [
            "baton check samples/card-payments.baton",
            "baton check --format json designs/",
            "baton check --format sarif designs/ > baton.sarif",
            "baton check --format github --fail-on warning designs/",
            "cat design.baton | baton check -",
            "baton check --fix designs/",
            "baton check --unsafe-fixes --diff design.baton",
            "baton check --write-baseline baton-baseline.json designs/",
            "baton check --baseline baton-baseline.json --fail-on warning designs/",
            "baton check --traces collector-output/ --fail-on warning design.baton",
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
        var baselines: CheckBaselines
        do {
            baselines = try CheckBaselines(arguments, configurations: configurations)
        } catch {
            return Terminal.fail(error.message, help: error.help)
        }
        if let path = baselines.writePath {
            if arguments.has("--diff") {
                return Terminal.fail("--diff writes nothing, so it cannot write a baseline", help: "drop --diff, or --write-baseline")
            }
            // A bad output path fails before any work, and no design can be overwritten by it.
            do {
                try AtomicWrite.check(path, options: baselineWriteOptions(arguments, reading: inputs.map(\.displayPath)))
            } catch {
                return Terminal.fail(error.message, help: error.help)
            }
        }
        let observed = observeTraces(arguments)
        if let failure = observed.failure { return failure }
        let commandLineFailLevel = arguments.value("--fail-on").flatMap(Severity.init(rawValue:))
        let importRoots = arguments.importRoots
        func compileOptions(_ input: InputFile) -> CompileOptions {
            // A file found below a directory argument may import from anywhere inside that directory.
            CompileOptions(importRoots: importRoots + (input.searchRoot.map { [FileReader.absolute($0)] } ?? []))
        }
        let showDiff = arguments.has("--diff")
        let fixing = showDiff || arguments.has("--fix") || arguments.has("--unsafe-fixes")
        let fixesStandardInput = fixing && !showDiff && inputs.contains(where: \.isStandardInput)
        if fixesStandardInput, inputs.count > 1 {
            return Terminal.fail("'baton check --fix -' fixes standard input alone, not with other files",
                                 help: "run it once for '-' and once for the files")
        }
        var fixes = CheckFixes(inputs: inputs, includeUnsafe: arguments.has("--unsafe-fixes"))
        if fixing {
            for (input, configuration) in zip(inputs, configurations) {
                fixes.fix(input, options: compileOptions(input), configuration: configuration)
            }
        }
        let summary = "\(English.plural(fixes.fixed, "finding")) in \(English.plural(fixes.changed.count, "file"))"
        if showDiff {
            var diff = ""
            for key in fixes.changed {
                guard let input = fixes.input(for: key), let old = fixes.originals[key], let new = fixes.contents[key] else { continue }
                let path = ControlCharacters.visible(input.displayPath)
                diff += UnifiedDiff.diff(old: old, new: new, oldLabel: "a/" + path, newLabel: "b/" + path)
            }
            Terminal.write(diff)
            Terminal.error("would fix \(summary)\n")
            return diff.isEmpty ? Terminal.Exit.success : Terminal.Exit.inputFault
        }
        var status = Terminal.Exit.success
        if fixing {
            for key in fixes.changed {
                guard let input = fixes.input(for: key), !input.isStandardInput, let bytes = fixes.contents[key] else { continue }
                do {
                    try AtomicWrite.write(bytes, to: input.displayPath, options: AtomicWrite.Options(force: arguments.has("--force")))
                } catch {
                    // The other files are still fixed; the run fails as an I/O error.
                    status = Terminal.fail(error.message, help: error.help, code: Terminal.Exit.usageFault)
                }
            }
            if fixesStandardInput, let input = inputs.first { Terminal.writeBytes(fixes.bytes(of: input)) }
        }
        var reported: [ReportedDiagnostic] = []
        // Per reported diagnostic: the input it was first reported for, and whether it reaches
        // the fail level of any input that reported it.
        var owner: [Int] = []
        var failing: [Bool] = []
        var seen: [ReportedDiagnostic: Int] = [:]
        var omitted: [OmittedErrors] = []
        // Files whose designs compiled, so the rules ran on them (for the baseline's fixed list),
        // and every file read (which --write-baseline must not replace).
        var checked: [String] = []
        var read: [String] = []
        for (inputIndex, (input, configuration)) in zip(inputs, configurations).enumerated() {
            let compilation = Baton.compile(bytes: fixes.bytes(of: input), displayPath: input.displayPath,
                                            options: compileOptions(input), read: fixes.reader())
            let failLevel = commandLineFailLevel ?? configuration.failOn ?? .error
            read += compilation.sources.files.map(\.path)
            if !compilation.hasErrors { checked += compilation.sources.files.map(\.path) }
            for diagnostic in (Baton.check(compilation, configuration: configuration) + drift(compilation, observed.system)).sorted(by: Diagnostic.sourceOrder) {
                let fails = diagnostic.severity >= failLevel || CompileError.isCompileError(diagnostic.code)
                let resolved = ReportedDiagnostic(diagnostic, sources: compilation.sources)
                // A file imported by several inputs reports its own problems once.
                if let index = seen[resolved] {
                    failing[index] = failing[index] || fails
                    continue
                }
                seen[resolved] = reported.count
                reported.append(resolved)
                owner.append(inputIndex)
                failing.append(fails)
            }
            for omission in OmittedErrors.of(compilation) where !omitted.contains(where: { $0.file == omission.file }) {
                omitted.append(omission)
            }
        }
        var baselineSummary: BaselineSummary?
        if let path = baselines.writePath {
            let baseline = baselines.record(reported)
            do {
                try AtomicWrite.write(Array(baseline.text.utf8), to: path, options: baselineWriteOptions(arguments, reading: read))
            } catch {
                return Terminal.fail(error.message, help: error.help)
            }
            Terminal.error("wrote \(English.plural(baseline.entries.count, "finding")) to \(ControlCharacters.visible(path))\n")
        }
        if !baselines.isEmpty {
            let comparison = baselines.compare(reported, owner: owner, checked: checked)
            reported = zip(reported, comparison.isNew).filter(\.1).map(\.0)
            failing = zip(failing, comparison.isNew).filter(\.1).map(\.0)
            baselineSummary = comparison.summary
        }
        let fails = failing.contains(true)
        // With the fixed text on standard output, the report goes to standard error.
        func write(_ text: String) { if fixesStandardInput { Terminal.error(text) } else { Terminal.write(text) } }
        switch arguments.choice("--format", CheckFormat.self) {
        case .json:
            write(JSONReporter.report(reported, files: inputs.count, omitted: omitted, baseline: baselineSummary))
        case .sarif:
            let tool = SARIFReporter.Tool(name: "baton", version: Baton.version, informationURI: Baton.informationURI)
            write(SARIFReporter.report(reported, tool: tool, workingDirectory: FileManager.default.currentDirectoryPath,
                                       omitted: omitted, baseline: baselineSummary))
        case .github:
            write(GitHubReporter.report(reported, files: inputs.count, omitted: omitted, baseline: baselineSummary))
        case .text:
            let stream = fixesStandardInput ? STDERR_FILENO : STDOUT_FILENO
            let reporter = TextReporter(color: Terminal.colorEnabled(arguments.value("--color"), stream: stream))
            write(reporter.report(reported, files: inputs.count, omitted: omitted, baseline: baselineSummary))
            if !fixing, let hint = fixHint(reported) { write(hint) }
        }
        if fixing { Terminal.error("fixed \(summary)\n") }
        return max(status, fails ? Terminal.Exit.inputFault : Terminal.Exit.success)
    }

    /// How `--write-baseline` writes: `--force` for a read-only file, and never over a design
    /// this run reads.
    static func baselineWriteOptions(_ arguments: ParsedArguments, reading paths: [String]) -> AtomicWrite.Options {
        var protected = paths.filter { $0 != "<stdin>" }.compactMap { ProtectedFile(path: $0, role: "a design this run checks") }
        if paths.contains("<stdin>"), let input = ProtectedFile(descriptor: STDIN_FILENO, path: "<stdin>", role: "standard input") {
            protected.append(input)
        }
        return AtomicWrite.Options(force: arguments.has("--force"), protected: protected)
    }

    /// Under the text report: how many findings `--fix` and `--unsafe-fixes` would fix, so
    /// people learn the flags where they need them (suppressions are never counted: no flag
    /// inserts one). Nil when nothing is fixable.
    static func fixHint(_ reported: [ReportedDiagnostic]) -> String? {
        let safe = reported.filter { $0.fixes.contains { $0.safety == .safe } }.count
        let unsafe = reported.filter { diagnostic in
            !diagnostic.fixes.contains { $0.safety == .safe } && diagnostic.fixes.contains { $0.safety == .unsafe && !$0.isSuppression }
        }.count
        switch (safe, unsafe) {
        case (0, 0): return nil
        case (_, 0): return "\(safe) fixable with --fix (--diff shows the edits first)\n"
        case (0, _): return "\(unsafe) fixable with --unsafe-fixes, which change the design (--diff --unsafe-fixes shows them first)\n"
        default: return "\(safe) fixable with --fix, \(unsafe) more with --unsafe-fixes, which change the design (--diff shows the edits first)\n"
        }
    }
}
