// Baton's façade for library users: compile a design, check it, render it.
//
// The command-line tool is a thin layer over these functions; other programs (documentation
// plugins, editors, tests) can call them directly.

import BatonCheck
import BatonModel
import BatonSyntax
import Foundation

public enum Baton {
    /// The version printed by `baton --version`.
    public static let version = "0.1.0"

    /// Compiles an in-memory design. Imports are resolved against `directory` on disk when given,
    /// and not at all otherwise.
    public static func compile(source: String, path: String = "<input>", directory: String? = nil,
                               options: CompileOptions = CompileOptions()) -> Compilation {
        let base = directory ?? FileManager.default.currentDirectoryPath
        let input = SourceInput(displayPath: path, resolvedPath: PathName.join(base, path), bytes: Array(source.utf8))
        guard directory != nil else { return Compiler.compile(input, options: options) }
        return Compiler.compile(input, options: options, read: FileReader.readImport,
                                canonical: { FileReader.canonical($0) })
    }

    /// Compiles bytes read from `displayPath` (or stdin), resolving imports on disk relative to it.
    /// `read` reads each imported file (the command line passes one that remembers what it read,
    /// so that no output replaces an input); `paths`, when given, resolves real paths for a run
    /// of many files (see `CanonicalPaths`).
    public static func compile(bytes: [UInt8], displayPath: String, options: CompileOptions = CompileOptions(),
                               read: @escaping Compiler.Reader = FileReader.readImport, paths: CanonicalPaths? = nil) -> Compilation {
        Compiler.build(parse(bytes: bytes, displayPath: displayPath, options: options, read: read, paths: paths))
    }

    /// `compile(bytes:displayPath:options:read:paths:)`, with `alongside` made from the design's
    /// files and syntax while its model is built — on another thread when the design is large
    /// enough for its rules to run side by side (`Checker.parallelThreshold`), where the build
    /// alone would leave the other cores idle.
    public static func compile<Alongside: Sendable>(
        bytes: [UInt8], displayPath: String, options: CompileOptions = CompileOptions(),
        read: @escaping Compiler.Reader = FileReader.readImport, paths: CanonicalPaths? = nil,
        alongside: @escaping @Sendable (SourceMap, [SyntaxFile]) -> Alongside
    ) -> (Compilation, Alongside) {
        let parsed = parse(bytes: bytes, displayPath: displayPath, options: options, read: read, paths: paths)
        guard parsed.interactionCount >= Checker.parallelThreshold else {
            return (Compiler.build(parsed), alongside(parsed.sources, parsed.syntax))
        }
        return Compiler.build(parsed, beside: { alongside(parsed.sources, parsed.syntax) })
    }

    private static func parse(bytes: [UInt8], displayPath: String, options: CompileOptions, read: @escaping Compiler.Reader,
                              paths: CanonicalPaths?) -> ParsedDesign {
        let input = SourceInput(displayPath: displayPath, resolvedPath: FileReader.absolute(displayPath), bytes: bytes)
        if let paths {
            return Compiler.parse(input, options: options, read: read, canonical: { paths.canonical($0) })
        }
        return Compiler.parse(input, options: options, read: read, canonical: { FileReader.canonical($0) })
    }
}
