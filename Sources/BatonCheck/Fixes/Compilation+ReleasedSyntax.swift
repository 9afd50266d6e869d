import BatonModel
import BatonSyntax

extension Compilation {
    /// Drops the statements of every file's syntax and keeps its comments: once a
    /// `CheckContext` is made from the compilation, the rules read the model and what its
    /// `FixSource` took from the syntax, and `# baton:ignore` reads the comments and the
    /// `FixSource`'s statement heads, so the findings of `Checker.check` with that context are
    /// the same. The tree of a large design is a fifth of what `check` holds at its peak;
    /// released before the rules run, their findings reuse its memory instead of new pages.
    ///
    /// With `threads` > 1, a large file's statements are freed in two halves at once, split
    /// where the bytes they span are halved: about where its parse was cut in two
    /// (`PartParse`), so each thread frees mostly what one parsing thread made, and the two
    /// seldom wait for the same arena of the allocator. Freeing a 4 MB design's tree object by
    /// object took 6 ms on one thread while the other waited.
    public mutating func releaseSyntaxTree(threads: Int = 1) {
        var released = syntax.map(\.statements)
        syntax = syntax.map { SyntaxFile(file: $0.file, statements: [], comments: $0.comments) }
        guard threads > 1,
              let largest = released.indices.max(by: { released[$0].count < released[$1].count }),
              let middle = Self.byteMiddle(of: released[largest])
        else { return }
        var statements = released[largest]
        released[largest] = []
        statements.freeInTwo(at: middle, leaving: .vacated)
    }

    /// Statements spanning this many bytes or more are freed in two halves.
    static let freedInTwoFrom = 1 << 18

    /// The first statement that starts in the second half of the bytes the statements span,
    /// when they span enough bytes for two threads to free them sooner than one
    /// (`freedInTwoFrom`).
    static func byteMiddle(of statements: [Statement]) -> Int? {
        guard statements.count > 1, let first = statements.first?.span.start, let last = statements.last?.span.start,
              last - first >= freedInTwoFrom
        else { return nil }
        let half = first + (last - first) / 2
        var low = 1
        var high = statements.count - 1
        while low < high {
            let probe = (low + high) / 2
            if statements[probe].span.start < half { low = probe + 1 } else { high = probe }
        }
        return low
    }
}
