import BatonLanguageServer
import BatonModel
import BatonSyntax
import BatonTestSupport

/// An in-memory tree of marked files (`↓` where a cursor goes), compiled from one root.
struct Workspace {
    /// By resolved path: the clean text and its marker offsets.
    let files: [String: MarkedText]

    init(_ files: [String: String]) {
        self.files = files.mapValues { MarkedText($0) }
    }

    func analysis(root: String) -> Analysis {
        let texts = files.mapValues(\.text)
        let input = SourceInput(displayPath: String(root.split(separator: "/").last ?? ""), resolvedPath: root,
                                bytes: Array((texts[root] ?? "").utf8))
        return Analysis(compilation: Compiler.compile(input, read: Compiler.reader(texts)))
    }

    /// The cursor at the `marker`-th marker of `path`, in `analysis`.
    func cursor(_ path: String, _ marker: Int = 0, in analysis: Analysis) -> Cursor {
        let file = analysis.file(resolvedPath: path) ?? FileID(-1)
        return Cursor(file: file, offset: files[path]?.offsets[marker] ?? -1)
    }
}

/// One file compiled alone, with its markers.
struct Marked {
    let marked: MarkedText
    let analysis: Analysis
    let index: SymbolIndex

    init(_ text: String) {
        marked = MarkedText(text)
        let input = SourceInput(displayPath: "design.baton", resolvedPath: "/work/design.baton", bytes: Array(marked.text.utf8))
        analysis = Analysis(compilation: Compiler.compile(input))
        index = SymbolIndex(analysis)
    }

    func cursor(_ marker: Int = 0) -> Cursor { Cursor(file: FileID(0), offset: marked.offsets[marker]) }

    func text(_ span: Span) -> String { analysis.source(span.file).text(of: span) }
}
