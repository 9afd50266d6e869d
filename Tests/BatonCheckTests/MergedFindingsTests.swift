@testable import BatonCheck
import BatonSyntax
import BatonWorkload
import Foundation
import Testing

/// The rules' lists merged in pieces on two threads give exactly what one merge gives, whatever
/// the ties at the places where the lists are cut.
@Suite struct MergedFindingsTests {
    /// Lists of findings at a few places only (so that many fall at the span the lists are cut
    /// at, in several lists), each list in source order, as the rules give them.
    static func lists(seed: UInt64) -> [Checker.RuleFindings] {
        var random = SplitMix64(seed: seed)
        let codes = ["b-rule", "a-rule", "c-rule", "a-rule", "d-rule", "b-rule"]
        return codes.indices.map { index in
            // One list empty, the others long enough for the findings to be merged in pieces.
            let count = index == 4 ? 0 : Int.random(in: 1_000...3_000, using: &random)
            var findings = (0..<count).map { _ in
                let start = Int.random(in: 0..<40, using: &random) * 10
                let span = Span(file: FileID(Int.random(in: 0...1, using: &random)), start: start,
                                end: start + Int.random(in: 1...3, using: &random))
                let message = ["one", "two", "three"][Int.random(in: 0...2, using: &random)]
                return Finding(at: span, FindingText(message), notes: [Diagnostic.Note(message, at: span)],
                               help: FindingText("help \(index)"))
            }
            Checker.putInSourceOrder(&findings)
            return Checker.RuleFindings(findings: findings, code: codes[index], severity: index % 2 == 0 ? .warning : .info)
        }
    }

    @Test(arguments: [1, 2, 3, 4, 5] as [UInt64])
    func piecesMergeAsOne(seed: UInt64) {
        var once = Self.lists(seed: seed)
        var twice = once
        let total = once.reduce(0) { $0 + $1.findings.count }
        #expect(total >= Checker.piecewiseMergeThreshold)
        let alone = Checker.merged(&once, threads: 1)
        // What the other thread does first (a check frees its context there) runs once.
        let ran = Counter()
        let halves = Checker.merged(&twice, threads: 2, first: { ran.add() })
        #expect(ran.count == 1)
        #expect(alone.count == total)
        // (Compared one by one, so that a failure names the first place they differ.)
        #expect(halves.count == alone.count)
        #expect(alone.indices.first { $0 >= halves.count || halves[$0] != alone[$0] } == nil)
        // In source order, ties by code and then message, and the lists are emptied.
        #expect(Diagnostic.areInSourceOrder(alone))
        #expect(once.allSatisfy { $0.findings.isEmpty } && twice.allSatisfy { $0.findings.isEmpty })
        // Every finding is there once: the same messages, codes and spans, counted.
        let given = Self.lists(seed: seed).flatMap { list in list.findings.map { "\(list.code) \($0.span) \($0.message)" } }
        #expect(alone.map { "\($0.code) \($0.span) \($0.message)" }.sorted() == given.sorted())
    }

    /// Few findings are merged in one piece, beside what the other thread does first.
    @Test func fewFindingsInOnePiece() {
        var few = [Checker.RuleFindings(findings: Array(Self.lists(seed: 9)[0].findings.prefix(10)), code: "x", severity: .warning)]
        let ran = Counter()
        let merged = Checker.merged(&few, threads: 2, first: { ran.add() })
        #expect(ran.count == 1)
        #expect(merged.count == 10 && Diagnostic.areInSourceOrder(merged))
        var none: [Checker.RuleFindings] = []
        #expect(Checker.merged(&none, threads: 2).isEmpty)
        var empty = [Checker.RuleFindings(findings: [], code: "x", severity: .warning)]
        #expect(Checker.merged(&empty, threads: 2).isEmpty)
    }

    /// Counts calls from any thread.
    final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var calls = 0
        var count: Int { lock.withLock { calls } }
        func add() { lock.withLock { calls += 1 } }
    }
}
