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
}
