import Baton
import BatonJSON
import BatonModel
import BatonSyntax

extension MethodTable {
    /// Adds the questions an editor asks about a place in a document: hover, definition,
    /// references, rename (with prepareRename) and completion. Each answers from the newest
    /// analysis of the document (see `LanguageServer.documentContext`) through the pure
    /// functions in `Features/`.
    mutating func addQueries() {
        capability("hoverProvider", .bool(true))
        request("textDocument/hover") { server, params throws(ResponseError) in
            let query = try server.query(params)
            guard let hover = Hover.hover(query.context.analysis, index: query.index, at: query.cursor) else { return .null }
            var mapping = query.context.mapping()
            return .object([
                ("contents", .object([("kind", .string("markdown")), ("value", .string(hover.markdown))])),
                ("range", mapping.converter(hover.span.file).range(of: hover.span).json),
            ])
        }

        capability("definitionProvider", .bool(true))
        request("textDocument/definition") { server, params throws(ResponseError) in
            let query = try server.query(params)
            return .array(query.locations(Definition.definition(query.context.analysis, index: query.index, at: query.cursor)))
        }

        capability("referencesProvider", .bool(true))
        request("textDocument/references") { server, params throws(ResponseError) in
            let query = try server.query(params)
            let includeDeclaration = params?["context"]?["includeDeclaration"]?.boolValue ?? true
            return .array(query.locations(References.references(query.context.analysis, index: query.index, at: query.cursor,
                                                                includeDeclaration: includeDeclaration)))
        }

        capability("renameProvider", .object([("prepareProvider", .bool(true))]))
        request("textDocument/prepareRename") { server, params throws(ResponseError) in
            let query = try server.query(params)
            guard let span = Rename.prepare(query.context.analysis, index: query.index, at: query.cursor) else { return .null }
            var mapping = query.context.mapping()
            return mapping.converter(span.file).range(of: span).json
        }
        request("textDocument/rename") { server, params throws(ResponseError) in
            guard let newName = params?["newName"]?.stringValue else { throw ResponseError.invalidParams("rename needs a \"newName\"") }
            return try server.rename(params, to: newName)
        }

        capability("completionProvider", .object([
            ("triggerCharacters", .array(["[", ",", "=", " ", ">", ":"].map { .string($0) })),
        ]))
        request("textDocument/completion") { server, params throws(ResponseError) in
            try server.completion(params)
        }
    }
}

/// A request about one place in a document: the document's analysis, its symbol index and
/// the cursor.
struct PlaceQuery {
    var context: DocumentContext
    var index: SymbolIndex
    var cursor: Cursor

    /// LSP `Location`s of spans in any file of the analysis.
    func locations(_ spans: [Span]) -> [JSONValue] {
        var mapping = context.mapping()
        return spans.map { span in
            .object([("uri", .string(context.uriOf(span.file))), ("range", mapping.converter(span.file).range(of: span).json)])
        }
    }
}

extension LanguageServer {
    /// The analysis, index and cursor a `TextDocumentPositionParams` request is about.
    func query(_ params: JSONValue?) throws(ResponseError) -> PlaceQuery {
        guard let position = Position(json: params?["position"]) else {
            throw ResponseError.invalidParams("the params need a \"position\"")
        }
        let context = try documentContext(params)
        return PlaceQuery(context: context, index: symbolIndex(of: context), cursor: context.cursor(at: position))
    }

    /// The symbol index of a context's analysis, built once per analysis and kept with its
    /// snapshot, so a run of hovers over one version pays for one walk.
    func symbolIndex(of context: DocumentContext) -> SymbolIndex {
        let uri = context.uri
        // The snapshot the context's analysis came from, if it did (not one computed on demand).
        let cached: (generation: Int, index: SymbolIndex?)? = lock.withLock {
            guard let snapshot = snapshots[uri], snapshot.version == context.document.version,
                  snapshot.generation == generations[uri] else { return nil }
            return (snapshot.generation, snapshot.index)
        }
        if let index = cached?.index { return index }
        let index = SymbolIndex(context.analysis)
        if let generation = cached?.generation {
            lock.withLock {
                if snapshots[uri]?.generation == generation { snapshots[uri]?.index = index }
            }
        }
        return index
    }

    /// Rename across every open document: the target is found where the cursor is, then
    /// renamed in each open document's analysis (a catalogue imported by two documents is
    /// renamed in both, and in both importers), and the edits merged by file.
    func rename(_ params: JSONValue?, to newName: String) throws(ResponseError) -> JSONValue {
        let query = try query(params)
        guard let target = Rename.target(query.context.analysis, index: query.index, at: query.cursor) else {
            throw ResponseError.requestFailed("there is no participant name here to rename")
        }
        var results: [(analysis: Analysis, edits: [TextEdit])] = []
        let uris = lock.withLock { documents.keys.sorted() }
        for uri in uris {
            let context: DocumentContext
            if uri == query.context.uri {
                context = query.context
            } else {
                guard let other = try? currentAnalysis(uri) else { continue }
                context = other
            }
            let index = uri == query.context.uri ? query.index : symbolIndex(of: context)
            switch Rename.rename(target, to: newName, in: context.analysis, index: index) {
            case .rejected(let reason): throw ResponseError.requestFailed(reason)
            case .edits(let edits): results.append((context.analysis, edits))
            }
        }
        let openURIs = lock.withLock { () -> [String: String] in
            var byPath: [String: String] = [:]
            for (uri, document) in documents.sorted(by: { $0.key < $1.key }) {
                if let path = document.path, byPath[path] == nil { byPath[path] = uri }
            }
            return byPath
        }
        let encoding = query.context.encoding
        var changes: [(String, JSONValue)] = []
        for file in Rename.merge(results) {
            let converter = PositionConverter(source: file.source, encoding: encoding)
            let uri = openURIs[file.resolvedPath] ?? DocumentURI.uri(ofPath: file.resolvedPath)
            changes.append((uri, .array(file.edits.map { edit in
                .object([("range", converter.range(of: edit.span).json), ("newText", .string(edit.replacement))])
            })))
        }
        return .object([("changes", .object(changes))])
    }

    /// Completion from the buffer as it is now and the newest model of the document, even one
    /// a keystroke old: completing never waits for a compilation (names declared in the last
    /// keystroke are offered once the next analysis lands).
    func completion(_ params: JSONValue?) throws(ResponseError) -> JSONValue {
        guard let position = Position(json: params?["position"]) else {
            throw ResponseError.invalidParams("the params need a \"position\"")
        }
        let document = try document(params)
        let newest = lock.withLock { snapshots[document.uri]?.analysis }
        let model: Model
        if let newest {
            model = newest.model
        } else {
            model = try documentContext(params).analysis.model
        }
        let source = SourceFile(id: FileID(0), path: document.uri, bytes: document.bytes)
        let converter = PositionConverter(document.lines, encoding: positionEncoding)
        let offset = converter.offset(of: position)
        var candidates = Completion.completions(in: source, at: offset, model: model)
        // A design of thousands of participants offers thousands of names: past the limit,
        // only the names that start with what is typed (keywords and attributes are always
        // offered), and the list is marked incomplete so the editor asks again as the word grows.
        let isIncomplete = candidates.count(where: { $0.kind == .participant }) > Self.completionLimit
        if isIncomplete {
            let typed = candidates.first?.replaceSpan.map { source.text(of: $0).lowercased() } ?? ""
            var names = 0
            candidates = candidates.filter { item in
                guard item.kind == .participant else { return true }
                guard names < Self.completionLimit, typed.isEmpty || item.label.lowercased().hasPrefix(typed) else { return false }
                names += 1
                return true
            }
        }
        let items = candidates.map { item -> JSONValue in
            var members: [(String, JSONValue)] = [
                ("label", .string(item.label)),
                ("kind", .int(item.kind.lspKind)),
                ("detail", .string(item.detail)),
                ("sortText", .string(item.sortText)),
            ]
            let text = item.insertText ?? item.label
            if let span = item.replaceSpan {
                members.append(("textEdit", .object([("range", converter.range(of: span).json), ("newText", .string(text))])))
            } else if item.insertText != nil {
                members.append(("insertText", .string(text)))
            }
            return .object(members)
        }
        return .object([("isIncomplete", .bool(isIncomplete)), ("items", .array(items))])
    }

    /// The most participant names one completion answer carries.
    static let completionLimit = 500
}

extension CompletionItem.Kind {
    /// The LSP `CompletionItemKind` an editor draws its icon from.
    var lspKind: Int {
        switch self {
        case .participant: 6       // Variable
        case .attributeKey: 10     // Property
        case .attributeValue: 20   // EnumMember
        case .rule: 18             // Reference
        case .keyword: 14          // Keyword
        case .participantKind: 7   // Class
        }
    }
}
