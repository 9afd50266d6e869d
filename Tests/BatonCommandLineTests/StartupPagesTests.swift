// Releasing the relocation table's pages after start-up: the table is found where the system
// mapped the program file without write permission, and releasing its pages takes them out of
// the process's memory without changing a byte of what they read (they come back from the
// file). The test process is itself a position-independent program with such a table.

@testable import baton
import Foundation
import Testing

#if os(Linux)
@Suite(.serialized) struct StartupPagesTests {
    /// The lines of /proc/self/maps: address range, permissions and the mapped file.
    struct Mapping {
        var range: Range<Int>
        var permissions: String
        var path: String
    }

    func mappings() throws -> [Mapping] {
        let text = try String(contentsOfFile: "/proc/self/maps", encoding: .utf8)
        return text.split(separator: "\n").compactMap { line in
            let fields = line.split(separator: " ", omittingEmptySubsequences: true)
            guard fields.count >= 5 else { return nil }
            let bounds = fields[0].split(separator: "-").compactMap { Int($0, radix: 16) }
            guard bounds.count == 2 else { return nil }
            return Mapping(range: bounds[0]..<bounds[1], permissions: String(fields[1]),
                           path: fields.count > 5 ? fields[5...].joined(separator: " ") : "")
        }
    }

    /// Which of the pages of `range` are in the process's memory (/proc/self/pagemap, bit 63).
    func residentPages(_ range: Range<Int>) throws -> [Bool] {
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        let handle = try #require(FileHandle(forReadingAtPath: "/proc/self/pagemap"))
        defer { try? handle.close() }
        try handle.seek(toOffset: UInt64(range.lowerBound / page * 8))
        let count = (range.upperBound - range.lowerBound) / page
        let data = try #require(try handle.read(upToCount: count * 8))
        return (0..<count).map { index in
            data.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: index * 8, as: UInt64.self) } >> 63 == 1
        }
    }

    func checksum(_ range: Range<Int>) throws -> UInt64 {
        let start = try #require(UnsafeRawPointer(bitPattern: range.lowerBound))
        var sum: UInt64 = 0xcbf2_9ce4_8422_2325
        for offset in 0..<range.count {
            sum = (sum ^ UInt64(start.load(fromByteOffset: offset, as: UInt8.self))) &* 0x100_0000_01b3
        }
        return sum
    }

    @Test func theTableIsFoundInAReadOnlyMappingOfTheProgramFile() throws {
        let table = try #require(StartupPages.relocationTable())
        #expect(table.count > 0)
        let program = try FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")
        let mapping = try #require(try mappings().first { $0.range.contains(table.lowerBound) })
        #expect(mapping.range.contains(table.upperBound - 1), "the table lies in one mapping")
        #expect(!mapping.permissions.contains("w"), "mapped without write permission: \(mapping.permissions)")
        #expect(mapping.path == program, "a mapping of the program file, not \(mapping.path)")
    }

    @Test func releasingTakesThePagesOutOfMemoryAndChangesNoByte() throws {
        let table = try #require(StartupPages.relocationTable())
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        // The pages 64 KB and more inside the table's ends: touching a page maps the cached
        // pages around it in the same 64 KB, and the sections beside the table (the symbols,
        // the lazy-binding relocations) may be read by other tests meanwhile.
        let margin = 64 << 10
        let inner = (table.lowerBound + margin + page - 1) / page * page..<(table.upperBound - margin) / page * page
        try #require(inner.count >= page, "the test program's table is large enough: \(table.count) bytes")
        let before = try checksum(table)
        #expect(try residentPages(inner).allSatisfy { $0 }, "read just now, so in memory")
        StartupPages.release()
        #expect(try residentPages(inner).allSatisfy { !$0 }, "released")
        #expect(try checksum(table) == before, "read again from the file, unchanged")
    }
}
#endif
