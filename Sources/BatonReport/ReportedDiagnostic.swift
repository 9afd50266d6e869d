import BatonSyntax

/// A diagnostic resolved for printing: file path, 1-based lines and columns (columns count
/// Unicode scalars; the end column is exclusive), and the part of the source line it points at.
///
/// Every output format (text, JSON, SARIF, GitHub) prints these, so positions are computed once
/// and the formats cannot disagree.
public struct ReportedDiagnostic: Hashable, Sendable {
    public struct ReportedNote: Hashable, Sendable {
        public var file: String?
        public var line: Int?
        public var column: Int?
        public var message: String
    }

    public var file: String
    public var line: Int
    public var column: Int
    public var endLine: Int
    public var endColumn: Int
    public var severity: Severity
    public var code: String
    public var message: String
    public var notes: [ReportedNote]
    public var help: String?
    /// The part of `line` around `column`, for snippets.
    public var excerpt: SourceExcerpt
    /// The statement the diagnostic points at, as `Fingerprint.statementKey` reduces it (no
    /// whitespace, comments or block): stable when lines move and when `baton fmt` reformats
    /// it, so fingerprints use it instead of line numbers.
    public var statementText: String
    /// The fixes, in the diagnostic's order (a suppression, when offered, last).
    public var fixes: [ReportedFix]

    public init(_ diagnostic: Diagnostic, sources: SourceMap) {
        let source = sources[diagnostic.span.file]
        let start = source.location(of: diagnostic.span.start)
        let end = diagnostic.span.end == diagnostic.span.start ? start : source.location(of: diagnostic.span.end)
        file = source.path
        line = start.line
        column = start.column
        endLine = end.line
        endColumn = end.column
        severity = diagnostic.severity
        code = diagnostic.code
        message = diagnostic.message
        help = diagnostic.help
        excerpt = SourceExcerpt(source, line: start.line, around: diagnostic.span.start)
        statementText = Fingerprint.statementKey(source.bytes, range: diagnostic.span.start..<max(diagnostic.span.start, diagnostic.span.end))
        // Notes and fixes are nearly always in the diagnostic's own file: look others up only
        // when they are not.
        fixes = diagnostic.fixes.map { ReportedFix($0, sources: sources, primary: source) }
        notes = diagnostic.notes.map { note in
            guard let span = note.span else { return ReportedNote(message: note.message) }
            let noteSource = span.file == source.id ? source : sources[span.file]
            let location = noteSource.location(of: span.start)
            return ReportedNote(file: noteSource.path, line: location.line, column: location.column, message: note.message)
        }
    }
}
