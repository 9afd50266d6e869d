@testable import BatonSyntax
import Foundation
import Testing

/// `ParallelWork` hands every result back once, in the items' order, on the calling thread,
/// whatever the number of jobs and however long each item takes — and never lets the workers
/// run more than `16 × jobs` items ahead of the consumer (the window, and a batch taken at once).
@Suite struct ParallelWorkTests {
    @Test(arguments: [1, 2, 3, 8])
    func resultsComeBackInOrderOnce(jobs: Int) {
        let count = 300
        // The indices the workers started.
        let started = LockedList<Int>()
        var consumed: [Int] = []
        var tooFarAhead = 0
        ParallelWork.forEach(count: count, jobs: jobs, work: { index -> String in
            started.add(index)
            // Uneven work: later items often finish before earlier ones.
            if index % 7 == 0 { usleep(UInt32(200 + (index * 37) % 900)) }
            return "result \(index)"
        }, consume: { index, result in
            if result != "result \(index)" { consumed.append(-1) }
            consumed.append(index)
            if started.count > index + 1 + 16 * max(1, jobs) { tooFarAhead += 1 }
        })
        #expect(consumed == Array(0..<count))
        #expect(started.count == count)
        #expect(tooFarAhead == 0)
    }

    @Test func mapKeepsTheOrderAndHandlesNoItems() {
        #expect(ParallelWork.map(count: 1_000, jobs: 4) { $0 * $0 } == (0..<1_000).map { $0 * $0 })
        #expect(ParallelWork.map(count: 0, jobs: 4) { $0 }.isEmpty)
        #expect(ParallelWork.map(count: 1, jobs: 4) { $0 + 1 } == [1])
    }
}
