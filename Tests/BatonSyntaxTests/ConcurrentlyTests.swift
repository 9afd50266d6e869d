@testable import BatonSyntax
import Foundation
import Testing

/// `Concurrently` runs two pieces of work at once and gives back the first's result as one
/// thread would; a value handed over to be freed is freed once, where `free` is called, and
/// by nothing else.
@Suite struct ConcurrentlyTests {
    /// Says in the log when it is freed.
    final class Logged: Sendable {
        let log: LockedList<String>
        init(_ log: LockedList<String>) { self.log = log }
        deinit { log.add("freed") }
    }

    @Test func bothGivesTheResultsInOrder() {
        let (a, b) = Concurrently.both({ (1...1_000).reduce(0, +) }, { (1...100).map { $0 * 2 } })
        #expect(a == 500_500)
        #expect(b == (1...100).map { $0 * 2 })
    }

    @Test func aValueHandedOverIsFreedWhereFreeIsCalled() {
        let log = LockedList<String>()
        let held = Concurrently.Freed(Logged(log))
        let (result, _) = Concurrently.both({ () -> Int in
            usleep(2_000)
            return 42
        }, {
            held.free()
            log.add("then")
            held.free()
        })
        #expect(result == 42)
        #expect(log.all == ["freed", "then"])
    }
}
