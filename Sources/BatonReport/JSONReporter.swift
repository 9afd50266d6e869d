import BatonJSON
import BatonSyntax

/// The machine contract: `{"version": 1, "diagnostics": [...], "summary": {...}}` with 1-based
/// lines and columns (the end column is exclusive). Fields are only ever added.
///
/// When the per-file cap left errors out, `omitted` lists them per file
/// (`[{"file": "design.baton", "errors": 2899}]`, after `diagnostics`) and the summary counts
/// them (`"omittedErrors": 2899`); both are absent otherwise. `summary.errors` counts the
/// errors in `diagnostics`.
///
/// In a run with a baseline, `diagnostics` holds only the findings the baseline does not know;
/// `baselineFixed` (after `omitted`) lists the recorded findings that are gone, each `{"file",
/// "code", "message", "fingerprint"}`, and the summary counts both (`"baselined"`: known findings
/// left out, `"baselineFixed"`). All three are absent without a baseline.
///
/// A diagnostic with fixes has `fixes` (after `help`; absent when there are none):
/// `[{"title", "safety": "safe"|"unsafe", "suppression": Bool, "edits": [{"file", "start":
/// {"line", "column"}, "end": {…}, "newText"}]}]`, positions counted like the diagnostic's.
public enum JSONReporter {
    public static let version = 1

    public static func report(_ diagnostics: [ReportedDiagnostic], files: Int, omitted: [OmittedErrors] = [],
                              baseline: BaselineSummary? = nil) -> String {
        let output = ByteOutput()
        var stream = Stream(output)
        for diagnostic in diagnostics { stream.write(diagnostic) }
        stream.finish(summary: DiagnosticSummary(files: files, diagnostics: diagnostics, omitted: omitted), omitted: omitted,
                      baseline: baseline)
        return output.text
    }

    /// The report written as it is made: the opening at once, each diagnostic as it comes,
    /// the omissions, the baseline's fixed findings and the summary at the end.
    public struct Stream {
        private var json: JSONStream

        public init(_ output: ByteOutput) {
            json = JSONStream(output)
            json.beginObject()
            json.member("version", int: version)
            json.key("diagnostics")
            json.beginArray()
        }

        public mutating func write(_ diagnostic: ReportedDiagnostic) {
            JSONReporter.write(diagnostic, to: &json)
        }

        /// A diagnostic already written into a `fragment()` (on another thread, say): the
        /// same bytes as `write` gives.
        public mutating func write(formatted: ArraySlice<UInt8>) {
            json.element(formatted)
        }

        /// Closes the document and flushes the output.
        public mutating func finish(summary: DiagnosticSummary, omitted: [OmittedErrors], baseline: BaselineSummary?) {
            json.endArray()
            if !omitted.isEmpty {
                json.member("omitted", .array(omitted.map { .object([("file", .string($0.file)), ("errors", .int($0.count))]) }))
            }
            if let baseline {
                json.member("baselineFixed", .array(baseline.fixed.map { entry in
                    .object([("file", .string(entry.file)), ("code", .string(entry.rule)), ("message", .string(entry.message)),
                             ("fingerprint", .string(entry.fingerprint))])
                }))
            }
            var counts: [(String, JSONValue)] = [
                ("files", .int(summary.files)),
                ("errors", .int(summary.errors)),
                ("warnings", .int(summary.warnings)),
                ("infos", .int(summary.infos)),
            ]
            if !omitted.isEmpty { counts.append(("omittedErrors", .int(summary.omittedErrors))) }
            if let baseline { counts += [("baselined", .int(baseline.known)), ("baselineFixed", .int(baseline.fixed.count))] }
            json.member("summary", .object(counts))
            json.endObject()
            json.drain()
            json.output.write(UInt8(ascii: "\n"))
            json.output.flush()
        }
    }

    /// A stream to write diagnostics into apart from the report, at their depth in it (in the
    /// document's `diagnostics`), each for `Stream.write(formatted:)`: one after another, with
    /// nothing between them, so each one's bytes are a range of the fragment's.
    /// `capacity`: the bytes to make room for at once.
    public static func fragment(capacity: Int = 0) -> JSONStream {
        JSONStream(fragmentAt: 2, capacity: capacity)
    }

    /// Writes `diagnostic` into a `fragment()`.
    public static func write(_ diagnostic: ReportedDiagnostic, fragment: inout JSONStream) {
        write(diagnostic, to: &fragment)
    }

    /// One diagnostic, written member by member: a report holds thousands, and building each
    /// as a `JSONValue` first cost more than writing it. Its keys are made once (`Key`).
    static func write(_ diagnostic: ReportedDiagnostic, to json: inout JSONStream) {
        json.beginObject()
        json.member(Key.file, diagnostic.file)
        json.member(Key.line, int: diagnostic.line)
        json.member(Key.column, int: diagnostic.column)
        json.member(Key.endLine, int: diagnostic.endLine)
        json.member(Key.endColumn, int: diagnostic.endColumn)
        json.member(Key.severity, diagnostic.severity.rawValue)
        json.member(Key.code, diagnostic.code)
        json.member(Key.message, diagnostic.message)
        json.key(Key.notes)
        json.beginArray()
        for note in diagnostic.notes {
            json.beginObject()
            if let file = note.file, let line = note.line, let column = note.column {
                json.member(Key.file, file)
                json.member(Key.line, int: line)
                json.member(Key.column, int: column)
            }
            json.member(Key.message, note.message)
            json.endObject()
        }
        json.endArray()
        if let help = diagnostic.help { json.member(Key.help, help) }
        if !diagnostic.fixes.isEmpty {
            json.key(Key.fixes)
            json.beginArray()
            for fix in diagnostic.fixes { write(fix, to: &json) }
            json.endArray()
        }
        json.endObject()
    }

    static func write(_ fix: ReportedFix, to json: inout JSONStream) {
        func position(_ name: JSONKey, _ position: SourcePosition) {
            json.key(name)
            json.beginObject()
            json.member(Key.line, int: position.line)
            json.member(Key.column, int: position.column)
            json.endObject()
        }
        json.beginObject()
        json.member(Key.title, fix.title)
        json.member(Key.safety, fix.safety.rawValue)
        json.member(Key.suppression, bool: fix.isSuppression)
        json.key(Key.edits)
        json.beginArray()
        for edit in fix.edits {
            json.beginObject()
            json.member(Key.file, edit.file)
            position(Key.start, edit.start)
            position(Key.end, edit.end)
            json.member(Key.newText, edit.newText)
            json.endObject()
        }
        json.endArray()
        json.endObject()
    }

    /// The names of a finding's members, made once (see `JSONKey`): each finding writes
    /// two dozen of them.
    enum Key {
        static let file = JSONKey("file")
        static let line = JSONKey("line")
        static let column = JSONKey("column")
        static let endLine = JSONKey("endLine")
        static let endColumn = JSONKey("endColumn")
        static let severity = JSONKey("severity")
        static let code = JSONKey("code")
        static let message = JSONKey("message")
        static let notes = JSONKey("notes")
        static let help = JSONKey("help")
        static let fixes = JSONKey("fixes")
        static let title = JSONKey("title")
        static let safety = JSONKey("safety")
        static let suppression = JSONKey("suppression")
        static let edits = JSONKey("edits")
        static let start = JSONKey("start")
        static let end = JSONKey("end")
        static let newText = JSONKey("newText")
    }
}
