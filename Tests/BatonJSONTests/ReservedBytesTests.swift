@testable import BatonJSON
import BatonWorkload
import Testing

/// Writing in place (`appendInPlace`) gives the bytes the array writers give, whatever the
/// estimate: a piece that does not fit is never written past the room, and the whole is
/// written again in more.
@Suite struct ReservedBytesTests {
    /// The pieces of a finding-like value, written by the array writers.
    static func appended(_ texts: [String], _ numbers: [Int], prefix: [UInt8]) -> [UInt8] {
        var bytes = prefix
        for (text, number) in zip(texts, numbers) {
            ",\n  \"key\": ".utf8.forEach { bytes.append($0) }
            JSONValue.writeString(text, into: &bytes)
            bytes.append(UInt8(ascii: ":"))
            JSONValue.writeInt(number, into: &bytes)
        }
        return bytes
    }

    /// The same pieces written in place, with room for `estimate` bytes at first; how many
    /// times `write` ran.
    static func inPlace(_ texts: [String], _ numbers: [Int], prefix: [UInt8], estimate: Int) -> (bytes: [UInt8], runs: Int) {
        var bytes = prefix
        var runs = 0
        bytes.appendInPlace(estimate: estimate) { out in
            runs += 1
            for (text, number) in zip(texts, numbers) {
                out.raw(",\n  \"key\": ")
                out.string(text)
                out.byte(UInt8(ascii: ":"))
                out.int(number)
            }
        }
        return (bytes, runs)
    }

    static let numbers = [0, 7, 9, 10, 42, 99, 100, 12_345, 99_999_999, 100_000_000, 123_456_789_012, Int.max, -1, -10, Int.min]

    @Test(arguments: [0, 1, 16, 100, 10_000])
    func anyEstimateGivesTheArrayWritersBytes(estimate: Int) {
        var random = SplitMix64(seed: 41)
        for round in 0..<200 {
            let count = Int(random.next() % 6)
            let texts = (0..<count).map { _ in
                EscapeFastPathTests.randomText(&random, count: Int(random.next() % 90), oddOnes: round % 2 == 0 ? 0 : 6)
            }
            let numbers = (0..<count).map { _ in Self.numbers[Int(random.next() % UInt64(Self.numbers.count))] }
            // Written after what the array holds already, as a report's chunk grows.
            let prefix = Array("[".utf8) + Array(repeating: UInt8(ascii: " "), count: Int(random.next() % 40))
            let written = Self.inPlace(texts, numbers, prefix: prefix, estimate: estimate)
            #expect(written.bytes == Self.appended(texts, numbers, prefix: prefix), "round \(round)")
        }
    }

    /// Every number is written as `writeInt` writes it (and as `String` does): the digits of
    /// one stored as a word, and those of the others.
    @Test func numbersAreWrittenAsWriteIntWritesThem() {
        for number in Self.numbers + Array(0...1_000) + [9_999_999, 10_000_000, 10_000_001] {
            var digits: [UInt8] = []
            JSONValue.writeInt(number, into: &digits)
            #expect(digits == Array(String(number).utf8))
            #expect(Self.inPlace([""], [number], prefix: [], estimate: 0).bytes == Self.appended([""], [number], prefix: []))
        }
    }

    /// However little room there is, nothing is written outside it: the bytes on both sides
    /// of the room stay as they were, and what fits is the start of the bytes asked for, or
    /// the writer says it overflowed and counts at least all of them.
    @Test func nothingIsWrittenOutsideTheRoom() {
        let guardBytes = 16
        let pieces: [(texts: [String], numbers: [Int])] = [
            (["plain"], [7]), (["\"quoted\"\n", "é \u{85}"], [12_345, -3]), ([""], [99_999_999]), (["\u{1}\u{1}"], [Int.min]),
        ]
        for (texts, numbers) in pieces {
            let expected = Self.appended(texts, numbers, prefix: [])
            for room in 0...(expected.count + 10) {
                var memory = [UInt8](repeating: 0xA5, count: room + 2 * guardBytes)
                let (count, overflowed) = memory.withUnsafeMutableBufferPointer { all in
                    var out = ReservedBytes(UnsafeMutableBufferPointer(rebasing: all[guardBytes..<(guardBytes + room)]))
                    for (text, number) in zip(texts, numbers) {
                        out.raw(",\n  \"key\": ")
                        out.string(text)
                        out.byte(UInt8(ascii: ":"))
                        out.int(number)
                    }
                    return (out.count, out.overflowed)
                }
                #expect(memory.prefix(guardBytes).allSatisfy { $0 == 0xA5 }, "room \(room)")
                #expect(memory.suffix(guardBytes).allSatisfy { $0 == 0xA5 }, "room \(room)")
                if overflowed {
                    #expect(count >= expected.count, "room \(room)")
                } else {
                    #expect(Array(memory[guardBytes..<(guardBytes + count)]) == expected, "room \(room)")
                }
                // Enough room is enough (an integer asks for eight bytes while it is written).
                if room >= expected.count + 8 { #expect(!overflowed, "room \(room)") }
                if room < expected.count { #expect(overflowed, "room \(room)") }
            }
        }
    }

    /// A short estimate makes `write` run again, once, in the room its pieces asked for; one
    /// that is enough runs it once.
    @Test func aShortEstimateWritesAgainInMoreRoom() {
        let text = String(repeating: "\"quoted\" and \n", count: 40)  // 560 bytes, escaped to 680
        let short = Self.inPlace([text], [1], prefix: [], estimate: 64)
        #expect(short.runs == 2)
        let enough = Self.inPlace([text], [1], prefix: [], estimate: 1_000)
        #expect(enough.runs == 1)
        #expect(short.bytes == enough.bytes)
        #expect(short.bytes == Self.appended([text], [1], prefix: []))
    }

    /// What a run that did not fit wrote is not kept: the array holds only the last run's bytes.
    @Test func anOverflowedRunLeavesNothingBehind() {
        var bytes: [UInt8] = Array("ab".utf8)
        var runs = 0
        bytes.appendInPlace(estimate: 0) { out in
            runs += 1
            out.raw("0123456789")
            out.bytes(Array(repeating: UInt8(ascii: "x"), count: 100))
        }
        #expect(runs == 2)
        #expect(bytes == Array("ab0123456789".utf8) + Array(repeating: UInt8(ascii: "x"), count: 100))
    }
}
