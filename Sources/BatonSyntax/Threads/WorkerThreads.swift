import Foundation

/// The threads that `ParallelWork`, `Partner` and `Concurrently` run their work on: made when
/// first needed and kept for the process's life, each waiting for its next piece of work once
/// it is done with one.
///
/// A check runs one stage after another on two cores (the parse, the model beside the fix
/// index, the context, the rules, the report), each a few milliseconds on a 1 MB design. With a
/// thread made for each stage, the system put each new thread on the core of the thread that
/// made it, and on this project's 2-core machines left it there, the two taking turns, until it
/// had run long enough to earn a core of its own: up to 20 ms, longer than most stages (a new
/// thread and its maker, 7 ms of work each, took 10–17 ms where 7 were possible). A kept thread
/// that has run on the other core wakes there again; a new one is moved off its maker's core
/// (`CoreAffinity`) until it has worked for 25 ms (looked at between pieces of work: a
/// `ParallelWork` loop or a `Partner` is one piece), and may run anywhere after it.
/// Kept threads also keep their allocator arenas from stage to stage.
///
/// Work that needs a thread when none is idle gets a new one, so that work run from work never
/// waits for a thread that other work holds; there are about as many threads as were once busy
/// at the same time (a thread is idle again only once its work has returned, so work run the
/// moment other work ends may get a thread of its own).
public final class WorkerThreads: @unchecked Sendable {
    /// The process's threads.
    public static let shared = WorkerThreads()

    /// Stack of each thread: what the main thread has, since the parser's and the rules' depth
    /// bounds were chosen with the main thread's stack in mind.
    static let stackSize = 8 << 20

    /// How long a new thread works off its maker's core: the processor time after which the
    /// system gave a thread made beside a busy one a core of its own. Moved off for only its
    /// first piece of work (the line table's half, half a millisecond), it was put back beside
    /// its maker for the parse in two runs of three.
    static let settledAfter = 0.025

    private let lock = NSLock()
    /// Threads waiting for work; the one that waited least is taken first.
    private var idle: [Worker] = []
    private var madeCount = 0
    /// The latest `reserveLargePages` request: how much, and how many requests there were,
    /// so that each thread answers each request once.
    private var largePages = LargePagesRequest(bytes: 0, number: 0)

    /// A set of threads of its own (tests); everything else uses `shared`.
    init() {}

    /// Runs `work` on one of the threads, at once: an idle one, or a new one when none is. It
    /// runs to its end; what it captured is released before the thread waits again.
    public func run(_ work: @escaping @Sendable () -> Void) {
        lock.lock()
        let largePages = largePages
        if let worker = idle.popLast() {
            lock.unlock()
            worker.start(work, largePages: largePages)
            return
        }
        madeCount += 1
        lock.unlock()
        let worker = Worker(pool: self)
        worker.start(work, largePages: largePages)
        let makersCore = CoreAffinity.current()
        let thread = Thread { worker.loop(movingOff: makersCore) }
        thread.stackSize = Self.stackSize
        thread.name = "baton-worker"
        thread.start()
    }

    /// Has every thread, made or yet to be made, reserve `bytes` in large pages
    /// (`HugePages.reserve`) before its next piece of work, once: the memory its allocator
    /// arena takes next. What the calling thread takes is the caller's to reserve.
    public func reserveLargePages(_ bytes: Int) {
        lock.lock()
        largePages = LargePagesRequest(bytes: bytes, number: largePages.number + 1)
        lock.unlock()
    }

    /// A `reserveLargePages` request, as handed to a thread with its work.
    fileprivate struct LargePagesRequest {
        var bytes: Int
        var number: Int
    }

    /// How many threads were made so far.
    public var made: Int {
        lock.lock()
        defer { lock.unlock() }
        return madeCount
    }

    /// How many threads wait for work now (tests read it).
    var idleCount: Int {
        lock.lock()
        defer { lock.unlock() }
        return idle.count
    }

    fileprivate func idle(_ worker: Worker) {
        lock.lock()
        idle.append(worker)
        lock.unlock()
    }

    /// One thread: its next piece of work, and the condition it waits on for it.
    fileprivate final class Worker: @unchecked Sendable {
        private let condition = NSCondition()
        private var work: (@Sendable () -> Void)?
        private var largePages = LargePagesRequest(bytes: 0, number: 0)
        private let pool: WorkerThreads

        init(pool: WorkerThreads) {
            self.pool = pool
        }

        /// Hands the thread its work (it is idle, or not started yet), with the latest large
        /// pages request.
        func start(_ work: @escaping @Sendable () -> Void, largePages: LargePagesRequest) {
            condition.lock()
            self.work = work
            self.largePages = largePages
            condition.signal()
            condition.unlock()
        }

        /// The thread's life: each piece of work as it comes, released before the thread waits
        /// again, so that nothing it captured outlives it. The first pieces run off
        /// `makersCore`, until the thread has worked for `settledAfter`.
        func loop(movingOff makersCore: Int?) {
            var restore = CoreAffinity.moveOff(makersCore)
            var largePagesAnswered = 0
            while true {
                condition.lock()
                while work == nil { condition.wait() }
                let next = work
                work = nil
                let largePages = largePages
                condition.unlock()
                if largePages.number != largePagesAnswered {
                    largePagesAnswered = largePages.number
                    HugePages.reserve(largePages.bytes)
                }
                next?()
                _ = consume next
                if let cores = restore, CoreAffinity.threadProcessorTime() >= WorkerThreads.settledAfter {
                    CoreAffinity.restrict(to: cores)
                    restore = nil
                }
                pool.idle(self)
            }
        }
    }
}
