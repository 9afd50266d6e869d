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
            Self.placeEdit(at: edit.span, in: primary, line: line, sources: sources) { file, start, end in
                Edit(file: file.path, start: start, end: end, newText: edit.replacement)
            }
        }
    }

    /// Hands `body` the file an edit of `span` is in — `primary`, searched near line index
    /// `line`, or another of `sources`, lent where it is — and where the edit starts and ends.
    /// Every format places an edit of a finding's fix this way.
    static func placeEdit<Placed>(at span: Span, in primary: SourceFile, line: Int, sources: SourceMap,
                                  _ body: (borrowing SourceFile, SourcePosition, SourcePosition) -> Placed) -> Placed {
        guard span.file == primary.id else {
            let place = place(of: span, in: sources[span.file], line: -1)
            return body(sources[span.file], place.start, place.end)
        }
        let place = place(of: span, in: primary, line: line)
        return body(primary, place.start, place.end)
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
