import BatonCheck
import BatonJSON
import BatonSyntax

/// One finding as the JSON report writes it, in the `diagnostics` array of the document:
/// pretty-printed two levels deep, without the separator before it (which the array places).
/// The one layout of a finding, whatever it is written from — a `ReportedDiagnostic`
/// (`JSONReporter`) or a `Diagnostic` and its source (`write(_:in:sources:line:into:)`).
///
/// A report has a fixed shape and writes it hundreds of thousands of times, so the shape is
/// written as constants: each run of punctuation, line breaks, indentation and keys between two
/// values is one piece (a `JSONStream` works each out from the containers open, which was most
/// of writing a large report). Each member group (the start, a note, the help, a fix, an edit,
/// the end) is written in place, in room reserved for it once (`appendInPlace`), rather than
/// appended piece by piece. The bytes are those `JSONStream` gives for the same members, which
/// `FindingJSONTests` holds it to.
///
/// The members come in their order: `begin`, the notes, `help`, each fix with its edits, `end`.
struct FindingJSON {
    private(set) var bytes: [UInt8]
    private var notes = 0
    private var fixes = 0
    private var edits = 0
    /// The suppression fixes' bytes around their line numbers (`suppression`), when the writer
    /// was given them; without, each is written member by member.
    private var layouts: SuppressionLayouts?
    /// The suppressions' texts: the layouts' while the writer has them (they keep them for
    /// every writer of the report on their thread), else made for this writer.
    private var texts = SuppressionFix.Texts()

    /// Lets `body` write to the end of `bytes` (moved into the writer and back, not copied),
    /// with the `layouts` earlier writers of the same report made, and leaves them for later
    /// ones.
    static func writing(into bytes: inout [UInt8], layouts: inout SuppressionLayouts?, _ body: (inout FindingJSON) -> Void) {
        var writer = FindingJSON()
        swap(&writer.bytes, &bytes)
        swap(&writer.layouts, &layouts)
        // The layouts' texts are the writer's while it writes: reached through the optional
        // for each finding, the layouts were copied and destroyed every time.
        writer.layouts?.swapTexts(&writer.texts)
        body(&writer)
        writer.layouts?.swapTexts(&writer.texts)
        swap(&writer.bytes, &bytes)
        swap(&writer.layouts, &layouts)
    }

    /// `writing(into:layouts:_:)` without layouts.
    static func writing(into bytes: inout [UInt8], _ body: (inout FindingJSON) -> Void) {
        var none: SuppressionLayouts?
        writing(into: &bytes, layouts: &none, body)
    }

    private init() {
        bytes = []
    }

    /// The members before the notes. `file` is the path, already a JSON string (`quoted`).
    mutating func begin(file: [UInt8], start: SourcePosition, end: SourcePosition, severity: Severity, code: String, message: String) {
        notes = 0
        fixes = 0
        bytes.appendInPlace(estimate: 256 + file.count + code.utf8.count + message.utf8.count) { out in
            out.raw("{\n      \"file\": ")
            out.bytes(file)
            out.raw(",\n      \"line\": ")
            out.int(start.line)
            out.raw(",\n      \"column\": ")
            out.int(start.column)
            out.raw(",\n      \"endLine\": ")
            out.int(end.line)
            out.raw(",\n      \"endColumn\": ")
            out.int(end.column)
            switch severity {
            case .error: out.raw(",\n      \"severity\": \"error\",\n      \"code\": ")
            case .warning: out.raw(",\n      \"severity\": \"warning\",\n      \"code\": ")
            case .info: out.raw(",\n      \"severity\": \"info\",\n      \"code\": ")
            case .off: out.raw(",\n      \"severity\": \"off\",\n      \"code\": ")
            }
            out.string(code)
            out.raw(",\n      \"message\": ")
            out.string(message)
            out.raw(",\n      \"notes\": [")
        }
    }

    /// A note with its place (`file` quoted), or without one.
    mutating func note(file: [UInt8]?, at position: SourcePosition?, message: String) {
        let first = notes == 0
        notes += 1
        bytes.appendInPlace(estimate: 128 + (file?.count ?? 0) + message.utf8.count) { out in
            out.raw(first ? "\n        {\n          " : ",\n        {\n          ")
            if let file, let position {
                out.raw("\"file\": ")
                out.bytes(file)
                out.raw(",\n          \"line\": ")
                out.int(position.line)
                out.raw(",\n          \"column\": ")
                out.int(position.column)
                out.raw(",\n          ")
            }
            out.raw("\"message\": ")
            out.string(message)
            out.raw("\n        }")
        }
    }

    /// Closes the notes and writes the help, if any.
    mutating func help(_ help: String?) {
        let none = notes == 0
        bytes.appendInPlace(estimate: 64 + (help?.utf8.count ?? 0)) { out in
            out.raw(none ? "]" : "\n      ]")
            if let help {
                out.raw(",\n      \"help\": ")
                out.string(help)
            }
        }
    }

    /// Opens a fix, whose edits follow (`edit`); the previous fix is closed first.
    mutating func fix(title: String, safety: Fix.Safety, isSuppression: Bool) {
        let first = fixes == 0
        let lastEdits = edits
        fixes += 1
        edits = 0
        bytes.appendInPlace(estimate: 192 + title.utf8.count) { out in
            Self.openFix(first: first, lastEdits: lastEdits, into: &out)
            out.string(title)
            Self.fixMembers(safety: safety, isSuppression: isSuppression, into: &out)
        }
    }

    /// An edit of the fix opened last (`file` quoted).
    mutating func edit(file: [UInt8], start: SourcePosition, end: SourcePosition, newText: String) {
        let first = edits == 0
        edits += 1
        bytes.appendInPlace(estimate: 320 + file.count + newText.utf8.count) { out in
            Self.openEdit(first: first, file: file, into: &out)
            Self.positions(start: start, end: end, into: &out)
            Self.closeEdit(newText: newText, into: &out)
        }
    }

    /// Closes the last fix, the fixes and the finding.
    mutating func end() {
        let open = fixes > 0
        let lastEdits = edits
        bytes.appendInPlace(estimate: 64) { out in
            if open {
                Self.closeFix(edits: lastEdits, into: &out)
                out.raw("\n      ]")
            }
            out.raw("\n    }")
        }
    }

    /// A suppression fix and its one edit, as `fix` then `edit` write them, in one piece when
    /// the writer has layouts: from the title to the edit's first number, and after its last,
    /// the bytes are copied whole from the layout of the fix's texts and file
    /// (`SuppressionLayouts`); the opening before the title and the positions are written as
    /// `fix` and `edit` write them. Every finding offers a suppression, each of a rule's the same
    /// but for its line: written member by member, with its title and comment escaped again, it
    /// took 1,400 instructions, a tenth of a finding's JSON.
    mutating func suppression(title: String, safety: Fix.Safety, file: FileID, quoted: [UInt8], start: SourcePosition,
                              end: SourcePosition, newText: String) {
        // Moved out while read: bound to a constant, the layouts (and the texts they keep) were
        // copied for every finding.
        var held: SuppressionLayouts?
        swap(&held, &layouts)
        defer { swap(&held, &layouts) }
        guard let slot = held?.slot(title: title, safety: safety, file: file, quoted: quoted, newText: newText) else {
            fix(title: title, safety: safety, isSuppression: true)
            edit(file: quoted, start: start, end: end, newText: newText)
            return
        }
        let first = fixes == 0
        let lastEdits = edits
        fixes += 1
        edits = 1
        held?.withBytes(of: slot) { head, tail in
            bytes.appendInPlace(estimate: 256 + head.count + tail.count) { out in
                Self.openFix(first: first, lastEdits: lastEdits, into: &out)
                out.bytes(head)
                Self.positions(start: start, end: end, into: &out)
                out.bytes(tail)
            }
        }
    }

    // The pieces of a fix and its edits, each written in one place for `fix`, `edit`,
    // `suppression` and the layouts it writes from (`SuppressionLayouts`).

    /// Up to the fix's title: the fixes' opening, or the previous fix's closing (it had
    /// `lastEdits` edits).
    static func openFix(first: Bool, lastEdits: Int, into out: inout ReservedBytes) {
        if first {
            out.raw(",\n      \"fixes\": [\n        {\n          \"title\": ")
        } else {
            closeFix(edits: lastEdits, into: &out)
            out.raw(",\n        {\n          \"title\": ")
        }
    }

    /// After the title, up to the fix's first edit.
    static func fixMembers(safety: Fix.Safety, isSuppression: Bool, into out: inout ReservedBytes) {
        switch (safety, isSuppression) {
        case (.safe, false): out.raw(",\n          \"safety\": \"safe\",\n          \"suppression\": false,\n          \"edits\": [")
        case (.safe, true): out.raw(",\n          \"safety\": \"safe\",\n          \"suppression\": true,\n          \"edits\": [")
        case (.unsafe, false): out.raw(",\n          \"safety\": \"unsafe\",\n          \"suppression\": false,\n          \"edits\": [")
        case (.unsafe, true): out.raw(",\n          \"safety\": \"unsafe\",\n          \"suppression\": true,\n          \"edits\": [")
        }
    }

    /// An edit up to its start's line number (`file` quoted; `first`: the fix's first edit).
    static func openEdit(first: Bool, file: [UInt8], into out: inout ReservedBytes) {
        out.raw(first ? "\n            {\n              \"file\": " : ",\n            {\n              \"file\": ")
        out.bytes(file)
        out.raw(",\n              \"start\": {\n                \"line\": ")
    }

    /// An edit's positions, from its start's line number to its end's column.
    static func positions(start: SourcePosition, end: SourcePosition, into out: inout ReservedBytes) {
        out.int(start.line)
        out.raw(",\n                \"column\": ")
        out.int(start.column)
        out.raw("\n              },\n              \"end\": {\n                \"line\": ")
        out.int(end.line)
        out.raw(",\n                \"column\": ")
        out.int(end.column)
    }

    /// The rest of an edit, after its end's column.
    static func closeEdit(newText: String, into out: inout ReservedBytes) {
        out.raw("\n              },\n              \"newText\": ")
        out.string(newText)
        out.raw("\n            }")
    }

    /// Closes a fix that has `edits` edits.
    private static func closeFix(edits: Int, into out: inout ReservedBytes) {
        out.raw(edits == 0 ? "]\n        }" : "\n          ]\n        }")
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
    /// `diagnostic` points to where it is (see `ReportedDiagnostic.inOrder`).
    mutating func write(_ diagnostic: UnsafePointer<Diagnostic>, in source: SourceFile, file: [UInt8], sources: SourceMap,
                        line cursor: inout Int) {
        let place = ReportedDiagnostic.place(of: diagnostic.pointee.span, in: source, line: &cursor)
        begin(file: file, start: place.start, end: place.end, severity: diagnostic.pointee.severity,
              code: diagnostic.pointee.code, message: diagnostic.pointee.message)
        diagnostic.pointee.notes.withUnsafeBufferPointer { notes in
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
        help(diagnostic.pointee.help)
        diagnostic.pointee.fixes.withUnsafeBufferPointer { fixes in
            for index in fixes.indices {
                if fixes[index].isSuppression, fixes[index].edits.count == 1 {
                    let edit = fixes[index].edits[0]
                    ReportedFix.placeEdit(at: edit.span, in: source, line: place.line, sources: sources) { editFile, start, end in
                        suppression(title: fixes[index].title, safety: fixes[index].safety, file: editFile.id,
                                    quoted: editFile.id == source.id ? file : Self.quoted(editFile.path), start: start, end: end,
                                    newText: edit.replacement)
                    }
                    continue
                }
                fix(title: fixes[index].title, safety: fixes[index].safety, isSuppression: fixes[index].isSuppression)
                for edit in fixes[index].edits {
                    ReportedFix.placeEdit(at: edit.span, in: source, line: place.line, sources: sources) { editFile, start, end in
                        self.edit(file: editFile.id == source.id ? file : Self.quoted(editFile.path), start: start, end: end,
                                  newText: edit.replacement)
                    }
                }
            }
        }
        if let lineStart = diagnostic.pointee.suppressionLineStart {
            // The fix `SuppressionFix.fix(for:in:)` makes, written from its texts.
            let offset = Int(lineStart)
            let texts = self.texts.texts(rule: diagnostic.pointee.code, lineStart: offset, in: source)
            let at = Span(file: source.id, start: offset, end: offset)
            ReportedFix.placeEdit(at: at, in: source, line: place.line, sources: sources) { editFile, start, end in
                suppression(title: texts.title, safety: SuppressionFix.Texts.safety, file: editFile.id, quoted: file, start: start,
                            end: end, newText: texts.comment)
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
}
