@testable import BatonSyntax
import Foundation
import Testing

/// `WorkerThreads` keeps its threads for the next piece of work, makes a new one only when every
/// thread is busy (so work waiting on other work never starves), and lets go of what each
/// piece of work captured once it has run. Each test has a set of threads of its own.
@Suite struct WorkerThreadsTests {
    /// Pieces of work one after another run on one thread, made once.
    @Test func oneThreadServesWorkOneAfterAnother() {
        let threads = WorkerThreads()
        let ran = LockedList<String>()
        for _ in 0..<20 {
            let done = DispatchSemaphore(value: 0)
            threads.run {
                ran.add(Thread.current.description)
                done.signal()
            }
            done.wait()
            // The thread goes back to wait after signalling: give it the moment to.
            waitUntilIdle(threads)
        }
        #expect(ran.all.count == 20)
        #expect(Set(ran.all).count == 1)
        #expect(threads.made == 1)
    }

    /// Three pieces of work that each wait for all three to have started: each gets a thread of
    /// its own, at once, or they would wait for ever.
    @Test func busyThreadsAreNeverWaitedFor() {
        let threads = WorkerThreads()
        let started = DispatchSemaphore(value: 0)
        let release = DispatchSemaphore(value: 0)
        let finished = DispatchSemaphore(value: 0)
        for _ in 0..<3 {
            threads.run {
                started.signal()
                release.wait()
                finished.signal()
            }
        }
        for _ in 0..<3 { #expect(started.wait(timeout: .now() + 10) == .success) }
        for _ in 0..<3 { release.signal() }
        for _ in 0..<3 { #expect(finished.wait(timeout: .now() + 10) == .success) }
        #expect(threads.made == 3)
    }

    /// Work run from work, waited for there, finishes (on a second thread).
    @Test func workRunFromWorkFinishes() {
        let threads = WorkerThreads()
        let done = DispatchSemaphore(value: 0)
        let inner = LockedList<Int>()
        threads.run {
            let innerDone = DispatchSemaphore(value: 0)
            threads.run {
                inner.add(42)
                innerDone.signal()
            }
            innerDone.wait()
            done.signal()
        }
        #expect(done.wait(timeout: .now() + 10) == .success)
        #expect(inner.all == [42])
        #expect(threads.made == 2)
    }

    /// What a piece of work captured is released once it has run, though its thread stays.
    @Test func whatWorkCapturedIsReleased() {
        final class Captured: Sendable {}
        let threads = WorkerThreads()
        weak var watched: Captured?
        do {
            let captured = Captured()
            watched = captured
            let done = DispatchSemaphore(value: 0)
            threads.run {
                withExtendedLifetime(captured) {}
                done.signal()
            }
            done.wait()
        }
        waitUntilIdle(threads)
        #expect(watched == nil)
    }

    /// `ParallelWork` takes its threads from a set: calls one after another reuse them.
    @Test func parallelWorkReusesItsThreads() {
        let threads = WorkerThreads()
        for _ in 0..<5 {
            var results: [Int] = []
            ParallelWork.forEach(count: 16, jobs: 3, threads: threads, workOn: { index, _ in index * 2 }) { _, result in
                results.append(result)
            }
            #expect(results == (0..<16).map { $0 * 2 })
            waitUntilIdle(threads)
        }
        #expect(threads.made == 2)
    }

    /// Asked to reserve large pages, a thread does before its next piece of work, whether it
    /// was made before the request (and idle) or after: the memory that piece of work then
    /// takes lies in a region the system holds marked for large pages.
    ///
    /// In a test process that runs other tests at once, a thread may share its allocator's
    /// arena with their threads (glibc makes at most eight arenas per core), and their free
    /// memory can serve the block instead of the reserve: the whole case is tried up to three
    /// times, each with new threads, and holds when one try finds both blocks in marked memory.
    /// Threads that never reserve fail every try.
    @Test(.enabled(if: HugePages.ready, "the system offers no large pages on request, or the C library is not glibc"))
    func threadsReserveLargePagesWhenAsked() {
        var tries: [[Bool]] = []
        while tries.count < 3, tries.last != [true, true] {
            let threads = WorkerThreads()
            tries.append(blocksInLargePages(afterAsking: threads))
            #expect(threads.made == 2)
        }
        #expect(tries.last == [true, true], "each try's blocks, in marked memory or not: \(tries)")
    }

    /// Has `threads` reserve large pages with one thread made and idle, then runs two pieces
    /// of work at once (on that thread and a new one), each taking a block: whether each block
    /// lies in memory marked for large pages.
    private func blocksInLargePages(afterAsking threads: WorkerThreads) -> [Bool] {
        let first = DispatchSemaphore(value: 0)
        threads.run { first.signal() }
        first.wait()
        waitUntilIdle(threads)
        threads.reserveLargePages(24 << 20)
        let marked = LockedList<Bool>()
        let release = DispatchSemaphore(value: 0)
        let done = DispatchSemaphore(value: 0)
        for _ in 0..<2 {
            // Both busy at once: the idle thread and a new one.
            threads.run {
                // Below the allocator's mapping threshold (32 MB once large pages are ready),
                // so taken from the thread's arena, where the reserve was freed.
                if let block = malloc(4 << 20) {
                    marked.add(HugePagesTests.flags(at: Int(bitPattern: block) + (2 << 20)).contains("hg"))
                    release.wait()
                    free(block)
                }
                done.signal()
            }
        }
        let deadline = Date().addingTimeInterval(10)
        while marked.all.count < 2, Date() < deadline { usleep(200) }
        release.signal()
        release.signal()
        for _ in 0..<2 { #expect(done.wait(timeout: .now() + 10) == .success) }
        return marked.all
    }

    /// A new thread works off the core of the thread that made it until it has worked for
    /// `settledAfter`; then it may run anywhere the process may. (Linux, two cores or more.)
    @Test func aNewThreadStartsOffItsMakersCore() {
        #if os(Linux)
        // Where the system does not let a thread choose its cores, nothing is moved.
        guard let all = CoreAffinity.allowed(), all.count > 1, CoreAffinity.restrict(to: all) else { return }
        let threads = WorkerThreads()
        let counts = LockedList<Int>()
        let pieces: [@Sendable () -> Void] = [
            { counts.add(CoreAffinity.allowed()?.count ?? -1) },
            {
                // Works past `settledAfter`.
                var sum = 0
                while CoreAffinity.threadProcessorTime() < WorkerThreads.settledAfter + 0.005 { sum &+= 1 }
                counts.add(sum > 0 ? CoreAffinity.allowed()?.count ?? -1 : -2)
            },
            { counts.add(CoreAffinity.allowed()?.count ?? -1) },
        ]
        for piece in pieces {
            let done = DispatchSemaphore(value: 0)
            threads.run {
                piece()
                done.signal()
            }
            done.wait()
            waitUntilIdle(threads)
        }
        #expect(counts.all == [all.count - 1, all.count - 1, all.count])
        #expect(threads.made == 1)
        #endif
    }

    /// Waits (up to ten seconds) until every thread `threads` made waits for work again.
    private func waitUntilIdle(_ threads: WorkerThreads) {
        let deadline = Date().addingTimeInterval(10)
        while threads.idleCount < threads.made, Date() < deadline { usleep(200) }
    }
}

/// The cores a thread may use, read and changed for the calling thread only.
@Suite struct CoreAffinityTests {
    /// Moved off a core it may use, a thread keeps the others, and gets them all back; with one
    /// core only, it is not moved. A thread made by a moved thread starts with its maker's
    /// cores, but is given back all the process's. (Linux, where the system lets a thread
    /// choose its cores; elsewhere nothing is read or moved.)
    @Test func aThreadIsMovedOffACoreAndBack() {
        #if os(Linux)
        guard let all = CoreAffinity.allowed(ofProcess: true), CoreAffinity.current() != nil else { return }
        let seen = LockedList<String>()
        let done = DispatchSemaphore(value: 0)
        // On threads of their own: the test's own thread is shared with other tests.
        Thread.detachNewThread {
            defer { done.signal() }
            guard let core = CoreAffinity.current() else { return }
            guard let restore = CoreAffinity.moveOff(core) else {
                seen.add(all.count < 2 ? "one core" : "refused")
                return
            }
            seen.add("restore is all: \(restore == all)")
            seen.add("during: \(CoreAffinity.allowed()?.count ?? -1), has the core: \(CoreAffinity.allowed()?.contains(core) ?? true)")
            seen.add("runs elsewhere: \(CoreAffinity.current() != core)")
            let innerDone = DispatchSemaphore(value: 0)
            Thread.detachNewThread {
                defer { innerDone.signal() }
                let inherited = CoreAffinity.allowed()?.count ?? -1
                let given = CoreAffinity.moveOff(CoreAffinity.current())
                seen.add("inner: inherited \(inherited), given back all: \(given == all)")
                if let given { CoreAffinity.restrict(to: given) }
            }
            innerDone.wait()
            seen.add("restored: \(CoreAffinity.restrict(to: restore) && CoreAffinity.allowed() == all)")
        }
        #expect(done.wait(timeout: .now() + 10) == .success)
        if seen.all == ["refused"] || seen.all == ["one core"] { return }
        #expect(seen.all == [
            "restore is all: true",
            "during: \(all.count - 1), has the core: false",
            "runs elsewhere: true",
            "inner: inherited \(all.count - 1), given back all: true",
            "restored: true",
        ])
        #endif
    }

    @Test func aMaskCountsAddsAndRemovesCores() {
        var mask = CoreAffinity.Mask()
        #expect(mask.count == 0)
        mask.words[0] = 0b1011
        mask.words[1] = 1
        #expect(mask.count == 4)
        #expect(mask.contains(0) && mask.contains(1) && !mask.contains(2) && mask.contains(3) && mask.contains(64))
        mask.remove(64)
        mask.remove(1)
        mask.remove(5_000)
        #expect(mask.count == 2)
        #expect(!mask.contains(64) && !mask.contains(1) && !mask.contains(-1) && !mask.contains(5_000))
    }
}
