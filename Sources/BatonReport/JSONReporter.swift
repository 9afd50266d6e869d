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
        let summary = DiagnosticSummary(files: files, diagnostics: diagnostics, omitted: omitted)
        var counts: [(String, JSONValue)] = [
            ("files", .int(summary.files)),
            ("errors", .int(summary.errors)),
            ("warnings", .int(summary.warnings)),
            ("infos", .int(summary.infos)),
        ]
        var members: [(String, JSONValue)] = [
            ("version", .int(version)),
            ("diagnostics", .array(diagnostics.map(json))),
        ]
        if !omitted.isEmpty {
            members.append(("omitted", .array(omitted.map { .object([("file", .string($0.file)), ("errors", .int($0.count))]) })))
            counts.append(("omittedErrors", .int(summary.omittedErrors)))
        }
        if let baseline {
            members.append(("baselineFixed", .array(baseline.fixed.map { entry in
                .object([("file", .string(entry.file)), ("code", .string(entry.rule)), ("message", .string(entry.message)),
                         ("fingerprint", .string(entry.fingerprint))])
            })))
            counts += [("baselined", .int(baseline.known)), ("baselineFixed", .int(baseline.fixed.count))]
        }
        members.append(("summary", .object(counts)))
        return JSONValue.object(members).serialized(pretty: true) + "\n"
    }

    static func json(_ diagnostic: ReportedDiagnostic) -> JSONValue {
        var members: [(String, JSONValue)] = [
            ("file", .string(diagnostic.file)),
            ("line", .int(diagnostic.line)),
            ("column", .int(diagnostic.column)),
            ("endLine", .int(diagnostic.endLine)),
            ("endColumn", .int(diagnostic.endColumn)),
            ("severity", .string(diagnostic.severity.rawValue)),
            ("code", .string(diagnostic.code)),
            ("message", .string(diagnostic.message)),
            ("notes", .array(diagnostic.notes.map { note in
                var fields: [(String, JSONValue)] = []
                if let file = note.file, let line = note.line, let column = note.column {
                    fields += [("file", .string(file)), ("line", .int(line)), ("column", .int(column))]
                }
                fields.append(("message", .string(note.message)))
                return .object(fields)
            })),
        ]
        if let help = diagnostic.help { members.append(("help", .string(help))) }
        if !diagnostic.fixes.isEmpty { members.append(("fixes", .array(diagnostic.fixes.map(json)))) }
        return .object(members)
    }

    static func json(_ fix: ReportedFix) -> JSONValue {
        func position(_ position: SourcePosition) -> JSONValue {
            .object([("line", .int(position.line)), ("column", .int(position.column))])
        }
        return .object([
            ("title", .string(fix.title)),
            ("safety", .string(fix.safety.rawValue)),
            ("suppression", .bool(fix.isSuppression)),
            ("edits", .array(fix.edits.map { edit in
                .object([("file", .string(edit.file)), ("start", position(edit.start)), ("end", position(edit.end)),
                         ("newText", .string(edit.newText))])
            })),
        ])
    }
}
