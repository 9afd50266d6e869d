import BatonJSON
import BatonSyntax

/// The human format: a `file:line:col: severity[code]: message` header that editors and CI
/// problem matchers understand, then the source line with carets, notes and help.
///
/// Everything taken from the input (paths, names and labels in messages, the source line) goes
/// through `ControlCharacters.visible`, so a design cannot send escape sequences to the terminal.
/// Lines longer than `SourceExcerpt.width` columns are cut around the caret, with `…` where
/// they go on.
///
///     checkout.baton:14:3: error[sync-cycle]: synchronous call cycle: Orders -> Billing -> Orders
///        |
///     14 |   Billing -> Orders : getOrder
///        |   ^^^^^^^^^^^^^^^^^^^^^^^^^^^^
///        = note: Orders -> Billing at checkout.baton:9:3
///        = help: break the cycle with an async message through a queue
public struct TextReporter: Sendable {
    /// ANSI colours; callers turn them on only for a terminal and never with `NO_COLOR`.
    public var color: Bool

    public init(color: Bool = false) { self.color = color }

    public func format(_ diagnostic: ReportedDiagnostic) -> String {
        let severityColor: String = switch diagnostic.severity {
        case .error: "31"
        case .warning: "33"
        case .info, .off: "36"
        }
        let gutterWidth = String(diagnostic.line).count + 1
        let pad = String(repeating: " ", count: gutterWidth)
        let visible = ControlCharacters.visible
        var out = paint("\(visible(diagnostic.file)):\(diagnostic.line):\(diagnostic.column):", "1") + " "
        out += paint("\(diagnostic.severity.rawValue)[\(diagnostic.code)]:", "1;" + severityColor) + " "
        out += paint(visible(diagnostic.message), "1") + "\n"
        let bar = paint("|", "34")
        out += pad + bar + "\n"
        let snippet = Self.snippet(diagnostic)
        out += paint(String(diagnostic.line), "34") + String(repeating: " ", count: gutterWidth - String(diagnostic.line).count)
        out += bar + (snippet.line.isEmpty ? "" : " " + snippet.line) + "\n"
        out += pad + bar + " " + snippet.indent + paint(String(repeating: "^", count: snippet.carets), "1;" + severityColor) + "\n"
        for note in diagnostic.notes {
            var text = visible(note.message)
            if let file = note.file, let line = note.line, let column = note.column {
                text += " at \(visible(file)):\(line):\(column)"
            }
            out += pad + paint("= note:", "1") + " " + text + "\n"
        }
        if let help = diagnostic.help {
            out += pad + paint("= help:", "1") + " " + visible(help) + "\n"
        }
        return out
    }

    /// A diagnostic as the report writes it: `format` and the blank line after it.
    public func entry(_ diagnostic: ReportedDiagnostic) -> String {
        format(diagnostic) + "\n"
    }

    /// The source line as printed (its excerpt, hidden characters written out, `…` where it is
    /// cut) and what goes under it: the indentation before the carets and how many carets.
    ///
    /// A written-out character is several columns wide, so indentation and carets are measured
    /// on the printed text, not on the source; tabs are copied so they line up the same way.
    static func snippet(_ diagnostic: ReportedDiagnostic) -> (line: String, indent: String, carets: Int) {
        let excerpt = diagnostic.excerpt
        let scalars = Array(excerpt.text.unicodeScalars)
        let start = min(max(0, diagnostic.column - excerpt.firstColumn), scalars.count)
        let end = diagnostic.endLine == diagnostic.line
            ? min(max(start, diagnostic.endColumn - excerpt.firstColumn), scalars.count) : scalars.count
        var line = excerpt.isCutBefore ? "…" : ""
        var indent = excerpt.isCutBefore ? " " : ""
        var carets = 0
        for (index, scalar) in scalars.enumerated() {
            let shown = ControlCharacters.isHidden(scalar) ? ControlCharacters.written(scalar) : String(scalar)
            line += shown
            if index < start {
                indent += scalar == "\t" ? "\t" : String(repeating: " ", count: shown.unicodeScalars.count)
            } else if index < end {
                carets += shown.unicodeScalars.count
            }
        }
        if excerpt.isCutAfter { line += "…" }
        return (line, indent, max(1, carets))
    }

    /// The line that closes a file's diagnostics when the cap left some out:
    /// "design.baton: 2899 more errors not shown (the first 100 of each file are)".
    public func omission(_ omitted: OmittedErrors) -> String {
        paint(ControlCharacters.visible(omitted.file) + ":", "1") + " " + omitted.message + "\n"
    }

    /// The closing line: "2 errors, 1 warning in 3 files" or "no problems in 3 files", and how
    /// many errors the cap left out: "100 errors in 1 file (2899 more errors not shown)".
    public func summary(_ summary: DiagnosticSummary) -> String {
        var parts: [String] = []
        if summary.errors > 0 { parts.append(English.plural(summary.errors, "error")) }
        if summary.warnings > 0 { parts.append(English.plural(summary.warnings, "warning")) }
        if summary.infos > 0 { parts.append(English.plural(summary.infos, "info")) }
        let files = English.plural(summary.files, "file")
        if parts.isEmpty { return "no problems in \(files)\n" }
        let omitted = summary.omittedErrors > 0 ? " (\(English.plural(summary.omittedErrors, "more error")) not shown)" : ""
        return parts.joined(separator: ", ") + " in \(files)\(omitted)\n"
    }

    /// The diagnostics, each followed by a blank line, with each file's omission after its last
    /// diagnostic; no summary.
    public func diagnostics(_ diagnostics: [ReportedDiagnostic], omitted: [OmittedErrors] = []) -> String {
        var out = ""
        for entry in OmittedErrors.entries(diagnostics, omitted: omitted) {
            switch entry {
            case .diagnostic(let diagnostic): out += format(diagnostic) + "\n"
            case .omitted(let omitted): out += omission(omitted) + "\n"
            }
        }
        return out
    }

    /// The diagnostics, the summary line and, in a run with a baseline, what it left out and
    /// what is fixed (`BaselineSummary.text`).
    public func report(_ diagnostics: [ReportedDiagnostic], files: Int, omitted: [OmittedErrors] = [],
                       baseline: BaselineSummary? = nil) -> String {
        let output = ByteOutput()
        var stream = Stream(self, output: output, omitted: omitted)
        for diagnostic in diagnostics { stream.write(diagnostic) }
        stream.finish(summary: DiagnosticSummary(files: files, diagnostics: diagnostics, omitted: omitted), baseline: baseline)
        return output.text
    }

    /// `report` written as it is made: each diagnostic as it comes (each file's omission after
    /// its last one), the summary at the end.
    public struct Stream {
        public let reporter: TextReporter
        public let output: ByteOutput
        private var placement: OmissionPlacement

        public init(_ reporter: TextReporter, output: ByteOutput, omitted: [OmittedErrors] = []) {
            self.reporter = reporter
            self.output = output
            placement = OmissionPlacement(omitted)
        }

        /// Errors the cap left out of a file: before the diagnostic after that file's last one.
        public mutating func add(_ omitted: OmittedErrors) {
            placement.add(omitted)
        }

        public mutating func write(_ diagnostic: ReportedDiagnostic) {
            place(file: diagnostic.file)
            output.write(reporter.entry(diagnostic))
        }

        /// A diagnostic in `file` whose entry was made already (on another thread, say): the
        /// same bytes as `write` gives for it.
        public mutating func write(file: String, formatted: ArraySlice<UInt8>) {
            place(file: file)
            output.write(formatted)
        }

        private mutating func place(file: String) {
            if let omission = placement.before(file: file) { output.write(reporter.omission(omission) + "\n") }
        }

        /// The remaining omissions, the summary and the baseline's lines; flushes the output.
        public mutating func finish(summary: DiagnosticSummary, baseline: BaselineSummary?) {
            for omission in placement.rest() { output.write(reporter.omission(omission) + "\n") }
            output.write(reporter.summary(summary) + (baseline?.text ?? ""))
            output.flush()
        }
    }

    private func paint(_ text: String, _ code: String) -> String {
        color ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }
}
