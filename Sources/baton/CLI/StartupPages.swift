#if canImport(Glibc)
import BatonSyntax
import Glibc
#endif

/// Pages of the program file that only start-up reads, handed back once it is over.
///
/// The binary people install has the Swift runtime and Foundation linked in, and its data holds
/// some 83,000 pointers that the loader adjusts to where the program was loaded (it is
/// position-independent, so the system can place it anywhere). The table of those adjustments
/// is 2 MB, read once before `main` and never again, yet its pages stayed in the process's
/// memory to the end: an eighth of what a one-line check takes, and 2 MB of every large one's
/// peak. Packed relocations would make the table small, but gold, the linker Swift uses on
/// Linux, cannot write them.
///
/// Only whole pages inside a segment mapped read-only are released: they are never written,
/// so the system reads them again from the file, unchanged, should anything touch them.
enum StartupPages {
    /// Releases the pages of the executable's relocation table (where the system allows it).
    static func release() {
        #if os(Linux) && canImport(Glibc)
        guard let table = relocationTable(), table.count > 0 else { return }
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        guard page > 0, let pages = WholePages.inside(table, size: page),
              let address = UnsafeMutableRawPointer(bitPattern: pages.lowerBound) else { return }
        _ = madvise(address, pages.count, MADV_DONTNEED)
        #endif
    }

    #if os(Linux) && canImport(Glibc)
    // The ELF constants and layouts used (64-bit; the C header is not part of Swift's Glibc
    // module).
    private static let programHeaderTableType: UInt32 = 6   // PT_PHDR
    private static let loadType: UInt32 = 1                  // PT_LOAD
    private static let dynamicType: UInt32 = 2               // PT_DYNAMIC
    private static let writableFlag: UInt32 = 2              // PF_W
    private static let relocationsTag: Int64 = 7             // DT_RELA
    private static let relocationsSizeTag: Int64 = 8         // DT_RELASZ
    private static let programHeaderSize = 56                // sizeof(Elf64_Phdr)
    private static let dynamicEntrySize = 16                 // sizeof(Elf64_Dyn)
    private static let programHeadersKey: UInt = 3           // AT_PHDR
    private static let programHeaderCountKey: UInt = 5       // AT_PHNUM

    private struct ProgramHeader {
        var type: UInt32
        var flags: UInt32
        var address: UInt
        var size: UInt
    }

    /// The addresses of the executable's relocation table, when it lies inside a segment
    /// mapped without write permission; nil otherwise, or when this is not a 64-bit ELF
    /// program with position-independent code.
    static func relocationTable() -> Range<Int>? {
        // `getauxval`, looked up at run time: Swift's Glibc module does not declare it.
        typealias AuxiliaryValue = @convention(c) (UInt) -> UInt
        guard MemoryLayout<Int>.size == 8,
              let auxiliaryValue = CLibrary.function("getauxval", as: AuxiliaryValue.self) else { return nil }
        let headersAddress = auxiliaryValue(programHeadersKey)
        let count = Int(auxiliaryValue(programHeaderCountKey))
        guard headersAddress != 0, count > 0, count < 256,
              let headers = UnsafeRawPointer(bitPattern: headersAddress) else { return nil }
        let programHeaders = (0..<count).map { index -> ProgramHeader in
            let header = headers + index * programHeaderSize
            return ProgramHeader(type: header.loadUnaligned(as: UInt32.self),
                                 flags: header.loadUnaligned(fromByteOffset: 4, as: UInt32.self),
                                 address: UInt(header.loadUnaligned(fromByteOffset: 16, as: UInt64.self)),
                                 // The part read from the file (p_filesz), not the size in memory.
                                 size: UInt(header.loadUnaligned(fromByteOffset: 32, as: UInt64.self)))
        }
        // Where the program was loaded: the headers' address in memory less their address in
        // the file's own numbering.
        guard let own = programHeaders.first(where: { $0.type == programHeaderTableType }), headersAddress >= own.address,
              let dynamic = programHeaders.first(where: { $0.type == dynamicType }) else { return nil }
        let base = headersAddress - own.address
        let (dynamicAddress, wrapped) = base.addingReportingOverflow(dynamic.address)
        guard base != 0, !wrapped, let entries = UnsafeRawPointer(bitPattern: dynamicAddress) else { return nil }
        var table: UInt = 0
        var size: UInt = 0
        for index in 0..<(Int(dynamic.size) / dynamicEntrySize) {
            let entry = entries + index * dynamicEntrySize
            let tag = entry.loadUnaligned(as: Int64.self)
            if tag == 0 { break }
            let value = UInt(entry.loadUnaligned(fromByteOffset: 8, as: UInt64.self))
            if tag == relocationsTag { table = value }
            if tag == relocationsSizeTag { size = value }
        }
        guard table != 0, size != 0 else { return nil }
        // The loader rewrites this entry to the table's address where it may write the
        // dynamic section; otherwise it is still the file's numbering.
        if table < base {
            let (moved, overflow) = table.addingReportingOverflow(base)
            guard !overflow else { return nil }
            table = moved
        }
        let (end, overflow) = table.addingReportingOverflow(size)
        guard !overflow else { return nil }
        // Only inside a segment nothing writes to.
        let inReadOnly = programHeaders.contains { header in
            guard header.type == loadType, header.flags & writableFlag == 0 else { return false }
            let (start, startWrapped) = base.addingReportingOverflow(header.address)
            let (segmentEnd, endWrapped) = start.addingReportingOverflow(header.size)
            return !startWrapped && !endWrapped && start <= table && end <= segmentEnd
        }
        guard inReadOnly, let lower = Int(exactly: table), let upper = Int(exactly: end) else { return nil }
        return lower..<upper
    }
    #endif
}
