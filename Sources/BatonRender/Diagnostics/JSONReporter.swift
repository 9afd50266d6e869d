import BatonJSON
import BatonSyntax

/// The machine contract of SPEC §8: `{"version": 1, "diagnostics": [...], "summary": {...}}`
/// with 1-based lines and columns (the end column is exclusive). Fields are only ever added.
public enum JSONReporter {
    public static let version = 1

    public static func report(_ diagnostics: [ReportedDiagnostic], files: Int) -> String {
        let summary = DiagnosticSummary(files: files, diagnostics: diagnostics)
        let value = JSONValue.object([
            ("version", .int(version)),
            ("diagnostics", .array(diagnostics.map(json))),
            ("summary", .object([
                ("files", .int(summary.files)),
                ("errors", .int(summary.errors)),
                ("warnings", .int(summary.warnings)),
                ("infos", .int(summary.infos)),
            ])),
        ])
        return value.serialized(pretty: true) + "\n"
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
        return .object(members)
    }
}
