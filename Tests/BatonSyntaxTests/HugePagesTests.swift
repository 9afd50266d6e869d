@testable import BatonSyntax
import Foundation
import Testing

/// `HugePages.reserve` makes what a thread allocates next come from memory marked for the
/// system's large pages: the mark is read back from the system's own account of the process's
/// memory (`/proc/self/smaps`, where a marked region's flags hold `hg`).
@Suite(.serialized) struct HugePagesTests {
    /// The calling thread's next allocations lie in marked memory.
    @Test func whatTheThreadTakesNextIsMarked() throws {
        guard HugePages.ready else { return }  // no large pages here (`never`), or not glibc
        HugePages.reserve(32 << 20)
        let block = try #require(malloc(4 << 20))
        defer { free(block) }
        // The head of the reserve, up to the first 2 MB boundary, is not marked: 3 MB in is.
        #expect(Self.flags(at: Int(bitPattern: block) + (3 << 20)).contains("hg"))
    }

    /// A worker thread reserves before its next piece of work, when asked to.
    @Test func workersReserveBeforeTheirNextWork() {
        guard HugePages.ready else { return }
        let threads = WorkerThreads()
        threads.reserveHugePages(32 << 20)
        let flags = LockedList<[String]>()
        let done = DispatchSemaphore(value: 0)
        threads.run {
            if let block = malloc(4 << 20) {
                flags.add(Self.flags(at: Int(bitPattern: block) + (3 << 20)))
                free(block)
            }
            done.signal()
        }
        done.wait()
        #expect(flags.all.count == 1)
        #expect(flags.all.first?.contains("hg") == true)
    }

    /// Less than one large page is not worth a reserve: nothing is allocated or marked.
    @Test func lessThanAPageIsNotReserved() {
        let before = Self.markedRegions()
        HugePages.reserve(1 << 20)
        #expect(Self.markedRegions() == before)
    }

    /// A setting's file is read whole; a missing one reads as empty.
    @Test func systemSettingsAreReadOrEmpty() throws {
        #expect(HugePages.systemSetting("/no/such/setting") == "")
        #if os(Linux)
        let setting = HugePages.systemSetting("/proc/self/comm")
        #expect(!setting.isEmpty)
        #endif
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

    /// How many regions are marked for large pages.
    static func markedRegions() -> Int {
        smaps().filter { $0.hasPrefix("VmFlags:") && $0.split(separator: " ").contains("hg") }.count
    }

    /// The system's account of the process's memory, read to its end (its files tell no size).
    static func smaps() -> [Substring] {
        guard let file = FileHandle(forReadingAtPath: "/proc/self/smaps"),
              let data = try? file.readToEnd() else { return [] }
        return String(decoding: data, as: UTF8.self).split(separator: "\n")
    }
}
