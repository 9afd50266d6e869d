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

            Files are checked --jobs at a time (default: one per processor core) and the report is
            written while later files are still being checked, always in the same order: the output
            is the same bytes for any --jobs. A single large design is parsed, built, checked by its
            rules and reported --jobs at a time.

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
            JobsOption.spec("files checked"),
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
            "baton check --jobs 1 designs/",
        ])

    static func run(_ arguments: ParsedArguments) -> Int32 {
        let jobs: Int
        do {
            jobs = try JobsOption.parse(arguments)
        } catch {
            return Terminal.fail(error.message, help: error.help)
        }
        guard let inputs = InputFiles.gather(arguments, command: "check", jobs: jobs) else { return Terminal.Exit.usageFault }
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
        // Each directory argument made absolute once, not once per file below it (which asked
        // the system for the working directory five thousand times in a tree of 5,000 designs).
        var absoluteRoots: [String: String] = [:]
        for root in inputs.compactMap(\.searchRoot) where absoluteRoots[root] == nil { absoluteRoots[root] = FileReader.absolute(root) }
        let searchRoots = absoluteRoots
        // A single input is compiled on every job too (a large design's parse and model build
        // otherwise left the other cores idle); several are already spread over the jobs, one
        // file each.
        let compileJobs = inputs.count == 1 ? jobs : 1
        func compileOptions(_ input: InputFile) -> CompileOptions {
            // A file found below a directory argument may import from anywhere inside that directory.
            CompileOptions(importRoots: importRoots + (input.searchRoot.flatMap { searchRoots[$0] }.map { [$0] } ?? []),
                           jobs: compileJobs)
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
        // Every input is compiled and checked on its own (on `jobs` threads); the report takes
        // them in the inputs' order and is written while later ones are still being checked.
        let texts = inputs.map { fixes.bytes(of: $0) }
        let options = inputs.map(compileOptions)
        let failLevels = configurations.map { commandLineFailLevel ?? $0.failOn ?? .error }
        let reader = fixes.reader()
        let paths = CanonicalPaths()
        let resolveEarly = inputs.count > 1 && jobs > 1
        let configured = configurations
        let observedSystem = observed.system
        // Several inputs are checked side by side; a single one runs its rules side by side.
        let ruleThreads = inputs.count == 1 ? jobs : 1
        // A single input has the process to itself: its syntax, model and findings are left
        // for the end of the process (`KeptUntilExit`; many inputs' are freed one by one, or
        // memory would grow with them), and the allocator may be set up for its large pages
        // (`CheckedInput.hugePagesFrom`).
        let alone = inputs.count == 1
        // With the fixed text on standard output, the report goes to standard error.
        let output = Terminal.buffered(standardError: fixesStandardInput)
        let format = arguments.choice("--format", CheckFormat.self)
        let color = format == .text
            && Terminal.colorEnabled(arguments.value("--color"), stream: fixesStandardInput ? STDERR_FILENO : STDOUT_FILENO)
        // When the report writes findings as they come (SARIF and a baseline being written need
        // every finding first), they are resolved with only what its format shows (a baseline's
        // fingerprints read the statement), and formatted with their input when resolved there.
        let formatter = format != .sarif && baselines.isEmpty && baselines.writePath == nil
            ? FindingFormatter(format, color: color) : nil
        let check: @Sendable (Int) -> CheckedInput = { index in
            CheckedInput.check(inputs[index], bytes: texts[index], configuration: configured[index], failLevel: failLevels[index],
                               options: options[index], read: reader, paths: paths, resolve: resolveEarly, formatter: formatter,
                               observed: observedSystem, threads: ruleThreads, alone: alone)
        }
        var findings = CheckFindings(inputs: inputs.count)
        let baselineSummary: BaselineSummary?
        if format == .sarif || baselines.writePath != nil {
            // SARIF names omitted errors and fixed baseline entries before its results, and a
            // baseline is written before the report that holds the run against it: both need
            // every finding first.
            var reported: [ReportedDiagnostic] = []
            var owner: [Int] = []
            ParallelWork.forEach(count: inputs.count, jobs: jobs, work: check) { index, input in
                if alone { KeptUntilExit.keep(input) }
                _ = findings.files(of: input)
                findings.add(input) { diagnostic in
                    reported.append(diagnostic)
                    owner.append(index)
                    return true
                }
            }
            if let path = baselines.writePath {
                let baseline = baselines.record(reported)
                do {
                    try AtomicWrite.write(Array(baseline.text.utf8), to: path, options: baselineWriteOptions(arguments, reading: findings.read))
                } catch {
                    return Terminal.fail(error.message, help: error.help)
                }
                Terminal.error("wrote \(English.plural(baseline.entries.count, "finding")) to \(ControlCharacters.visible(path))\n")
            }
            var isNew = Array(repeating: true, count: reported.count)
            if !baselines.isEmpty {
                let comparison = baselines.compare(reported, owner: owner, checked: findings.checked)
                isNew = comparison.isNew
                baselineSummary = comparison.summary
            } else {
                baselineSummary = nil
            }
            findings.show(isNew)
            var report = CheckOutput(format, output: output, files: inputs.count, color: color, omitted: findings.omitted,
                                     baseline: baselineSummary)
            for (diagnostic, new) in zip(reported, isNew) where new { report.write(diagnostic) }
            report.finish(omitted: findings.omitted, baseline: baselineSummary, fixing: fixing)
            if alone { KeptUntilExit.keep(reported) }
        } else {
            var tracker = baselines.isEmpty ? nil : baselines.tracker()
            var report = CheckOutput(format, output: output, files: inputs.count, color: color)
            ParallelWork.forEach(count: inputs.count, jobs: jobs, work: check) { index, input in
                if alone { KeptUntilExit.keep(input) }
                for omission in findings.files(of: input) { report.add(omission) }
                if tracker == nil, inputs.count == 1 {
                    // A run's only input: its findings are resolved and formatted side by side.
                    ReportChunk.write(input, findings: &findings, report: &report, jobs: jobs)
                    return
                }
                if let formatted = input.formatted, input.resolved == nil {
                    // Formatted where it was checked (so there is no baseline to track): the
                    // bytes are written as they are. (Taken out of the input first: a closure
                    // that read the input made a copy of it for every finding.)
                    var file: (id: FileID, path: String)?
                    findings.addFormatted(input) { index, diagnostics in
                        report.write(index, of: input, in: diagnostics, formatted: formatted[index], file: &file)
                        return true
                    }
                    return
                }
                findings.add(input) { diagnostic in
                    guard tracker?.isNew(diagnostic, owner: index) ?? true else { return false }
                    report.write(diagnostic)
                    return true
                }
            }
            baselineSummary = tracker?.summary(checked: findings.checked)
            report.finish(omitted: findings.omitted, baseline: baselineSummary, fixing: fixing)
        }
        if fixing { Terminal.error("fixed \(summary)\n") }
        return max(status, findings.fails ? Terminal.Exit.inputFault : Terminal.Exit.success)
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
}
