import Baton
import BatonJSON
import BatonReport
import BatonSyntax
import Foundation

/// The report of `baton check` in its `--format`, written finding by finding through a
/// buffered output as the run goes: the counts of its summary and of the text format's
/// `--fix` hint are kept as it writes, so nothing waits for the whole list.
struct CheckOutput {
    // One of these is set, by the format. (Optionals rather than an enum with payloads: a
    // stream is changed in place on every finding, never copied out and back.)
    private var text: TextReporter.Stream?
    private var json: JSONReporter.Stream?
    private var sarif: SARIFReporter.Stream?
    private var github: GitHubReporter.Stream?
    private let output: ByteOutput
    private let files: Int
    private var counts = DiagnosticSummary(files: 0)
    private var hint = FixHint()
    /// How a finding of this report is formatted by itself (nil for SARIF), for
    /// `write(_:formatted:)`.
    let formatter: FindingFormatter?

    /// SARIF names what its results leave out before them: `omitted` and `baseline` must be
    /// final for it. The other formats take omissions with `add` and the baseline at `finish`.
    init(_ format: CheckFormat, output: ByteOutput, files: Int, color: Bool, omitted: [OmittedErrors] = [],
         baseline: BaselineSummary? = nil) {
        self.output = output
        self.files = files
        formatter = FindingFormatter(format, color: color)
        switch format {
        case .text: text = TextReporter.Stream(TextReporter(color: color), output: output, omitted: omitted)
        case .json: json = JSONReporter.Stream(output)
        case .github: github = GitHubReporter.Stream(output, omitted: omitted)
        case .sarif:
            let tool = SARIFReporter.Tool(name: "baton", version: Baton.version, informationURI: Baton.informationURI)
            sarif = SARIFReporter.Stream(output, tool: tool, workingDirectory: FileManager.default.currentDirectoryPath,
                                         omitted: omitted, baseline: baseline)
        }
    }

    /// Errors the cap left out of a file, before that file's findings are written.
    mutating func add(_ omitted: OmittedErrors) {
        text?.add(omitted)
        github?.add(omitted)
    }

    mutating func write(_ diagnostic: ReportedDiagnostic) {
        counts.count(diagnostic.severity)
        hint.count(diagnostic)
        text?.write(diagnostic)
        json?.write(diagnostic)
        sarif?.write(diagnostic)
        github?.write(diagnostic)
    }

    /// Finding `index` of `input` as the rules made it, `diagnostics` (the input's, read where
    /// they are: field by field, since handing one on whole copied it), which `formatter` made
    /// `formatted` of: the same bytes as `write` gives for it resolved. `file`: the file of the
    /// finding before, whose path is looked up again only for another file.
    mutating func write(_ index: Int, of input: CheckedInput, in diagnostics: UnsafeBufferPointer<Diagnostic>,
                        formatted: ArraySlice<UInt8>, file: inout (id: FileID, path: String)?) {
        counts.count(diagnostics[index].severity)
        hint.count(diagnostics[index].fixes)
        let path = input.path(of: diagnostics[index].span.file, last: &file)
        text?.write(file: path, formatted: formatted)
        json?.write(formatted: formatted)
        github?.write(file: path, formatted: formatted)
    }

    /// Ends the report (the summary, `omitted` in full, the baseline's lines) and flushes it;
    /// the text format adds the `--fix` hint unless `fixing`.
    mutating func finish(omitted: [OmittedErrors], baseline: BaselineSummary?, fixing: Bool) {
        var summary = DiagnosticSummary(files: files, omitted: omitted)
        summary.errors = counts.errors
        summary.warnings = counts.warnings
        summary.infos = counts.infos
        text?.finish(summary: summary, baseline: baseline)
        if text != nil, !fixing, let line = hint.text { output.write(line) }
        json?.finish(summary: summary, omitted: omitted, baseline: baseline)
        sarif?.finish()
        github?.finish(summary: summary, baseline: baseline)
        output.flush()
    }
}

/// Under the text report: how many findings `--fix` and `--unsafe-fixes` would fix, so people
/// learn the flags where they need them (suppressions are never counted: no flag inserts one).
struct FixHint {
    private var safe = 0
    private var unsafe = 0

    mutating func count(_ diagnostic: ReportedDiagnostic) {
        count(diagnostic.fixes.lazy.map { ($0.safety, $0.isSuppression) })
    }

    mutating func count(_ fixes: [Fix]) {
        count(fixes.lazy.map { ($0.safety, $0.isSuppression) })
    }

    /// Counts a finding by its fixes: each one's safety and whether it is a suppression.
    private mutating func count(_ fixes: some Collection<(Fix.Safety, Bool)>) {
        if fixes.contains(where: { $0.0 == .safe }) {
            safe += 1
        } else if fixes.contains(where: { $0.0 == .unsafe && !$0.1 }) {
            unsafe += 1
        }
    }

    /// The line, or nil when nothing is fixable.
    var text: String? {
        switch (safe, unsafe) {
        case (0, 0): nil
        case (_, 0): "\(safe) fixable with --fix (--diff shows the edits first)\n"
        case (0, _): "\(unsafe) fixable with --unsafe-fixes, which change the design (--diff --unsafe-fixes shows them first)\n"
        default: "\(safe) fixable with --fix, \(unsafe) more with --unsafe-fixes, which change the design (--diff shows the edits first)\n"
        }
    }
}
