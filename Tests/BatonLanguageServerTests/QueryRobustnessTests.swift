import Baton
import BatonLanguageServer
import BatonSyntax
import BatonTestSupport
import Testing

/// Every query at every byte offset of every sample (and of each sample cut short, as while
/// typing) answers without crashing, with spans inside the files they name.
@Suite struct QueryRobustnessTests {
    func check(_ analysis: Analysis, _ name: String) {
        let index = SymbolIndex(analysis)
        let files = analysis.compilation.sources.files
        func valid(_ span: Span) -> Bool {
            files.indices.contains(span.file.rawValue) && span.start >= 0 && span.start <= span.end
                && span.end <= files[span.file.rawValue].bytes.count
        }
        for occurrence in index.occurrences { #expect(valid(occurrence.span), "\(name): \(occurrence)") }
        for file in files {
            for offset in 0...file.bytes.count {
                let cursor = Cursor(file: file.id, offset: offset)
                if let hover = Hover.hover(analysis, index: index, at: cursor) {
                    #expect(valid(hover.span) && hover.span.file == file.id, "\(name)@\(offset)")
                    #expect(hover.span.start <= offset && offset <= hover.span.end, "\(name)@\(offset)")
                }
                for span in Definition.definition(analysis, index: index, at: cursor) { #expect(valid(span), "\(name)@\(offset)") }
                for span in References.references(analysis, index: index, at: cursor, includeDeclaration: true) {
                    #expect(valid(span), "\(name)@\(offset)")
                }
                if let span = Rename.prepare(analysis, index: index, at: cursor) { #expect(valid(span), "\(name)@\(offset)") }
                for item in Completion.completions(analysis, at: cursor) {
                    if let span = item.replaceSpan {
                        #expect(valid(span) && span.start <= offset && offset <= span.end, "\(name)@\(offset)")
                    }
                }
            }
        }
    }

    @Test(arguments: TestDesigns.samples)
    func everyOffsetOfASample(_ design: TestDesigns.Design) {
        let directory = design.url.deletingLastPathComponent().path
        let compilation = Baton.compile(source: String(decoding: design.bytes, as: UTF8.self),
                                        path: design.url.lastPathComponent, directory: directory)
        #expect(!compilation.hasErrors, "\(design.name)")
        check(Analysis(compilation: compilation), design.name)
    }

    @Test func halfTypedFilesAnswerToo() {
        // The first sample cut at a few places, mid-token: what an editor sees while typing.
        guard let design = TestDesigns.samples.first else { return }
        let bytes = design.bytes
        for cut in stride(from: 7, to: bytes.count, by: max(1, bytes.count / 6)) {
            let text = String(decoding: bytes[..<cut], as: UTF8.self)
            let analysis = Analysis(compilation: Baton.compile(source: text, path: "cut.baton"))
            check(analysis, "\(design.name)[..<\(cut)]")
        }
    }
}
