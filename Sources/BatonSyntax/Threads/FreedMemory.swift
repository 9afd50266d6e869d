/// Memory the process has freed, handed back to the system.
///
/// glibc's allocator keeps freed memory for the thread (the arena) that allocated it: after
/// `check` releases a large design's syntax tree on the main thread, the rules running on the
/// other threads took new pages beside it, and the process's peak memory counted both (a 16 MB
/// design: 13 MB more). `malloc_trim` returns the free pages of every arena to the system.
/// The same goes for the rules' context, and their lists once merged (`Checker`).
public enum FreedMemory {
    /// Returns the free pages of every arena to the system, where the allocator can (glibc's
    /// `malloc_trim`, looked up at run time, `CLibrary`: other C libraries have no such call, and need none).
    /// The call walks the allocator's free lists (well under a millisecond after a 1 MB
    /// design's tree); what it costs after is the pages taken again, each cleared anew, so
    /// callers make it only where the peak matters (`check`: the syntax tree of designs from
    /// 2 MB; `Checker`: the context and the rules' lists of designs it checks on several
    /// threads).
    public static func returnToSystem() {
        _ = CLibrary.function("malloc_trim", as: (@convention(c) (Int) -> Int32).self)?(0)
    }
}
