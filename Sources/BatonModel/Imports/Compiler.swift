// The compile driver: parses the root file, follows its imports (relative paths, confined to
// the allowed roots, cycles reported), and builds one model from all of them.
//
// It never touches the file system itself: the caller passes a `read` function. That keeps this
// stage pure and lets tests compile in-memory file trees.

import BatonSyntax

/// Everything one compilation produced.
public struct Compilation: Sendable {
    public var sources: SourceMap
    /// Syntax of every file, indexed by `FileID`.
    public var syntax: [SyntaxFile]
    public var model: Model
    /// Compile errors of every file, in source order: at most `CappedDiagnostics.errorsPerFile`
    /// per file.
    public var diagnostics: [Diagnostic]
    /// Indexed by `FileID`: the errors of each file beyond the cap, counted but not kept.
    public var omittedErrors: [Int]
    /// Indexed by `FileID`: each file's real path (what it was read from, symbolic links
    /// resolved), so tools can tell one file from another whatever name it was imported by.
    public var resolvedPaths: [String] = []
    public var rootFile: FileID { FileID(0) }

    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
}

public struct CompileOptions: Sendable {
    /// Directories (resolved paths) imports may also read from, besides the root file's own.
    public var importRoots: [String]
    public var maxDepth: Int
    /// Threads one large design may be compiled on: its file parsed in parts
    /// (`BatonParser.parse`), and its model's flows built in parts (`ModelBuilder.build(jobs:)`).
    /// The jobs of a run that compiles a single design, 1 when a run's designs are already
    /// spread over its threads. The result is the same for any number.
    public var jobs: Int

    public init(importRoots: [String] = [], maxDepth: Int = BatonParser.defaultMaxDepth, jobs: Int = 1) {
        self.importRoots = importRoots
        self.maxDepth = maxDepth
        self.jobs = jobs
    }
}

/// A file to compile: the path shown to users and the path used to read files next to it.
public struct SourceInput: Sendable {
    public var displayPath: String
    public var resolvedPath: String
    public var bytes: [UInt8]
    /// Lines of the document `bytes` were cut from, before them: a ```baton fence on line 40 of
    /// a Markdown page is compiled alone with an offset of 40, and its messages name the page's
    /// lines (see `SourceFile.lineOffset`). Imported files always start at line 1.
    public var lineOffset: Int

    public init(displayPath: String, resolvedPath: String, bytes: [UInt8], lineOffset: Int = 0) {
        self.displayPath = displayPath
        self.resolvedPath = resolvedPath
        self.bytes = bytes
        self.lineOffset = lineOffset
    }
}

public enum Compiler {
    /// Why an imported file could not be read, as a sentence fragment ("Permission denied",
    /// "it is a directory"): the import's error quotes it.
    public struct ReadFailure: Error, Sendable, Hashable {
        public var reason: String

        public init(reason: String) {
            self.reason = reason
        }
    }

    /// Reads the file at a resolved path, or says why it cannot.
    public typealias Reader = @Sendable (String) throws(ReadFailure) -> [UInt8]

    /// A reader over files held in memory, by resolved path: for tests, and for tools such as
    /// editors that compile buffers not saved yet.
    public static func reader(_ files: [String: String]) -> Reader {
        { path throws(ReadFailure) in
            guard let text = files[path] else { throw ReadFailure(reason: "No such file or directory") }
            return Array(text.utf8)
        }
    }

    /// The reader of a compilation that has no files besides its input.
    public static let noFiles: Reader = { _ throws(ReadFailure) in throw ReadFailure(reason: "this compilation reads no files") }
    /// The path a resolved path really names, symbolic links followed (identity when there is
    /// no file system).
    public typealias Canonicalizer = @Sendable (String) -> String

    public static func compile(_ input: SourceInput, options: CompileOptions = CompileOptions(),
                               read: @escaping Reader = noFiles,
                               canonical: @escaping Canonicalizer = { $0 }) -> Compilation {
        build(parse(input, options: options, read: read, canonical: canonical))
    }

    /// The same compilation, reusing the parse of every file `cache` holds unchanged and
    /// keeping the parse of every file read into it (see `ParseCache`).
    public static func compile(_ input: SourceInput, options: CompileOptions = CompileOptions(),
                               read: @escaping Reader = noFiles,
                               canonical: @escaping Canonicalizer = { $0 },
                               cache: inout ParseCache) -> Compilation {
        var loader = ImportLoader(options: options, read: read, canonical: canonical, rootPath: input.resolvedPath)
        loader.cache = cache
        loader.load(input, chain: [])
        if let used = loader.cache { cache = used }
        return build(loader)
    }

    /// The first half of `compile`: the input read and parsed with its imports. What needs only
    /// the syntax can then be made beside the second half, `build` (a large design's index of
    /// its source text for fixes took as long as building its model's derived facts, after it).
    public static func parse(_ input: SourceInput, options: CompileOptions = CompileOptions(), read: @escaping Reader = noFiles,
                             canonical: @escaping Canonicalizer = { $0 }) -> ParsedDesign {
        var loader = ImportLoader(options: options, read: read, canonical: canonical, rootPath: input.resolvedPath)
        loader.load(input, chain: [])
        return ParsedDesign(loader: loader)
    }

    /// The second half of `compile`: the model built from what `parse` read.
    public static func build(_ parsed: ParsedDesign) -> Compilation {
        build(parsed.loader)
    }

    /// `build(_:)`, with `beside` made on another thread meanwhile; a large design's model is
    /// built partly on that thread too once `beside` is made (see `ModelBuilder.build(beside:)`).
    public static func build<Beside: Sendable>(_ parsed: ParsedDesign,
                                               beside: @escaping @Sendable () -> Beside) -> (Compilation, Beside) {
        var builder = ModelBuilder(parsed.loader)
        let (model, made) = builder.build(beside: beside)
        return (compilation(parsed.loader, builder, model), made)
    }

    /// The parts `build(_:beside:)` would build `parsed`'s flows in; nil when it would build
    /// them on one thread (for tests).
    static func partPlan(_ parsed: ParsedDesign) -> ModelBuilder.PartPlan? {
        var builder = ModelBuilder(parsed.loader)
        return builder.partPlan()
    }

    private static func build(_ loader: ImportLoader) -> Compilation {
        var builder = ModelBuilder(loader)
        let model = builder.build(jobs: loader.options.jobs)
        return compilation(loader, builder, model)
    }

    private static func compilation(_ loader: ImportLoader, _ builder: ModelBuilder, _ model: Model) -> Compilation {
        let omitted = loader.sources.files.map { builder.diagnostics.omittedErrors(in: $0.id) }
        return Compilation(sources: loader.sources, syntax: loader.files.map { $0.syntax }, model: model,
                           diagnostics: builder.diagnostics.diagnostics, omittedErrors: omitted,
                           resolvedPaths: loader.files.map(\.realPath))
    }
}

/// A design read and parsed with its imports, its model not built yet (see `Compiler.parse`).
public struct ParsedDesign: Sendable {
    fileprivate let loader: ImportLoader

    /// Every file read, by `FileID`, as the compilation will have them.
    public var sources: SourceMap { loader.sources }
    /// The syntax of every file, by `FileID`, as the compilation will have it.
    public var syntax: [SyntaxFile] { loader.files.map(\.syntax) }
    /// The interactions parsed in every file (blocks and fragments included).
    public var interactionCount: Int { loader.files.reduce(0) { $0 + $1.interactionCount } }
}

/// A parsed file and where each of its `import` statements led.
struct LoadedFile: Sendable {
    var syntax: SyntaxFile
    /// The file's real path (symbolic links resolved): its identity, so a file reached under
    /// two names (a link, a linked directory) is loaded once and cycles are found whatever the
    /// names; and where its own imports are resolved from.
    var realPath: String
    /// The directory its imports are named from in messages (see `ImportLoader.displayDirectory`).
    var displayDirectory: String
    /// The imported file of each successful `import`, by the index of its statement in
    /// `syntax.statements`.
    var importTargets: [Int: FileID]
    /// Interactions in `syntax` (`ParseResult.interactionCount`).
    var interactionCount = 0
    /// Interactions before each statement of `syntax` (`ParseResult.interactionsBefore`).
    var interactionsBefore: [Int32] = []
}

struct ImportLoader {
    let options: CompileOptions
    let read: Compiler.Reader
    let resolve: Compiler.Canonicalizer
    /// The allowed directories, symbolic links resolved.
    let roots: [String]
    var sources = SourceMap()
    var files: [LoadedFile] = []
    var diagnostics = CappedDiagnostics()
    /// Real path → file, so a file imported twice, under any name, is loaded once.
    var loaded: [String: FileID] = [:]
    /// Path → its real path, normalized: each import asks about its target, its importer's
    /// directory and a link's hop, mostly the same few directories, and every answer costs
    /// system calls in proportion to the path's depth.
    var canonicalPaths: [String: String] = [:]
    /// Parses to reuse and to keep, when the caller keeps them between compilations.
    var cache: ParseCache?

    init(options: CompileOptions, read: @escaping Compiler.Reader, canonical: @escaping Compiler.Canonicalizer, rootPath: String) {
        self.options = options
        self.read = read
        self.resolve = canonical
        // The root file's own directory always — the directory of its target when it is a
        // symbolic link, as compilers do — and `--import-root` adds more.
        let rootNamed = PathName.normalize(rootPath)
        let rootReal = PathName.normalize(canonical(rootNamed))
        roots = [PathName.directory(of: rootReal)] + options.importRoots.map { PathName.normalize(canonical(PathName.normalize($0))) }
        canonicalPaths[rootNamed] = rootReal
    }

    /// The real path of a normalized `path`, normalized, asking the file system once per path.
    mutating func canonical(_ path: String) -> String {
        if let known = canonicalPaths[path] { return known }
        let real = PathName.normalize(resolve(path))
        canonicalPaths[path] = real
        return real
    }

    /// Parses a file, then follows its imports depth first. `chain` holds the files being loaded
    /// (with the import statement that led to each), to detect cycles.
    @discardableResult
    mutating func load(_ input: SourceInput, chain: [(file: FileID, span: Span)]) -> FileID {
        let named = PathName.normalize(input.resolvedPath)
        let real = canonical(named)
        let id = FileID(sources.files.count)
        let key = ParseCache.Key(realPath: real, displayPath: input.displayPath, file: id, lineOffset: input.lineOffset,
                                 maxDepth: options.maxDepth)
        let parsed: ParseResult
        if let reused = cache?.take(key, bytes: input.bytes) {
            sources.add(reused.source)
            parsed = reused.parsed
        } else {
            sources.add(path: input.displayPath, bytes: input.bytes, lineOffset: input.lineOffset)
            parsed = BatonParser.parse(sources[id], maxDepth: options.maxDepth, jobs: options.jobs)
            cache?.store(key, source: sources[id], parsed: parsed)
        }
        loaded[real] = id
        diagnostics.append(contentsOf: parsed.diagnostics)
        diagnostics.countOmitted(parsed.omittedErrors, in: id)
        files.append(LoadedFile(syntax: parsed.syntax, realPath: real,
                                displayDirectory: displayDirectory(displayPath: input.displayPath, named: named, real: real),
                                importTargets: [:],
                                interactionCount: parsed.interactionCount, interactionsBefore: parsed.interactionsBefore))
        // Each statement is read where it is: bound to a constant, every one was copied (its
        // names, label and lists retained) to find the few imports, on one thread. A file
        // without imports (the parser counts them) is not read at all.
        guard parsed.importCount > 0 else { return id }
        let statements = parsed.syntax.statements
        for index in statements.indices {
            guard case .importFile(let statement) = statements[index] else { continue }
            files[id.rawValue].importTargets[index] = follow(statement, from: id, chain: chain)
        }
        return id
    }

    /// The directory that names a file's imports in messages: the directory of the path the
    /// user gave (or the import that led here), so messages keep the user's own names — unless
    /// the file is a symbolic link into another directory. Its imports are read from the
    /// target's directory, so they are named from there: through the link's relative hop
    /// (`top.baton` → `designs/main.baton` names `designs/lib.baton`) when that path really
    /// leads there, else by the real directory itself.
    mutating func displayDirectory(displayPath: String, named: String, real: String) -> String {
        let displayDirectory = PathName.directory(of: displayPath)
        let namedDirectory = PathName.directory(of: named)
        let realDirectory = PathName.directory(of: real)
        let linkDirectory = canonical(namedDirectory)
        if linkDirectory == realDirectory { return displayDirectory }
        let hop = PathName.relative(from: linkDirectory, to: realDirectory)
        if canonical(PathName.join(namedDirectory, hop)) == realDirectory {
            return PathName.join(displayDirectory, hop)
        }
        return realDirectory
    }

    private mutating func follow(_ statement: ImportSyntax, from file: FileID, chain: [(file: FileID, span: Span)]) -> FileID? {
        let relative = statement.path.value
        let span = statement.path.span
        let importer = files[file.rawValue]
        let displayPath = sources[file].path
        func fail(_ code: String, _ message: String, notes: [Diagnostic.Note] = [], help: String? = nil) -> FileID? {
            diagnostics.append(Diagnostic(code: code, severity: .error, message: message, span: span, notes: notes, help: help))
            return nil
        }
        if relative.isEmpty {
            return fail(CompileError.importNotFound, "the import path is empty")
        }
        if relative.hasPrefix("/") {
            return fail(CompileError.importNotFound, "imports take a path relative to the importing file, not '\(relative)'")
        }
        // Relative to where the importing file really is (the target's directory for a link).
        let target = PathName.join(PathName.directory(of: importer.realPath), relative)
        // Containment is decided on the real path, so a symbolic link cannot lead outside.
        let real = canonical(target)
        guard roots.contains(where: { PathName.isInside(real, root: $0) }) else {
            return fail(CompileError.importNotFound, "'\(relative)' lies outside the directories imports may read",
                        help: "keep imported files below \(roots.joined(separator: ", ")), or allow more with --import-root DIR")
        }
        let ancestors = chain.map(\.file) + [file]
        if let cycleStart = ancestors.firstIndex(where: { files[$0.rawValue].realPath == real }) {
            let names = ancestors[cycleStart...].map { sources[$0].path } + [sources[ancestors[cycleStart]].path]
            let notes = chain[cycleStart...].map { link in
                Diagnostic.Note("'\(sources[link.file].path)' imports the next file here", at: link.span)
            }
            return fail(CompileError.importCycle, "import cycle: \(names.joined(separator: " -> "))", notes: notes,
                        help: "move the shared declarations into a file that both import")
        }
        if let existing = loaded[real] { return existing }
        let bytes: [UInt8]
        do {
            bytes = try read(real)
        } catch {
            let base = displayPath == "<stdin>" ? "the current directory"
                : importer.displayDirectory == PathName.directory(of: displayPath) ? "'\(displayPath)'"
                : "'\(importer.displayDirectory)', where the link '\(displayPath)' leads"
            return fail(CompileError.importNotFound, "cannot read imported file '\(relative)': \(error.reason)",
                        help: "the path is relative to \(base)")
        }
        let display = PathName.join(importer.displayDirectory, relative)
        return load(SourceInput(displayPath: display, resolvedPath: target, bytes: bytes),
                    chain: chain + [(file, span)])
    }
}
