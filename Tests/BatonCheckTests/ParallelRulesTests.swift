import Baton
@testable import BatonCheck
import BatonModel
import BatonSyntax
import BatonWorkload
import Testing

/// Rules run side by side on a large design give the same findings, in the same order, as one
/// after another: the report must not depend on the number of threads.
@Suite struct ParallelRulesTests {
    @Test(arguments: [1, 2] as [UInt64])
    func threadsChangeNothing(seed: UInt64) {
        // Just past the size at which the rules run side by side (a debug build is slow).
        let source = DesignGenerator.design(bytes: 160_000, seed: seed)
        let compilation = Baton.compile(source: source, path: "generated.baton")
        #expect(!compilation.hasErrors)
        #expect(compilation.model.interactions.count >= Checker.parallelThreshold)
        let alone = Checker.check(compilation, threads: 1)
        #expect(alone.count > 100)
        for threads in [2, 5] {
            #expect(Checker.check(compilation, threads: threads) == alone)
        }
    }

    @Test func resultsComeBackInOrder() {
        for threads in [1, 2, 5, 40] {
            let squares = ParallelWork.map(count: 30, jobs: threads) { $0 * $0 }
            #expect(squares == (0..<30).map { $0 * $0 })
        }
        #expect(ParallelWork.map(count: 0, jobs: 4) { $0 }.isEmpty)
    }
}
