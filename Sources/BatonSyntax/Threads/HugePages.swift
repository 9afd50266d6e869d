#if canImport(Glibc)
import Glibc
#endif

/// Memory a thread is about to take, made ready for the system's large pages (Linux
/// transparent huge pages, 2 MB on x86-64) instead of its 4 KB ones.
///
/// Checking a 1 MB design takes about 25 MB of memory the process never had, and the system
/// hands it over a 4 KB page at a time, each page a fault that stops the thread to clear it: 6,700
/// faults, and the count grows with the design (4 MB: 24,700). Where the system offers large
/// pages to memory that asks for them (`madvise`, the setting most Linux systems ship), one
/// fault clears 2 MB instead.
///
/// The allocator (glibc's) takes memory from the system as it needs it, a little at a time,
/// and asks for no large pages of its own. So `reserve` has the calling thread's allocator take
/// the memory ahead, in blocks it keeps to itself (below the size at which it would map a block
/// of its own), marks it for large pages and frees it again: the thread's next allocations are
/// carved from it. Only the allocator's few bytes at the head of each block are written, so
/// almost nothing counts in the process's memory until used.
///
/// For the memory to stay with the allocator once free, two of its settings change, for the
/// whole process and the rest of its life (`ready`): freed memory at an arena's top is kept up
/// to 1 GB (it was handed back from 128 KB), and blocks up to 32 MB come from the arenas (glibc
/// otherwise raises that size itself as blocks are freed, from 128 KB). So callers reserve only
/// where one large design has the process to itself (`check` of a single design, see
/// `CheckedInput.hugePagesFrom`). `FreedMemory.returnToSystem` still hands free memory back
/// where it is called, and the main thread's reserve with it (`malloc_trim` cuts the main
/// arena's top): what that thread takes after comes in small pages again.
///
/// What it costs: a large page is counted whole once touched, so memory not yet used (a
/// thread's last page, an array's room beyond its elements) counts at the peak: 2.5 MB more
/// for a 1 MB design. It may also cost the system work to find free large pages, where its
/// memory is fragmented. Where large pages are switched off (`never`), or the C library is not
/// glibc, this does nothing.
public enum HugePages {
    /// The size of a large page: the system's (`hpage_pmd_size`), or 2 MB where it does not say.
    static let pageSize: Int = {
        let told = Int(SystemSetting.firstLine("/sys/kernel/mm/transparent_hugepage/hpage_pmd_size")) ?? 0
        return told > 0 && told & (told - 1) == 0 ? told : 2 << 20
    }()

    /// The largest block reserved at once: below the allocator's threshold for mapping a block
    /// of its own (set to 32 MB here, its most), so that the block comes from the thread's
    /// arena and its memory serves the allocations after.
    static let blockSize = 16 << 20

    /// The most one call reserves.
    static let largestReserve = 1 << 30

    /// Whether the system gives large pages to memory that asks (`always` or `madvise`), and the
    /// allocator was set up to keep reserved memory (see the type's notes): once per process,
    /// on the first reserve (or the first test that asks).
    static let ready: Bool = {
        #if os(Linux) && canImport(Glibc)
        let setting = SystemSetting.text("/sys/kernel/mm/transparent_hugepage/enabled")
        guard setting.contains("[always]") || setting.contains("[madvise]"),
              let mallopt = CLibrary.function("mallopt", as: (@convention(c) (Int32, Int32) -> Int32).self)
        else { return false }
        // glibc's M_MMAP_THRESHOLD (-3) first: where it cannot be set (a 32-bit glibc allows
        // 512 KB at most), nothing is changed; a trim threshold set alone would also stop glibc
        // raising this one, for twice the page faults.
        guard mallopt(-3, 32 << 20) == 1 else { return false }
        // M_TRIM_THRESHOLD (-1).
        return mallopt(-1, 1 << 30) == 1
        #else
        return false
        #endif
    }()

    /// Makes the next `bytes` that the calling thread allocates come from memory marked for
    /// large pages (see the type's notes); returns the ranges marked. Costs a few allocator
    /// calls and one `madvise` per run of blocks.
    ///
    /// Only whole large pages can be marked, and the blocks taken start where the allocator
    /// has room, seldom on a page's start: so it takes `bytes` rounded up to whole pages, and
    /// one page more (`taken`), for at least `bytes` in whole pages. A thread's first 6 MB,
    /// taken as asked, had held one page marked: its arena starts on a page's start, with
    /// the arena's own header.
    @discardableResult
    public static func reserve(_ bytes: Int) -> [Range<Int>] {
        let (blocks, marked) = takeAndMark(bytes)
        free(blocks)
        return marked
    }

    /// `reserve`'s first half: the blocks taken, and the ranges of them marked. Until they are
    /// freed (`free`), nothing else can hand their memory back (tests read the marks here).
    static func takeAndMark(_ bytes: Int) -> (blocks: [Range<Int>], marked: [Range<Int>]) {
        #if os(Linux) && canImport(Glibc)
        guard bytes >= pageSize, ready else { return ([], []) }
        let bytes = taken(for: min(bytes, largestReserve), pageSize: pageSize)
        var blocks: [Range<Int>] = []
        // Room made first: the list growing between two blocks could take the memory after
        // the first, and part them.
        blocks.reserveCapacity(bytes / blockSize + 1)
        var left = bytes
        while left > 0 {
            let size = min(left, blockSize)
            guard let block = malloc(size) else { break }
            blocks.append(Int(bitPattern: block)..<Int(bitPattern: block) + size)
            left -= size
        }
        let marked = markedRanges(of: blocks, pageSize: pageSize)
        for range in marked {
            if let first = UnsafeMutableRawPointer(bitPattern: range.lowerBound) {
                _ = madvise(first, range.count, MADV_HUGEPAGE)
            }
        }
        return (blocks, marked)
        #else
        return ([], [])
        #endif
    }

    /// What `reserve` takes to have `bytes` in whole pages of `pageSize`: rounded up to whole
    /// pages, and one more.
    static func taken(for bytes: Int, pageSize: Int) -> Int {
        (bytes + pageSize - 1) / pageSize * pageSize + pageSize
    }

    /// `reserve`'s second half: the blocks freed, last first.
    static func free(_ blocks: [Range<Int>]) {
        #if canImport(Glibc)
        for block in blocks.reversed() { Glibc.free(UnsafeMutableRawPointer(bitPattern: block.lowerBound)) }
        #endif
    }

    /// What `reserve` marks of `blocks`: blocks taken one after another mostly lie side by
    /// side, the allocator's header apart (at most `headerGap` bytes), and each run of them is
    /// marked whole, its large pages inside.
    static func markedRanges(of blocks: [Range<Int>], pageSize: Int) -> [Range<Int>] {
        var runs: [Range<Int>] = []
        for block in blocks.sorted(by: { $0.lowerBound < $1.lowerBound }) {
            if let last = runs.last, block.lowerBound >= last.upperBound, block.lowerBound - last.upperBound <= headerGap {
                runs[runs.count - 1] = last.lowerBound..<block.upperBound
            } else {
                runs.append(block)
            }
        }
        return runs.compactMap { WholePages.inside($0, size: pageSize) }
    }

    /// The most bytes between two blocks taken one after the other that still count as side by
    /// side (glibc's header is 16).
    static let headerGap = 64
}
