import BatonJSON

/// A document the client has open: its text as the editor has it (which wins over the file on
/// disk), its version, and the path it is compiled under.
public struct OpenDocument: Sendable {
    public var uri: String
    /// The real path (symbolic links resolved) of a `file:` URI; nil for another scheme.
    public var path: String?
    public var version: Int
    public var lines: LineIndex

    public var bytes: [UInt8] { lines.bytes }

    public init(uri: String, path: String?, version: Int, bytes: [UInt8]) {
        self.uri = uri
        self.path = path
        self.version = version
        self.lines = LineIndex(bytes: bytes)
    }

    /// Applies `contentChanges` of `textDocument/didChange` in order: a change with a range
    /// replaces that range (incremental sync), one without replaces the whole text.
    public mutating func apply(_ changes: [JSONValue], encoding: PositionEncoding) throws(ResponseError) {
        for change in changes {
            guard let text = change["text"]?.stringValue else {
                throw ResponseError.invalidParams("a content change needs \"text\"")
            }
            guard let rangeValue = change["range"], rangeValue != .null else {
                lines = LineIndex(bytes: Array(text.utf8))
                continue
            }
            guard let range = TextRange(json: rangeValue) else {
                throw ResponseError.invalidParams("a content change has an invalid \"range\"")
            }
            let start = lines.offset(of: range.start, encoding: encoding)
            let end = max(start, lines.offset(of: range.end, encoding: encoding))
            var bytes = lines.bytes
            bytes.replaceSubrange(start..<end, with: Array(text.utf8))
            lines = LineIndex(bytes: bytes)
        }
    }
}
