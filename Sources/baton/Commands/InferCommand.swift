import Baton
import BatonModel
import BatonReport
import BatonSyntax
import BatonTrace
import Foundation

/// `baton infer TRACES...`: read OpenTelemetry, Jaeger or Zipkin traces and write the design
/// they show (docs/traces.md).
enum InferCommand {
    static let spec = CommandSpec(
        name: "infer",
        summary: "Infer a design from traces (OTLP, Jaeger or Zipkin JSON): the system that actually runs",
        usage: "baton infer [OPTIONS] TRACES...",
        discussion: """
            TRACES are trace files, directories (every *.json, *.jsonl and *.ndjson file below them,
            in sorted order, hidden entries skipped) or '-' for standard input. Each file's format is
            recognised from its content: OTLP JSON as the OpenTelemetry Collector's file exporter
            writes it (one object per line, or one object), Jaeger's JSON export, or Zipkin v2 JSON.
            Files are read as a stream, in memory that grows with the number of spans (a few
            dozen bytes each) rather than with the files' size, so they are not held to the
            256 MiB limit of designs. The design (docs/traces.md says how spans
            become participants, interactions, blocks and flows) goes to standard output, or to OUT
            with -o, written atomically and never over an input; it is formatted as 'baton fmt'
            writes it and compiles. Records that cannot be read are reported on standard error and
            left out. --min-count N leaves out interactions and flows seen fewer than N times and
            lists them at the end of the design.
            Exit status: 0 success; 1 a file could not be read to its end (its spans before the
            problem are used), or no span was found; 2 a usage or I/O error.
            """,
        options: [
            .value("--output", short: "-o", "OUT", "write the design to OUT instead of standard output"),
            .value("--min-count", "N", "leave out interactions and flows seen fewer than N times (default 1: keep all)"),
            .value("--title", "TEXT", "the design's title (default \"Inferred from traces\")"),
            .force,
            .flag("--quiet", short: "-q", "do not report what was read, left out and written on standard error"),
        ],
        examples: [
            "baton infer traces.json -o design.baton",
            "baton infer collector-output/ --min-count 5 -o observed.baton",
            "baton infer jaeger-export.json zipkin.json > observed.baton",
            "otel-export | baton infer - -o observed.baton",
        ])

    /// Extensions of the trace files read below a directory.
    static let extensions = [".json", ".jsonl", ".ndjson"]

    static func run(_ arguments: ParsedArguments) -> Int32 {
        guard !arguments.positional.isEmpty else {
            return Terminal.fail("no input: give one or more trace files, directories or '-'", help: "baton infer traces.json -o design.baton")
        }
        let minCount: Int
        do {
            minCount = try arguments.value("--min-count").map { value throws(UsageError) in
                try WholeNumberOption.parse(value, option: "--min-count", in: 1...Int(Int32.max))
            } ?? 1
        } catch {
            return Terminal.fail(error.message, help: error.help)
        }
        let files: [String]
        do {
            files = try traceFiles(arguments.positional)
        } catch {
            return Terminal.fail(error.message, help: error.help)
        }
        let reads = ReadLog()
        for file in files {
            if file == "-" { reads.recordStandardInput(role: "a trace file (read as standard input)") } else { reads.record(file, role: "a trace file") }
        }
        var writeOptions = AtomicWrite.Options(force: arguments.has("--force"), protected: reads.protected)
        if let output = arguments.outputPath {
            do { try AtomicWrite.check(output, options: writeOptions) } catch { return Terminal.fail(error.message, help: error.help) }
        }
        let quiet = arguments.has("--quiet")

        var observer = TraceObserver()
        var status = Terminal.Exit.success
        var formats: [TraceFormat] = []
        for file in files {
            let descriptor: Int32
            if file == "-" {
                descriptor = STDIN_FILENO
            } else {
                do { descriptor = try open(file) } catch { return Terminal.fail(error.message, help: error.help) }
            }
            let summary = TraceFileReader.read(FileDescriptorSource(descriptor: descriptor), file: file == "-" ? "<stdin>" : file) { batch in
                observer.add(batch)
            }
            if file != "-" { close(descriptor) }
            for format in summary.formats where !formats.contains(format) { formats.append(format) }
            for problem in summary.problems.problems { Terminal.error(ControlCharacters.visible(problem.description) + "\n") }
            if summary.problems.omitted > 0 {
                Terminal.error("\(ControlCharacters.visible(file)): \(English.plural(summary.problems.omitted, "more problem")) not shown\n")
            }
            if summary.problems.hasErrors { status = Terminal.Exit.inputFault }
        }
        let spans = observer.spanCount
        guard spans > 0 else {
            return Terminal.fail("no spans found in \(English.list(files.map { $0 == "-" ? "standard input" : "'\($0)'" }))",
                                 help: "give OTLP JSON (the Collector's file exporter), Jaeger JSON or Zipkin v2 JSON; docs/traces.md",
                                 code: Terminal.Exit.inputFault)
        }
        let system = observer.finish()
        let title = arguments.value("--title") ?? "Inferred from traces"
        let design = DesignWriter.write(system, options: InferOptions(minCount: minCount, title: title,
                                                                      sources: files.map { $0 == "-" ? "standard input" : $0 }))
        // The writer's promise, kept by checking it: what it writes compiles.
        let compilation = Baton.compile(bytes: Array(design.text.utf8), displayPath: arguments.outputPath ?? "<inferred>")
        if compilation.hasErrors {
            let reported = compilation.diagnostics.filter { $0.severity == .error }.map { ReportedDiagnostic($0, sources: compilation.sources) }
            Terminal.error(TextReporter(color: false).diagnostics(reported))
            return Terminal.fail("the inferred design does not compile: this is a bug in baton infer",
                                 help: "please report it with the traces (or the errors above)")
        }
        if !quiet, design.leftOutInteractions + design.leftOutFlows > 0 {
            var parts: [String] = []
            if design.leftOutInteractions > 0 { parts.append(English.plural(design.leftOutInteractions, "interaction")) }
            if design.leftOutFlows > 0 { parts.append(English.plural(design.leftOutFlows, "flow")) }
            Terminal.error("baton: left out \(English.list(parts)) seen fewer than \(English.plural(minCount, "time")) (--min-count; listed at the end of the design)\n")
        }
        if let output = arguments.outputPath {
            writeOptions.protected = reads.protected
            do { try AtomicWrite.write(Array(design.text.utf8), to: output, options: writeOptions) } catch {
                return Terminal.fail(error.message, help: error.help)
            }
            if !quiet, Terminal.standardErrorIsTerminal {
                let read = "\(English.plural(spans, "span")) in \(English.plural(system.statistics.traces, "trace")) (\(English.list(formats.map(\.description))))"
                Terminal.error("read \(read); wrote \(ControlCharacters.visible(output)) (\(English.plural(system.flows.count, "flow")))\n")
            }
        } else {
            Terminal.write(design.text)
        }
        return status
    }

    // MARK: - Files

    /// Opens a trace file for reading: regular files and pipes (what a user names), never a
    /// device or a directory.
    static func open(_ path: String) throws(InputError) -> Int32 {
        let descriptor = Glibc.open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw InputError(message: "cannot read '\(path)': \(FileReader.Failure(path: path, errno: errno).reason)")
        }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else {
            let failure = FileReader.Failure(path: path, errno: errno)
            close(descriptor)
            throw InputError(message: "cannot read '\(path)': \(failure.reason)")
        }
        let type = status.st_mode & S_IFMT
        guard type == S_IFREG || type == S_IFIFO || type == S_IFSOCK else {
            close(descriptor)
            throw InputError(message: "cannot read '\(path)': it is \(FileReader.describe(status.st_mode)), not a trace file")
        }
        return descriptor
    }

    /// The trace files the arguments name: files and `-` as given, directories walked.
    static func traceFiles(_ paths: [String]) throws(InputError) -> [String] {
        var files: [String] = []
        for path in paths {
            var status = stat()
            if path != "-", stat(path, &status) == 0, status.st_mode & S_IFMT == S_IFDIR {
                let found = try traceFiles(below: path)
                if found.isEmpty {
                    throw InputError(message: "no trace files (\(extensions.map { "*" + $0 }.joined(separator: ", "))) found under '\(path)'")
                }
                files += found
            } else {
                files.append(path)
            }
        }
        return files
    }

    /// Every trace file below a directory, sorted by path; hidden entries skipped, links out of
    /// the directory not followed, each directory walked once.
    static func traceFiles(below directory: String) throws(InputError) -> [String] {
        try InputFiles.files(below: directory, wanted: { name in extensions.contains { name.hasSuffix($0) } }, strict: false)
    }
}
