import Foundation

/// Work on many independent items — the files of `baton check DIR`, the rules of one large
/// design, the parts of one large file's parse (`PartParse`) — spread over threads, with
/// each result handed back on the calling thread in the items' order, as soon as it and every
/// one before it are done. Output is written while later items are still being worked on, and
/// it is the same bytes for any number of threads: only the order of the work changes, never
/// the order of the results. It lives with the parser, the first stage that uses it, so that
/// every later stage reaches the one copy.
///
/// `work`'s result must be a pure function of the item's index (it runs on another thread, so
/// what it captures is `Sendable`; what it keeps from item to item, to go faster, it keeps per
/// thread: `forEach(count:jobs:ahead:workOn:consume:)`); everything with an order or a side
/// effect — writing output, writing files, counting — belongs in `consume`, which runs on the
/// calling thread.
public enum ParallelWork {
    /// Calls `consume(i, work(i))` for every `i` in `0..<count`, in order of `i`. With one job
    /// (or one item) everything runs on the calling thread, one item after another; otherwise
    /// `jobs` threads work (the calling thread and `jobs - 1` more), at most `ahead` items
    /// (`8 × jobs` unless given) ahead of the results the calling thread has taken (so at most
    /// twice as many results are held at once), and memory stays bounded when consuming is the
    /// slower side.
    public static func forEach<Result: Sendable>(count: Int, jobs: Int, ahead: Int? = nil,
                                          work: @escaping @Sendable (Int) -> Result, consume: (Int, Result) -> Void) {
        forEach(count: count, jobs: jobs, ahead: ahead, workOn: { index, _ in work(index) }, consume: consume)
    }

    /// `forEach(count:jobs:ahead:work:consume:)`, with `work` told which of the threads runs it
    /// (0 is the calling thread, then 1 up to `jobs - 1`), so that work that carries something
    /// from one item to the next (a report's layouts) keeps one for each thread, which only that
    /// thread touches. `threads`: where the other threads come from (tests give a set of their own).
    public static func forEach<Result: Sendable>(count: Int, jobs: Int, ahead: Int? = nil, threads: WorkerThreads = .shared,
                                          workOn work: @escaping @Sendable (_ index: Int, _ thread: Int) -> Result,
                                          consume: (Int, Result) -> Void) {
        let jobs = max(1, min(jobs, count))
        if jobs == 1 {
            for index in 0..<count { consume(index, work(index, 0)) }
            return
        }
        let queue = Queue<Result>(count: count, ahead: max(1, ahead ?? 8 * jobs), workers: jobs - 1, work: work)
        // The calling thread works too, whenever the result it needs next is not ready: it is
        // one of the `jobs`, and it does not sleep while there is work (waking a thread costs
        // more than formatting a small file).
        for worker in 1..<jobs {
            // One of the process's kept threads (`WorkerThreads`), which lets go of this loop when
            // it ends. The loop holds the queue only: it takes the work from the queue with each
            // index, and the queue drops the work once every result is consumed (`finish`).
            threads.run {
                while true {
                    // What this thread made and the consumer is done with is released here, by
                    // the thread that allocated it (see `Queue.discard`), at the end of each turn.
                    let turn = queue.take(worker: worker)
                    if turn.finished { break }
                    if let index = turn.index, let work = turn.work { queue.store(index, work(index, worker), madeBy: worker) }
                }
                queue.stop()
            }
        }
        var index = 0
        while index < count {
            var ready = queue.results(from: index, wait: false)
            if ready.isEmpty {
                if let mine = queue.take(worker: 0, wait: false).index {
                    queue.store(mine, work(mine, 0), madeBy: 0)
                    continue
                }
                ready = queue.results(from: index, wait: true)
            }
            // Every result ready in order at once: one lock for many small files.
            for (result, _) in ready {
                consume(index, result)
                index += 1
            }
            queue.discard(ready)
            ready = []
        }
        queue.finish()
    }

    /// `work(i)` for every `i` in `0..<count`, in order, on `jobs` threads.
    public static func map<Result: Sendable>(count: Int, jobs: Int, _ work: @escaping @Sendable (Int) -> Result) -> [Result] {
        var results: [Result] = []
        results.reserveCapacity(count)
        forEach(count: count, jobs: jobs, work: work) { _, result in results.append(result) }
        return results
    }

    /// The indices still to start, and the results not yet consumed, shared by the workers and
    /// the consumer under one lock. Waking a thread costs more than a small file's work, so
    /// nobody is woken for nothing: the consumer only when the result it waits for arrives,
    /// the workers only once half the window is free again.
    ///
    /// A result is released by the thread that made it: glibc's allocator frees memory another
    /// thread allocated under that thread's arena lock, and the consumer freeing every worker's
    /// findings made the threads queue on those locks (a fifth more processor time on two jobs).
    private final class Queue<Result: Sendable>: @unchecked Sendable {
        private let condition = NSCondition()
        private let count: Int
        private let ahead: Int
        private var next = 0
        private var consumed = 0
        /// Results made and not yet taken by the consumer, with the thread that made each
        /// (0: the calling thread).
        private var ready: [Int: (result: Result, maker: Int)] = [:]
        /// Per worker: consumed results it made, for it to release.
        private var done: [[Result]]
        /// The index the consumer sleeps waiting for, and how many workers sleep.
        private var awaited: Int?
        private var sleepingWorkers = 0

        /// What the workers run, dropped by `finish`.
        private var work: (@Sendable (Int, Int) -> Result)?
        /// Workers that have not stopped yet.
        private var running: Int

        init(count: Int, ahead: Int, workers: Int, work: @escaping @Sendable (Int, Int) -> Result) {
            self.count = count
            self.ahead = ahead
            self.work = work
            running = workers
            done = Array(repeating: [], count: workers + 1)
        }

        /// The next index to work on, if any may start (waiting while `ahead` results are
        /// unconsumed, unless there is something to release or not `wait`), with the work to do
        /// on it, the consumed results `worker` made, for it to release, and whether every index
        /// has been handed out.
        func take(worker: Int, wait: Bool = true)
            -> (index: Int?, work: (@Sendable (Int, Int) -> Result)?, done: [Result], finished: Bool) {
            condition.lock()
            defer { condition.unlock() }
            while wait, next < count, next >= consumed + ahead, done[worker].isEmpty {
                sleepingWorkers += 1
                condition.wait()
                sleepingWorkers -= 1
            }
            let released = done[worker]
            done[worker] = []
            guard next < count else { return (nil, nil, released, true) }
            guard next < consumed + ahead else { return (nil, nil, released, false) }
            next += 1
            return (next - 1, work, released, false)
        }

        /// A worker has left its loop for good.
        func stop() {
            condition.lock()
            running -= 1
            if running == 0 { condition.broadcast() }
            condition.unlock()
        }

        /// Once every result is consumed: waits for the workers to stop, then drops the work
        /// and the results they had not released yet (handed to `done` after their last turn),
        /// so that nothing of either outlives `forEach` — the rules' context is freed when its
        /// caller lets go of it, and each rule's list of findings is referenced once.
        func finish() {
            condition.lock()
            while running > 0 { condition.wait() }
            work = nil
            let leftovers = done
            done = []
            condition.unlock()
            _ = leftovers
        }

        func store(_ index: Int, _ result: Result, madeBy maker: Int) {
            condition.lock()
            ready[index] = (result, maker)
            if awaited == index { condition.broadcast() }
            condition.unlock()
        }

        /// The results of `index` and of every index after it that is ready, in order, with
        /// their makers, waiting for the first (without `wait`: none when it is not ready); the
        /// consumer takes the indices in order.
        func results(from index: Int, wait: Bool) -> [(result: Result, maker: Int)] {
            condition.lock()
            defer { condition.unlock() }
            while ready[index] == nil {
                guard wait else { return [] }
                awaited = index
                condition.wait()
            }
            awaited = nil
            var results: [(result: Result, maker: Int)] = []
            var taken = index
            while let result = ready.removeValue(forKey: taken) {
                results.append(result)
                taken += 1
            }
            consumed = taken
            if sleepingWorkers > 0, next - consumed <= ahead / 2 { condition.broadcast() }
            return results
        }

        /// Consumed results, handed back to the threads that made them to release (the
        /// calling thread's own are released when the caller lets go of them).
        func discard(_ results: [(result: Result, maker: Int)]) {
            condition.lock()
            for (result, maker) in results where maker > 0 { done[maker].append(result) }
            condition.unlock()
        }
    }
}
