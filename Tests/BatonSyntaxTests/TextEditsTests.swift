import BatonSyntax
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
