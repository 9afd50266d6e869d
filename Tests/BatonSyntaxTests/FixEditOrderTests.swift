import BatonSyntax
import BatonWorkload
import Testing

/// A fix's edits are kept in source order whatever order they were given in, and edits at one
/// place keep the order they were given in (a fix may insert twice at one offset).
@Suite struct FixEditOrderTests {
    @Test(arguments: [1, 2, 3] as [UInt64])
    func editsAreTheStableSortOfWhatWasGiven(seed: UInt64) {
        var random = SplitMix64(seed: seed)
        for _ in 0..<200 {
            let edits = (0..<random.below(6)).map { index in
                let start = random.below(8)
                return TextEdit(Span(file: FileID(random.below(2)), start: start, end: start + random.below(2)), "edit \(index)")
            }
            let fix = Fix("fix", safety: .safe, edits: edits)
            // The stable sort, written out: by position, then by the order given.
            let expected = edits.indices.sorted { a, b in
                TextEdit.sourceOrder(edits[a], edits[b]) || (!TextEdit.sourceOrder(edits[b], edits[a]) && a < b)
            }.map { edits[$0] }
            #expect(Array(fix.edits) == expected)
        }
    }
}
