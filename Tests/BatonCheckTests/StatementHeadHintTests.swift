import Baton
@testable import BatonCheck
import BatonSyntax
import BatonWorkload
import Testing

/// The statement head a suppression fix goes above, looked for from the head found before (a
/// rule meets its findings mostly in source order), is the one a search from nothing finds,
/// whatever the hint: near, far, behind, out of range.
struct StatementHeadHintTests {
    @Test(arguments: [1, 2, 3] as [UInt64])
    func aHintNeverChangesTheHead(seed: UInt64) throws {
        let compilation = Baton.compile(source: DesignGenerator.design(bytes: 20_000, seed: seed), path: "designs/large.baton")
        let source = FixSource(compilation)
        let file = try #require(compilation.sources.files.first)
        let heads = try #require(source.statementHeads(of: file.id))
        #expect(heads.count > 100)
        var random = SplitMix64(seed: seed)
        var hint = -1
        var offset = 0
        for _ in 0..<2_000 {
            // Mostly forward by a little, sometimes anywhere (and before the first head).
            offset = random.below(6) == 0 ? random.below(file.bytes.count + 1) : min(file.bytes.count, offset + random.below(60))
            if random.below(10) == 0 { hint = random.below(heads.count + 20) - 10 }
            let span = Span(file: file.id, start: offset, end: offset)
            let expected = source.statementHead(containing: span)
            #expect(source.statementHead(containing: span, from: &hint) == expected)
            if let expected { #expect(heads[hint] == expected) }
        }
    }
}
