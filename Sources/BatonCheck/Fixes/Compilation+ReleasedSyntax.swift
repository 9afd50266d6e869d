import BatonModel
import BatonSyntax

extension Compilation {
    /// Drops the statements of every file's syntax and keeps its comments: once a
    /// `CheckContext` is made from the compilation, the rules read the model and what its
    /// `FixSource` took from the syntax, and `# baton:ignore` reads the comments and the
    /// `FixSource`'s statement heads, so the findings of `Checker.check` with that context are
    /// the same. The tree of a large design is a fifth of what `check` holds at its peak;
    /// released before the rules run, their findings reuse its memory instead of new pages.
    public mutating func releaseSyntaxTree() {
        syntax = syntax.map { SyntaxFile(file: $0.file, statements: [], comments: $0.comments) }
    }
}
