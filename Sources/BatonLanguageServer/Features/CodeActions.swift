import BatonCheck
import BatonJSON
import BatonModel
import BatonSyntax

/// `textDocument/codeAction`: each fix of a diagnostic in the requested range becomes a
/// `quickfix` (the first safe fix of a diagnostic is the preferred one, else its first fix that is not a
/// suppression), and
/// `source.fixAll.baton` applies every safe fix of the document at once, as
/// `baton check --fix` does.
public enum CodeActions {
    public static let fixAllKind = "source.fixAll.baton"

    /// The actions for diagnostics of `file` whose span touches `range` (byte offsets, ends
    /// included, so a cursor at the end of a statement still finds it). `only` is the client's
    /// filter of kinds (a kind matches its own sub-kinds: "source" asks for `source.fixAll.baton`).
    public static func actions(for diagnostics: [Diagnostic], file: FileID, range: Range<Int>, only: [String]?,
                               mapping: inout DiagnosticMapping) -> [JSONValue] {
        func wanted(_ kind: String) -> Bool {
            guard let only else { return true }
            return only.contains { kind == $0 || kind.hasPrefix($0 + ".") }
        }
        var actions: [JSONValue] = []
        let own = diagnostics.filter { $0.span.file == file }.sorted(by: Diagnostic.sourceOrder)
        if wanted("quickfix") {
            for diagnostic in own where diagnostic.span.start <= range.upperBound && range.lowerBound <= diagnostic.span.end {
                let fixes = diagnostic.allFixes(in: mapping.compilation.sources)
                // The safe fix if there is one, else the rule's own remedy; never the suppression.
                let preferred = fixes.firstIndex { $0.safety == .safe } ?? fixes.firstIndex { !$0.isSuppression }
                for (index, fix) in fixes.enumerated() {
                    var members: [(String, JSONValue)] = [
                        ("title", .string(fix.title)),
                        ("kind", .string("quickfix")),
                        ("diagnostics", .array([mapping.json(diagnostic)])),
                    ]
                    if index == preferred { members.append(("isPreferred", .bool(true))) }
                    members.append(("edit", workspaceEdit(Array(fix.edits), mapping: &mapping)))
                    actions.append(.object(members))
                }
            }
        }
        if wanted(fixAllKind) {
            let safe = own.flatMap(\.fixes).filter { $0.safety == .safe }
            let edits = fixAllEdits(safe, sources: mapping.compilation.sources)
            if !edits.isEmpty {
                actions.append(.object([
                    ("title", .string("Apply every safe Baton fix")),
                    ("kind", .string(fixAllKind)),
                    ("edit", workspaceEdit(edits, mapping: &mapping)),
                ]))
            }
        }
        return actions
    }

    /// The edits of the fixes `TextEdits.apply` would take together, file by file: a fix whose
    /// edits overlap one already taken is left for the next run, so the result never mixes
    /// half of two fixes.
    public static func fixAllEdits(_ fixes: [Fix], sources: SourceMap) -> [TextEdit] {
        // Each file's fixes, in the order given: a fix goes to every file it edits (so a design
        // of many files does not hand every fix to every file).
        var fixesOf: [FileID: [Fix]] = [:]
        for fix in fixes {
            for file in Set(fix.edits.map(\.span.file)) { fixesOf[file, default: []].append(fix) }
        }
        var edits: [TextEdit] = []
        for file in fixesOf.keys.sorted() where file.rawValue < sources.files.count {
            let applied = TextEdits.apply(fixesOf[file] ?? [], to: sources[file].bytes, file: file)
            edits += applied.applied.flatMap { $0.edits.filter { $0.span.file == file } }
        }
        return edits.sorted(by: TextEdit.sourceOrder)
    }

    /// LSP `WorkspaceEdit` with `changes`: URI → edits, URIs in file order.
    public static func workspaceEdit(_ edits: [TextEdit], mapping: inout DiagnosticMapping) -> JSONValue {
        var changes: [(String, JSONValue)] = []
        let files = Set(edits.map(\.span.file)).sorted()
        for file in files where file.rawValue < mapping.compilation.sources.files.count {
            let converter = mapping.converter(file)
            let items = edits.filter { $0.span.file == file }.sorted(by: TextEdit.sourceOrder).map { edit -> JSONValue in
                .object([("range", converter.range(of: edit.span).json), ("newText", .string(edit.replacement))])
            }
            changes.append((mapping.uri(file), .array(items)))
        }
        return .object([("changes", .object(changes))])
    }
}
