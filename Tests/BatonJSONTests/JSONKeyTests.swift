@testable import BatonJSON
import Testing

/// The bytes made once for a report's keys and lines (`JSONKey`, the separator table) are
/// those the writers made each time before: the same escapes, the same whitespace.
@Suite struct JSONKeyTests {
    /// Names plain and needing escapes (quotes, backslashes, controls, characters escaped
    /// although JSON allows them raw), and non-ASCII text copied as it is.
    static let names = ["file", "", "endColumn", "a \"quoted\" name", "back\\slash", "line\nbreak\ttab", "\u{1B}[2J",
                        "\u{202E}rlo", "bad \u{7F} \u{85}", "é → 😀", "\u{061C}\u{2028}"]

    @Test(arguments: names)
    func aKeysBytesAreTheEscapedNameAColonAndASpace(name: String) {
        var expected: [UInt8] = []
        JSONValue.writeString(name, into: &expected)
        #expect(JSONKey(name).bytes == expected + Array(": ".utf8))
        #expect(JSONKey(name).name == name)
    }

    /// A member written with a key made once is the same bytes as with its name, in pretty and
    /// compact output, first in its object and after other members, and at any depth.
    @Test(arguments: names)
    func aKeyMadeOnceWritesWhatItsNameWrites(name: String) {
        for pretty in [true, false] {
            func document(_ key: (inout JSONStream, String) -> Void) -> [UInt8] {
                let output = ByteOutput()
                var json = JSONStream(output, pretty: pretty)
                json.beginObject()
                key(&json, name)
                json.string("first")
                key(&json, name + "2")
                json.beginArray()
                json.beginObject()
                key(&json, name)
                json.int(7)
                json.endObject()
                json.endArray()
                json.endObject()
                json.drain()
                return output.bytes
            }
            let byName = document { $0.key($1) }
            let byKey = document { $0.key(JSONKey($1)) }
            #expect(byKey == byName, "\(String(decoding: byKey, as: UTF8.self))")
            let object = JSONValue.object([(name, .string("first")), (name + "2", .array([.object([(name, .int(7))])]))])
            #expect(byKey == object.serializedBytes(pretty: pretty))
        }
    }

    /// The members taking a key made once write what those taking a name write.
    @Test func membersWithKeysMadeOnceWriteWhatMembersWithNamesWrite() {
        for pretty in [true, false] {
            let byName = ByteOutput()
            var json = JSONStream(byName, pretty: pretty)
            json.beginObject()
            json.member("text", "a \"b\"")
            json.member("count", int: 1_234_567)
            json.member("flag", bool: false)
            json.member("value", .object([("nested", .array([.null, .int(-3)]))]))
            json.endObject()
            json.drain()
            let byKey = ByteOutput()
            var keyed = JSONStream(byKey, pretty: pretty)
            keyed.beginObject()
            keyed.member(JSONKey("text"), "a \"b\"")
            keyed.member(JSONKey("count"), int: 1_234_567)
            keyed.member(JSONKey("flag"), bool: false)
            keyed.member(JSONKey("value"), .object([("nested", .array([.null, .int(-3)]))]))
            keyed.endObject()
            keyed.drain()
            #expect(byKey.bytes == byName.bytes)
            #expect(byKey.bytes.count > 40)
        }
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
        JSONStreamTests.stream(value, into: &json)
        json.drain()
        #expect(output.bytes == value.serializedBytes(pretty: true))
        #expect(String(decoding: output.bytes, as: UTF8.self).contains("\n" + String(repeating: " ", count: 50) + "\"leaf\": 1,"))
    }
}
