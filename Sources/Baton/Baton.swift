// Baton's façade for library users: compile a design, check it, render it.
//
// The command-line tool is a thin layer over these functions; other programs (documentation
// plugins, editors, tests) can call them directly.

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
        return Compiler.compile(input, options: options, read: { path in FileReader.read(path) },
                                canonical: { FileReader.canonical($0) })
    }

    /// Compiles bytes read from `displayPath` (or stdin), resolving imports on disk relative to it.
    public static func compile(bytes: [UInt8], displayPath: String, options: CompileOptions = CompileOptions()) -> Compilation {
        let input = SourceInput(displayPath: displayPath, resolvedPath: FileReader.absolute(displayPath), bytes: bytes)
        return Compiler.compile(input, options: options, read: { FileReader.read($0) }, canonical: { FileReader.canonical($0) })
    }
}

/// Reads source files for imports.
public enum FileReader {
    public static func read(_ path: String) -> [UInt8]? {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue else {
            return nil
        }
        return FileManager.default.contents(atPath: path).map { Array($0) }
    }

    /// The absolute path `path` really names, every symbolic link resolved the way the
    /// operating system resolves it when it opens or creates the path.
    ///
    /// The components are walked one at a time with `realpath(3)`, so a chain of links is
    /// followed to its end (Foundation's `resolvingSymlinksInPath` follows one link per
    /// component) and `link/..` is the parent of the link's *target*, not the link's own
    /// directory. Components that do not exist (yet) are appended as written: nothing below
    /// them can be a link. Confinement checks (imports, the pandoc filter's image directory)
    /// compare these paths, so no link can lead outside unnoticed.
    public static func canonical(_ path: String) -> String {
        var current = path.hasPrefix("/") ? "/" : (realPath(FileManager.default.currentDirectoryPath) ?? FileManager.default.currentDirectoryPath)
        for component in path.split(separator: "/") {
            switch component {
            case ".":
                continue
            case "..":
                current = PathName.directory(of: current)
            default:
                let next = current == "/" ? "/" + component : current + "/" + component
                current = realPath(next) ?? next
            }
        }
        return current
    }

    /// `realpath(3)`: nil when the path does not exist (or is a dangling link or a loop).
    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// An absolute, normalized path for `path` relative to the current directory.
    public static func absolute(_ path: String) -> String {
        if path.hasPrefix("/") { return PathName.normalize(path) }
        return PathName.join(FileManager.default.currentDirectoryPath, path)
    }
}
