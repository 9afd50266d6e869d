/// Every source file of one compilation (the root file and its imports), by `FileID`.
public struct SourceMap: Sendable {
    public private(set) var files: [SourceFile] = []

    public init() {}

    /// Adds a file and returns its id. `lineOffset` numbers a piece of a longer document from
    /// its place there (see `SourceFile.lineOffset`).
    @discardableResult
    public mutating func add(path: String, bytes: [UInt8], lineOffset: Int = 0) -> FileID {
        let id = FileID(files.count)
        files.append(SourceFile(id: id, path: path, bytes: bytes, lineOffset: lineOffset))
        return id
    }

    /// Adds a file made before, keeping its line index (a compilation that reuses an unchanged
    /// file's parse). It takes the next id; a file made under another id is made again.
    @discardableResult
    public mutating func add(_ file: SourceFile) -> FileID {
        let id = FileID(files.count)
        files.append(file.id == id ? file : SourceFile(id: id, path: file.path, bytes: file.bytes, lineOffset: file.lineOffset))
        return id
    }

    /// File `id`, lent where it is (`_read`): a function that takes it `borrowing` reads it
    /// without the copy a getter returns, which retained and released each of its buffers
    /// (a fix looked a file up for every finding).
    public subscript(id: FileID) -> SourceFile {
        _read { yield files[id.rawValue] }
    }

    public func location(of span: Span) -> (start: SourcePosition, end: SourcePosition) {
        let file = self[span.file]
        return (file.location(of: span.start), file.location(of: span.end))
    }
}
