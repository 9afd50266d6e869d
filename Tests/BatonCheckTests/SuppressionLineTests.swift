import Baton
@testable import BatonCheck
import BatonSyntax
import BatonWorkload
import Testing

/// Where a suppression comment goes, as the fix index answers it from what it found while the
/// model was built (`FixSource.suppressionLineStart`), is what reading the source says: the
/// start of the line of the finding's statement head — or nothing when something else comes
/// before the head on its line; and the comment the fix inserts there is indented like the
/// head (`SuppressionFix.Texts`). Checked at every offset of a small design indented with
/// spaces, tabs and both, with a block on one line, and at seeded offsets of generated designs.
struct SuppressionLineTests {
    /// The answer read from the source text itself.
    static func expected(_ span: Span, _ source: FixSource) -> (start: Int, indentation: String)? {
        guard let head = source.statementHead(containing: span) else { return nil }
        let file = source.source(head.file)
        var start = head.start
        while start > 0, file.bytes[start - 1] != 0x0A { start -= 1 }
        let before = file.bytes[start..<head.start]
        guard before.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) else { return nil }
        return (start, String(decoding: before, as: UTF8.self))
    }

    static func check(_ span: Span, _ source: FixSource, hint: inout Int, texts: inout SuppressionFix.Texts) {
        let found = source.suppressionLineStart(containing: span, from: &hint)
        let expected = Self.expected(span, source)
        #expect(found.map(Int.init) == expected?.start, "at \(span.start)")
        if let found, let expected {
            let comment = texts.texts(rule: "fan-out", lineStart: Int(found), in: source.source(span.file)).comment
            #expect(comment == expected.indentation + "# baton:ignore fan-out -- \(SuppressionFix.reasonPlaceholder)\n",
                    "at \(span.start)")
        }
    }

    @Test func everyOffsetOfAMixedlyIndentedDesign() throws {
        let text = "client A\nservice B\nservice C\nA -> B : x { B -> C : y }\n\tA -> C : z {\n \t C -> B : w\n  }\nA -> C : v\n"
        let compilation = Baton.compile(source: text, path: "mixed.baton")
        let source = FixSource(compilation)
        let file = try #require(compilation.sources.files.first)
        var hint = -1
        var texts = SuppressionFix.Texts()
        var blockOnOneLine = false
        for offset in 0...file.bytes.count {
            let span = Span(file: file.id, start: offset, end: offset)
            Self.check(span, source, hint: &hint, texts: &texts)
            // The step inside `{ B -> C : y }` starts no line: no comment can name it alone.
            if source.statementHead(containing: span) != nil, Self.expected(span, source) == nil { blockOnOneLine = true }
        }
        #expect(blockOnOneLine)
        // The step indented by a tab: its comment goes at its line's start, indented alike.
        let tabbed = try #require(text.range(of: "A -> C : z")).lowerBound.utf16Offset(in: text)
        let start = try #require(source.suppressionLineStart(containing: Span(file: file.id, start: tabbed, end: tabbed), from: &hint))
        #expect(Int(start) == tabbed - 1)
        #expect(texts.texts(rule: "x", lineStart: Int(start), in: file).comment.hasPrefix("\t# baton:ignore x -- "))
    }

    /// Many indentations, met again after the others (the texts made for each are found
    /// again, never mixed up): spaces twelve levels deep, then tabs, then spaces again.
    @Test func manyIndentationsAtEveryOffset() throws {
        let depth = 12
        var text = (0...depth).map { "service S\($0) [timeout=1s]\n" }.joined()
        for unit in ["  ", "\t", "  "] {
            for level in 0..<depth {
                text += String(repeating: unit, count: level) + "S\(level) -> S\(level + 1) : call \(level) {\n"
            }
            for level in (0..<depth).reversed() { text += String(repeating: unit, count: level) + "}\n" }
        }
        let compilation = Baton.compile(source: text, path: "deep.baton")
        #expect(!compilation.hasErrors)
        let source = FixSource(compilation)
        let file = try #require(compilation.sources.files.first)
        var hint = -1
        var texts = SuppressionFix.Texts()
        for offset in 0...file.bytes.count {
            Self.check(Span(file: file.id, start: offset, end: offset), source, hint: &hint, texts: &texts)
        }
    }

    @Test(arguments: [1, 2] as [UInt64])
    func seededOffsetsOfGeneratedDesigns(seed: UInt64) throws {
        let compilation = Baton.compile(source: DesignGenerator.design(bytes: 30_000, seed: seed), path: "designs/large.baton")
        let source = FixSource(compilation)
        let file = try #require(compilation.sources.files.first)
        var random = SplitMix64(seed: seed)
        var hint = -1
        var texts = SuppressionFix.Texts()
        var offset = 0
        for _ in 0..<3_000 {
            offset = random.below(8) == 0 ? random.below(file.bytes.count + 1) : min(file.bytes.count, offset + random.below(40))
            Self.check(Span(file: file.id, start: offset, end: offset), source, hint: &hint, texts: &texts)
        }
    }
}
