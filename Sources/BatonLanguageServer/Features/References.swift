import BatonModel
import BatonSyntax

/// Find references (textDocument/references): every place the name under the cursor is written,
/// across the root file and every file it imports.
public enum References {
    /// The spans of every occurrence of the name under the cursor, in file and source order;
    /// declarations only when `includeDeclaration` is set. An undeclared name has references
    /// too (its uses), so a typo can be found everywhere it was made.
    public static func references(_ analysis: Analysis, index: SymbolIndex, at cursor: Cursor,
                                  includeDeclaration: Bool) -> [Span] {
        guard let occurrence = index.occurrence(at: cursor) else { return [] }
        return index.occurrences(like: occurrence)
            .filter { includeDeclaration || !$0.isDeclaration }
            .map(\.span)
    }
}
