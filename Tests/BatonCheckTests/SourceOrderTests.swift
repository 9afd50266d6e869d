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

    /// One rule's findings are put in the stable order of span, then message, in place.
    @Test(arguments: [9, 10] as [UInt64])
    func sortingFindingsIsTheirStableSortBySpanAndMessage(seed: UInt64) {
        var random = SplitMix64(seed: seed)
        let findings = (0..<600).map { index in
            let start = random.below(30)
            return Finding(at: Span(file: FileID(random.below(2)), start: start, end: start + random.below(3)),
                           FindingText(random.pick(["a", "b"])), notes: [Diagnostic.Note("found \(index)")], help: "")
        }
        var sorted = findings
        Checker.putInSourceOrder(&sorted)
        #expect(sorted == findings.sorted { a, b in
            a.span != b.span ? Span.sourceOrder(a.span, b.span) : a.message < b.message
        })
        #expect(Finding.areInSourceOrder(sorted))
        #expect(!Finding.areInSourceOrder(findings))
    }

    /// The rules' lists, each in source order, are merged into the stable sort of their
    /// diagnostics one after another (ties in the lists' order), every finding once, by moving
    /// them out of the lists.
    @Test(arguments: [5, 6, 7, 8] as [UInt64])
    func mergingTheRulesListsIsTheStableSortOfThemJoined(seed: UInt64) {
        var random = SplitMix64(seed: seed)
        var lists = (0..<(1 + random.below(12))).map { list in
            var found = (0..<random.below(30)).map { index in
                // Few places, two files, and codes shared by lists: many ties of span, code and
                // message across lists, told apart by their notes only.
                let start = random.below(12)
                return Finding(at: Span(file: FileID(random.below(2)), start: start, end: start + random.below(2)),
                               FindingText(random.pick(["a", "b"])), notes: [Diagnostic.Note("list \(list), finding \(index)")],
                               help: "")
            }
            Checker.putInSourceOrder(&found)
            return Checker.RuleFindings(findings: found, code: "rule-\(random.below(3))", severity: random.pick([.warning, .error]))
        }
        let expected = lists.flatMap { list in
            list.findings.map { finding in
                var finding = finding
                return finding.takeDiagnostic(code: list.code, severity: list.severity)
            }
        }.sorted(by: Diagnostic.sourceOrder)
        let merged = Checker.merged(&lists)
        #expect(merged == expected)
        let emptied = lists.allSatisfy { $0.findings.isEmpty }
        #expect(emptied)
        var none: [Checker.RuleFindings] = []
        let nothing = Checker.merged(&none)
        #expect(nothing.isEmpty)
        var empties = [Checker.RuleFindings](repeating: Checker.RuleFindings(findings: [], code: "x", severity: .warning), count: 3)
        let stillNothing = Checker.merged(&empties)
        #expect(stillNothing.isEmpty)
    }

    /// A list already in order is recognised as such (and left alone); one pair out of order is not.
    @Test func aListInOrderIsSeenToBe() {
        let inOrder = (0..<20).map { index in
            Diagnostic(code: "fan-out", severity: .info, message: "m", span: Span(file: FileID(0), start: index / 2, end: index / 2 + 1))
        }
        #expect(Diagnostic.areInSourceOrder(inOrder))
        #expect(Diagnostic.areInSourceOrder([]))
        var swapped = inOrder
        swapped.swapAt(4, 7)
        #expect(!Diagnostic.areInSourceOrder(swapped))
        var byCode = inOrder
        byCode[1].code = "a-rule-before-fan-out"
        #expect(!Diagnostic.areInSourceOrder(byCode))
    }
}
