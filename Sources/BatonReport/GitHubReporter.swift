import BatonJSON
import BatonSyntax

/// GitHub Actions workflow commands: one `::error`/`::warning`/`::notice` annotation per
/// diagnostic, escaped the way GitHub's toolkit escapes them, then a plain summary line.
///
///     ::error file=checkout.baton,line=14,col=3,endLine=14,endColumn=31,title=baton (sync-cycle)::synchronous call cycle…
///
/// Text from the input is made visible (`ControlCharacters.visible`) before it is escaped: a
/// line break in a label becomes `\n` inside the message rather than a second line of it, and
/// an escape sequence cannot reach the log viewer or a terminal. Errors the per-file cap left
/// out are one more `::error` on that file, saying how many.
public enum GitHubReporter {
    /// The summary (and, with a baseline, `BaselineSummary.text`) is plain log text after the
    /// annotations: fixed baseline entries have no line to annotate.
    public static func report(_ diagnostics: [ReportedDiagnostic], files: Int, omitted: [OmittedErrors] = [],
                              baseline: BaselineSummary? = nil) -> String {
        let output = ByteOutput()
        var stream = Stream(output, omitted: omitted)
        for diagnostic in diagnostics { stream.write(diagnostic) }
        stream.finish(summary: DiagnosticSummary(files: files, diagnostics: diagnostics, omitted: omitted), baseline: baseline)
        return output.text
    }

    /// `report` written as it is made: an annotation per diagnostic as it comes (each file's
    /// omission after its last one), the summary at the end.
    public struct Stream {
        public let output: ByteOutput
        private var placement: OmissionPlacement

        public init(_ output: ByteOutput, omitted: [OmittedErrors] = []) {
            self.output = output
            placement = OmissionPlacement(omitted)
        }

        /// Errors the cap left out of a file: after that file's last annotation.
        public mutating func add(_ omitted: OmittedErrors) {
            placement.add(omitted)
        }

        public mutating func write(_ diagnostic: ReportedDiagnostic) {
            place(file: diagnostic.file)
            output.write(entry(diagnostic))
        }

        /// A diagnostic in `file` whose entry was made already (on another thread, say): the
        /// same bytes as `write` gives for it.
        public mutating func write(file: String, formatted: ArraySlice<UInt8>) {
            place(file: file)
            output.write(formatted)
        }

        private mutating func place(file: String) {
            if let omission = placement.before(file: file) { output.write(annotation(omission) + "\n") }
        }

        /// The remaining omissions, the summary and the baseline's lines; flushes the output.
        public mutating func finish(summary: DiagnosticSummary, baseline: BaselineSummary?) {
            for omission in placement.rest() { output.write(annotation(omission) + "\n") }
            output.write(TextReporter().summary(summary) + (baseline?.text ?? ""))
            output.flush()
        }
    }

    /// A diagnostic as the report writes it: its annotation on a line.
    public static func entry(_ diagnostic: ReportedDiagnostic) -> String {
        annotation(diagnostic) + "\n"
    }

    /// `::error file=design.baton,title=baton::2899 more errors not shown (…)`
    public static func annotation(_ omitted: OmittedErrors) -> String {
        let file = escapeProperty(ControlCharacters.visible(omitted.file))
        return "::error file=\(file),title=baton::\(escapeData(omitted.message))"
    }

    public static func annotation(_ diagnostic: ReportedDiagnostic) -> String {
        let command: String = switch diagnostic.severity {
        case .error: "error"
        case .warning: "warning"
        case .info, .off: "notice"
        }
        let visible = ControlCharacters.visible
        var properties: [(String, String)] = [("file", visible(diagnostic.file)), ("line", String(diagnostic.line))]
        // GitHub rejects col/endColumn on annotations that span several lines.
        if diagnostic.endLine == diagnostic.line {
            properties += [("col", String(diagnostic.column)), ("endLine", String(diagnostic.endLine)),
                           ("endColumn", String(max(diagnostic.endColumn, diagnostic.column + 1)))]
        } else {
            properties.append(("endLine", String(diagnostic.endLine)))
        }
        properties.append(("title", "baton (\(diagnostic.code))"))
        var message = visible(diagnostic.message)
        for note in diagnostic.notes {
            message += "\nnote: " + visible(note.message)
            if let file = note.file, let line = note.line, let column = note.column { message += " at \(visible(file)):\(line):\(column)" }
        }
        if let help = diagnostic.help { message += "\nhelp: " + visible(help) }
        let list = properties.map { "\($0.0)=\(escapeProperty($0.1))" }.joined(separator: ",")
        return "::\(command) \(list)::\(escapeData(message))"
    }

    /// Message text: `%`, CR and LF.
    public static func escapeData(_ text: String) -> String {
        escaped(text, property: false)
    }

    /// Property values: as data, plus `:` and `,`, which separate properties.
    public static func escapeProperty(_ text: String) -> String {
        escaped(text, property: true)
    }

    /// Every character escaped is ASCII, and no byte of a multi-byte character is one, so the
    /// text is escaped byte by byte; text with nothing to escape is returned as it is.
    private static func escaped(_ text: String, property: Bool) -> String {
        func code(_ byte: UInt8) -> StaticString? {
            switch byte {
            case UInt8(ascii: "%"): "%25"
            case UInt8(ascii: "\r"): "%0D"
            case UInt8(ascii: "\n"): "%0A"
            case UInt8(ascii: ":") where property: "%3A"
            case UInt8(ascii: ",") where property: "%2C"
            default: nil
            }
        }
        var text = text
        let escaped = text.withUTF8 { utf8 -> String? in
            guard let first = utf8.firstIndex(where: { code($0) != nil }) else { return nil }
            var bytes: [UInt8] = []
            bytes.reserveCapacity(utf8.count + 16)
            bytes.append(contentsOf: utf8[..<first])
            for byte in utf8[first...] {
                if let code = code(byte) {
                    code.withUTF8Buffer { bytes.append(contentsOf: $0) }
                } else {
                    bytes.append(byte)
                }
            }
            return String(decoding: bytes, as: UTF8.self)
        }
        return escaped ?? text
    }
}
