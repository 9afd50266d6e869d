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

    /// Each item's work is told which thread runs it: a number below the jobs (0 for the
    /// calling thread), which no other thread is given, so what a thread keeps under its
    /// number is touched by it alone.
    @Test(arguments: [1, 2, 3])
    func eachThreadHasItsOwnNumber(jobs: Int) {
        // (thread number, the thread's own identity) for every item.
        let seen = LockedList<String>()
        let calling = "\(pthread_self())"
        var numbers: [Int] = []
        ParallelWork.forEach(count: 400, jobs: jobs, workOn: { index, thread -> Int in
            seen.add("\(thread) \(pthread_self())")
            if index % 5 == 0 { usleep(200) }
            return thread
        }, consume: { _, thread in numbers.append(thread) })
        #expect(numbers.count == 400)
        #expect(numbers.allSatisfy { (0..<jobs).contains($0) })
        let pairs = Set(seen.all)
        // One thread per number, one number per thread.
        #expect(Set(pairs.map { $0.split(separator: " ")[0] }).count == pairs.count)
        #expect(Set(pairs.map { $0.split(separator: " ")[1] }).count == pairs.count)
        #expect(pairs.allSatisfy { !$0.hasPrefix("0 ") || $0 == "0 \(calling)" })
        if jobs == 1 { #expect(pairs == ["0 \(calling)"]) }
    }

    @Test func mapKeepsTheOrderAndHandlesNoItems() {
        #expect(ParallelWork.map(count: 1_000, jobs: 4) { $0 * $0 } == (0..<1_000).map { $0 * $0 })
        #expect(ParallelWork.map(count: 0, jobs: 4) { $0 }.isEmpty)
        #expect(ParallelWork.map(count: 1, jobs: 4) { $0 + 1 } == [1])
    }
}
