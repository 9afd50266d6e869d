import BatonCheck
import BatonModel
import BatonReport
import BatonSyntax

/// One of the two designs a diff compares: compiled (without errors), checked, measured, and
/// with each of its files named the way the other design can name it too.
public struct DesignSide: Sendable {
    /// What reports call it: its path, or `REV:path` for a git revision.
    public var label: String
    public var compilation: Compilation
    /// What `baton check` finds, in source order.
    public var diagnostics: [Diagnostic]
    /// The same, resolved to files, lines and statement texts (without their fixes and notes,
    /// which are no part of a finding's identity): made here, so that a caller that prepares
    /// the two sides at once also resolves their findings at once.
    public var reported: [ReportedDiagnostic]
    public var context: CheckContext
    public var metrics: DesignMetrics
    /// Indexed by `FileID`: the file's path relative to the root file's directory (the root file
    /// itself is ""), from where each file really is, so that `lib/shared.baton` imported by
    /// `old/design.baton` and by `new/design.baton` (or by one design at two git revisions) is
    /// one file to compare.
    public var logicalPaths: [String]
    /// Indexed by `FileID`: what reports call each file (its place in `DiffLocation`s).
    public var fileNames: [String]

    /// Checks `compilation` (which must have no compile errors) with `configuration`.
    /// `fileNames` name its files in reports when their compilation names are not what a
    /// reader should see (`REV:path` for the files of a git revision); nil keeps those names.
    public init(label: String, compilation: Compilation, configuration: Configuration = .defaults, fileNames: [String]? = nil) {
        self.label = label
        self.compilation = compilation
        // One context for the findings and the metrics, without the source text: a diff
        // compares findings and never applies their fixes, which cost as much as the rules.
        context = CheckContext(compilation.model)
        diagnostics = Checker.check(compilation, context: context, configuration: configuration)
        metrics = DesignMetrics(context)
        let sources = compilation.sources
        reported = diagnostics.map { diagnostic in
            var bare = diagnostic
            bare.fixes = []
            bare.suppressionLineStart = nil
            bare.notes = []
            return ReportedDiagnostic(bare, sources: sources)
        }
        let files = compilation.sources.files
        let paths = compilation.resolvedPaths.count == files.count ? compilation.resolvedPaths : files.map(\.path)
        let rootDirectory = paths.first.map { PathName.directory(of: $0) } ?? "."
        logicalPaths = paths.enumerated().map { index, path in
            index == compilation.rootFile.rawValue ? "" : PathName.relative(from: rootDirectory, to: path)
        }
        self.fileNames = fileNames.flatMap { $0.count == files.count ? $0 : nil } ?? files.map(\.path)
    }

    public var model: Model { compilation.model }

    /// Where a span is, as reports name it.
    func location(_ span: Span) -> DiffLocation {
        let position = compilation.sources[span.file].location(of: span.start)
        return DiffLocation(file: fileNames[span.file.rawValue], line: position.line, column: position.column)
    }

    /// The path of the file `logical` names in this design, as the compilation names it (what
    /// `baton check` reports and fingerprints): its own file's, else the path beside the root.
    func compilationPath(logical: String) -> String {
        if let index = logicalPaths.firstIndex(of: logical) { return compilation.sources.files[index].path }
        let root = compilation.sources.files.first?.path ?? ""
        return logical.isEmpty ? root : PathName.join(PathName.directory(of: root), logical)
    }
}
