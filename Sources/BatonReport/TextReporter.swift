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
        var out: [UInt8] = []
        write(diagnostic, into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// A diagnostic as the report writes it: `format` and the blank line after it.
    public func entry(_ diagnostic: ReportedDiagnostic) -> String {
        var out: [UInt8] = []
        writeEntry(diagnostic, into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// `entry`'s bytes, appended to `out`.
    public func writeEntry(_ diagnostic: ReportedDiagnostic, into out: inout [UInt8]) {
        write(diagnostic, into: &out)
        out.append(UInt8(ascii: "\n"))
    }

    /// `format`'s bytes, appended to `out`: written piece by piece, where joining strings made
    /// the text format take twice as long as JSON.
    func write(_ diagnostic: ReportedDiagnostic, into out: inout [UInt8]) {
        let severityColor: StaticString = switch diagnostic.severity {
        case .error: "1;31"
        case .warning: "1;33"
        case .info, .off: "1;36"
        }
        let gutterWidth = String(diagnostic.line).utf8.count + 1
        TextBytes.appending(to: &out, color: color) { text in
            text.begin("1")
            text.visible(diagnostic.file)
            text.raw(":")
            text.int(diagnostic.line)
            text.raw(":")
            text.int(diagnostic.column)
            text.raw(":")
            text.end()
            text.raw(" ")
            text.begin(severityColor)
            text.string(diagnostic.severity.rawValue)
            text.raw("[")
            text.string(diagnostic.code)
            text.raw("]:")
            text.end()
            text.raw(" ")
            text.begin("1")
            text.visible(diagnostic.message)
            text.end()
            text.raw("\n")
            text.spaces(gutterWidth)
            text.bar()
            text.raw("\n")
            text.begin("34")
            text.int(diagnostic.line)
            text.end()
            text.raw(" ")
            text.bar()
            let caretsAt = Self.writeSnippet(diagnostic, into: &text)
            text.raw("\n")
            text.spaces(gutterWidth)
            text.bar()
            text.raw(" ")
            text.bytes(caretsAt.indent)
            text.begin(severityColor)
            text.repeated(UInt8(ascii: "^"), caretsAt.carets)
            text.end()
            text.raw("\n")
            for note in diagnostic.notes {
                text.spaces(gutterWidth)
                text.begin("1")
                text.raw("= note:")
                text.end()
                text.raw(" ")
                text.visible(note.message)
                if let file = note.file, let line = note.line, let column = note.column {
                    text.raw(" at ")
                    text.visible(file)
                    text.raw(":")
                    text.int(line)
                    text.raw(":")
                    text.int(column)
                }
                text.raw("\n")
            }
            if let help = diagnostic.help {
                text.spaces(gutterWidth)
                text.begin("1")
                text.raw("= help:")
                text.end()
                text.raw(" ")
                text.visible(help)
                text.raw("\n")
            }
        }
    }

    /// Writes the source line as printed (its excerpt, hidden characters written out, `…` where
    /// it is cut), after a space unless it is empty, and returns what goes under it: the
    /// indentation before the carets and how many carets.
    ///
    /// A written-out character is several columns wide, so indentation and carets are measured
    /// on the printed text, not on the source; tabs are copied so they line up the same way.
    private static func writeSnippet(_ diagnostic: ReportedDiagnostic, into text: inout TextBytes) -> (indent: [UInt8], carets: Int) {
        let excerpt = diagnostic.excerpt
        var scalars = 0
        let start = max(0, diagnostic.column - excerpt.firstColumn)
        let end = diagnostic.endLine == diagnostic.line ? max(start, diagnostic.endColumn - excerpt.firstColumn) : Int.max
        var indent: [UInt8] = []
        var carets = 0
        if excerpt.isCutBefore || excerpt.isCutAfter || !excerpt.text.isEmpty { text.raw(" ") }
        if excerpt.isCutBefore {
            text.raw("…")
            indent.append(UInt8(ascii: " "))
        }
        for scalar in excerpt.text.unicodeScalars {
            var width = 1
            if ControlCharacters.isHidden(scalar) {
                let written = ControlCharacters.written(scalar)
                text.string(written)
                width = written.utf8.count
            } else {
                text.scalar(scalar)
            }
            if scalars < start {
                if scalar == "\t" {
                    indent.append(UInt8(ascii: "\t"))
                } else {
                    indent.append(contentsOf: repeatElement(UInt8(ascii: " "), count: width))
                }
            } else if scalars < end {
                carets += width
            }
            scalars += 1
        }
        if excerpt.isCutAfter { text.raw("…") }
        return (indent, max(1, carets))
    }

    /// The line that closes a file's diagnostics when the cap left some out:
    /// "design.baton: 2899 more errors not shown (the first 100 of each file are)".
    public func omission(_ omitted: OmittedErrors) -> String {
        var out: [UInt8] = []
        TextBytes.appending(to: &out, color: color) { text in
            text.begin("1")
            text.visible(omitted.file)
            text.raw(":")
            text.end()
            text.raw(" ")
            text.string(omitted.message)
            text.raw("\n")
        }
        return String(decoding: out, as: UTF8.self)
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

}

/// A text entry's bytes as `TextReporter.write` makes them: pieces appended, painted between
/// `begin` and `end` when colour is on, input text made visible.
private struct TextBytes {
    var out: [UInt8]
    let color: Bool

    /// Runs `write` on a writer that appends to `out` in place (the bytes are moved into the
    /// writer and back, never copied).
    static func appending(to out: inout [UInt8], color: Bool, _ write: (inout TextBytes) -> Void) {
        var text = TextBytes(out: [], color: color)
        swap(&out, &text.out)
        write(&text)
        swap(&out, &text.out)
    }

    mutating func raw(_ text: StaticString) {
        text.withUTF8Buffer { out.append(contentsOf: $0) }
    }

    mutating func bytes(_ bytes: [UInt8]) {
        out.append(contentsOf: bytes)
    }

    mutating func string(_ text: String) {
        var text = text
        text.withUTF8 { out.append(contentsOf: $0) }
    }

    mutating func int(_ number: Int) {
        string(String(number))
    }

    mutating func visible(_ text: String) {
        string(ControlCharacters.visible(text))
    }

    mutating func scalar(_ scalar: Unicode.Scalar) {
        if scalar.isASCII {
            out.append(UInt8(scalar.value))
        } else {
            UTF8.encode(scalar) { out.append($0) }
        }
    }

    mutating func spaces(_ count: Int) {
        repeated(UInt8(ascii: " "), count)
    }

    mutating func repeated(_ byte: UInt8, _ count: Int) {
        out.append(contentsOf: repeatElement(byte, count: count))
    }

    /// The gutter's bar, in blue when painted.
    mutating func bar() {
        begin("34")
        raw("|")
        end()
    }

    mutating func begin(_ code: StaticString) {
        guard color else { return }
        raw("\u{1B}[")
        raw(code)
        raw("m")
    }

    mutating func end() {
        if color { raw("\u{1B}[0m") }
    }
}
