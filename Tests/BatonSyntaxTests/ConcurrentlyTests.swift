@testable import BatonSyntax
import Foundation
import Testing

/// `Concurrently` runs two pieces of work at once and gives back the first's result as one
/// thread would; what it is given to free is freed, once, before the work after it runs.
@Suite struct ConcurrentlyTests {
    /// Says in the log when it is freed.
    final class Freed: Sendable {
        let log: LockedList<String>
        init(_ log: LockedList<String>) { self.log = log }
        deinit { log.add("freed") }
    }

    @Test func bothGivesTheResultsInOrder() {
        let (a, b) = Concurrently.both({ (1...1_000).reduce(0, +) }, { (1...100).map { $0 * 2 } })
        #expect(a == 500_500)
        #expect(b == (1...100).map { $0 * 2 })
    }

    @Test func droppingFreesTheValueBeforeTheWorkAfterIt() {
        let log = LockedList<String>()
        let result = Concurrently.both({ () -> Int in
            usleep(2_000)
            return 42
        }, dropping: Freed(log), then: { log.add("then") })
        #expect(result == 42)
        #expect(log.all == ["freed", "then"])
    }
}
