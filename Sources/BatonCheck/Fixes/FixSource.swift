import BatonModel
import BatonSyntax

/// The text behind a model, for the rules that offer fixes: the model keeps meaning, not
/// layout, yet an edit must know where an attribute is written, how a line is indented and
/// how `baton fmt` aligns a run of declarations (so that a fixed file stays formatted).
///
/// Built once per check from the compilation; a `CheckContext` made from a model alone has
/// none, and its rules then offer no fixes. It keeps what fixes read (participants'
/// declarations and their attribute lists, statement heads), never the statements and steps
/// themselves, so the syntax tree may be released once it is made
/// (`Compilation.releaseSyntaxTree`).
public struct FixSource: Sendable {
    public let sources: SourceMap
    /// The attribute lists of participants' declarations, by their span (lookups only, never
    /// iterated). An interaction's list is not kept: the model has where each of its
    /// attributes is written (`AttributeSpans.written`), and a large design has a list for
    /// every other interaction.
    private let lists: [Span: AttributeListSyntax]
    /// Declarations by their span, with the run `baton fmt` aligns them in.
    private let declarations: [Span: (syntax: DeclarationSyntax, run: DeclarationRun)]
    /// Per file, every statement head sorted by start (what `# baton:ignore` targets).
    private let heads: [[Span]]
    /// Per file, for each of `heads` (same index): where its line starts, -1 when something
    /// else comes before the head on its line (a comment above it would name that too). Found
    /// while the model is built, so that placing the suppression of every finding reads
    /// neither the line table nor the source text (a cache miss each on a large design).
    private let headLines: [[Int32]]
    /// Every participant name (lookups only), so a new declaration gets a free one.
    private let names: Set<String>

    /// The declarations `baton fmt` aligns together: consecutive lines, no comment between.
    struct DeclarationRun: Sendable {
        var count: Int
        /// The longest name among members with something after the name (0 when none).
        var nameWidth: Int
    }

    public init(_ compilation: Compilation) {
        self.init(sources: compilation.sources, syntax: compilation.syntax)
    }

    /// The index of a compilation's files and syntax, made before its model is (see
    /// `Baton.compile(bytes:displayPath:options:read:paths:alongside:)`).
    public init(sources: SourceMap, syntax files: [SyntaxFile]) {
        self.sources = sources
        var lists: [Span: AttributeListSyntax] = [:]
        var declarations: [Span: (syntax: DeclarationSyntax, run: DeclarationRun)] = [:]
        var heads: [[Span]] = []
        var headLines: [[Int32]] = []
        // Every participant is declared by one of these (read here, so the index needs no model).
        var names: Set<String> = []
        for syntax in files {
            let source = sources[syntax.file]
            let ownLineComments = syntax.comments.filter(\.isOwnLine).map(\.span.start).sorted()
            func addList(_ list: AttributeListSyntax?) { if let list { lists[list.span] = list } }
            // Ends a run of declarations (a statement of another kind, or the end of a list):
            // indexes them, then empties `run`.
            func endRun(_ run: inout [DeclarationSyntax]) {
                // Most statements end no run (a design's steps may be tens of thousands of them).
                guard !run.isEmpty else { return }
                defer { run = [] }
                for group in Self.alignmentRuns(run, source: source, ownLineComments: ownLineComments) {
                    let nameWidth = group.filter { $0.label != nil || $0.attributes != nil }.map(\.name.name.count).max() ?? 0
                    for declaration in group {
                        names.insert(declaration.name.name)
                        addList(declaration.attributes)
                        declarations[declaration.span] = (declaration, DeclarationRun(count: group.count, nameWidth: nameWidth))
                    }
                }
            }
            func visitMembers(_ members: [GroupSyntax.GroupMember]) {
                var run: [DeclarationSyntax] = []
                for member in members {
                    switch member {
                    case .declaration(let declaration): run.append(declaration)
                    case .group(let group):
                        endRun(&run)
                        visitMembers(group.members)
                    }
                }
                endRun(&run)
            }
            var run: [DeclarationSyntax] = []
            // Read where they are (see `statementHeads`): a design's steps may be tens of thousands
            // of top-level statements.
            let statements = syntax.statements
            for index in statements.indices {
                switch statements[index] {
                case .declaration(let declaration):
                    run.append(declaration)
                case .group(let group):
                    endRun(&run)
                    visitMembers(group.members)
                default:
                    endRun(&run)
                }
            }
            endRun(&run)
            let fileHeads = syntax.statementHeads()
            heads.append(fileHeads)
            headLines.append(Self.lineStarts(of: fileHeads, in: source))
        }
        self.lists = lists
        self.declarations = declarations
        self.heads = heads
        self.headLines = headLines
        self.names = names
    }

    /// Where the line of each head (sorted by start) in `source` starts, when only whitespace
    /// comes before the head on it; else -1.
    private static func lineStarts(of heads: [Span], in source: borrowing SourceFile) -> [Int32] {
        var lines: [Int32] = []
        lines.reserveCapacity(heads.count)
        var line = -1
        for head in heads {
            // A span's offsets are 32-bit already (`Span`), so a line start is too.
            lines.append(lineStart(ifStartingLine: head.start, in: source, from: &line).map { Int32(truncatingIfNeeded: $0) } ?? -1)
        }
        return lines
    }

    /// Whether a participant of the design has this name.
    func isDeclared(_ name: String) -> Bool { names.contains(name) }

    /// Splits consecutive declarations where `baton fmt` does: at a blank line or an own-line
    /// comment (the same test as the formatter's, which owns the layout). `ownLineComments`:
    /// where the file's own-line comments start, sorted, so that looking for one between two
    /// declarations is a binary search rather than a pass over every comment of the file.
    static func alignmentRuns(_ run: [DeclarationSyntax], source: SourceFile, ownLineComments: [Int]) -> [[DeclarationSyntax]] {
        /// Whether an own-line comment starts strictly between the two offsets.
        func commentBetween(_ after: Int, _ before: Int) -> Bool {
            var low = 0
            var high = ownLineComments.count
            while low < high {
                let mid = (low + high) / 2
                if ownLineComments[mid] > after { high = mid } else { low = mid + 1 }
            }
            return low < ownLineComments.count && ownLineComments[low] < before
        }
        var groups: [[DeclarationSyntax]] = []
        for declaration in run {
            if let previous = groups.last?.last,
               source.line(of: declaration.span.start) <= source.line(of: previous.span.end) + 1,
               !commentBetween(previous.span.end, declaration.span.start) {
                groups[groups.count - 1].append(declaration)
            } else {
                groups.append([declaration])
            }
        }
        return groups
    }

    func list(_ span: Span) -> AttributeListSyntax? { lists[span] }

    func declaration(_ span: Span) -> (syntax: DeclarationSyntax, run: DeclarationRun)? { declarations[span] }

    func source(_ file: FileID) -> SourceFile { sources[file] }

    /// Whether the text of `span` (within its file) is `text`. Compared as bytes: the text
    /// written is not kept, so no string is made of it.
    func text(of span: Span, is text: String) -> Bool {
        Self.text(of: span, in: sources[span.file], is: text)
    }

    /// The whitespace before the first token of the line holding `offset`.
    func indentation(at offset: Int, in file: FileID) -> String {
        Self.indentation(at: offset, in: sources[file])
    }

    /// Where the line holding `offset` starts, when only whitespace comes before `offset` on it.
    func lineStart(ifStartingLine offset: Int, in file: FileID) -> Int? {
        var line = -1
        return Self.lineStart(ifStartingLine: offset, in: sources[file], from: &line)
    }

    /// The offset where the line after the one holding `offset` starts (the end of the text
    /// when it is the last line), and whether a line break must be written first.
    func nextLineStart(after offset: Int, in file: FileID) -> (offset: Int, needsBreak: Bool) {
        Self.nextLineStart(after: offset, in: sources[file])
    }

    // The same, reading the file where it is (`SourceMap`'s subscript lends it): each copy of a
    // file retained and released its buffers, for every finding.

    private static func text(of span: Span, in source: borrowing SourceFile, is text: String) -> Bool {
        let start = min(max(0, span.start), source.bytes.count)
        return source.bytes[start..<min(max(start, span.end), source.bytes.count)].elementsEqual(text.utf8)
    }

    private static func indentation(at offset: Int, in source: borrowing SourceFile) -> String {
        let range = source.lineRange(source.line(of: offset))
        let end = blanksEnd(from: range.lowerBound, before: range.upperBound, in: source)
        return String(decoding: source.bytes[range.lowerBound..<end], as: UTF8.self)
    }

    /// The end of the spaces and tabs from `start` on, at most `limit`.
    private static func blanksEnd(from start: Int, before limit: Int, in source: borrowing SourceFile) -> Int {
        var end = start
        while end < limit, source.bytes[end] == 0x20 || source.bytes[end] == 0x09 { end += 1 }
        return end
    }

    /// Where the line holding `offset` starts, when only whitespace comes before `offset` on it
    /// (its indentation, the bytes from there to `offset`; else nil), in one lookup of the line: for
    /// each statement head (`headLines`), and for `lineStart(ifStartingLine:in:)`. `line`: a
    /// line index of the file met before, where the search for this one starts (see
    /// `SourceFile.lineIndex(containing:from:)`), left at this one's.
    private static func lineStart(ifStartingLine offset: Int, in source: borrowing SourceFile, from line: inout Int) -> Int? {
        let start = source.lineStarts[source.lineIndex(containing: offset, from: &line)]
        let end = blanksEnd(from: start, before: offset, in: source)
        guard end == offset else { return nil }
        return start
    }

    private static func nextLineStart(after offset: Int, in source: borrowing SourceFile) -> (offset: Int, needsBreak: Bool) {
        let line = source.lineRange(source.line(of: offset))
        var end = line.upperBound
        if end < source.bytes.count, source.bytes[end] == 0x0D { end += 1 }
        if end < source.bytes.count, source.bytes[end] == 0x0A { return (end + 1, false) }
        return (source.bytes.count, true)
    }

    /// Every statement head of `file`, sorted by start (`SyntaxFile.statementHeads()`): what
    /// `# baton:ignore` targets, kept here so that the syntax tree may be released before the
    /// rules run.
    func statementHeads(of file: FileID) -> [Span]? {
        file.rawValue < heads.count ? heads[file.rawValue] : nil
    }

    /// The head of the statement a finding at `span` belongs to (the last head that starts at
    /// or before it), as `# baton:ignore` finds it.
    func statementHead(containing span: Span) -> Span? {
        var hint = -1
        return statementHead(containing: span, from: &hint)
    }

    /// `statementHead(containing:)` for spans met mostly in source order, as a rule meets its
    /// findings: `hint` is the index (in the file's heads) of the head found before, and the
    /// head is looked for from there (`SortedStarts`). Any hint gives the same answer.
    func statementHead(containing span: Span, from hint: inout Int) -> Span? {
        guard let index = headIndex(containing: span, from: &hint) else { return nil }
        return heads[span.file.rawValue][index]
    }

    /// Where a comment above the statement a finding at `span` belongs to goes: the start of
    /// its head's line (in `span`'s file); nil when there is no such statement, or something
    /// else comes before its head on the line. `statementHead(containing:from:)` and
    /// `lineStart(ifStartingLine:in:from:)` in one look-up of the heads, answered from what was
    /// found while the model was built.
    func suppressionLineStart(containing span: Span, from hint: inout Int) -> Int32? {
        guard let index = headIndex(containing: span, from: &hint) else { return nil }
        let start = headLines[span.file.rawValue][index]
        return start >= 0 ? start : nil
    }

    /// The index in its file's heads of the head a finding at `span` belongs to.
    private func headIndex(containing span: Span, from hint: inout Int) -> Int? {
        guard span.file.rawValue >= 0, span.file.rawValue < heads.count else { return nil }
        let index = heads[span.file.rawValue].withUnsafeBufferPointer { heads in
            SortedStarts.lastIndex(atOrBefore: span.start, count: heads.count, from: &hint) { heads[$0].start }
        }
        return index >= 0 ? index : nil
    }
}
