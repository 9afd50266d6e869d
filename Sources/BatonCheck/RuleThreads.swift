import Foundation

/// Runs the rules of one check on several threads. Rules are pure functions of the shared,
/// immutable `CheckContext`, so on a large design they can run side by side; each rule's
/// findings are kept in its slot and the slots are read in rule order, so the findings are the
/// same list, in the same order, for any number of threads.
enum RuleThreads {
    /// The stack of each helper thread: the main thread's, since the rules' depth bounds were
    /// chosen with it in mind.
    static let stackSize = 8 << 20

    /// `work(i)` for every `i` in `0..<count`, in order of `i`, computed on `threads` threads
    /// (the calling thread and `threads - 1` more), each taking the next index not yet taken.
    static func map<Result: Sendable>(count: Int, threads: Int, _ work: @escaping @Sendable (Int) -> Result) -> [Result] {
        let threads = max(1, min(threads, count))
        guard threads > 1 else { return (0..<count).map(work) }
        let slots = Slots<Result>(count: count, helpers: threads - 1)
        for _ in 1..<threads {
            let thread = Thread {
                while let index = slots.take() { slots.store(index, work(index)) }
                slots.finish()
            }
            thread.stackSize = stackSize
            thread.start()
        }
        while let index = slots.take() { slots.store(index, work(index)) }
        return slots.results()
    }

    /// The results by index, the next index to take and the helpers still running, behind one
    /// lock (taken once per rule: a few dozen times per check).
    private final class Slots<Result: Sendable>: @unchecked Sendable {
        private let condition = NSCondition()
        private var stored: [Result?]
        private var next = 0
        private var running: Int

        init(count: Int, helpers: Int) {
            stored = Array(repeating: nil, count: count)
            running = helpers
        }

        func take() -> Int? {
            condition.lock()
            defer { condition.unlock() }
            guard next < stored.count else { return nil }
            next += 1
            return next - 1
        }

        func store(_ index: Int, _ result: Result) {
            condition.lock()
            stored[index] = result
            condition.unlock()
        }

        func finish() {
            condition.lock()
            running -= 1
            condition.signal()
            condition.unlock()
        }

        /// Every result, once the helpers are done (each index was taken and stored once).
        func results() -> [Result] {
            condition.lock()
            while running > 0 { condition.wait() }
            let all = stored.compactMap { $0 }
            condition.unlock()
            return all
        }
    }
}
