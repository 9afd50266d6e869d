@testable import BatonJSON
import BatonWorkload
import Testing

/// The eight-bytes-at-a-time test that lets a string be copied whole must let through exactly
/// the strings the byte-by-byte escaping would copy unchanged, whatever their length and
/// wherever in a word the byte that needs escaping falls.
@Suite struct EscapeFastPathTests {
    /// Bytes next to every boundary the word-wise test has: each one escaping treats apart (the
    /// controls, `"`, `\`, DEL, the lead bytes of multi-byte characters) and their neighbours.
    static let interesting: [[UInt8]] = [
        [0x00], [0x01], [0x08], [0x09], [0x0A], [0x0C], [0x0D], [0x1F], [0x20], [0x21], [0x22], [0x23],
        [0x5B], [0x5C], [0x5D], [0x7E], [0x7F], Array("é".utf8), Array("\u{85}".utf8), Array("\u{A0}".utf8),
        Array("\u{61C}".utf8), Array("\u{2028}".utf8), Array("\u{202E}".utf8), Array("✓".utf8), Array("😀".utf8),
    ]

    /// A string of `count` bytes or a little more: printable ASCII, with now and then (one
    /// byte in `oddOnes` on average; never if 0) one of the `interesting` bytes.
    static func randomText(_ random: inout SplitMix64, count: Int, oddOnes: UInt64) -> String {
        var bytes: [UInt8] = []
        while bytes.count < count {
            if oddOnes > 0, random.next() % oddOnes == 0 {
                bytes += interesting[Int(random.next() % UInt64(interesting.count))]
            } else {
                // Space … tilde, but for the quote and the backslash, which come as odd ones.
                let byte = UInt8(0x20 + random.next() % 0x5F)
                bytes.append(byte == 0x22 || byte == 0x5C ? UInt8(ascii: "x") : byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The bytes `writeString` gives, against the quotes around the plain loop's.
    static func check(_ text: String) -> (fast: [UInt8], plain: [UInt8], noEscape: Bool, expected: Bool) {
        var fast: [UInt8] = []
        JSONValue.writeString(text, into: &fast)
        var plain: [UInt8] = [UInt8(ascii: "\"")]
        var copy = text
        let (noEscape, expected) = copy.withUTF8 { utf8 in
            JSONValue.writeEscapedByteByByte(utf8, into: &plain)
            return (JSONValue.needsNoEscape(utf8), !utf8.contains { $0 < 0x20 || $0 >= 0x7F || $0 == 0x22 || $0 == 0x5C })
        }
        plain.append(UInt8(ascii: "\""))
        return (fast, plain, noEscape, expected)
    }

    @Test(arguments: [UInt64(0), 4, 40, 400])
    func theFastPathWritesThePlainLoopsBytes(oddOnes: UInt64) {
        var random = SplitMix64(seed: 23 &+ oddOnes)
        var mismatches: [String] = []
        var copiedWhole = 0
        for count in 0...70 {
            for _ in 0..<60 {
                let text = Self.randomText(&random, count: count, oddOnes: oddOnes)
                let result = Self.check(text)
                if result.fast != result.plain || result.noEscape != result.expected { mismatches.append(text) }
                if result.noEscape { copiedWhole += 1 }
            }
        }
        #expect(mismatches.isEmpty, "first mismatches: \(mismatches.prefix(5).map { Array($0.utf8) })")
        // Both paths were taken (without odd bytes, every string is copied whole).
        if oddOnes == 0 { #expect(copiedWhole == 71 * 60) } else { #expect(copiedWhole > 0 && copiedWhole < 71 * 60) }
    }

    /// One byte that needs escaping at every place of strings of 1 to 40 bytes: the word-wise
    /// test finds it in any lane, and in the bytes after the last whole word.
    @Test func everyOddByteIsFoundInEveryPlace() {
        for count in 1...40 {
            for place in 0..<count {
                for odd in [UInt8(0x00), 0x1F, 0x22, 0x5C, 0x7F, 0x80, 0xFF] {
                    var bytes = Array(repeating: UInt8(ascii: "a"), count: count)
                    bytes[place] = odd
                    let found = bytes.withUnsafeBufferPointer { JSONValue.needsNoEscape($0) }
                    #expect(!found, "byte \(odd) at \(place) of \(count)")
                }
                let plain = Array(repeating: UInt8(ascii: "~"), count: count)
                #expect(plain.withUnsafeBufferPointer { JSONValue.needsNoEscape($0) })
            }
        }
    }

    /// The clean start copied whole ends at the word (or, after the last word, the byte) that
    /// holds the first byte to escape, and holds none itself.
    @Test(arguments: [UInt64(4), 40])
    func theCleanStartStopsAtTheFirstOddByte(oddOnes: UInt64) {
        var random = SplitMix64(seed: 5 &+ oddOnes)
        func isOdd(_ byte: UInt8) -> Bool { byte < 0x20 || byte >= 0x7F || byte == 0x22 || byte == 0x5C }
        for count in 0...70 {
            for _ in 0..<40 {
                var text = Self.randomText(&random, count: count, oddOnes: oddOnes)
                text.withUTF8 { utf8 in
                    let clean = JSONValue.escapeFreePrefix(utf8)
                    let first = utf8.firstIndex(where: isOdd) ?? utf8.count
                    let wholeWords = utf8.count / 8 * 8
                    #expect(clean == (first < wholeWords ? first / 8 * 8 : first), "\(Array(utf8))")
                }
            }
        }
    }

    /// The one integer writer gives what `String(_:)` gives, at the edges and at random.
    @Test func integersAreWrittenAsTheirDecimalText() {
        var random = SplitMix64(seed: 8)
        let edges = [0, 1, 9, 10, 99, 100, 1_000_000, 12_345_678, 99_999_999, 100_000_000, 100_000_001, -1, -10, Int.max, Int.min,
                     Int.max / 10, Int.max / 10 + 1]
        for number in edges + (0..<2_000).map({ _ in Int(truncatingIfNeeded: random.next()) >> Int(random.next() % 64) }) {
            // After other bytes, as in a document: the digits are appended, nothing else moves.
            var out: [UInt8] = Array("x: ".utf8)
            JSONValue.writeInt(number, into: &out)
            #expect(String(decoding: out, as: UTF8.self) == "x: " + String(number))
        }
    }
}
