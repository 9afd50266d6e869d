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

    /// One diagnostic, in the layout of every finding (`FindingJSON`), written in place in
    /// the stream's `diagnostics` array.
    static func write(_ diagnostic: ReportedDiagnostic, to json: inout JSONStream) {
        json.element { write(diagnostic, into: &$0) }
    }

    /// `diagnostic` appended to `bytes` as `Stream.write` writes it, without the separator
    /// before it: for `Stream.write(formatted:)` (written on another thread, say).
    static func write(_ diagnostic: ReportedDiagnostic, into bytes: inout [UInt8]) {
        FindingJSON.writing(into: &bytes) { $0.write(diagnostic) }
    }

    /// `diagnostics` (in source order, as a check returns them) written one after another, each
    /// as `Stream.write` writes it resolved, with nothing between them: each one's bytes end
    /// where `ends` says (`Stream.write(formatted:)` then places them). Resolved as they are
    /// written, without a `ReportedDiagnostic` of each (see `FindingJSON`), walked as
    /// `ReportedDiagnostic.resolving` walks them (`ReportedDiagnostic.inOrder`).
    public static func write(_ diagnostics: ArraySlice<Diagnostic>, sources: SourceMap, into bytes: inout [UInt8],
                             ends: inout [Int]) {
        var none: SuppressionLayouts?
        write(diagnostics, sources: sources, into: &bytes, ends: &ends, layouts: &none)
    }

    /// The same, with the suppression fixes written from `layouts` (see `SuppressionLayouts`),
    /// which the caller keeps for the rest of the report.
    public static func write(_ diagnostics: ArraySlice<Diagnostic>, sources: SourceMap, into bytes: inout [UInt8],
                             ends: inout [Int], layouts: inout SuppressionLayouts?) {
        FindingJSON.writing(into: &bytes, layouts: &layouts) { json in
            // The path quoted once per run of findings in a file.
            var file: FileID?
            var path: [UInt8] = []
            ReportedDiagnostic.inOrder(diagnostics, sources: sources) { diagnostic, source, line in
                if file != source.id {
                    file = source.id
                    path = FindingJSON.quoted(source.path)
                }
                json.write(diagnostic, in: source, file: path, sources: sources, line: &line)
                ends.append(json.bytes.count)
            }
        }
    }
}
