import BatonCheck
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
        var line = -1
        self.init(diagnostic, sources: sources, line: &line)
    }

    /// For diagnostics resolved in source order (a report's): `line` is where the previous one
    /// started (a line index, see `SourceFile.location(of:from:)`), so that the lines of this
    /// one are found by a step or two from there instead of a search each; it is left where
    /// this one starts.
    public init(_ diagnostic: Diagnostic, sources: SourceMap, line: inout Int) {
        self.init(diagnostic, in: sources[diagnostic.span.file], sources: sources, line: &line)
    }

    /// What a report reads of a finding beyond its positions and texts.
    public enum Detail: Sendable {
        /// Everything: the excerpt (text output) and the statement (fingerprints: SARIF,
        /// baselines).
        case full
        /// Neither: `excerpt` and `statementText` are left empty, for formats that print
        /// neither (JSON, GitHub), which a large report resolved in a tenth less time.
        case positions
    }

    /// `init(_:sources:line:)` with the diagnostic's file already looked up (see `resolving`).
    /// The diagnostic is borrowed: an initializer's parameters are otherwise its own, so a
    /// caller lending one from an array copied it (retaining its texts) to pass it.
    public init(_ diagnostic: borrowing Diagnostic, in source: SourceFile, sources: SourceMap, line cursor: inout Int,
                detail: Detail = .full) {
        var suppressions = SuppressionFix.Texts()
        self.init(diagnostic, in: source, sources: sources, line: &cursor, detail: detail, suppressions: &suppressions)
    }

    /// The same, with the texts of the suppression fixes made for findings before, which this
    /// one's shares (`resolving` shares them between the findings it resolves).
    public init(_ diagnostic: borrowing Diagnostic, in source: SourceFile, sources: SourceMap, line cursor: inout Int,
                detail: Detail, suppressions: inout SuppressionFix.Texts) {
        let place = Self.place(of: diagnostic.span, in: source, line: &cursor)
        let start = place.start
        let startLine = place.line
        file = source.path
        line = start.line
        column = start.column
        endLine = place.end.line
        endColumn = place.end.column
        severity = diagnostic.severity
        code = diagnostic.code
        message = diagnostic.message
        help = diagnostic.help
        switch detail {
        case .full:
            excerpt = SourceExcerpt(source, line: start.line, around: diagnostic.span.start, lineIndex: startLine)
            statementText = Fingerprint.statementKey(source.bytes, range: diagnostic.span.start..<max(diagnostic.span.start, diagnostic.span.end))
        case .positions:
            excerpt = SourceExcerpt(text: "")
            statementText = ""
        }
        // Notes and fixes are nearly always in the diagnostic's own file: look others up only
        // when they are not.
        var fixes: [ReportedFix] = []
        fixes.reserveCapacity(diagnostic.fixes.count + 1)
        for fix in diagnostic.fixes { fixes.append(ReportedFix(fix, sources: sources, primary: source, line: startLine)) }
        if let lineStart = diagnostic.suppressionLineStart {
            let suppression = suppressions.fix(rule: diagnostic.code, lineStart: lineStart, in: source)
            fixes.append(ReportedFix(suppression, sources: sources, primary: source, line: startLine))
        }
        self.fixes = fixes
        notes = diagnostic.notes.map { note in
            guard let span = note.span else { return ReportedNote(message: note.message) }
            return Self.placeNote(at: span, in: source, sources: sources) { file, start in
                ReportedNote(file: file.path, line: start.line, column: start.column, message: note.message)
            }
        }
    }

    /// Hands `body` the file a note at `span` is in — the finding's own, `source`, or another
    /// of `sources`, lent where it is (a copy retains its buffers) — and where the note
    /// starts: a report shows no end. Every format places a note this way.
    static func placeNote<Placed>(at span: Span, in source: SourceFile, sources: SourceMap,
                                  _ body: (borrowing SourceFile, SourcePosition) -> Placed) -> Placed {
        span.file == source.id ? body(source, source.location(of: span.start))
            : body(sources[span.file], sources[span.file].location(of: span.start))
    }

    /// Where `span` starts and ends in `source` (its file), and the index of the line it starts
    /// on: `line` is where the finding before started, and is left where this one starts (see
    /// `init(_:sources:line:)`). Every format's positions of a finding come from here.
    static func place(of span: Span, in source: SourceFile, line cursor: inout Int)
        -> (start: SourcePosition, end: SourcePosition, line: Int) {
        let start = source.location(of: span.start, from: &cursor)
        var near = cursor
        let end = span.end == span.start ? start : source.location(of: span.end, from: &near)
        return (start, end, cursor)
    }

    /// `diagnostics` (in source order, as a check returns them) resolved one after another
    /// (see `inOrder`).
    public static func resolving(_ diagnostics: ArraySlice<Diagnostic>, sources: SourceMap,
                                 detail: Detail = .full) -> [ReportedDiagnostic] {
        var suppressions = SuppressionFix.Texts()
        return resolving(diagnostics, sources: sources, detail: detail, suppressions: &suppressions)
    }

    /// The same, with the suppressions' texts of findings resolved before (a report's earlier
    /// chunks on this thread, see `SuppressionLayouts.withTexts`).
    public static func resolving(_ diagnostics: ArraySlice<Diagnostic>, sources: SourceMap, detail: Detail,
                                 suppressions: inout SuppressionFix.Texts) -> [ReportedDiagnostic] {
        var reported: [ReportedDiagnostic] = []
        reported.reserveCapacity(diagnostics.count)
        inOrder(diagnostics, sources: sources) { diagnostic, file, line in
            reported.append(ReportedDiagnostic(diagnostic.pointee, in: file, sources: sources, line: &line, detail: detail,
                                               suppressions: &suppressions))
        }
        return reported
    }

    /// Calls `body` with each of `diagnostics` (in source order, as a check returns them), its
    /// file, and a line cursor for `SourceFile.location(of:from:)`: each one's line is found
    /// from the one before's, and its file looked up once per run of findings in it, since each
    /// copy of a `SourceFile` retains its buffers, which threads resolving findings side by
    /// side share (and contend for). Each diagnostic is handed on as a pointer to where it is:
    /// iterating the collection copied each one, retaining and releasing its texts, and so did
    /// handing it on borrowed, once per finding of a report. What resolves findings — a
    /// report's positions, their identities, their JSON — walks them this way.
    static func inOrder(_ diagnostics: ArraySlice<Diagnostic>, sources: SourceMap,
                        _ body: (UnsafePointer<Diagnostic>, SourceFile, inout Int) -> Void) {
        diagnostics.withUnsafeBufferPointer { diagnostics in
            guard let base = diagnostics.baseAddress, let first = diagnostics.first?.span.file else { return }
            var line = -1
            var file = sources[first]
            for index in diagnostics.indices {
                if file.id != diagnostics[index].span.file { file = sources[diagnostics[index].span.file] }
                body(base + index, file, &line)
            }
        }
    }

    /// `resolving` of a whole array.
    public static func resolving(_ diagnostics: [Diagnostic], sources: SourceMap, detail: Detail = .full) -> [ReportedDiagnostic] {
        resolving(diagnostics[...], sources: sources, detail: detail)
    }
}
