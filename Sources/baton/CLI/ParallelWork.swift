import Foundation

/// Work on many independent items — the files of `baton check DIR` — spread over threads, with
/// each result handed back on the calling thread in the items' order, as soon as it and every
/// one before it are done. Output is written while later items are still being worked on, and
/// it is the same bytes for any number of threads: only the order of the work changes, never
/// the order of the results.
///
/// `work` must be a pure function of the item's index (it runs on another thread, so what it
/// captures is `Sendable`); everything with an order or a side effect — writing output,
/// writing files, counting — belongs in `consume`, which runs on the calling thread.
enum ParallelWork {
    /// Stack of each worker thread: what the main thread has, since the parser's and the rules'
    /// depth bounds were chosen with the main thread's stack in mind.
    static let stackSize = 8 << 20

    /// Calls `consume(i, work(i))` for every `i` in `0..<count`, in order of `i`. With one job
    /// (or one item) everything runs on the calling thread, one item after another; otherwise
    /// `jobs` threads work and at most `4 × jobs` results wait for `consume`, so memory stays
    /// bounded when consuming is the slower side.
    static func forEach<Result: Sendable>(count: Int, jobs: Int, work: @escaping @Sendable (Int) -> Result,
                                          consume: (Int, Result) -> Void) {
        let jobs = max(1, min(jobs, count))
        if jobs == 1 {
            for index in 0..<count { consume(index, work(index)) }
            return
        }
        let queue = Queue<Result>(count: count, ahead: 4 * jobs)
        for _ in 0..<jobs {
            let thread = Thread {
                while let index = queue.take() { queue.store(index, work(index)) }
            }
            thread.stackSize = stackSize
            thread.start()
        }
        for index in 0..<count { consume(index, queue.result(index)) }
    }

    /// `work(i)` for every `i` in `0..<count`, in order, on `jobs` threads.
    static func map<Result: Sendable>(count: Int, jobs: Int, _ work: @escaping @Sendable (Int) -> Result) -> [Result] {
        var results: [Result] = []
        results.reserveCapacity(count)
        forEach(count: count, jobs: jobs, work: work) { _, result in results.append(result) }
        return results
    }

    /// The indices still to start, and the results not yet consumed, shared by the workers and
    /// the consumer under one lock.
    private final class Queue<Result: Sendable>: @unchecked Sendable {
        private let condition = NSCondition()
        private let count: Int
        private let ahead: Int
        private var next = 0
        private var consumed = 0
        private var ready: [Int: Result] = [:]

        init(count: Int, ahead: Int) {
            self.count = count
            self.ahead = ahead
        }

        /// The next index to work on, waiting while `ahead` results are unconsumed; nil when
        /// every index has been handed out.
        func take() -> Int? {
            condition.lock()
            defer { condition.unlock() }
            while next < count, next >= consumed + ahead { condition.wait() }
            guard next < count else { return nil }
            next += 1
            return next - 1
        }

        func store(_ index: Int, _ result: Result) {
            condition.lock()
            ready[index] = result
            condition.broadcast()
            condition.unlock()
        }

        /// The result of `index`, waiting for it; the consumer takes the indices in order.
        func result(_ index: Int) -> Result {
            condition.lock()
            defer { condition.unlock() }
            while true {
                if let result = ready.removeValue(forKey: index) {
                    consumed = index + 1
                    condition.broadcast()
                    return result
                }
                condition.wait()
            }
        }
    }
}
