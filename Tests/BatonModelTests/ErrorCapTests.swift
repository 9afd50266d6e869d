import BatonModel
import BatonSyntax
import Testing

/// At most `CappedDiagnostics.errorsPerFile` errors per file are kept — the first ones in source
/// order, whichever stage found them — and the others are counted.
@Suite struct ErrorCapTests {
    let cap = CappedDiagnostics.errorsPerFile

    func compile(_ text: String) -> Compilation {
        Compiler.compile(SourceInput(displayPath: "test.baton", resolvedPath: "/t/test.baton", bytes: Array(text.utf8)))
    }

    /// A key repeated 3,000 times on one line: one error per repetition, from the model builder.
    @Test func duplicateKeysAreCappedAndCounted() {
        let compilation = compile("service Api [" + Array(repeating: "timeout=1s", count: 3_000).joined(separator: ", ") + "]\n")
        #expect(compilation.diagnostics.count == cap)
        #expect(compilation.diagnostics.allSatisfy { $0.message == "'timeout' is given twice" })
        #expect(compilation.omittedErrors == [2_999 - cap])
        // The first ones in source order: the second key (offset 25) comes first.
        #expect(compilation.diagnostics.first?.span.start == 25)
        #expect(compilation.diagnostics.map(\.span.start) == compilation.diagnostics.map(\.span.start).sorted())
    }

    /// An attribute list that never closes: a syntax error and a duplicate per key.
    @Test func anUnclosedListOfRepeatedKeysIsCapped() {
        let compilation = compile("service Api [" + String(repeating: "timeout=1s,", count: 20_000) + "\n")
        #expect(compilation.diagnostics.count == cap)
        #expect(compilation.diagnostics.count + compilation.omittedErrors[0] >= 20_000)
    }

    /// Model errors early in the file come before syntax errors late in it, although the parser
    /// reports first.
    @Test func theFirstErrorsInSourceOrderAreKept() {
        let duplicates = (0..<60).map { _ in "service A" }.joined(separator: "\n")
        let broken = (0..<60).map { _ in "-> ->" }.joined(separator: "\n")
        let compilation = compile(duplicates + "\n" + broken + "\n")
        #expect(compilation.diagnostics.count == cap)
        #expect(compilation.diagnostics.prefix(59).allSatisfy { $0.code == CompileError.duplicateDeclaration })
        #expect(compilation.diagnostics.dropFirst(59).allSatisfy { $0.code == CompileError.syntax })
        #expect(compilation.omittedErrors == [59 + 60 - cap])
    }

    @Test func eachFileHasItsOwnCap() {
        let tree = [
            "/t/main.baton": "import \"lib.baton\"\n" + String(repeating: "service M\n", count: 150),
            "/t/lib.baton": String(repeating: "service L\n", count: 120),
        ]
        let input = SourceInput(displayPath: "main.baton", resolvedPath: "/t/main.baton", bytes: Array(tree["/t/main.baton"]!.utf8))
        let compilation = Compiler.compile(input, read: Compiler.reader(tree))
        let perFile = Dictionary(grouping: compilation.diagnostics, by: \.span.file).mapValues(\.count)
        #expect(perFile[FileID(0)] == cap)
        #expect(perFile[FileID(1)] == cap)
        #expect(compilation.omittedErrors == [149 - cap, 119 - cap])
    }

    @Test func fewErrorsOmitNothing() {
        let compilation = compile("service A\nservice A\n")
        #expect(compilation.diagnostics.count == 1)
        #expect(compilation.omittedErrors == [0])
    }

    @Test func theCollectorKeepsNonErrorsAndTrimsInAnyOrder() {
        var collector = CappedDiagnostics(limit: 3)
        for start in [50, 10, 40, 30, 20, 60, 0] {
            collector.append(Diagnostic(code: "x", severity: .error, message: "m", span: Span(file: FileID(0), start: start, end: start)))
        }
        collector.append(Diagnostic(code: "w", severity: .warning, message: "m", span: Span(file: FileID(0), start: 99, end: 99)))
        collector.countOmitted(5, in: FileID(0))
        #expect(collector.diagnostics.map(\.span.start) == [0, 10, 20, 99])
        #expect(collector.omittedErrors(in: FileID(0)) == 4 + 5)
        #expect(collector.omittedErrors(in: FileID(3)) == 0)
    }
}
