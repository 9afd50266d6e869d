import BatonSyntax
import BatonWorkload
import Testing

/// `TextEdits.apply` takes whole fixes, first come first served, and `UnifiedDiff` prints
/// what changed as `diff -u` does.
struct TextEditsTests {
    let file = FileID(0)

    func fix(_ edits: TextEdit...) -> Fix { Fix("f", safety: .safe, edits: edits) }
    func span(_ start: Int, _ end: Int) -> Span { Span(file: file, start: start, end: end) }

    @Test func appliesNonOverlappingFixesFromTheEnd() {
        let result = TextEdits.apply([fix(TextEdit(span(0, 1), "X")), fix(.insert("!", at: 5, in: file))],
                                     to: Array("hello".utf8), file: file)
        #expect(String(decoding: result.bytes, as: UTF8.self) == "Xello!")
        #expect(result.applied.count == 2 && result.skipped.isEmpty)
    }

    @Test func skipsAWholeFixWhenOneEditOverlaps() {
        let first = fix(TextEdit(span(1, 3), "EL"))
        let second = fix(.insert("<", at: 0, in: file), TextEdit(span(2, 4), "??"))
        let result = TextEdits.apply([first, second], to: Array("hello".utf8), file: file)
        #expect(String(decoding: result.bytes, as: UTF8.self) == "hELlo", "nothing of the skipped fix is applied")
        #expect(result.skipped == [second])
    }

    @Test func twoInsertionsAtOneOffsetConflict() {
        let result = TextEdits.apply([fix(.insert("a", at: 2, in: file)), fix(.insert("b", at: 2, in: file))],
                                     to: Array("xyz".utf8), file: file)
        #expect(String(decoding: result.bytes, as: UTF8.self) == "xyaz")
        #expect(result.skipped.count == 1)
    }

    @Test func ignoresEditsOfOtherFiles() {
        let other = Fix("o", safety: .safe, edits: [.insert("!", at: 0, in: FileID(1))])
        let result = TextEdits.apply([other], to: Array("abc".utf8), file: file)
        #expect(result.bytes == Array("abc".utf8) && result.applied.isEmpty)
    }

    /// Random fixes of one to three edits (replacements and insertions, often on the same
    /// bytes), in random order: `apply` takes and skips the same fixes, and writes the same
    /// bytes, as the plain reading of its contract does (each fix against every one taken
    /// before it, then the edits made one by one from the end).
    @Test(arguments: 0..<40) func takesTheFixesEveryPairwiseCheckWould(seed: UInt64) {
        var random = SplitMix64(seed: seed)
        // Every eighth design is large enough for the taken edits to fill several chunks.
        let large = seed % 8 == 0
        let size = Int.random(in: 1...(large ? 20_000 : 300), using: &random)
        let bytes = (0..<size).map { _ in UInt8.random(in: 0x61...0x7A, using: &random) }
        let fixes = (0..<Int.random(in: 1...(large ? 3_000 : 400), using: &random)).map { number in
            let edits = (0..<Int.random(in: 1...3, using: &random)).map { _ in
                let start = Int.random(in: 0...size, using: &random)
                let end = Bool.random(using: &random) ? start : min(size, start + Int.random(in: 1...12, using: &random))
                return TextEdit(span(start, end), "<\(number)>")
            }
            return Fix("f\(number)", safety: .safe, edits: edits)
        }
        func overlaps(_ a: Span, _ b: Span) -> Bool {
            if a.isEmpty && b.isEmpty { return a.start == b.start }
            if a.isEmpty { return a.start > b.start && a.start < b.end }
            if b.isEmpty { return b.start > a.start && b.start < a.end }
            return a.start < b.end && b.start < a.end
        }
        var taken: [TextEdit] = []
        var applied: [Fix] = []
        for fix in fixes {
            let edits = Array(fix.edits)
            let crossing = edits.indices.contains { i in edits.indices.contains { j in i < j && overlaps(edits[i].span, edits[j].span) } }
            if !crossing, !edits.contains(where: { edit in taken.contains { overlaps($0.span, edit.span) } }) {
                taken += edits
                applied.append(fix)
            }
        }
        var expected = bytes
        for edit in taken.sorted(by: { ($0.span.start, $0.span.end) > ($1.span.start, $1.span.end) }) {
            expected.replaceSubrange(edit.span.start..<edit.span.end, with: Array(edit.replacement.utf8))
        }
        let result = TextEdits.apply(fixes, to: bytes, file: file)
        #expect(result.applied == applied)
        #expect(result.skipped.count == fixes.count - applied.count)
        #expect(result.bytes == expected)
    }

    @Test func unifiedDiffOfOneChangedLine() {
        let old = Array("a\nb\nc\nd\ne\nf\ng\nh\n".utf8)
        let new = Array("a\nb\nc\nd\nE\nf\ng\nh\n".utf8)
        #expect(UnifiedDiff.diff(old: old, new: new, oldLabel: "a/x", newLabel: "b/x") == """
            --- a/x
            +++ b/x
            @@ -2,7 +2,7 @@
             b
             c
             d
            -e
            +E
             f
             g
             h

            """)
    }

    @Test func unifiedDiffOfInsertionsFarApartHasTwoHunks() {
        let lines = (1...20).map { "\($0)\n" }
        var changed = lines
        changed.insert("new\n", at: 15)
        changed.insert("top\n", at: 0)
        let diff = UnifiedDiff.diff(old: Array(lines.joined().utf8), new: Array(changed.joined().utf8), oldLabel: "a", newLabel: "b")
        #expect(diff.split(separator: "\n").filter { $0.hasPrefix("@@") }.count == 2, "\(diff)")
        #expect(diff.contains("@@ -0,0 +1 @@") == false)
        #expect(diff.contains("@@ -1,3 +1,4 @@\n+top\n 1\n 2\n 3\n"))
        #expect(diff.contains("+new\n"))
    }

    @Test func unifiedDiffMarksAMissingFinalNewline() {
        let diff = UnifiedDiff.diff(old: Array("a\nb".utf8), new: Array("a\nb\n".utf8), oldLabel: "a", newLabel: "b")
        #expect(diff == "--- a\n+++ b\n@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n+b\n")
        #expect(UnifiedDiff.diff(old: [], new: [], oldLabel: "a", newLabel: "b") == "")
    }
}
