#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Which cores the calling thread may run on (Linux; elsewhere nothing is done).
///
/// A new worker thread is moved off its maker's core until it has worked for a while
/// (`WorkerThreads`), and may run anywhere again after it. The calls are looked up at run time
/// (`CLibrary`): every glibc has them, and a system without them is left to place threads
/// itself.
enum CoreAffinity {
    /// The cores a thread may use, as the system's bit mask (1,024 cores).
    struct Mask: Equatable {
        var words = [UInt64](repeating: 0, count: 16)

        var count: Int { words.reduce(0) { $0 + $1.nonzeroBitCount } }

        func contains(_ core: Int) -> Bool {
            core >= 0 && core < 64 * words.count && words[core / 64] & (1 << UInt64(core % 64)) != 0
        }

        mutating func remove(_ core: Int) {
            guard core >= 0 && core < 64 * words.count else { return }
            words[core / 64] &= ~(1 << UInt64(core % 64))
        }
    }

    /// The core the calling thread runs on now, if the system says.
    static func current() -> Int? {
        guard let call = CLibrary.function("sched_getcpu", as: (@convention(c) () -> Int32).self) else { return nil }
        let core = call()
        return core >= 0 ? Int(core) : nil
    }

    /// The cores of the calling thread, or with `ofProcess` of the process's main thread
    /// (which Baton never moves): a thread starts with its maker's cores, so a thread made by
    /// one that is moved off a core would otherwise never get that core back.
    static func allowed(ofProcess: Bool = false) -> Mask? {
        typealias Call = @convention(c) (Int32, Int, UnsafeMutableRawPointer) -> Int32
        guard let call = CLibrary.function("sched_getaffinity", as: Call.self) else { return nil }
        var mask = Mask()
        let result = mask.words.withUnsafeMutableBytes { bytes -> Int32 in
            guard let base = bytes.baseAddress else { return -1 }
            return call(ofProcess ? getpid() : 0, bytes.count, base)
        }
        return result == 0 ? mask : nil
    }

    /// Lets the calling thread run on `mask`'s cores only; whether the system took it.
    @discardableResult
    static func restrict(to mask: Mask) -> Bool {
        typealias Call = @convention(c) (Int32, Int, UnsafeRawPointer) -> Int32
        guard let call = CLibrary.function("sched_setaffinity", as: Call.self) else { return false }
        return mask.words.withUnsafeBytes { bytes -> Int32 in
            guard let base = bytes.baseAddress else { return -1 }
            return call(0, bytes.count, base)
        } == 0
    }

    /// The processor time the calling thread has used, in seconds (infinite where the system
    /// does not say).
    static func threadProcessorTime() -> Double {
        var time = timespec()
        guard clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time) == 0 else { return .infinity }
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    /// Moves the calling thread off `core`, onto the process's other cores, if it has any; the
    /// cores to give it back afterwards (all the process's), nil when it was not moved.
    static func moveOff(_ core: Int?) -> Mask? {
        guard let core, let allowed = allowed(ofProcess: true), allowed.contains(core), allowed.count > 1 else { return nil }
        var others = allowed
        others.remove(core)
        return restrict(to: others) ? allowed : nil
    }
}
