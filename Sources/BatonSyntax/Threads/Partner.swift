import Foundation

/// Another thread that starts one piece of work at once and, when this thread hands it a
/// second, does that one too: for a stage whose second piece only exists once this thread has
/// done some work of its own. A large design's model is built this way: the other thread makes
/// the fix index while this one reads the declarations, then takes its share of the flows'
/// parts, which are only known after that reading (`ModelBuilder.build(beside:)`). Started
/// together with the parts instead, the fix index had waited for the reading, and the other
/// core idled through it.
///
/// Handed nothing, it is two pieces of work at once (`Concurrently`).
///
/// `hand` and `finish` are called by the thread that made the partner, which must call
/// `finish`: the other thread holds the partner until it is done. `finish` hands nothing if
/// nothing was handed yet, so the other thread never waits for work that cannot come.
public final class Partner<First: Sendable, Later: Sendable>: @unchecked Sendable {
    private let handed = DispatchSemaphore(value: 0)
    private let done = DispatchSemaphore(value: 0)
    // Written by the other thread before it signals `done`, read here after `finish` waits.
    private var first: First?
    private var later: Later?
    // Written here before `handed` is signalled, read by the other thread after it waits.
    private var work: (@Sendable () -> Later)?
    // Read and written by this thread only.
    private var hasHanded = false
    private var hasFinished = false

    /// Starts `first` on another thread.
    public init(_ first: @escaping @Sendable () -> First) {
        WorkerThreads.shared.run { [self] in
            self.first = first()
            handed.wait()
            if let work { later = work() }
            done.signal()
        }
    }

    /// The second piece of work, or none; only the first call counts.
    public func hand(_ work: (@Sendable () -> Later)?) {
        guard !hasHanded else { return }
        hasHanded = true
        self.work = work
        handed.signal()
    }

    /// Waits for the other thread: what `first` made, and what the work handed made (nil when
    /// none was handed). Called again, it returns the same at once.
    public func finish() -> (first: First?, later: Later?) {
        hand(nil)
        if !hasFinished {
            done.wait()
            hasFinished = true
        }
        return (first, later)
    }
}
