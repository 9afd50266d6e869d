// `FileReader.contents(of:)` reads a regular file into an array sized from the file's length
// up front: every byte comes back, in order, whatever the size is beside its 64 KiB reads
// (empty, one byte, one read less one byte, exactly one read, one byte over, many reads), and
// whether the file turns out longer or shorter than the size it was opened with.

@testable import Baton
import BatonTestSupport
import Foundation
import Testing

@Suite struct FileContentsTests {
    /// Seeded bytes, so a byte read twice or out of order shows.
    static func bytes(_ count: Int, seed: UInt64) -> [UInt8] {
        var state = seed
        return (0..<count).map { _ in
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return UInt8(truncatingIfNeeded: state >> 33)
        }
    }

    @Test(arguments: [0, 1, 65_535, 65_536, 65_537, 300_001])
    func everyByteComesBackInOrder(size: Int) throws {
        let directory = try makeTemporaryDirectory([:], prefix: "baton-contents")
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.path + "/design.baton"
        let written = Self.bytes(size, seed: UInt64(size) + 1)
        try Data(written).write(to: URL(fileURLWithPath: path))
        let read = try FileReader.contents(of: path)
        #expect(read.count == size)
        #expect(read == written)
    }

    /// The size a file had when opened may be out of date by the time it is read: it has grown
    /// (read on past the room made for it) or shrunk (the room is not all filled).
    @Test(arguments: [(100_000, 1), (100_000, 99_999), (100_000, 100_000), (100_000, 100_001), (100_000, 250_000), (1, 70_000)])
    func everyByteComesBackWhateverSizeWasExpected(size: Int, expected: Int) throws {
        let directory = try makeTemporaryDirectory([:], prefix: "baton-contents")
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.path + "/design.baton"
        let written = Self.bytes(size, seed: UInt64(expected))
        try Data(written).write(to: URL(fileURLWithPath: path))
        let descriptor = open(path, O_RDONLY)
        try #require(descriptor >= 0)
        defer { close(descriptor) }
        let read = try FileReader.readAll(descriptor, what: "the file", expectedSize: expected)
        #expect(read == written)
    }

    /// Never more than the cap, whether the file is as large as expected or grew past it.
    @Test(arguments: [(1_000, 1_000, true), (1_001, 1_001, false), (1_001, 500, false), (1_001, 2_000, false),
                      (999, 2_000, true), (1_000, 999, true)])
    func theCapHoldsWhateverSizeWasExpected(size: Int, expected: Int, fits: Bool) throws {
        let directory = try makeTemporaryDirectory([:], prefix: "baton-contents")
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.path + "/design.baton"
        let written = Self.bytes(size, seed: 7)
        try Data(written).write(to: URL(fileURLWithPath: path))
        let descriptor = open(path, O_RDONLY)
        try #require(descriptor >= 0)
        defer { close(descriptor) }
        do {
            let read = try FileReader.readAll(descriptor, what: "the file", expectedSize: expected, maximum: 1_000)
            #expect(fits)
            #expect(read == written)
        } catch {
            #expect(!fits)
            #expect(error.reason == "the file is larger than 1000 bytes, the most Baton reads")
        }
    }
}
