import Baton
import BatonCheck
import BatonModel
import BatonSyntax
import Foundation

/// The designs being served, each compiled and checked once and again whenever the watcher
/// says it changed; every page and event reads the state kept here.
///
/// Imports are confined to the served root: a design cannot make the server read a file
/// outside the directory the user chose to serve.
public final class DesignLibrary: @unchecked Sendable {
    /// The real path of the served directory.
    public let root: String
    /// The one design served when the command was given a file, relative to `root`.
    public let singleDesign: String?
    private let lock = NSLock()
    private var states: [String: DesignState] = [:]

    /// `path` is a directory (every design below it) or a `.baton` file (that design alone).
    public init(path: String) throws(ServerError) {
        guard let real = FileReader.realPath(path) else {
            throw ServerError("cannot serve '\(path)': \(FileReader.Failure(path: path, errno: errno).reason)")
        }
        var status = stat()
        guard stat(real, &status) == 0 else { throw ServerError("cannot serve '\(path)': \(String(cString: strerror(errno)))") }
        if status.st_mode & S_IFMT == S_IFDIR {
            root = real
            singleDesign = nil
        } else {
            guard status.st_mode & S_IFMT == S_IFREG, real.hasSuffix(".baton") else {
                throw ServerError("cannot serve '\(path)': give a directory or a .baton file")
            }
            let slash = real.lastIndex(of: "/") ?? real.startIndex
            root = slash == real.startIndex ? "/" : String(real[..<slash])
            singleDesign = String(real[real.index(after: slash)...])
        }
    }

    /// The designs served now, sorted.
    public func designPaths() -> [String] {
        if let singleDesign { return [singleDesign] }
        return DesignTree.designs(below: root)
    }

    /// Whether `relativePath` is one of the designs this library serves.
    public func serves(_ relativePath: String) -> Bool {
        if let singleDesign { return relativePath == singleDesign }
        return true
    }

    /// Compiles every design, calling `progress(done, total)` after each.
    public func loadAll(progress: (Int, Int) -> Void = { _, _ in }) {
        let paths = designPaths()
        for (index, path) in paths.enumerated() {
            refresh(path)
            progress(index + 1, paths.count)
        }
    }

    /// The state of a design, compiling it on first use.
    public func state(_ relativePath: String) -> DesignState? {
        if let known = lock.withLock({ states[relativePath] }) { return known }
        return refresh(relativePath)
    }

    /// Every compiled design, sorted by path.
    public func allStates() -> [DesignState] {
        let all = lock.withLock { Array(states.values) }
        return all.sorted { Array($0.relativePath.utf8).lexicographicallyPrecedes(Array($1.relativePath.utf8)) }
    }

    /// Forgets a design that is gone.
    public func remove(_ relativePath: String) {
        lock.withLock { states[relativePath] = nil }
    }

    /// Reads, compiles and checks a design again, keeping its last good version when the new
    /// one has errors. Nil (and forgotten) when it is not a design this library serves.
    @discardableResult
    public func refresh(_ relativePath: String) -> DesignState? {
        guard serves(relativePath) else { return nil }
        let path = root == "/" ? "/" + relativePath : root + "/" + relativePath
        let previous = lock.withLock { states[relativePath] }
        var state = DesignState(relativePath: relativePath, path: path, source: [], compilation: nil, findings: [],
                                problem: nil, lastGood: previous?.lastGood, generation: (previous?.generation ?? 0) + 1)
        do {
            state.source = try FileReader.contents(of: path)
        } catch {
            state.problem = DesignProblem(message: "cannot read '\(relativePath)': \(error.reason)", file: relativePath, line: 0, column: 0)
            lock.withLock { states[relativePath] = state }
            return state
        }
        let compilation = compile(state.source, relativePath: relativePath, path: path)
        state.compilation = compilation
        if compilation.hasErrors {
            state.findings = compilation.diagnostics
            if let first = compilation.diagnostics.first(where: { $0.severity == .error }) {
                let start = compilation.sources.location(of: first.span).start
                state.problem = DesignProblem(message: first.message, file: compilation.sources[first.span.file].path,
                                              line: start.line, column: start.column)
            }
        } else {
            var configurations = ConfigurationFiles()
            let directory = String(path[..<(path.lastIndex(of: "/") ?? path.endIndex)])
            let configuration = (try? configurations.configuration(forDirectory: directory.isEmpty ? "/" : directory)) ?? .defaults
            state.findings = Baton.check(compilation, configuration: configuration)
            state.lastGood = GoodVersion(source: state.source, compilation: compilation, generation: state.generation)
        }
        lock.withLock { states[relativePath] = state }
        return state
    }

    private func compile(_ bytes: [UInt8], relativePath: String, path: String) -> Compilation {
        let root = self.root
        let input = SourceInput(displayPath: relativePath, resolvedPath: path, bytes: bytes)
        let read: Compiler.Reader = { path throws(Compiler.ReadFailure) -> [UInt8] in
            guard PathName.isInside(FileReader.canonical(path), root: root) else {
                throw Compiler.ReadFailure(reason: "it lies outside the served directory")
            }
            return try FileReader.readImport(path)
        }
        return Compiler.compile(input, options: CompileOptions(importRoots: [root]), read: read,
                                canonical: { FileReader.canonical($0) })
    }

    /// What the watcher polls: every design served now, with the files it was read from.
    public func watchList() -> [WatchedDesign] {
        let known = lock.withLock { states }
        return designPaths().map { relative in
            let path = root == "/" ? "/" + relative : root + "/" + relative
            return WatchedDesign(key: relative, files: [path] + (known[relative]?.files ?? []))
        }
    }
}
