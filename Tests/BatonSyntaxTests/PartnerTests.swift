@testable import BatonSyntax
import Foundation
import Testing

/// A `Partner` runs its first piece of work at once on another thread, then the work handed to
/// it after that; it never waits for work that is not handed, and gives the same results
/// however often it is asked.
@Suite struct PartnerTests {
    @Test func theWorkHandedRunsAfterTheFirst() {
        let log = LockedList<String>()
        let partner = Partner<Int, [Int]> {
            log.add("first")
            return (1...1_000).reduce(0, +)
        }
        // This thread works meanwhile; what it hands is known only then.
        usleep(2_000)
        log.add("here")
        let count = 50
        partner.hand {
            log.add("later")
            return (0..<count).map { $0 * $0 }
        }
        let (first, later) = partner.finish()
        #expect(first == 500_500)
        #expect(later == (0..<50).map { $0 * $0 })
        #expect(log.all.firstIndex(of: "first").map { $0 < (log.all.firstIndex(of: "later") ?? -1) } == true)
        #expect(log.all.last == "later")
    }

    @Test func finishingWithoutHandingDoesNotWait() {
        let partner = Partner<String, Int> { "made" }
        let (first, later) = partner.finish()
        #expect(first == "made")
        #expect(later == nil)
    }

    @Test func handingNothingGivesNoLaterResult() {
        let partner = Partner<Int, Int> { 7 }
        partner.hand(nil)
        #expect(partner.finish().first == 7)
        #expect(partner.finish().later == nil)
    }

    @Test func onlyTheFirstHandCounts() {
        let runs = LockedList<Int>()
        let partner = Partner<Int, Int> { 1 }
        partner.hand { runs.add(2); return 2 }
        partner.hand { runs.add(3); return 3 }
        #expect(partner.finish().later == 2)
        // Asked again, the same results, at once.
        #expect(partner.finish().later == 2)
        #expect(partner.finish().first == 1)
        #expect(runs.all == [2])
    }

    /// The first piece may take longer than all of this thread's work: `finish` waits for it.
    @Test func finishWaitsForASlowFirstPiece() {
        let partner = Partner<Int, Int> {
            usleep(20_000)
            return 3
        }
        partner.hand { 4 }
        let (first, later) = partner.finish()
        #expect(first == 3)
        #expect(later == 4)
    }
}
