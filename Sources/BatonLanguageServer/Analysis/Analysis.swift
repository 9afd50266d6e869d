import BatonCheck
import BatonModel
import BatonSyntax
import Foundation

/// One analysis of one open document: its compilation (the document as the root, its imports
/// read from open buffers first, then disk) and the diagnostics `baton check` would report.
///
/// Every editor feature is a pure function of an `Analysis` and a position in it, so features
/// are tested without a protocol and never see a half-updated state: an edit makes a new
/// analysis, and requests answer from the newest one.
public struct Analysis: Sendable {
    public var compilation: Compilation
    /// Compile errors, or findings with their fixes, in source order.
    public var diagnostics: [Diagnostic]
    public var configuration: Configuration

    /// `threads`: how many rules may run side by side on a large design (the findings are the
    /// same for any number). By default every core the process may use: an editor waits for
    /// these diagnostics, and the rules were half of an analysis of a large design.
    public init(compilation: Compilation, configuration: Configuration = .defaults, threads: Int = Analysis.threads) {
        self.compilation = compilation
        self.configuration = configuration
        self.diagnostics = Checker.check(compilation, configuration: configuration, threads: threads)
    }

    /// The processors this process may use.
    public static let threads = max(1, ProcessorCount.active)

    public var model: Model { compilation.model }

    /// The file read from `resolvedPath` (a real path), if this compilation includes it.
    public func file(resolvedPath: String) -> FileID? {
        compilation.resolvedPaths.firstIndex(of: resolvedPath).map { FileID($0) }
    }

    public func source(_ file: FileID) -> SourceFile { compilation.sources[file] }
}

/// A place in an analysis: a file and a UTF-8 byte offset into it (the protocol layer converts
/// to and from the editor's line and character).
public struct Cursor: Hashable, Sendable {
    public var file: FileID
    public var offset: Int

    public init(file: FileID, offset: Int) {
        self.file = file
        self.offset = offset
    }
}
