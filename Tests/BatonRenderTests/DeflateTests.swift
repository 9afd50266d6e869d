@testable import BatonRender
import BatonTestSupport
import BatonWorkload
import Foundation
import Testing

/// The compressor behind `--to png`: zlib streams that real inflaters (the test's own strict
/// one, and Python's zlib, which is the reference implementation) read back byte for byte, that
/// actually compress, and checksums that agree with the published values.
@Suite struct DeflateTests {
    /// Inputs that exercise every path: nothing, one byte, random bytes (literals, stored-like),
    /// long runs (distance-1 matches), repeated text (hash-chain matches), rows like a filtered
    /// image's, and more than the 32 KB window and several blocks.
    static func inputs() -> [(name: String, bytes: [UInt8])] {
        var random = SplitMix64(seed: 1_951)
        let noise = (0..<70_000).map { _ in UInt8(truncatingIfNeeded: random.next()) }
        let text = Array(String(repeating: "the baton passes from Checkout to Payments; ", count: 3_000).utf8)
        var rows: [UInt8] = []
        for row in 0..<400 {
            rows.append(2)
            var line = [UInt8](repeating: 0, count: 3 * 700)
            if row % 8 < 4 { for x in stride(from: 90, to: 2_100, by: 330) { line[x] = 0x40; line[x + 1] = 0x41; line[x + 2] = 0x42 } }
            rows += line
        }
        let mixed = (0..<200_000).map { index -> UInt8 in
            index % 5_000 < 2_500 ? 0 : UInt8(truncatingIfNeeded: random.next() % 3)
        }
        return [("empty", []), ("one byte", [7]), ("noise", noise), ("zeros", [UInt8](repeating: 0, count: 300_000)),
                ("text", text), ("image rows", rows), ("mixed", mixed), ("short run", [1, 1, 1, 1, 2, 2, 2])]
    }

    static func compress(_ bytes: [UInt8], pieces: Int = 1) -> [UInt8] {
        var zlib = ZlibWriter()
        var out: [UInt8] = []
        let size = max(1, bytes.count / pieces)
        var start = 0
        repeat {
            let end = min(bytes.count, start + size)
            let piece = Array(bytes[start..<end])
            piece.withUnsafeBufferPointer { zlib.append($0, live: 0..<piece.count) }
            out += zlib.take()
            start = end
        } while start < bytes.count
        zlib.finish()
        return out + zlib.take()
    }

    @Test func roundTripsThroughAStrictInflater() throws {
        for (name, bytes) in Self.inputs() {
            for pieces in [1, 7] {
                let compressed = Self.compress(bytes, pieces: pieces)
                #expect(try Inflate.zlib(compressed) == bytes, "\(name) in \(pieces) pieces")
            }
        }
    }

    @Test(.requires(program: "python3"))
    func roundTripsThroughPythonsZlib() throws {
        let python = try ExternalProgram.require("python3", package: "python3")
        for (name, bytes) in Self.inputs() {
            let output = try python.run(["-c", "import sys, zlib; sys.stdout.buffer.write(zlib.decompress(sys.stdin.buffer.read()))"],
                                        input: Data(Self.compress(bytes, pieces: 3)))
            #expect(output.status == 0, "\(name): \(output.standardError)")
            #expect([UInt8](output.standardOutput) == bytes, "\(name)")
        }
    }

    @Test func knownZerosAreCountedWithoutBeingRead() throws {
        // The filter promises zeros outside a range; the checksum counts them without reading.
        let bytes: [UInt8] = [0, 0, 0, 9, 8, 7, 0, 0, 0, 0]
        var zlib = ZlibWriter()
        bytes.withUnsafeBufferPointer { zlib.append($0, live: 3..<6) }
        zlib.finish()
        #expect(try Inflate.zlib(zlib.take()) == bytes)
    }

    @Test func flatDataCompressesAndNoiseDoesNotGrowMuch() {
        let zeros = [UInt8](repeating: 0, count: 1_000_000)
        #expect(Self.compress(zeros).count < 2_000, "a megabyte of zeros: \(Self.compress(zeros).count) bytes")
        let text = Self.inputs().first { $0.name == "text" }?.bytes ?? []
        #expect(Self.compress(text).count * 50 < text.count)
        let noise = Self.inputs().first { $0.name == "noise" }?.bytes ?? []
        #expect(Self.compress(noise).count < noise.count + noise.count / 100 + 64)
    }

    @Test func checksumsAreThePublishedOnes() {
        #expect(CRC32.checksum(Array("123456789".utf8)) == 0xCBF4_3926)
        #expect(CRC32.checksum(Array("IEND".utf8)) == 0xAE42_6082)
        var adler = Adler32()
        adler.update(Array("Wikipedia".utf8))
        #expect(adler.value == 0x11E6_0398)
        // Zeros counted in one step agree with zeros summed one by one, across the 5,552-byte
        // reduction blocks.
        var counted = Adler32(), summed = Adler32()
        counted.update([1, 2, 3])
        summed.update([1, 2, 3])
        counted.update(zeros: 100_003)
        summed.update([UInt8](repeating: 0, count: 100_003))
        #expect(counted.value == summed.value)
        #expect(summed.value == Inflate.adler32([1, 2, 3] + [UInt8](repeating: 0, count: 100_003)))
    }

    @Test func huffmanCodesRespectTheLengthLimitAndAreComplete() {
        // Fibonacci counts make the deepest possible tree: 30 symbols would need 29 bits.
        var counts = [1, 1]
        while counts.count < 30 { counts.append(counts[counts.count - 1] + counts[counts.count - 2]) }
        let lengths = HuffmanCode.lengths(counts, limit: 15)
        #expect((lengths.max() ?? 0) <= 15)
        #expect(HuffmanCode.lengths(counts, limit: 40).max() == 29, "unlimited, the tree is that deep")
        #expect((HuffmanCode.lengths(counts, limit: 7).max() ?? 0) <= 7)
        #expect(lengths.allSatisfy { $0 >= 1 })
        // Complete: the Kraft sum is exactly one.
        let kraft = lengths.reduce(0.0) { $0 + pow(2, -Double($1)) }
        #expect(abs(kraft - 1) < 1e-12)
        #expect(HuffmanCode.lengths([0, 5, 0, 0], limit: 7) == [0, 1, 0, 0])
        #expect(HuffmanCode.codes([2, 1, 3, 3]) == [0b01, 0b0, 0b011, 0b111], "canonical, bit-reversed")
    }
}
