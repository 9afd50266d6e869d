import BatonModel
import BatonSyntax

/// Go to definition (textDocument/definition): from any place a participant's name is written
/// to its declaration, which may be in an imported file (the span's file says which; the
/// compilation's `resolvedPaths` give its path).
public enum Definition {
    /// The declaration of the participant named under the cursor: its name's span. Empty when
    /// no name is there, or the name is not declared.
    public static func definition(_ analysis: Analysis, index: SymbolIndex, at cursor: Cursor) -> [Span] {
        guard let participant = index.occurrence(at: cursor)?.participant else { return [] }
        return [analysis.model[participant].nameSpan]
    }
}
