import Baton
import BatonCheck
import BatonJSON
import BatonModel
import BatonSyntax

extension MethodTable {
    /// The methods Baton's server handles: the lifecycle, text synchronisation, the workspace
    /// notifications, diagnostics (pushed), formatting, document and workspace symbols, folding
    /// ranges, code actions, and the questions about a place (`addQueries`: hover, definition,
    /// references, rename, completion).
    public static var standard: MethodTable {
        var table = MethodTable()
        table.request("initialize") { server, params throws(ResponseError) in try server.initializeResult(params) }
        table.notification("initialized") { _, _ throws(ResponseError) in }
        table.request("shutdown") { server, _ throws(ResponseError) in
            server.shutDown()
            return .null
        }

        table.capability("textDocumentSync", .object([
            ("openClose", .bool(true)),
            ("change", .int(2)),
            ("save", .object([("includeText", .bool(false))])),
        ]))
        table.notification("textDocument/didOpen") { server, params throws(ResponseError) in try server.didOpen(params) }
        table.notification("textDocument/didChange") { server, params throws(ResponseError) in try server.didChange(params) }
        table.notification("textDocument/didClose") { server, params throws(ResponseError) in try server.didClose(params) }
        table.notification("textDocument/didSave") { server, params throws(ResponseError) in try server.didSave(params) }

        table.capability("workspace", .object([
            ("workspaceFolders", .object([("supported", .bool(true)), ("changeNotifications", .bool(true))])),
        ]))
        table.notification("workspace/didChangeWorkspaceFolders") { server, params throws(ResponseError) in
            try server.didChangeWorkspaceFolders(params)
        }
        table.notification("workspace/didChangeWatchedFiles") { server, _ throws(ResponseError) in server.filesChangedOnDisk() }
        table.notification("workspace/didChangeConfiguration") { server, _ throws(ResponseError) in server.filesChangedOnDisk() }

        table.capability("documentFormattingProvider", .bool(true))
        table.request("textDocument/formatting") { server, params throws(ResponseError) in
            let document = try server.document(params)
            return .array(try Formatting.edits(of: document.bytes, encoding: server.positionEncoding))
        }

        table.capability("documentSymbolProvider", .bool(true))
        table.request("textDocument/documentSymbol") { server, params throws(ResponseError) in
            let document = try server.document(params)
            return .array(DocumentSymbols.symbols(of: document.bytes, encoding: server.positionEncoding))
        }

        table.capability("foldingRangeProvider", .bool(true))
        table.request("textDocument/foldingRange") { server, params throws(ResponseError) in
            let document = try server.document(params)
            return .array(FoldingRanges.folds(of: document.bytes).map(\.json))
        }

        table.capability("workspaceSymbolProvider", .bool(true))
        table.request("workspace/symbol") { server, params throws(ResponseError) in
            guard let query = params?["query"]?.stringValue else { throw ResponseError.invalidParams("workspace/symbol needs a \"query\" string") }
            return .array(try server.workspaceSymbols(matching: query))
        }

        table.capability("codeActionProvider", .object([
            ("codeActionKinds", .array([.string("quickfix"), .string(CodeActions.fixAllKind)])),
        ]))
        table.request("textDocument/codeAction") { server, params throws(ResponseError) in
            try server.codeActions(params)
        }
        table.addQueries()
        return table
    }
}

extension LanguageServer {
    // MARK: - Lifecycle

    func initializeResult(_ params: JSONValue?) throws(ResponseError) -> JSONValue {
        guard let params, case .object = params else { throw ResponseError.invalidParams("initialize needs an object of params") }
        let offered = params["capabilities"]?["general"]?["positionEncodings"]?.arrayValue?.compactMap(\.stringValue) ?? []
        // UTF-8 is what Baton counts in; UTF-16 is the protocol's default, which every client speaks.
        let encoding: PositionEncoding = offered.contains(PositionEncoding.utf8.rawValue) ? .utf8 : .utf16
        var roots: [String] = []
        for folder in params["workspaceFolders"]?.arrayValue ?? [] {
            if let path = folder["uri"]?.stringValue.flatMap(DocumentURI.path(of:)) { roots.append(FileReader.canonical(path)) }
        }
        if roots.isEmpty, let path = params["rootUri"]?.stringValue.flatMap(DocumentURI.path(of:)) {
            roots.append(FileReader.canonical(path))
        }
        if roots.isEmpty, let path = params["rootPath"]?.stringValue, path.hasPrefix("/") {
            roots.append(FileReader.canonical(path))
        }
        initialize(encoding: encoding, roots: roots)
        let capabilities: [(String, JSONValue)] = [("positionEncoding", .string(encoding.rawValue))] + table.capabilities
        return .object([
            ("capabilities", .object(capabilities)),
            ("serverInfo", .object([("name", .string("baton")), ("version", .string(Baton.version))])),
        ])
    }

    func didChangeWorkspaceFolders(_ params: JSONValue?) throws(ResponseError) {
        guard let event = params?["event"] else { throw ResponseError.invalidParams("didChangeWorkspaceFolders needs an \"event\"") }
        let paths: (String) -> [String] = { key in
            (event[key]?.arrayValue ?? []).compactMap { $0["uri"]?.stringValue.flatMap(DocumentURI.path(of:)) }.map { FileReader.canonical($0) }
        }
        let removed = paths("removed")
        let added = paths("added")
        lock.withLock {
            roots = roots.filter { !removed.contains($0) }
            for root in added where !roots.contains(root) { roots.append(root) }
            invalidateAll()
        }
    }

    /// Files changed behind the editor's back (or the configuration did): read everything again.
    func filesChangedOnDisk() {
        lock.withLock {
            forgetConfigurations()
            invalidateAll()
        }
    }

    // MARK: - Text synchronisation

    static func textDocument(_ params: JSONValue?) throws(ResponseError) -> JSONValue {
        guard let document = params?["textDocument"], document["uri"]?.stringValue != nil else {
            throw ResponseError.invalidParams("the params need a \"textDocument\" with a \"uri\"")
        }
        return document
    }

    static func isConfiguration(_ uri: String) -> Bool {
        uri.hasSuffix("/" + Configuration.fileName)
    }

    func didOpen(_ params: JSONValue?) throws(ResponseError) {
        let item = try Self.textDocument(params)
        guard let uri = item["uri"]?.stringValue, let text = item["text"]?.stringValue else {
            throw ResponseError.invalidParams("didOpen needs a text document with \"uri\" and \"text\"")
        }
        let version = item["version"].flatMap(Position.integer) ?? 0
        if Self.isConfiguration(uri) { return filesChangedOnDisk() }
        let path = DocumentURI.path(of: uri).map { FileReader.canonical($0) }
        let document = OpenDocument(uri: uri, path: path, version: version, bytes: Array(text.utf8))
        lock.withLock {
            documents[uri] = document
            invalidate(uri: uri, path: path)
        }
    }

    func didChange(_ params: JSONValue?) throws(ResponseError) {
        let item = try Self.textDocument(params)
        guard let uri = item["uri"]?.stringValue, let changes = params?["contentChanges"]?.arrayValue else {
            throw ResponseError.invalidParams("didChange needs \"textDocument\" and \"contentChanges\"")
        }
        if Self.isConfiguration(uri) { return filesChangedOnDisk() }
        let encoding = positionEncoding
        guard var document = lock.withLock({ documents[uri] }) else {
            throw ResponseError.invalidParams("didChange for \(uri), which is not open")
        }
        try document.apply(changes, encoding: encoding)
        if let version = item["version"].flatMap(Position.integer) { document.version = version }
        let changed = document
        lock.withLock {
            documents[uri] = changed
            invalidate(uri: uri, path: changed.path)
        }
    }

    func didClose(_ params: JSONValue?) throws(ResponseError) {
        let item = try Self.textDocument(params)
        guard let uri = item["uri"]?.stringValue else { return }
        if Self.isConfiguration(uri) { return filesChangedOnDisk() }
        lock.withLock {
            guard let document = documents.removeValue(forKey: uri) else { return }
            generations.removeValue(forKey: uri)
            lastScheduled.removeValue(forKey: uri)
            snapshots.removeValue(forKey: uri)
            for (fileURI, diagnostics) in publisher.remove(root: uri) {
                writer.send(parts: diagnostics.notification(uri: fileURI, version: nil))
            }
            // Its importers now read the file from disk.
            if let path = document.path {
                for other in snapshots.keys.sorted() where snapshots[other]?.paths.contains(path) == true { schedule(other) }
            }
        }
    }

    func didSave(_ params: JSONValue?) throws(ResponseError) {
        let item = try Self.textDocument(params)
        guard let uri = item["uri"]?.stringValue else { return }
        if Self.isConfiguration(uri) { filesChangedOnDisk() }
    }

    // MARK: - Requests

    /// The open document a request names.
    public func document(_ params: JSONValue?) throws(ResponseError) -> OpenDocument {
        let item = try Self.textDocument(params)
        guard let uri = item["uri"]?.stringValue, let document = lock.withLock({ documents[uri] }) else {
            throw ResponseError.invalidParams("the document is not open")
        }
        return document
    }

    /// The analysis of the document a request names (see `currentAnalysis`).
    public func documentContext(_ params: JSONValue?) throws(ResponseError) -> DocumentContext {
        let item = try Self.textDocument(params)
        guard let uri = item["uri"]?.stringValue else { throw ResponseError.invalidParams("the document has no URI") }
        return try currentAnalysis(uri)
    }

    func workspaceSymbols(matching query: String) throws(ResponseError) -> [JSONValue] {
        let uris = lock.withLock { documents.keys.sorted() }
        var seen: Set<WorkspaceSymbols.Symbol> = []
        var out: [JSONValue] = []
        for uri in uris {
            guard let context = try? currentAnalysis(uri) else { continue }
            for symbol in WorkspaceSymbols.symbols(in: context.analysis, matching: query, encoding: context.encoding, uri: context.uriOf)
                where seen.insert(symbol).inserted {
                out.append(symbol.json)
            }
        }
        return out
    }

    func codeActions(_ params: JSONValue?) throws(ResponseError) -> JSONValue {
        let context = try documentContext(params)
        guard let range = TextRange(json: params?["range"]) else { throw ResponseError.invalidParams("codeAction needs a \"range\"") }
        let only = params?["context"]?["only"]?.arrayValue?.compactMap(\.stringValue)
        let span = context.converter.span(of: range, in: context.analysis.compilation.rootFile)
        var mapping = context.mapping()
        return .array(CodeActions.actions(for: context.analysis.diagnostics, file: context.analysis.compilation.rootFile,
                                          range: span.start..<span.end, only: only, mapping: &mapping))
    }
}
