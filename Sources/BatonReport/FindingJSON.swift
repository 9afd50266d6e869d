import BatonJSON
import BatonSyntax

/// One finding as the JSON report writes it, in the `diagnostics` array of the document:
/// pretty-printed two levels deep, without the separator before it (which the array places).
/// The one layout of a finding, whatever it is written from — a `ReportedDiagnostic`
/// (`JSONReporter`) or a `Diagnostic` and its source (`write(_:in:sources:line:into:)`).
///
/// A report has a fixed shape and writes it hundreds of thousands of times, so the shape is
/// written as constants: each run of punctuation, line breaks, indentation and keys between two
/// values is one append (a `JSONStream` works each out from the containers open, which was most
/// of writing a large report). The bytes are those `JSONStream` gives for the same members,
/// which `FindingJSONTests` holds it to.
///
/// The members come in their order: `begin`, the notes, `help`, each fix with its edits, `end`.
struct FindingJSON {
    private(set) var bytes: [UInt8]
    private var notes = 0
    private var fixes = 0
    private var edits = 0

    /// Lets `body` write to the end of `bytes` (moved into the writer and back, not copied).
    static func writing(into bytes: inout [UInt8], _ body: (inout FindingJSON) -> Void) {
        var writer = FindingJSON()
        swap(&writer.bytes, &bytes)
        body(&writer)
        swap(&writer.bytes, &bytes)
    }

    private init() {
        bytes = []
    }

    /// The members before the notes. `file` is the path, already a JSON string (`quoted`).
    mutating func begin(file: [UInt8], start: SourcePosition, end: SourcePosition, severity: Severity, code: String, message: String) {
        notes = 0
        fixes = 0
        raw("{\n      \"file\": ")
        append(file)
        raw(",\n      \"line\": ")
        JSONValue.writeInt(start.line, into: &bytes)
        raw(",\n      \"column\": ")
        JSONValue.writeInt(start.column, into: &bytes)
        raw(",\n      \"endLine\": ")
        JSONValue.writeInt(end.line, into: &bytes)
        raw(",\n      \"endColumn\": ")
        JSONValue.writeInt(end.column, into: &bytes)
        switch severity {
        case .error: raw(",\n      \"severity\": \"error\",\n      \"code\": ")
        case .warning: raw(",\n      \"severity\": \"warning\",\n      \"code\": ")
        case .info: raw(",\n      \"severity\": \"info\",\n      \"code\": ")
        case .off: raw(",\n      \"severity\": \"off\",\n      \"code\": ")
        }
        JSONValue.writeString(code, into: &bytes)
        raw(",\n      \"message\": ")
        JSONValue.writeString(message, into: &bytes)
        raw(",\n      \"notes\": [")
    }

    /// A note with its place (`file` quoted), or without one.
    mutating func note(file: [UInt8]?, at position: SourcePosition?, message: String) {
        raw(notes == 0 ? "\n        {\n          " : ",\n        {\n          ")
        notes += 1
        if let file, let position {
            raw("\"file\": ")
            append(file)
            raw(",\n          \"line\": ")
            JSONValue.writeInt(position.line, into: &bytes)
            raw(",\n          \"column\": ")
            JSONValue.writeInt(position.column, into: &bytes)
            raw(",\n          ")
        }
        raw("\"message\": ")
        JSONValue.writeString(message, into: &bytes)
        raw("\n        }")
    }

    /// Closes the notes and writes the help, if any.
    mutating func help(_ help: String?) {
        raw(notes == 0 ? "]" : "\n      ]")
        if let help {
            raw(",\n      \"help\": ")
            JSONValue.writeString(help, into: &bytes)
        }
    }

    /// Opens a fix, whose edits follow (`edit`); the previous fix is closed first.
    mutating func fix(title: String, safety: Fix.Safety, isSuppression: Bool) {
        if fixes == 0 {
            raw(",\n      \"fixes\": [\n        {\n          \"title\": ")
        } else {
            closeFix()
            raw(",\n        {\n          \"title\": ")
        }
        fixes += 1
        edits = 0
        JSONValue.writeString(title, into: &bytes)
        switch (safety, isSuppression) {
        case (.safe, false): raw(",\n          \"safety\": \"safe\",\n          \"suppression\": false,\n          \"edits\": [")
        case (.safe, true): raw(",\n          \"safety\": \"safe\",\n          \"suppression\": true,\n          \"edits\": [")
        case (.unsafe, false): raw(",\n          \"safety\": \"unsafe\",\n          \"suppression\": false,\n          \"edits\": [")
        case (.unsafe, true): raw(",\n          \"safety\": \"unsafe\",\n          \"suppression\": true,\n          \"edits\": [")
        }
    }

    /// An edit of the fix opened last (`file` quoted).
    mutating func edit(file: [UInt8], start: SourcePosition, end: SourcePosition, newText: String) {
        raw(edits == 0 ? "\n            {\n              \"file\": " : ",\n            {\n              \"file\": ")
        edits += 1
        append(file)
        raw(",\n              \"start\": {\n                \"line\": ")
        JSONValue.writeInt(start.line, into: &bytes)
        raw(",\n                \"column\": ")
        JSONValue.writeInt(start.column, into: &bytes)
        raw("\n              },\n              \"end\": {\n                \"line\": ")
        JSONValue.writeInt(end.line, into: &bytes)
        raw(",\n                \"column\": ")
        JSONValue.writeInt(end.column, into: &bytes)
        raw("\n              },\n              \"newText\": ")
        JSONValue.writeString(newText, into: &bytes)
        raw("\n            }")
    }

    /// Closes the last fix, the fixes and the finding.
    mutating func end() {
        if fixes > 0 {
            closeFix()
            raw("\n      ]")
        }
        raw("\n    }")
    }

    private mutating func closeFix() {
        raw(edits == 0 ? "]\n        }" : "\n          ]\n        }")
    }

    /// A resolved finding.
    mutating func write(_ diagnostic: ReportedDiagnostic) {
        let file = Self.quoted(diagnostic.file)
        begin(file: file, start: SourcePosition(line: diagnostic.line, column: diagnostic.column),
              end: SourcePosition(line: diagnostic.endLine, column: diagnostic.endColumn), severity: diagnostic.severity,
              code: diagnostic.code, message: diagnostic.message)
        for note in diagnostic.notes {
            if let path = note.file, let line = note.line, let column = note.column {
                self.note(file: path == diagnostic.file ? file : Self.quoted(path), at: SourcePosition(line: line, column: column),
                          message: note.message)
            } else {
                self.note(file: nil, at: nil, message: note.message)
            }
        }
        help(diagnostic.help)
        for fix in diagnostic.fixes {
            self.fix(title: fix.title, safety: fix.safety, isSuppression: fix.isSuppression)
            for edit in fix.edits {
                self.edit(file: edit.file == diagnostic.file ? file : Self.quoted(edit.file), start: edit.start, end: edit.end,
                          newText: edit.newText)
            }
        }
        end()
    }

    /// A finding straight from the rules, resolved as it is written, as `ReportedDiagnostic`
    /// resolves it (the same positions, from the same functions): a large report made a
    /// `ReportedDiagnostic` of each finding only to write it — its arrays of notes, fixes and
    /// edits, a retain of each of its texts, and the releases after. `source` is the
    /// diagnostic's file and `file` its path, quoted; `line` as in `ReportedDiagnostic.init`.
    mutating func write(_ diagnostic: borrowing Diagnostic, in source: SourceFile, file: [UInt8], sources: SourceMap,
                        line cursor: inout Int) {
        let place = ReportedDiagnostic.place(of: diagnostic.span, in: source, line: &cursor)
        begin(file: file, start: place.start, end: place.end, severity: diagnostic.severity, code: diagnostic.code,
              message: diagnostic.message)
        diagnostic.notes.withUnsafeBufferPointer { notes in
            for index in notes.indices {
                guard let span = notes[index].span else {
                    note(file: nil, at: nil, message: notes[index].message)
                    continue
                }
                ReportedDiagnostic.placeNote(at: span, in: source, sources: sources) { noteFile, start in
                    note(file: noteFile.id == source.id ? file : Self.quoted(noteFile.path), at: start, message: notes[index].message)
                }
            }
        }
        help(diagnostic.help)
        diagnostic.fixes.withUnsafeBufferPointer { fixes in
            for index in fixes.indices {
                fix(title: fixes[index].title, safety: fixes[index].safety, isSuppression: fixes[index].isSuppression)
                for edit in fixes[index].edits {
                    ReportedFix.placeEdit(at: edit.span, in: source, line: place.line, sources: sources) { editFile, start, end in
                        self.edit(file: editFile.id == source.id ? file : Self.quoted(editFile.path), start: start, end: end,
                                  newText: edit.replacement)
                    }
                }
            }
        }
        end()
    }

    /// `text` as a JSON string, for the `file` parameters: a report writes each path many times.
    static func quoted(_ text: String) -> [UInt8] {
        var bytes: [UInt8] = []
        JSONValue.writeString(text, into: &bytes)
        return bytes
    }

    private mutating func raw(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    private mutating func append(_ more: [UInt8]) {
        // Through a pointer: appending the array itself retained and released it.
        more.withUnsafeBufferPointer { bytes.append(contentsOf: $0) }
    }
}
