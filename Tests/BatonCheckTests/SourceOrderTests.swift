@testable import BatonCheck
import BatonSyntax
import BatonWorkload
import Testing

/// The checker sorts its findings by position, then swaps them into that order in place: the
/// order must be exactly the stable sort by `Diagnostic.sourceOrder`, ties kept as found.
@Suite struct SourceOrderTests {
    @Test(arguments: [1, 2, 3, 4] as [UInt64])
    func sortingPositionsIsTheStableSortOfDiagnostics(seed: UInt64) {
        var random = SplitMix64(seed: seed)
        let diagnostics = (0..<800).map { index in
            let start = random.below(40)
            // Few positions, codes and messages: many ties, told apart by their notes only.
            return Diagnostic(code: random.pick(["sync-cycle", "fan-out", "missing-timeout"]), severity: .warning,
                              message: random.pick(["a", "b"]), span: Span(file: FileID(random.below(2)), start: start, end: start + random.below(3)),
                              notes: [Diagnostic.Note("found \(index)")])
        }
        var sorted = diagnostics
        Checker.putInSourceOrder(&sorted)
        #expect(sorted == diagnostics.sorted(by: Diagnostic.sourceOrder))
        var none: [Diagnostic] = []
        Checker.putInSourceOrder(&none)
        #expect(none.isEmpty)
    }

    /// The rules' lists are joined in order, every finding once, by moving them out of the lists.
    @Test(arguments: [5, 6] as [UInt64])
    func joiningTheRulesListsKeepsTheirOrder(seed: UInt64) {
        var random = SplitMix64(seed: seed)
        var lists = (0..<(1 + random.below(12))).map { list in
            (0..<random.below(30)).map { index in
                Diagnostic(code: "rule-\(list)", severity: .warning, message: "finding \(index) of list \(list)",
                           span: Span(file: FileID(0), start: index, end: index + 1), notes: [Diagnostic.Note("note \(index)")])
            }
        }
        let expected = lists.flatMap { $0 }
        let joined = Checker.joined(&lists)
        #expect(joined == expected)
        let emptied = lists.allSatisfy { $0.isEmpty }
        #expect(emptied)
        var none: [[Diagnostic]] = []
        let nothing = Checker.joined(&none)
        #expect(nothing.isEmpty)
    }
}
