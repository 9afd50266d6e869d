import BatonModel
import BatonSyntax

/// The participant a rename is about, named so that every analysis can find it: by where it
/// is declared (a real path and the offset of its name), not by a `ParticipantID` or `FileID`,
/// which mean something only inside one compilation. Two open documents importing the same
/// catalogue then rename the same participant, and a document that declares another
/// participant of the same name is left alone.
public struct RenameTarget: Hashable, Sendable {
    public var name: String
    /// The real path of the file that declares it (`Compilation.resolvedPaths`).
    public var declarationPath: String
    /// The UTF-8 offset of the declaration's name in that file.
    public var declarationOffset: Int

    public init(name: String, declarationPath: String, declarationOffset: Int) {
        self.name = name
        self.declarationPath = declarationPath
        self.declarationOffset = declarationOffset
    }
}

/// What a rename does in one analysis: the edits, or why the new name cannot be taken.
public enum RenameResult: Hashable, Sendable {
    /// One edit per occurrence, in file and source order (empty when the analysis does not
    /// include the participant, or the name does not change).
    case edits([TextEdit])
    /// The new name is not a name, is a keyword, or is taken; the message says which and
    /// how, as a sentence fragment for the editor to show.
    case rejected(String)

    public var edits: [TextEdit]? {
        if case .edits(let edits) = self { return edits }
        return nil
    }
}

/// The edits of one file, merged from the renames of several analyses.
public struct FileEdits: Sendable {
    /// The file's real path.
    public var resolvedPath: String
    /// The file as the analysis that contributed its first edit read it: what the server
    /// converts the edits' byte offsets to editor positions with. Every edit's span is in it.
    public var source: SourceFile
    /// Distinct, non-overlapping, in source order.
    public var edits: [TextEdit]
}

/// Rename (textDocument/prepareRename and textDocument/rename) of a participant, at every place
/// its name is written in every file of a compilation, imported files included.
public enum Rename {
    /// The span of the name a rename at the cursor would change; nil when there is no declared
    /// participant's name there (an undeclared name has no one place to rename it from).
    public static func prepare(_ analysis: Analysis, index: SymbolIndex, at cursor: Cursor) -> Span? {
        guard let occurrence = index.occurrence(at: cursor), occurrence.participant != nil else { return nil }
        return occurrence.span
    }

    /// The participant named under the cursor, as every analysis can find it.
    public static func target(_ analysis: Analysis, index: SymbolIndex, at cursor: Cursor) -> RenameTarget? {
        guard let participant = index.occurrence(at: cursor)?.participant else { return nil }
        let declared = analysis.model[participant]
        let paths = analysis.compilation.resolvedPaths
        let file = declared.nameSpan.file.rawValue
        let path = paths.indices.contains(file) ? paths[file] : analysis.source(declared.nameSpan.file).path
        return RenameTarget(name: declared.name, declarationPath: path, declarationOffset: declared.nameSpan.start)
    }

    /// Renames the participant under the cursor in this analysis alone.
    public static func rename(_ analysis: Analysis, index: SymbolIndex, at cursor: Cursor, to newName: String) -> RenameResult {
        guard let target = target(analysis, index: index, at: cursor) else {
            return .rejected("there is no declared participant here to rename")
        }
        return rename(target, to: newName, in: analysis, index: index)
    }

    /// Renames `target` in one analysis: the new name must be a name (as the lexer reads
    /// names), not a keyword, and not declared already (as a participant or a group) in this
    /// compilation. An analysis that does not include the declaring file gets no edits.
    public static func rename(_ target: RenameTarget, to newName: String, in analysis: Analysis,
                              index: SymbolIndex) -> RenameResult {
        if let problem = nameProblem(newName) { return .rejected(problem) }
        let model = analysis.model
        guard let file = analysis.file(resolvedPath: target.declarationPath),
              let participant = model.participants.first(where: {
                  $0.nameSpan.file == file && $0.nameSpan.start == target.declarationOffset && $0.name == target.name
              })
        else { return .edits([]) }
        if newName == participant.name { return .edits([]) }
        if let clash = model.participants.first(where: { $0.name == newName && $0.id != participant.id }) {
            return .rejected("'\(newName)' is already declared: the \(clash.kind.rawValue) at \(place(clash.nameSpan, in: analysis))")
        }
        if let clash = model.groups.first(where: { $0.name == newName }) {
            return .rejected("'\(newName)' is already declared: the group at \(place(clash.span, in: analysis))")
        }
        return .edits(index.occurrences(of: participant.id).map { TextEdit($0.span, newName) })
    }

    /// Why `name` cannot name a participant, or nil when it can: it must lex as exactly one
    /// name token, so the lexer's rules decide (letters, digits, marks and `_`, not starting
    /// with a digit), and keywords are reserved.
    public static func nameProblem(_ name: String) -> String? {
        let bytes = Array(name.utf8)
        var lexer = Lexer(bytes: bytes, file: FileID(0))
        let token = lexer.next(.statement)
        let whole = token.start == 0 && token.end == bytes.count && token.error == nil
            && lexer.next(.statement).kind == .endOfFile
        switch token.kind {
        case .identifier where whole:
            return nil
        case .keyword(let keyword) where whole:
            return "'\(keyword.rawValue)' is a keyword and cannot name a participant"
        default:
            if name.isEmpty { return "the new name is empty" }
            return "'\(ControlCharacters.visible(name))' is not a valid name: a name starts with a letter or '_' and continues with letters, digits and '_'"
        }
    }

    /// `catalog.baton:3:9`
    static func place(_ span: Span, in analysis: Analysis) -> String {
        let source = analysis.source(span.file)
        return "\(source.path):\(source.location(of: span.start))"
    }

    /// The edits of several analyses' renames (one per open document, say, when several
    /// import the same file) as one set per file: keyed by real path, an edit made by two
    /// analyses kept once, overlapping edits after the first dropped, files in path order and
    /// edits in source order, so the result does not depend on the order the analyses come in
    /// beyond which one's copy of a file is used.
    public static func merge(_ results: [(analysis: Analysis, edits: [TextEdit])]) -> [FileEdits] {
        var files: [String: FileEdits] = [:]
        for (analysis, edits) in results {
            let paths = analysis.compilation.resolvedPaths
            for edit in edits {
                let fileIndex = edit.span.file.rawValue
                guard analysis.compilation.sources.files.indices.contains(fileIndex) else { continue }
                let source = analysis.source(edit.span.file)
                let path = paths.indices.contains(fileIndex) ? paths[fileIndex] : source.path
                var entry = files[path] ?? FileEdits(resolvedPath: path, source: source, edits: [])
                // Spans are rewritten into the file of the copy kept, so that all of a file's
                // edits name one `FileID`.
                let span = Span(file: entry.source.id, start: edit.span.start, end: edit.span.end)
                entry.edits.append(TextEdit(span, edit.replacement))
                files[path] = entry
            }
        }
        return files.keys.sorted().compactMap { path in
            guard var entry = files[path] else { return nil }
            var kept: [TextEdit] = []
            for edit in entry.edits.sorted(by: { ($0.span.start, $0.span.end, $0.replacement) < ($1.span.start, $1.span.end, $1.replacement) }) {
                if let last = kept.last {
                    if last == edit { continue }
                    if edit.span.start < last.span.end || (edit.span.isEmpty && last.span.isEmpty && edit.span.start == last.span.start) { continue }
                }
                kept.append(edit)
            }
            entry.edits = kept
            return entry
        }
    }
}
