import Baton
import BatonCheck
import BatonJSON
import BatonModel
import BatonSyntax
import Dispatch
import Foundation

/// Everything an analysis needs, copied under the lock so compiling runs without it.
struct AnalysisJob: Sendable {
    var document: OpenDocument
    var displayPath: String
    var resolvedPath: String
    /// Open buffers by real path: they win over the files on disk.
    var buffers: [String: [UInt8]]
    /// Real path → URI of the open documents, so problems in an open import go to the URI the
    /// editor knows it by.
    var openURIs: [String: String]
    var roots: [String]
    var configuration: Configuration
    var encoding: PositionEncoding
}

extension LanguageServer {
    // MARK: - Scheduling

    /// Schedules the analysis of `uri` and of every open document whose last compilation read
    /// the file at `path` (an edited import updates its importers). Call with `lock` held.
    func invalidate(uri: String, path: String?) {
        var affected: Set<String> = [uri]
        if let path {
            for (other, snapshot) in snapshots where snapshot.paths.contains(path) { affected.insert(other) }
        }
        for document in affected.sorted() where documents[document] != nil { schedule(document) }
    }

    /// Schedules every open document (a configuration or the workspace folders changed). Call
    /// with `lock` held.
    func invalidateAll() {
        for uri in documents.keys.sorted() { schedule(uri) }
    }

    /// A new generation for `uri`, analysed at once when the document had been quiet for the
    /// debounce (a single edit after a pause gets its diagnostics without waiting), else after
    /// the debounce (a burst of keystrokes is analysed once, at its end) — unless a newer
    /// generation replaces it meanwhile. Call with `lock` held.
    func schedule(_ uri: String) {
        nextGeneration += 1
        let generation = nextGeneration
        generations[uri] = generation
        let now = DispatchTime.now()
        let debounce = UInt64(max(0, options.debounce) * 1e9)
        let quiet = lastScheduled[uri].map { now.uptimeNanoseconds &- $0.uptimeNanoseconds >= debounce } ?? true
        lastScheduled[uri] = now
        analysisQueue.asyncAfter(deadline: quiet ? now : now + options.debounce) { [self] in
            analyse(uri, generation: generation)
        }
    }

    func isCurrent(_ uri: String, _ generation: Int) -> Bool {
        lock.withLock { !stopped && generations[uri] == generation }
    }

    // MARK: - Analysing

    /// Compiles and checks one document, stopping between stages when a newer edit superseded
    /// it, and publishes the diagnostics unless it was superseded meanwhile.
    func analyse(_ uri: String, generation: Int) {
        guard let job = lock.withLock({ generations[uri] == generation && !stopped ? makeJob(uri) : nil }) else { return }
        let compilation = compile(job)
        guard isCurrent(uri, generation) else { return }
        let analysis = Analysis(compilation: compilation, configuration: job.configuration)
        guard isCurrent(uri, generation) else { return }
        var mapping = DiagnosticMapping(compilation: compilation, encoding: job.encoding, uri: uriFunction(job, compilation))
        var files: [String: DiagnosticList] = [:]
        for (file, diagnostics) in mapping.lists(analysis.diagnostics) {
            files[mapping.uri(file), default: DiagnosticList()].append(contentsOf: diagnostics)
        }
        let replaced: Snapshot? = lock.withLock {
            guard generations[uri] == generation, !stopped else { return nil }
            let previous = snapshots.updateValue(
                Snapshot(version: job.document.version, generation: generation, analysis: analysis,
                         paths: Set(compilation.resolvedPaths)),
                forKey: uri)
            for (fileURI, diagnostics) in publisher.update(root: uri, files: files) {
                writer.send(parts: diagnostics.notification(uri: fileURI, version: fileURI == uri ? job.document.version : nil))
            }
            return previous
        }
        // Freeing the previous analysis of a large design takes a tenth of analysing it: it
        // is done on another thread, so that neither these diagnostics nor the next analysis
        // wait for it.
        DispatchQueue.global(qos: .utility).async { withExtendedLifetime(replaced) {} }
    }

    /// The job for an open document. Call with `lock` held.
    func makeJob(_ uri: String) -> AnalysisJob? {
        guard let document = documents[uri] else { return nil }
        var buffers: [String: [UInt8]] = [:]
        var openURIs: [String: String] = [:]
        for (other, open) in documents {
            guard let path = open.path else { continue }
            buffers[path] = open.bytes
            // Two URIs for one file (a link): the smaller one, whichever came first.
            if let known = openURIs[path], known < other { continue }
            openURIs[path] = other
        }
        let base = roots.first ?? FileManager.default.currentDirectoryPath
        let resolvedPath = document.path ?? PathName.join(base, "untitled.baton")
        let display = displayPath(resolvedPath, uri: uri, isFile: document.path != nil)
        return AnalysisJob(document: document, displayPath: display, resolvedPath: resolvedPath, buffers: buffers,
                           openURIs: openURIs, roots: roots,
                           configuration: configuration(forDirectory: PathName.directory(of: resolvedPath)), encoding: encoding)
    }

    /// Relative to the workspace folder that holds it, as `baton check` run there would name it.
    func displayPath(_ path: String, uri: String, isFile: Bool) -> String {
        guard isFile else { return uri }
        for root in roots where PathName.isInside(path, root: root) && path != root {
            return root == "/" ? String(path.dropFirst()) : String(path.dropFirst(root.count + 1))
        }
        return path
    }

    /// The nearest `.baton.json`, read once and kept until a configuration changes; a broken
    /// one is reported once and the defaults used meanwhile. Call with `lock` held.
    func configuration(forDirectory directory: String) -> Configuration {
        do {
            return try configurations.configuration(forDirectory: directory)
        } catch {
            let message = "invalid configuration: \(error.description)"
            if reportedConfigurationErrors.insert(message).inserted {
                let text = message
                DispatchQueue.global().async { [self] in showMessage(text + " (using the default configuration)", type: 1) }
            }
            return .defaults
        }
    }

    /// Forgets every configuration read, so the next analyses read them again.
    func forgetConfigurations() {
        configurations = ConfigurationFiles()
        reportedConfigurationErrors = []
    }

    func compile(_ job: AnalysisJob) -> Compilation {
        let buffers = job.buffers
        let read: Compiler.Reader = { path throws(Compiler.ReadFailure) in
            if let bytes = buffers[path] { return bytes }
            return try FileReader.readImport(path)
        }
        let input = SourceInput(displayPath: job.displayPath, resolvedPath: job.resolvedPath, bytes: job.document.bytes)
        // Files that did not change since they were last compiled are not parsed again: a copy
        // of the cache goes into the compilation and what it learnt comes back.
        var cache = lock.withLock { parseCache }
        let compilation = Compiler.compile(input, options: CompileOptions(importRoots: job.roots), read: read,
                                           canonical: { FileReader.canonical($0) }, cache: &cache)
        lock.withLock { parseCache.merge(cache) }
        return compilation
    }

    /// File of a compilation → URI: the document itself, an open buffer's URI, or the file's.
    func uriFunction(_ job: AnalysisJob, _ compilation: Compilation) -> (FileID) -> String {
        let paths = compilation.resolvedPaths
        let openURIs = job.openURIs
        let rootURI = job.document.uri
        return { file in
            if file.rawValue == 0 { return rootURI }
            guard file.rawValue < paths.count else { return rootURI }
            return openURIs[paths[file.rawValue]] ?? DocumentURI.uri(ofPath: paths[file.rawValue])
        }
    }

    // MARK: - Answering from analyses

    /// An analysis of the document's current text: the newest one when it is of the current
    /// version and nothing it read has changed since, else one computed now.
    public func currentAnalysis(_ uri: String) throws(ResponseError) -> DocumentContext {
        let found: (AnalysisJob, Snapshot?)? = lock.withLock {
            guard let job = makeJob(uri) else { return nil }
            let snapshot = snapshots[uri].flatMap { $0.generation == generations[uri] && $0.version == job.document.version ? $0 : nil }
            return (job, snapshot)
        }
        guard let (job, snapshot) = found else {
            throw ResponseError.invalidParams("the document \(uri) is not open")
        }
        let analysis = snapshot?.analysis
            ?? Analysis(compilation: compile(job), configuration: job.configuration)
        return DocumentContext(uri: uri, document: job.document, analysis: analysis, encoding: job.encoding,
                               uri: uriFunction(job, analysis.compilation))
    }
}

/// What a request about one document answers from: its analysis, the URI of each file of it,
/// and position conversion in the negotiated encoding.
public struct DocumentContext {
    public var uri: String
    public var document: OpenDocument
    public var analysis: Analysis
    public var encoding: PositionEncoding
    /// The URI of each file of the compilation (the document itself is file 0).
    public var uriOf: (FileID) -> String

    init(uri: String, document: OpenDocument, analysis: Analysis, encoding: PositionEncoding, uri uriOf: @escaping (FileID) -> String) {
        self.uri = uri
        self.document = document
        self.analysis = analysis
        self.encoding = encoding
        self.uriOf = uriOf
    }

    /// Converts positions in the document itself.
    public var converter: PositionConverter { PositionConverter(document.lines, encoding: encoding) }

    /// The cursor at an LSP position of the document.
    public func cursor(at position: Position) -> Cursor {
        Cursor(file: analysis.compilation.rootFile, offset: converter.offset(of: position))
    }

    /// A mapping of diagnostics and spans of any file of the compilation to LSP values.
    public func mapping() -> DiagnosticMapping {
        DiagnosticMapping(compilation: analysis.compilation, encoding: encoding, uri: uriOf)
    }
}
