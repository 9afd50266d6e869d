import BatonSyntax
import Testing

/// The grammar every stage's messages share: one way to count and list things.
@Suite struct EnglishTests {
    @Test(arguments: [(0, "0 files"), (1, "1 file"), (2, "2 files"), (-1, "-1 files")])
    func countsTakeAnSExceptForOne(_ count: Int, _ text: String) {
        #expect(English.plural(count, "file") == text)
    }

    @Test func theNounAloneFollowsTheSameRule() {
        #expect(English.noun("participant", count: 1) == "participant")
        #expect(English.noun("participant", count: 12_345) == "participants")
        #expect(English.plural(3, "more error") == "3 more errors")
    }

    @Test(arguments: [([], ""), (["a"], "a"), (["a", "b"], "a and b"), (["a", "b", "c"], "a, b and c")])
    func listsEndWithAnd(_ items: [String], _ text: String) {
        #expect(English.list(items) == text)
    }

    @Test(arguments: [(0, "0"), (999, "999"), (1_000, "1,000"), (50_000, "50,000"), (1_234_567, "1,234,567"), (-4_321, "-4,321")])
    func bigCountsAreGrouped(_ n: Int, _ text: String) {
        #expect(English.grouped(n) == text)
    }
}
