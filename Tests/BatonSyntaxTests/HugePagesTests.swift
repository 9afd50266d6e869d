@testable import BatonSyntax
import Foundation
import Testing

/// `HugePages.reserve` marks memory the calling thread is about to take for the system's large
/// pages: which ranges it marks (runs of blocks side by side, their whole pages), that the
/// system holds them marked (its own account of the process's memory, `/proc/self/smaps`,
/// where a marked region's flags hold `hg`).
@Suite struct HugePagesTests {
    static let page = 2 << 20

    /// Blocks side by side, a header apart, are one run, marked from its first whole page to
    /// its last.
    @Test func blocksSideBySideAreMarkedAsOneRun() {
        let first = 3 * Self.page + 16
        let blocks = [first..<first + 16 * Self.page, first + 16 * Self.page + 16..<first + 32 * Self.page + 16]
        #expect(HugePages.markedRanges(of: blocks, pageSize: Self.page) == [4 * Self.page..<35 * Self.page])
    }

    /// Blocks apart are marked each on its own, whatever order they were taken in; a block
    /// holding no whole page marks nothing.
    @Test func blocksApartAreMarkedApart() {
        let low = Self.page..<5 * Self.page
        let high = 100 * Self.page + 8..<104 * Self.page + 8
        let small = 200 * Self.page + 16..<201 * Self.page + 16
        #expect(HugePages.markedRanges(of: [small, high, low], pageSize: Self.page)
            == [Self.page..<5 * Self.page, 101 * Self.page..<104 * Self.page])
    }

    /// A reserve takes what was asked rounded up to whole pages, and one page more: its
    /// blocks seldom start on a page's start.
    @Test func aReserveTakesAPageMoreThanItsWholePages() {
        #expect(HugePages.taken(for: Self.page, pageSize: Self.page) == 2 * Self.page)
        #expect(HugePages.taken(for: Self.page + 1, pageSize: Self.page) == 3 * Self.page)
        #expect(HugePages.taken(for: 6_032_940, pageSize: Self.page) == 4 * Self.page)
    }

    /// A reserve too small for one large page reserves nothing.
    @Test func lessThanAPageReservesNothing() {
        #expect(HugePages.reserve(HugePages.pageSize - 1).isEmpty)
    }

    /// What the reserve marked, the system holds marked. Read while its blocks are still
    /// taken: once free, another test's `malloc_trim` may hand the memory back (the main arena's
    /// top, which a test's thread may share).
    @Test(.enabled(if: HugePages.ready, "the system offers no large pages on request, or the C library is not glibc"))
    func theSystemHoldsTheReserveMarked() {
        let asked = 31 << 20
        let (blocks, marked) = HugePages.takeAndMark(asked)
        defer { HugePages.free(blocks) }
        #expect(blocks.reduce(0) { $0 + $1.count } == HugePages.taken(for: asked, pageSize: HugePages.pageSize))
        #expect(!marked.isEmpty)
        // At least what was asked for, in whole pages, where the blocks lie side by side (one
        // run, a whole number of pages long, loses under a page at its ends). Where another
        // thread took memory of the same arena between two, each block may lose up to two.
        let sorted = blocks.sorted { $0.lowerBound < $1.lowerBound }
        let sideBySide = zip(sorted, sorted.dropFirst()).allSatisfy { $1.lowerBound - $0.upperBound <= HugePages.headerGap }
        let total = marked.reduce(0) { $0 + $1.count }
        #expect(total >= (sideBySide ? asked : asked - 2 * blocks.count * HugePages.pageSize))
        for range in marked {
            #expect(Self.flags(at: range.lowerBound).contains("hg"))
            #expect(Self.flags(at: range.upperBound - 1).contains("hg"))
        }
    }

    /// The flags of the memory region holding `address` (empty where the system keeps no such
    /// account).
    static func flags(at address: Int) -> [String] {
        var inRegion = false
        for line in smaps() {
            if let dash = line.firstIndex(of: "-"), let space = line.firstIndex(of: " "), dash < space,
               let start = Int(line[..<dash], radix: 16),
               let end = Int(line[line.index(after: dash)..<space], radix: 16) {
                inRegion = start <= address && address < end
            } else if inRegion, line.hasPrefix("VmFlags:") {
                return line.dropFirst("VmFlags:".count).split(separator: " ").map(String.init)
            }
        }
        return []
    }

    /// The system's account of the process's memory, read to its end (its files tell no size).
    static func smaps() -> [Substring] {
        guard let file = FileHandle(forReadingAtPath: "/proc/self/smaps"),
              let data = try? file.readToEnd() else { return [] }
        return String(decoding: data, as: UTF8.self).split(separator: "\n")
    }
}
