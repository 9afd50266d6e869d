import Baton
import BatonModel
import BatonRender
import BatonReport
import BatonSimulate
import BatonSyntax
import Foundation

/// `baton simulate FILE`: execute a design under a scenario's load and faults, and report what
/// happened — or, with `--check`, whether the scenario's expectations held.
enum SimulateCommand {
    static let spec = CommandSpec(
        name: "simulate",
        summary: "Run a design under load and faults: goodput, latency, waiting lines, retries, recovery",
        usage: "baton simulate [OPTIONS] FILE",
        discussion: """
            FILE is a .baton file or '-' for standard input. The scenario is the design's own
            when it has one; with several, --scenario names the one to run (--check runs them
            all). Without a scenario in the file, --load and --duration make one, and --fault
            adds a fault to whichever scenario runs (docs/simulation.md says how a design
            executes). --runs N replicates the scenario with seeds S, S+1, … on --jobs threads
            and reports each figure's mean with its 95% confidence interval; the result is the
            same for any number of jobs. Output is byte for byte the same for the same input.
            The report (text, JSON, or the time series as CSV) goes to standard output, or to OUT
            with -o; --chart also draws the run as an SVG time chart, and --traces writes a
            sample of its runs (at most --trace-limit) as OpenTelemetry spans in OTLP JSON, which
            'baton infer' and 'baton check --traces' read (docs/traces.md). Files are written
            atomically, never over the input or a file it imports. --check prints the
            expectations that failed as diagnostics, in the formats of 'baton check'. On a
            terminal, standard error shows the progress and what was written; --quiet drops it.
            Exit status: 0 success; 1 a compile error, a scenario that cannot run, or (with
            --check) an expectation that failed; 2 a usage or I/O error, an unknown scenario, or
            a --load, --duration or --fault that does not parse.
            """,
        options: [
            .value("--scenario", "NAME", "the scenario to run (default: the design's only one; with --check, every one)"),
            .value("--load", "RATE", "make a scenario: its load line, such as 40/s or '20/s flow \"Refunds\"' (needs --duration)"),
            .value("--duration", "D", "how long the scenario made with --load runs, such as 10m or 1h30m"),
            .value("--fault", "FAULT", repeatable: true,
                   "add a fault line to the scenario, such as 'Stripe down from 1m to 2m' (repeatable)"),
            .value("--runs", "N", "replications with seeds S, S+1, …, 1 to 100,000; figures get 95% confidence intervals (default 1)"),
            .value("--seed", "S", "the first run's seed (default: the scenario's, else 1)"),
            .value("--jobs", "N", "replications run at once, 1 to 1,024 (default: one per processor core)"),
            .choice("--format", "FORMAT", SimulateFormat.self,
                    "output format: csv is the time series; sarif and github are for --check"),
            .value("--output", short: "-o", "OUT", "write the report to OUT instead of standard output"),
            .value("--chart", "OUT", "also draw the run as an SVG time chart into OUT"),
            .value("--traces", "OUT", "also write a sample of the simulated runs as OTLP JSON spans into OUT (not with --runs)"),
            .value("--trace-limit", "N", "the most runs --traces writes, 1 to 10,000 (default 100), spread evenly over the scenario"),
            .value("--theme", "THEME", choices: Theme.Name.allCases.map(\.rawValue), "colours of the chart (default light)"),
            .flag("--check", "check the scenarios' expect lines: print the failed ones as diagnostics, exit 1 if one failed"),
            .importRoot,
            .force,
            .color("colour the diagnostics (default auto: only on a terminal, never with NO_COLOR)"),
            .flag("--quiet", short: "-q", "show no progress and do not say what was written (both only ever on a terminal)"),
        ],
        examples: [
            "baton simulate samples/retry-storm-simulated.baton --scenario \"Retry storm\"",
            "baton simulate samples/retry-storm-simulated.baton --scenario Repaired --runs 20 --chart repaired.svg",
            "baton simulate samples/retry-storm-simulated.baton --check --format github",
            "baton simulate checkout.baton --load 40/s --duration 10m --fault \"Stripe down from 4m to 5m\"",
            "baton simulate checkout.baton --scenario \"Provider outage\" --format json -o outage.json",
            "baton simulate checkout.baton --scenario \"Provider outage\" --format csv > outage.csv",
            "baton simulate samples/checkout-under-load.baton --traces checkout-traces.json --trace-limit 200",
        ])

    /// Limits of the numeric options: far beyond any real use, they keep a typo from asking for
    /// a billion runs.
    static let maximumRuns = 100_000
    static let maximumJobs = 1_024
    /// `--trace-limit`: a sample big enough for `baton infer` to see every path a scenario
    /// takes often, small enough to read (a few hundred kilobytes for a design of a dozen
    /// interactions); the most keeps the file within a few hundred megabytes.
    static let defaultTraceLimit = 100
    static let maximumTraceLimit = 10_000

    /// What the command was asked to do, read from the arguments before any file is read.
    struct Request {
        var path: String
        var scenario: String?
        var load: String?
        var duration: String?
        var faults: [String]
        var runs: Int
        var seed: UInt64?
        var jobs: Int
        var format: SimulateFormat
        var output: String?
        var chart: String?
        var traces: String?
        var traceLimit: Int
        var theme: Theme.Name
        var check: Bool
        var quiet: Bool
        /// A scenario made on the command line (`--load` and `--duration`).
        var madeHere: Bool { load != nil }
    }

    static func run(_ arguments: ParsedArguments) -> Int32 {
        let request: Request
        do {
            request = try parse(arguments)
        } catch {
            return Terminal.fail(error.message, help: error.help)
        }
        let input: InputFile
        do {
            input = try InputFiles.one(request.path, command: "simulate")
        } catch {
            return Terminal.fail(error.message, help: error.help)
        }
        let reads = ReadLog()
        if request.path == "-" { reads.recordStandardInput(role: "the input (read as standard input)") } else { reads.record(request.path, role: "the input") }
        var writeOptions = AtomicWrite.Options(force: arguments.has("--force"), protected: reads.protected)
        // Refuse a bad output before the work, not after it.
        for path in [request.output, request.chart, request.traces].compactMap({ $0 }) {
            do { try AtomicWrite.check(path, options: writeOptions) } catch { return Terminal.fail(error.message, help: error.help) }
        }

        let compilation = Baton.compile(bytes: input.bytes, displayPath: input.displayPath,
                                        options: CompileOptions(importRoots: arguments.importRoots), read: reads.read)
        let errorColor = Terminal.colorEnabled(arguments.value("--color"), stream: STDERR_FILENO)
        if compilation.hasErrors {
            let reported = compilation.diagnostics.filter { $0.severity == .error }
                .map { ReportedDiagnostic($0, sources: compilation.sources) }
            Terminal.error(TextReporter(color: errorColor).report(reported, files: 1, omitted: OmittedErrors.of(compilation)))
            return Terminal.Exit.inputFault
        }
        let model = compilation.model
        var sources = compilation.sources
        let scenarios: [Scenario]
        do {
            scenarios = try self.scenarios(request, model: model, sources: &sources)
        } catch {
            switch error {
            case .usage(let usage):
                return Terminal.fail(usage.message, help: usage.help)
            case .commandLine(let diagnostics):
                let reported = diagnostics.map { ReportedDiagnostic($0, sources: sources) }
                Terminal.error(TextReporter(color: errorColor).diagnostics(reported))
                // Each option's text is its own source file, named after the option.
                var options: [String] = []
                for diagnostic in diagnostics where diagnostic.span.file.rawValue < sources.files.count {
                    let option = sources[diagnostic.span.file].path
                    if !options.contains(option) { options.append(option) }
                }
                return Terminal.fail("\(English.list(options)) \(options.count == 1 ? "has" : "have") \(English.plural(diagnostics.count, "error"))",
                                     help: "they are written as the lines of a scenario are: --load '40/s', --duration 10m, "
                                         + "--fault 'Stripe down from 1m to 2m' (docs/simulation.md#scenarios)")
            }
        }

        let progress = ProgressLine.forTerminal(quiet: request.quiet)
        var results: [(scenario: Scenario, result: SimulationResult)] = []
        var traced: SimulatedTraces?
        for scenario in scenarios {
            do {
                if request.traces != nil, traced == nil {
                    progress?.show("simulating \(LiteralFormat.string(scenario.name))…")
                    let run = try Baton.simulateTraced(model, scenario: scenario, traceLimit: request.traceLimit)
                    traced = run.traces
                    results.append((scenario, run.result))
                } else {
                    results.append((scenario, try simulate(scenario, model: model, request: request, progress: progress)))
                }
            } catch {
                progress?.clear()
                return Terminal.fail("cannot simulate \(LiteralFormat.string(scenario.name)): \(error.description)",
                                     code: request.madeHere ? Terminal.Exit.usageFault : Terminal.Exit.inputFault)
            }
        }
        progress?.clear()

        var written: [String] = []
        if let chart = request.chart, let first = results.first {
            let svg: String
            do {
                svg = try Baton.simulationSVG(first.result, model: model, theme: request.theme)
            } catch {
                return Terminal.fail(error.message, help: error.help)
            }
            writeOptions.protected = reads.protected
            do { try AtomicWrite.write(Array(svg.utf8), to: chart, options: writeOptions) } catch {
                return Terminal.fail(error.message, help: error.help)
            }
            written.append("wrote \(chart) (SVG, simulation chart of \(LiteralFormat.string(first.scenario.name)), "
                           + "\(RenderCommand.size(svg.utf8.count)))")
        }

        if let path = request.traces, let traced, let first = results.first {
            let bytes = Baton.simulationTraces(traced, model: model, scenario: first.scenario)
            writeOptions.protected = reads.protected
            do { try AtomicWrite.write(bytes, to: path, options: writeOptions) } catch {
                return Terminal.fail(error.message, help: error.help)
            }
            var line = "wrote \(path) (OTLP JSON, \(English.plural(traced.traces.count, "trace")) of "
                + "\(LiteralFormat.string(first.scenario.name)), one run in \(traced.every), \(RenderCommand.size(bytes.count))"
            let left = traced.unfinished + traced.tooLarge
            if left > 0 { line += "; \(English.plural(left, "traced run")) left out, unfinished or too large" }
            written.append(line + ")")
        }

        let output: String
        var status = Terminal.Exit.success
        if request.check {
            let checked = check(results, request: request, model: model, sources: sources, color: arguments.value("--color"))
            output = checked.output
            if checked.failed { status = Terminal.Exit.inputFault }
        } else if let only = results.first {
            output = report(only.result, format: request.format, model: model, sources: sources)
        } else {
            output = ""
        }
        if let path = request.output {
            writeOptions.protected = reads.protected
            do { try AtomicWrite.write(Array(output.utf8), to: path, options: writeOptions) } catch {
                return Terminal.fail(error.message, help: error.help)
            }
            written.append("wrote \(path) (\(RenderCommand.size(output.utf8.count)))")
        } else {
            Terminal.write(output)
        }
        if !request.quiet, Terminal.standardErrorIsTerminal {
            for line in written { Terminal.error(ControlCharacters.visible(line) + "\n") }
        }
        return status
    }

    // MARK: - Arguments

    static func parse(_ arguments: ParsedArguments) throws(UsageError) -> Request {
        guard arguments.positional.count == 1, let path = arguments.positional.first else {
            throw UsageError(message: arguments.positional.isEmpty ? "no input: give one file, or '-' for standard input"
                                 : "simulate takes one file, not \(arguments.positional.count)",
                             help: "baton simulate design.baton")
        }
        let runs = try arguments.value("--runs").map { value throws(UsageError) in
            try WholeNumberOption.parse(value, option: "--runs", in: 1...maximumRuns)
        } ?? 1
        let seed = try arguments.value("--seed").map { value throws(UsageError) in
            UInt64(try WholeNumberOption.parse(value, option: "--seed", in: 0...Int.max))
        }
        let jobs = try arguments.value("--jobs").map { value throws(UsageError) in
            try WholeNumberOption.parse(value, option: "--jobs", in: 1...maximumJobs,
                                        help: "the default is one per processor core (\(defaultJobs) here)")
        } ?? defaultJobs
        let check = arguments.has("--check")
        let format = arguments.choice("--format", SimulateFormat.self)
        switch (format, check) {
        case (.csv, true):
            throw UsageError(message: "--check reports failed expectations as diagnostics, which CSV cannot hold",
                             help: "use --format text, json, sarif or github with --check, or drop --check for the time series")
        case (.sarif, false), (.github, false):
            throw UsageError(message: "--format \(format.rawValue) is a format of diagnostics: it goes with --check",
                             help: "add --check, or use --format text, json or csv for the report")
        default:
            break
        }
        let load = arguments.value("--load"), duration = arguments.value("--duration")
        switch (load, duration) {
        case (.some, nil):
            throw UsageError(message: "--load needs --duration: how long should the scenario run?",
                             help: "baton simulate design.baton --load \(ShellWords.quoted(load ?? "")) --duration 10m")
        case (nil, .some):
            throw UsageError(message: "--duration needs --load: what load should the scenario offer?",
                             help: "baton simulate design.baton --load 40/s --duration \(ShellWords.quoted(duration ?? ""))")
        default:
            break
        }
        let scenario = arguments.value("--scenario")
        if scenario != nil, load != nil {
            throw UsageError(message: "--scenario runs a scenario of the design, and --load with --duration make a new one: give one or the other",
                             help: "to run the design's scenario with another fault, add --fault to --scenario")
        }
        let output = arguments.outputPath, chart = arguments.value("--chart")
        if let output, let chart, output == chart {
            throw UsageError(message: "the report and the chart cannot both go to '\(output)'", help: "give --chart another file")
        }
        let traces = arguments.value("--traces")
        let traceLimit = try arguments.value("--trace-limit").map { value throws(UsageError) in
            try WholeNumberOption.parse(value, option: "--trace-limit", in: 1...maximumTraceLimit)
        } ?? defaultTraceLimit
        if traces == nil, arguments.value("--trace-limit") != nil {
            throw UsageError(message: "--trace-limit bounds the traces, and none are written",
                             help: "add --traces OUT.json, or drop --trace-limit")
        }
        if let traces {
            if traces == output || traces == chart {
                throw UsageError(message: "the traces cannot go to '\(traces)' as well", help: "give --traces a file of its own")
            }
            if runs > 1 {
                throw UsageError(message: "--traces records the spans of one run, and --runs \(runs) asks for \(runs)",
                                 help: "drop --runs to trace the run with the scenario's seed (--seed picks another)")
            }
        }
        if chart == nil, let theme = arguments.value("--theme") {
            throw UsageError(message: "--theme \(theme) colours the chart, and there is none",
                             help: "add --chart OUT.svg, or drop --theme")
        }
        return Request(path: path, scenario: scenario, load: load, duration: duration, faults: arguments.values("--fault"),
                       runs: runs, seed: seed, jobs: jobs, format: format, output: output, chart: chart,
                       traces: traces, traceLimit: traceLimit,
                       theme: arguments.value("--theme").flatMap(Theme.Name.init(rawValue:)) ?? .light, check: check,
                       quiet: arguments.has("--quiet"))
    }

    /// One job per processor core the system lets this process use.
    static var defaultJobs: Int { max(1, min(maximumJobs, ProcessorCount.active)) }

    // MARK: - Scenarios

    enum ScenarioFailure: Error {
        case usage(UsageError)
        /// Diagnostics about `--load`, `--duration` or `--fault`, pointing into their text.
        case commandLine([Diagnostic])
    }

    /// The scenarios to run: one made from `--load` and `--duration`, the one `--scenario`
    /// names, the design's only one, or — checking — all of them; each with `--fault` and
    /// `--seed` applied.
    static func scenarios(_ request: Request, model: Model, sources: inout SourceMap) throws(ScenarioFailure) -> [Scenario] {
        if let load = request.load, let duration = request.duration {
            do {
                return [try Scenario.commandLine(model: model, sources: &sources, load: load, duration: duration,
                                                 faults: request.faults, seed: request.seed ?? Scenario.defaultSeed,
                                                 name: "\(load) for \(duration)")]
            } catch {
                throw .commandLine(error.diagnostics)
            }
        }
        var chosen: [Scenario]
        do {
            chosen = [try ScenarioSelection.scenario(request.scenario, in: model)]
        } catch {
            // Checking a design checks every scenario it has, unless a chart or traces ask for one.
            guard case .several = error, request.check, request.chart == nil, request.traces == nil else { throw .usage(usage(error, request: request)) }
            chosen = model.scenarios
        }
        var diagnostics: [Diagnostic] = []
        for index in chosen.indices {
            for text in request.faults {
                do {
                    chosen[index].faults.append(try Scenario.commandLineFault(text, model: model, duration: chosen[index].duration,
                                                                              sources: &sources))
                } catch {
                    diagnostics += error.diagnostics
                }
            }
            if let seed = request.seed { chosen[index].seed = seed }
        }
        // A fault that does not fit one scenario is reported once, not once per scenario.
        var seen = Set<String>()
        diagnostics = diagnostics.filter { seen.insert($0.message).inserted }
        if !diagnostics.isEmpty { throw .commandLine(diagnostics) }
        return chosen
    }

    /// What to tell a user whose `--scenario` (or lack of one) picks no scenario.
    static func usage(_ failure: ScenarioSelection.Failure, request: Request) -> UsageError {
        let file = request.path == "-" ? "-" : request.path
        switch failure {
        case .unknown:
            return UsageError(message: failure.message, help: failure.help)
        case .none:
            return UsageError(message: "\(file == "-" ? "the design" : "'\(file)'") has no scenario to run",
                              help: "add a scenario block (docs/simulation.md), or make one: "
                                  + ShellWords.join(["baton", "simulate", file, "--load", "10/s", "--duration", "5m"]))
        case .several(let names):
            let why = request.chart != nil && request.check ? " (--chart draws one)"
                : request.traces != nil && request.check ? " (--traces records one)" : ""
            return UsageError(message: "\(failure.message): which one should run?\(why)",
                              help: "name it, as in " + ShellWords.join(["baton", "simulate", file, "--scenario", names.first ?? ""])
                                  + (request.check ? "" : ", or check them all with --check"))
        }
    }

    // MARK: - Running

    static func simulate(_ scenario: Scenario, model: Model, request: Request,
                         progress: ProgressLine?) throws(SimulationError) -> SimulationResult {
        let name = LiteralFormat.string(scenario.name)
        let runs = request.runs
        progress?.show(runs > 1 ? "simulating \(name): run 1/\(runs)…" : "simulating \(name)…")
        var update: (@Sendable (Int) -> Void)?
        if let progress {
            update = { finished in
                guard finished < runs else { return }
                progress.show(count: finished) { "simulating \(name): run \($0 + 1)/\(runs)…" }
            }
        }
        return try Baton.simulate(model, scenario: scenario, runs: runs, jobs: request.jobs, progress: update)
    }

    // MARK: - Output

    static func report(_ result: SimulationResult, format: SimulateFormat, model: Model, sources: SourceMap) -> String {
        switch format {
        case .json: SimulationJSONReport.report(result, model: model, sources: sources)
        case .csv: SimulationCSVReport.report(result, model: model, sources: sources)
        case .text, .sarif, .github: SimulationTextReport.report(result, model: model, sources: sources)
        }
    }

    /// The failed expectations of every scenario as diagnostics, in the format asked for.
    static func check(_ results: [(scenario: Scenario, result: SimulationResult)], request: Request, model: Model,
                      sources: SourceMap, color: String?) -> (output: String, failed: Bool) {
        var reported: [ReportedDiagnostic] = []
        var total = 0
        for (scenario, result) in results {
            total += result.expectations.count
            for var diagnostic in ExpectationDiagnostics.diagnostics(result, scenario: scenario) {
                diagnostic.help = "see what happened: " + ShellWords.join(["baton", "simulate", request.path, "--scenario", scenario.name])
                reported.append(ReportedDiagnostic(diagnostic, sources: sources))
            }
        }
        let output: String
        switch request.format {
        case .json, .csv:
            output = JSONReporter.report(reported, files: 1)
        case .sarif:
            let tool = SARIFReporter.Tool(name: "baton", version: Baton.version, informationURI: Baton.informationURI)
            output = SARIFReporter.report(reported, tool: tool, workingDirectory: FileManager.default.currentDirectoryPath)
        case .github:
            output = GitHubReporter.report(reported, files: 1)
        case .text:
            let reporter = TextReporter(color: request.output == nil && Terminal.colorEnabled(color))
            let which = results.count == 1 ? "scenario \(LiteralFormat.string(results[0].scenario.name))"
                : English.plural(results.count, "scenario")
            var summary: String
            if total == 0 {
                summary = "no expectation to check in \(which): add 'expect' lines to the scenario\n"
            } else if reported.isEmpty {
                summary = "\(English.plural(total, "expectation")) held in \(which)\n"
            } else {
                summary = "\(reported.count) of \(English.plural(total, "expectation")) failed in \(which)\n"
            }
            output = reporter.diagnostics(reported) + summary
        }
        return (output, !reported.isEmpty)
    }
}
