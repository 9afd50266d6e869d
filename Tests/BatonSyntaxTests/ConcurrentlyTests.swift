@testable import BatonSyntax
import Foundation
import Testing

/// `Concurrently` runs two pieces of work at once and gives back their results as one thread
/// would.
@Suite struct ConcurrentlyTests {
    @Test func bothGivesTheResultsInOrder() {
        let (a, b) = Concurrently.both({ (1...1_000).reduce(0, +) }, { (1...100).map { $0 * 2 } })
        #expect(a == 500_500)
        #expect(b == (1...100).map { $0 * 2 })
    }
}
