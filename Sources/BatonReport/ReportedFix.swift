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
        title = fix.title
        safety = fix.safety
        isSuppression = fix.isSuppression
        edits = fix.edits.map { Self.edit($0, in: sources[$0.span.file], line: -1) }
    }

    /// `primary`: the file most edits are in, already looked up (and only borrowed here: a copy
    /// per edit retained its buffers, which threads resolving findings side by side share);
    /// `line`: a line index of it near the edits (see `SourceFile.location(of:from:)`).
    init(_ fix: Fix, sources: SourceMap, primary: SourceFile, line: Int) {
        title = fix.title
        safety = fix.safety
        isSuppression = fix.isSuppression
        edits = fix.edits.map { edit in
            edit.span.file == primary.id ? Self.edit(edit, in: primary, line: line) : Self.edit(edit, in: sources[edit.span.file], line: -1)
        }
    }

    /// `edit`, in `source`, near line index `line`.
    private static func edit(_ edit: TextEdit, in source: SourceFile, line: Int) -> Edit {
        let place = place(of: edit.span, in: source, line: line)
        return Edit(file: source.path, start: place.start, end: place.end, newText: edit.replacement)
    }

    /// Where an edit of `span` starts and ends in `source` (its file), found near line index
    /// `line`. Every format's positions of an edit come from here.
    static func place(of span: Span, in source: SourceFile, line: Int) -> (start: SourcePosition, end: SourcePosition) {
        // Most edits insert (the suppression every finding offers): one position, looked up once.
        var near = line
        let start = source.location(of: span.start, from: &near)
        let end = span.end == span.start ? start : source.location(of: span.end, from: &near)
        return (start, end)
    }
}
