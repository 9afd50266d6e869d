#if canImport(Glibc)
import Glibc
#endif

/// Memory a thread is about to take, made ready for the system's 2 MB pages (Linux transparent
/// huge pages) instead of its 4 KB ones.
///
/// Checking a 1 MB design takes about 25 MB of memory the process never had, and the system
/// hands it over a 4 KB page at a time, each page a fault that stops the thread to clear it: 6,400
/// faults, a fifth of the processor time, and the share grows with the design (4 MB: 24,000).
/// Where the system offers 2 MB pages to memory that asks for them (`madvise`, the setting most
/// Linux systems ship), one fault clears 2 MB instead.
///
/// The allocator (glibc's) takes memory from the system as it needs it, a little at a time,
/// and asks for no large pages of its own. So `reserve` has the calling thread's allocator take
/// the memory ahead, in blocks it keeps to itself (below the size at which it would map a block
/// of its own), marks it for large pages and frees it again: the thread's next allocations are
/// carved from it. Nothing is touched, so nothing is counted in the process's memory until used.
/// For the memory to stay with the allocator once free, its threshold for handing free memory
/// back is raised for the process. `FreedMemory.returnToSystem` still hands free memory back
/// where it is called, and the main thread's reserve with it (`malloc_trim` cuts the main
/// arena's top): what that thread takes after comes in small pages again.
///
/// What it costs: a 2 MB page is counted whole once touched, so memory not yet used (a
/// thread's last page, an array's room beyond its elements) counts at the peak: 2.5 MB more
/// for a 1 MB design (`CheckedInput.hugePagesFrom` says where `check` uses it). It may also
/// cost the system work to find free 2 MB pages, where its memory is fragmented. Where large
/// pages are switched off (`never`), or the C library is not glibc, this does nothing.
public enum HugePages {
    /// The size of a large page on x86-64 and most arm64 Linux systems.
    static let pageSize = 2 << 20

    /// The largest block reserved at once: below the allocator's threshold for mapping a block
    /// of its own (raised to 32 MB here, its most), so that the block comes from the thread's
    /// arena and its memory serves the allocations after.
    static let blockSize = 16 << 20

    /// Whether the system gives large pages to memory that asks (`always` or `madvise`), and the
    /// allocator was set up to keep reserved memory: once per process.
    static let ready: Bool = {
        #if os(Linux)
        let setting = systemSetting("/sys/kernel/mm/transparent_hugepage/enabled")
        guard setting.contains("[always]") || setting.contains("[madvise]"),
              let mallopt = CLibrary.function("mallopt", as: (@convention(c) (Int32, Int32) -> Int32).self)
        else { return false }
        // glibc's M_TRIM_THRESHOLD (-1): free memory at an arena's top is kept up to 1 GB, not
        // handed back at 128 KB (which would hand back the reserve as soon as it is freed).
        // M_MMAP_THRESHOLD (-3): blocks up to 32 MB come from the arena, not a mapping of
        // their own that is unmapped when freed.
        return mallopt(-1, 1 << 30) == 1 && mallopt(-3, 32 << 20) == 1
        #else
        return false
        #endif
    }()

    /// The text of a system setting (a file under `/sys`, its first 256 bytes), empty where
    /// there is none.
    static func systemSetting(_ path: String) -> String {
        #if canImport(Glibc)
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return "" }
        defer { close(descriptor) }
        var bytes = [UInt8](repeating: 0, count: 256)
        let count = bytes.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
        return count > 0 ? String(decoding: bytes[..<count], as: UTF8.self) : ""
        #else
        return ""
        #endif
    }

    /// Makes the next `bytes` that the calling thread allocates come from memory marked for
    /// large pages (see the type's notes). Costs a few allocator calls and one `madvise` per
    /// run of blocks; nothing is touched.
    public static func reserve(_ bytes: Int) {
        #if canImport(Glibc)
        guard bytes >= pageSize, ready else { return }
        var blocks: [(start: Int, size: Int)] = []
        var left = bytes
        while left > 0 {
            let size = min(left, blockSize)
            guard let block = malloc(size) else { break }
            blocks.append((Int(bitPattern: block), size))
            left -= size
        }
        // Blocks taken one after another mostly lie side by side (an allocator header apart):
        // each run of them is marked whole, its 2 MB-aligned inside.
        var runs: [(start: Int, end: Int)] = []
        for block in blocks.sorted(by: { $0.start < $1.start }) {
            if let last = runs.last, block.start - last.end <= 64 {
                runs[runs.count - 1].end = block.start + block.size
            } else {
                runs.append((block.start, block.start + block.size))
            }
        }
        for run in runs {
            let start = (run.start + pageSize - 1) & ~(pageSize - 1)
            let end = run.end & ~(pageSize - 1)
            if end > start, let first = UnsafeMutableRawPointer(bitPattern: start) {
                _ = madvise(first, end - start, MADV_HUGEPAGE)
            }
        }
        for block in blocks.reversed() { free(UnsafeMutableRawPointer(bitPattern: block.start)) }
        #endif
    }
}
