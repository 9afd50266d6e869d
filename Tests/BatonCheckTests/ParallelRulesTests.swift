import Baton
import Foundation
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
        // A context freed before the rules' lists are merged, its memory handed back to the
        // system (what `baton check` does), gives the same findings.
        #expect(Checker.check(compilation, releasing: CheckContext(compilation), threads: 2) == alone)
    }

    /// The costliest rules start first, the others follow in catalog order, and every rule
    /// runs once, whichever rules are enabled.
    @Test func theCostliestRulesStartFirst() {
        let all = Rules.all.map(\.descriptor.id)
        let order = Checker.schedule(all)
        #expect(order.sorted() == Array(all.indices))
        #expect(order.prefix(Checker.costliestFirst.count).map { all[$0] } == Checker.costliestFirst)
        let rest = order.dropFirst(Checker.costliestFirst.count)
        #expect(Array(rest) == rest.sorted())
        // Two of the costliest turned off: the others keep their places.
        let some = all.filter { $0 != MissingTimeout.descriptor.id && $0 != FanOut.descriptor.id }
        let someOrder = Checker.schedule(some)
        #expect(someOrder.sorted() == Array(some.indices))
        #expect(someOrder.prefix(7).map { some[$0] }
            == Checker.costliestFirst.filter { $0 != MissingTimeout.descriptor.id && $0 != FanOut.descriptor.id })
        #expect(Checker.schedule([]).isEmpty)
    }

    @Test func resultsComeBackInOrder() {
        for threads in [1, 2, 5, 40] {
            let squares = ParallelWork.map(count: 30, jobs: threads) { $0 * $0 }
            #expect(squares == (0..<30).map { $0 * $0 })
        }
        #expect(ParallelWork.map(count: 0, jobs: 4) { $0 }.isEmpty)
    }

    /// However few results the threads may make ahead, every one is consumed once, in order,
    /// and no item starts more than twice the window ahead of what was consumed (the consumer
    /// is the slow side here, so without a window the other thread would run far ahead).
    @Test func aNarrowWindowKeepsTheOrder() {
        final class Progress: @unchecked Sendable {
            let lock = NSLock()
            var consumed = 0
            var furthest = 0
        }
        for ahead in [1, 2, 3] {
            let progress = Progress()
            var consumed: [Int] = []
            ParallelWork.forEach(count: 50, jobs: 2, ahead: ahead, work: { index in
                progress.lock.lock()
                progress.furthest = max(progress.furthest, index + 1 - progress.consumed)
                progress.lock.unlock()
                return index * 3
            }) { index, result in
                #expect(result == index * 3)
                consumed.append(index)
                usleep(300)
                progress.lock.lock()
                progress.consumed = index + 1
                progress.lock.unlock()
            }
            #expect(consumed == Array(0..<50))
            #expect(progress.furthest <= 2 * ahead, "items in flight at once: \(progress.furthest), window \(ahead)")
        }
    }
}
