import BatonJSON
import BatonSyntax

/// `textDocument/formatting`: the text `baton fmt` would write, as one edit of the whole
/// document, or no edit when it is already formatted.
public enum Formatting {
    /// The edits (`TextEdit[]` as JSON). A document with syntax errors is refused, as `baton fmt`
    /// refuses it: formatting around a statement the parser skipped could lose text.
    public static func edits(of bytes: [UInt8], encoding: PositionEncoding) throws(ResponseError) -> [JSONValue] {
        let source = SourceFile(id: FileID(0), path: "<document>", bytes: bytes)
        let result = Formatter.format(source)
        guard let text = result.text, result.diagnostics.isEmpty else {
            let count = result.diagnostics.count
            throw ResponseError.requestFailed(
                "the document has \(count == 1 ? "a syntax error" : "syntax errors"); fix \(count == 1 ? "it" : "them") before formatting")
        }
        let formatted = Array(text.utf8)
        guard formatted != bytes else { return [] }
        let converter = PositionConverter(source: source, encoding: encoding)
        return [.object([("range", converter.wholeText.json), ("newText", .string(text))])]
    }
}
