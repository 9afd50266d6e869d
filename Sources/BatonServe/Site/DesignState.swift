import BatonModel
import BatonSyntax

/// One design as the site last compiled it: what its page and its index entry show.
public struct DesignState: Sendable {
    /// Relative to the served root, with `/` between segments: the name in URLs and the index.
    public var relativePath: String
    /// Where it was read from (the root joined with `relativePath`).
    public var path: String
    /// The bytes compiled (empty when the file could not be read).
    public var source: [UInt8]
    /// Nil when the file could not be read.
    public var compilation: Compilation?
    /// Compile errors, or else the lint findings, in source order.
    public var findings: [Diagnostic]
    /// Why the current version shows no fresh diagram: the first compile error, or the read
    /// failure. Nil when it compiled cleanly.
    public var problem: DesignProblem?
    /// The most recent version that compiled without errors, kept across broken edits so the
    /// page can go on showing the last good diagram under the error banner.
    public var lastGood: GoodVersion?
    /// Counts up with every recompilation of this design.
    public var generation: Int

    /// The design's `title`, from this version or else the last good one.
    public var title: String? { compilation?.model.title ?? lastGood?.compilation.model.title }

    /// Findings by severity, for the index.
    public var counts: SeverityCounts { SeverityCounts(findings) }

    /// Every file this design was read from: itself and its imports, by real path.
    public var files: [String] { compilation?.resolvedPaths ?? [] }
}

/// A version of a design that compiled without errors.
public struct GoodVersion: Sendable {
    public var source: [UInt8]
    public var compilation: Compilation
    /// The `DesignState.generation` it was compiled in: the same number means the same version,
    /// imports included, so a page provider can keep what it drew from it.
    public var generation: Int
}

/// Why a design has no fresh diagram, with where (1-based line and column; 0 when unknown).
public struct DesignProblem: Sendable, Equatable {
    public var message: String
    public var file: String
    public var line: Int
    public var column: Int

    public init(message: String, file: String, line: Int, column: Int) {
        self.message = message
        self.file = file
        self.line = line
        self.column = column
    }
}
