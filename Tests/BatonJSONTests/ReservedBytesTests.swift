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
            var expected: [UInt8] = []
            JSONValue.writeInt(number, into: &expected)
            #expect(Self.inPlace([""], [number], prefix: [], estimate: 0).bytes.suffix(expected.count) == expected[...])
            #expect(expected == Array(String(number).utf8))
        }
    }

    /// A short estimate makes `write` run again with twice the room, until it fits; one that
    /// is enough runs it once.
    @Test func aShortEstimateWritesAgainInMoreRoom() {
        let text = String(repeating: "\"quoted\" and \n", count: 40)  // 560 bytes, escaped to 680
        let short = Self.inPlace([text], [1], prefix: [], estimate: 64)
        #expect(short.runs == 5)  // 64, 128, 256, 512, 1024
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
