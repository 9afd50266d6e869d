@testable import BatonJSON
import BatonWorkload
import Testing

/// A document written piece by piece (`JSONStream`) is the same bytes as the whole value
/// serialised, whatever its shape, and it reaches a destination in chunks, all of it, once.
@Suite struct JSONStreamTests {
    /// Writes `value` through the stream's calls, as a reporter does.
    static func stream(_ value: JSONValue, into json: inout JSONStream) {
        switch value {
        case .null: json.null()
        case .bool(let flag): json.bool(flag)
        case .number(let text):
            if let number = Int(text), String(number) == text { json.int(number) } else { json.value(value) }
        case .string(let text): json.string(text)
        case .array(let values):
            json.beginArray()
            for value in values { stream(value, into: &json) }
            json.endArray()
        case .object(let members):
            json.beginObject()
            for (key, value) in members {
                json.key(key)
                // Some members as whole values, as reports write their small parts.
                if case .object = value, key.count % 2 == 0 { json.value(value) } else { stream(value, into: &json) }
            }
            json.endObject()
        }
    }

    static func randomValue(_ random: inout SplitMix64, depth: Int) -> JSONValue {
        let texts = ["", "a", "quote \" and \\ slash", "line\nbreak\ttab", "é → 😀", "\u{1B}[2J", "\u{202E}rlo", "bad \u{7F}"]
        switch depth > 3 ? random.below(4) : random.below(6) {
        case 0: return .null
        case 1: return .bool(random.chance(0.5))
        case 2: return random.chance(0.5) ? .int(random.below(2_000_000) - 1_000_000) : .number("1.5e10")
        case 3: return .string(random.pick(texts) + String(random.below(100)))
        case 4: return .array((0..<random.below(5)).map { _ in randomValue(&random, depth: depth + 1) })
        default:
            return .object((0..<random.below(5)).map { index in
                (random.pick(texts) + String(index), randomValue(&random, depth: depth + 1))
            })
        }
    }

    @Test(arguments: [1, 2, 3, 4, 5, 6, 7, 8] as [UInt64])
    func piecesMakeTheSameBytesAsTheWholeValue(seed: UInt64) {
        var random = SplitMix64(seed: seed)
        for _ in 0..<200 {
            let value = Self.randomValue(&random, depth: 0)
            for pretty in [true, false] {
                let output = ByteOutput()
                var json = JSONStream(output, pretty: pretty)
                Self.stream(value, into: &json)
                json.drain()
                #expect(output.bytes == value.serializedBytes(pretty: pretty), "\(value.serialized(pretty: false))")
            }
        }
    }

    @Test func aLargeDocumentReachesItsDestinationInChunks() {
        var chunks: [[UInt8]] = []
        let output = ByteOutput { chunks.append($0) }
        var json = JSONStream(output)
        let member = JSONValue.object([("file", .string("designs/checkout.baton")), ("message", .string(String(repeating: "x", count: 300)))])
        json.beginArray()
        for _ in 0..<2_000 { json.value(member) }
        json.endArray()
        json.drain()
        #expect(chunks.count > 1, "a 700 KB document is not held whole")
        #expect(chunks.dropLast().allSatisfy { $0.count >= ByteOutput.chunkSize })
        output.flush()
        let whole = JSONValue.array(Array(repeating: member, count: 2_000)).serializedBytes(pretty: true)
        #expect(Array(chunks.joined()) == whole)
    }

    /// A whole chunk written with nothing waiting goes to the destination as it is; with bytes
    /// waiting it is appended after them: either way every byte arrives once, in order.
    @Test func aWholeChunkIsPassedOnInOrder() {
        var chunks: [[UInt8]] = []
        let output = ByteOutput { chunks.append($0) }
        let big = (0..<ByteOutput.chunkSize + 10).map { UInt8(truncatingIfNeeded: $0) }
        output.write(big)
        #expect(chunks == [big], "nothing was waiting: handed on at once")
        output.write(UInt8(ascii: "a"))
        output.write(big)
        output.write(Array("end".utf8))
        output.flush()
        #expect(chunks.count == 3)
        #expect(Array(chunks.joined()) == big + [UInt8(ascii: "a")] + big + Array("end".utf8))
        let kept = ByteOutput()
        kept.write(big)
        kept.write(big)
        #expect(kept.bytes == big + big, "without a destination everything is kept")
    }

    /// The line before a member or element at depths 0…40 (past the constant's 16 levels
    /// too): a line break and two spaces per level, after a comma when asked.
    @Test func indentationAtEveryDepthIsALineBreakAndTwoSpacesPerLevel() {
        for level in 0...40 {
            let spaces = Array(repeating: UInt8(ascii: " "), count: 2 * level)
            var plain: [UInt8] = [UInt8(ascii: "x")]
            JSONValue.newline(level, into: &plain)
            #expect(plain == Array("x\n".utf8) + spaces, "level \(level)")
            var separated: [UInt8] = [UInt8(ascii: "x")]
            JSONValue.newline(level, comma: true, into: &separated)
            #expect(separated == Array("x,\n".utf8) + spaces, "level \(level)")
            var unseparated: [UInt8] = []
            JSONValue.newline(level, comma: false, into: &unseparated)
            #expect(unseparated == Array(plain.dropFirst()))
        }
    }

    /// Deeply nested documents (deeper than the indentation constant) stream as they serialise.
    @Test func aDocumentDeeperThanTheIndentationConstantIsTheSameBytes() {
        var value = JSONValue.object([("leaf", .int(1)), ("other", .string("x"))])
        // Keys of odd length: `JSONStreamTests.stream` writes them piece by piece.
        for depth in 0..<24 {
            value = depth % 2 == 0 ? .array([.int(depth), value]) : .object([(depth < 10 ? "kk\(depth)" : "k\(depth)", value), ("n", .null)])
        }
        let output = ByteOutput()
        var json = JSONStream(output)
        Self.stream(value, into: &json)
        json.drain()
        #expect(output.bytes == value.serializedBytes(pretty: true))
        #expect(String(decoding: output.bytes, as: UTF8.self).contains("\n" + String(repeating: " ", count: 50) + "\"leaf\": 1,"))
    }
}
