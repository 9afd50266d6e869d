import BatonCheck
import BatonJSON
import BatonSyntax

/// Writes one diagnostic as LSP JSON bytes, the same JSON as `DiagnosticMapping.json(_:)`:
/// what `DiagnosticMapping.lists(_:)` does for each diagnostic of a file, with everything it
/// needs per file made once (line tables, the URIs as JSON strings) rather than per note.
struct DiagnosticWriter {
    /// The line table of each file of the compilation.
    let indexes: [LineIndex]
    /// The URI of each file, already a JSON string.
    let uris: [[UInt8]]
    let encoding: PositionEncoding
    /// Diagnostics' starts come in order and their ends nearly so: one cursor for each.
    private var starts: PositionCursor
    private var ends: PositionCursor

    init(indexes: [LineIndex], uris: [[UInt8]], encoding: PositionEncoding) {
        self.indexes = indexes
        self.uris = uris
        self.encoding = encoding
        let empty = LineIndex(bytes: [])
        starts = PositionCursor(indexes.first ?? empty, encoding: encoding)
        ends = starts
    }

    /// The diagnostics that follow are in `file`, in source order.
    mutating func startFile(_ file: Int) {
        starts = PositionCursor(indexes[file], encoding: encoding)
        ends = starts
    }

    /// `codeMembers`: see `DiagnosticMapping.codeMembers`.
    mutating func write(_ diagnostic: Diagnostic, severity: Int, codeMembers: [UInt8], into out: inout JSONBytes) {
        out.raw("{\"range\":{\"start\":")
        out.position(starts.position(of: diagnostic.span.start))
        out.raw(",\"end\":")
        out.position(ends.position(of: diagnostic.span.end))
        out.raw("},\"severity\":")
        out.int(severity)
        out.raw(codeMembers)
        // The message, then the notes without a place and the help, as one string.
        out.string(diagnostic.message)
        var related = 0
        for note in diagnostic.notes {
            if let span = note.span, span.file.rawValue < indexes.count {
                related += 1
            } else {
                out.continueString("\\nnote: ", note.message)
            }
        }
        if let help = diagnostic.help { out.continueString("\\nhelp: ", help) }
        if related > 0 {
            out.raw(",\"relatedInformation\":[")
            var first = true
            for note in diagnostic.notes {
                guard let span = note.span, span.file.rawValue < indexes.count else { continue }
                out.raw(first ? "{\"location\":{\"uri\":" : ",{\"location\":{\"uri\":")
                first = false
                let file = span.file.rawValue
                out.raw(uris[file])
                out.raw(",\"range\":{\"start\":")
                out.position(indexes[file].position(of: span.start, encoding: encoding))
                out.raw(",\"end\":")
                out.position(indexes[file].position(of: span.end, encoding: encoding))
                out.raw("}},\"message\":")
                out.string(note.message)
                out.raw("}")
            }
            out.raw("]")
        }
        if !diagnostic.fixes.isEmpty || diagnostic.suppressionLineStart != nil {
            out.raw(",\"data\":{\"fixes\":[")
            for (index, fix) in diagnostic.fixes.enumerated() {
                if index > 0 { out.raw(",") }
                out.string(fix.title)
            }
            if diagnostic.suppressionLineStart != nil {
                if !diagnostic.fixes.isEmpty { out.raw(",") }
                out.string(SuppressionFix.title(for: diagnostic.code))
            }
            out.raw("]}")
        }
        out.raw("}")
    }
}
