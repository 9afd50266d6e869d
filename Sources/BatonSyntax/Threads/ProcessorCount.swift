#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// How many processor cores the process may use: what `--jobs` and the language server's
/// threads default to.
///
/// On Linux, the cores it may run on (`sched_getaffinity`: `taskset`, a container's cpuset),
/// fewer where its control group's processor quota allows less (cgroup v2's `cpu.max`, v1's
/// `cpu.cfs_quota_us` over `cpu.cfs_period_us`: a container's `--cpus`), rounded up; the
/// system's online cores where it cannot say. Foundation's `activeProcessorCount` reads only the
/// v1 files, and reading them through Foundation was 5 % of a one-line check's time.
public enum ProcessorCount {
    /// The cores the process may use, at least 1 (read once).
    public static let active: Int = {
        let cores = CoreAffinity.allowed(ofProcess: true).map(\.count) ?? online
        let allowed = quota(cpuMax: SystemSetting.firstLine("/sys/fs/cgroup/cpu.max"))
            ?? quota(limit: SystemSetting.firstLine("/sys/fs/cgroup/cpu/cpu.cfs_quota_us"),
                     period: SystemSetting.firstLine("/sys/fs/cgroup/cpu/cpu.cfs_period_us"))
        return max(1, min(cores, allowed ?? Int.max))
    }()

    /// The system's online cores (0 where it does not say).
    static var online: Int {
        max(0, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
    }

    /// The cores a cgroup v2 `cpu.max` line allows ("200000 100000": 2; "max 100000": nil, no
    /// limit), rounded up.
    static func quota(cpuMax line: Substring) -> Int? {
        let fields = line.split(separator: " ")
        guard fields.count == 2 else { return nil }
        return quota(limit: fields[0], period: fields[1])
    }

    /// The cores a quota of `limit` microseconds per `period` allows, rounded up; nil for none
    /// (cgroup v1 writes -1, v2 `max`).
    static func quota(limit: Substring, period: Substring) -> Int? {
        guard let limit = Int(limit), limit > 0, let period = Int(period), period > 0 else { return nil }
        return (limit + period - 1) / period
    }
}
