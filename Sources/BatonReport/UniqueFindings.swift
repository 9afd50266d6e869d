import BatonCheck
import BatonSyntax

/// The findings of a run, each reported once: a file imported by several designs is checked
/// with each of them, and its problems must not be listed once per importer.
///
/// Two findings are the same when everything a report prints of them is (see
/// `FindingIdentity`). The identity is hashed once, when the finding is seen, into one integer:
/// hashing whole diagnostics each time the table grew or a slot was probed — notes, fixes and
/// source excerpts, again and again — cost a seventh of a run.
public struct UniqueFindings: Sendable {
    private var numbers: [FindingIdentity: Int] = [:]

    public init() {}

    /// How many different findings were seen.
    public var count: Int { numbers.count }

    /// Numbers findings by their first appearance: `(true, n)` for a finding not seen before,
    /// the `n`-th different one (from 0); `(false, n)` for one seen before as the `n`-th.
    public mutating func insert(_ diagnostic: ReportedDiagnostic) -> (inserted: Bool, number: Int) {
        insert(FindingIdentity(diagnostic))
    }

    /// `insert` with the identity already made (on another thread, say).
    public mutating func insert(_ identity: FindingIdentity) -> (inserted: Bool, number: Int) {
        if let number = numbers[identity] { return (false, number) }
        let number = numbers.count
        numbers[identity] = number
        return (true, number)
    }
}

/// What makes two findings the same (see `UniqueFindings`): the rule or compile-error code,
/// the severity, the file, where it starts and ends — compared as they are — and everything
/// else a report prints of it, as one digest: the message, the notes, the help and the fixes.
/// (Messages alone do not tell findings apart: two cycles through one call can read alike once
/// their long lists are cut, and differ only in their notes.) The source line and the
/// statement follow from the file and the position.
///
/// The digest is a seeded 64-bit hash (`Hasher`), so the table keeps no copy of the texts,
/// and no input can aim two different findings at one digest.
public struct FindingIdentity: Hashable, Sendable {
    public var code: String
    public var severity: Severity
    public var file: String
    public var start: SourcePosition
    public var end: SourcePosition
    public var contentHash: Int

    public init(_ diagnostic: ReportedDiagnostic) {
        code = diagnostic.code
        severity = diagnostic.severity
        file = diagnostic.file
        start = SourcePosition(line: diagnostic.line, column: diagnostic.column)
        end = SourcePosition(line: diagnostic.endLine, column: diagnostic.endColumn)
        var hasher = Hasher()
        hasher.combine(diagnostic.message)
        hasher.combine(diagnostic.help)
        hasher.combine(diagnostic.notes.count)
        for note in diagnostic.notes {
            Self.combine(note: note.message, file: note.file, line: note.line, column: note.column, into: &hasher)
        }
        hasher.combine(diagnostic.fixes.count)
        for fix in diagnostic.fixes {
            Self.combine(fix: fix.title, safety: fix.safety, isSuppression: fix.isSuppression, edits: fix.edits.count, into: &hasher)
            for edit in fix.edits {
                Self.combine(edit: edit.file, start: edit.start, end: edit.end, newText: edit.newText, into: &hasher)
            }
        }
        contentHash = hasher.finalize()
    }

    /// The identity of `diagnostic` resolved (`init(_:)` of `ReportedDiagnostic(diagnostic,
    /// in: source, sources: sources, line: &line)`), made without resolving it: its positions
    /// come from the same functions, and are hashed with its texts in the same order.
    public init(_ diagnostic: borrowing Diagnostic, in source: SourceFile, sources: SourceMap, line cursor: inout Int) {
        var suppressions = SuppressionFix.Texts()
        self.init(diagnostic, in: source, sources: sources, line: &cursor, suppressions: &suppressions)
    }

    /// The same, with the texts of the suppression fixes made before (`of` shares them).
    init(_ diagnostic: borrowing Diagnostic, in source: SourceFile, sources: SourceMap, line cursor: inout Int,
         suppressions: inout SuppressionFix.Texts) {
        let place = ReportedDiagnostic.place(of: diagnostic.span, in: source, line: &cursor)
        code = diagnostic.code
        severity = diagnostic.severity
        file = source.path
        start = place.start
        end = place.end
        var hasher = Hasher()
        hasher.combine(diagnostic.message)
        hasher.combine(diagnostic.help)
        hasher.combine(diagnostic.notes.count)
        for note in diagnostic.notes {
            guard let span = note.span else {
                Self.combine(note: note.message, file: nil, line: nil, column: nil, into: &hasher)
                continue
            }
            ReportedDiagnostic.placeNote(at: span, in: source, sources: sources) { file, start in
                Self.combine(note: note.message, file: file.path, line: start.line, column: start.column, into: &hasher)
            }
        }
        let suppression = diagnostic.suppressionLineStart
        hasher.combine(diagnostic.fixes.count + (suppression == nil ? 0 : 1))
        for fix in diagnostic.fixes {
            Self.combine(fix: fix.title, safety: fix.safety, isSuppression: fix.isSuppression, edits: fix.edits.count, into: &hasher)
            for edit in fix.edits {
                ReportedFix.placeEdit(at: edit.span, in: source, line: place.line, sources: sources) { file, start, end in
                    Self.combine(edit: file.path, start: start, end: end, newText: edit.replacement, into: &hasher)
                }
            }
        }
        if let suppression {
            // The fix `ReportedDiagnostic` adds last.
            let offset = Int(suppression)
            let texts = suppressions.texts(rule: diagnostic.code, lineStart: offset, in: source)
            Self.combine(fix: texts.title, safety: SuppressionFix.Texts.safety, isSuppression: true, edits: 1, into: &hasher)
            let at = Span(file: source.id, start: offset, end: offset)
            ReportedFix.placeEdit(at: at, in: source, line: place.line, sources: sources) { file, start, end in
                Self.combine(edit: file.path, start: start, end: end, newText: texts.comment, into: &hasher)
            }
        }
        contentHash = hasher.finalize()
    }

    /// `diagnostics` (in source order) each made an identity, walked as
    /// `ReportedDiagnostic.resolving` walks them (`ReportedDiagnostic.inOrder`).
    public static func of(_ diagnostics: [Diagnostic], sources: SourceMap) -> [FindingIdentity] {
        var identities: [FindingIdentity] = []
        identities.reserveCapacity(diagnostics.count)
        var suppressions = SuppressionFix.Texts()
        ReportedDiagnostic.inOrder(diagnostics[...], sources: sources) { diagnostic, file, line in
            identities.append(FindingIdentity(diagnostic.pointee, in: file, sources: sources, line: &line,
                                              suppressions: &suppressions))
        }
        return identities
    }

    // The parts of a finding, hashed in one way whatever they are read from.

    private static func combine(note message: String, file: String?, line: Int?, column: Int?, into hasher: inout Hasher) {
        hasher.combine(message)
        hasher.combine(file)
        hasher.combine(line)
        hasher.combine(column)
    }

    private static func combine(fix title: String, safety: Fix.Safety, isSuppression: Bool, edits: Int, into hasher: inout Hasher) {
        hasher.combine(title)
        hasher.combine(safety)
        hasher.combine(isSuppression)
        hasher.combine(edits)
    }

    private static func combine(edit file: String, start: SourcePosition, end: SourcePosition, newText: String,
                                into hasher: inout Hasher) {
        hasher.combine(file)
        hasher.combine(start)
        hasher.combine(end)
        hasher.combine(newText)
    }

    /// Integers only: the strings are compared when the integers agree, which is rare unless
    /// the findings are the same.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(contentHash)
        hasher.combine(start.line)
        hasher.combine(start.column)
        hasher.combine(end.line)
        hasher.combine(end.column)
    }

    public static func == (lhs: FindingIdentity, rhs: FindingIdentity) -> Bool {
        lhs.contentHash == rhs.contentHash && lhs.start == rhs.start && lhs.end == rhs.end && lhs.severity == rhs.severity
            && lhs.code == rhs.code && lhs.file == rhs.file
    }
}

extension Diagnostic {
    /// Whether every report prints this finding and `other` the same: whether the two resolved
    /// (`ReportedDiagnostic`) are equal, asked of them as the rules made them. Resolving maps
    /// each field on its own and tells different places of a file apart (the offsets of its
    /// characters, which every span the compiler and the rules make holds), so the fields are
    /// compared as they are, except a note's place: a report shows where it starts, not where
    /// it ends.
    public func reportsSame(as other: Diagnostic) -> Bool {
        guard span == other.span, code == other.code, severity == other.severity, message == other.message,
              help == other.help, notes.count == other.notes.count, fixes == other.fixes,
              suppressionLineStart == other.suppressionLineStart else { return false }
        return zip(notes, other.notes).allSatisfy { note, otherNote in
            note.message == otherNote.message && note.span?.file == otherNote.span?.file && note.span?.start == otherNote.span?.start
        }
    }
}
