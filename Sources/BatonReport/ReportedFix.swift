import BatonSyntax

/// A diagnostic's fix with its edits located as people and tools count: 1-based lines and
/// columns (Unicode scalars, the end exclusive), as in the rest of a report.
public struct ReportedFix: Hashable, Sendable {
    public struct Edit: Hashable, Sendable {
        public var file: String
        public var start: SourcePosition
        public var end: SourcePosition
        public var newText: String
    }

    public var title: String
    public var safety: Fix.Safety
    /// Adds a `# baton:ignore` comment (see `Fix.isSuppression`).
    public var isSuppression: Bool
    public var edits: [Edit]

    public init(_ fix: Fix, sources: SourceMap) {
        self.init(fix, sources: sources, primary: nil)
    }

    /// `primary`: the file most edits are in, already looked up.
    init(_ fix: Fix, sources: SourceMap, primary: SourceFile?) {
        title = fix.title
        safety = fix.safety
        isSuppression = fix.isSuppression
        edits = fix.edits.map { edit in
            let source = primary.flatMap { $0.id == edit.span.file ? $0 : nil } ?? sources[edit.span.file]
            // Most edits insert (the suppression every finding offers): one position, looked up once.
            let start = source.location(of: edit.span.start)
            let end = edit.span.end == edit.span.start ? start : source.location(of: edit.span.end)
            return Edit(file: source.path, start: start, end: end, newText: edit.replacement)
        }
    }
}
