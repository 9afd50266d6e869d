import BatonJSON
import Testing

/// The writer escapes strings on their UTF-8 bytes; these tests hold it to a reference that
/// decides scalar by scalar, over every scalar of the first planes and every character the
/// writer escapes although JSON would not require it.
@Suite struct StringEscapingTests {
    /// What a JSON string of `scalar` must look like.
    static func reference(_ scalar: Unicode.Scalar) -> String {
        switch scalar {
        case "\"": return "\\\""
        case "\\": return "\\\\"
        case "\n": return "\\n"
        case "\r": return "\\r"
        case "\t": return "\\t"
        case "\u{08}": return "\\b"
        case "\u{0C}": return "\\f"
        default:
            switch scalar.value {
            case 0..<0x20, 0x7F...0x9F, 0x061C, 0x200E, 0x200F, 0x2028...0x202E, 0x2066...0x2069:
                let hex = String(scalar.value, radix: 16)
                return "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default:
                return String(Character(scalar))
            }
        }
    }

    @Test func everyScalarOfTheFirstPlanesIsWrittenLikeTheReference() {
        var mismatches: [UInt32] = []
        for value in UInt32(0)...0x2_FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            // Between two letters, so a run copied whole around an escape is covered too.
            let text = "a" + String(Character(scalar)) + "b"
            let expected = "\"a" + Self.reference(scalar) + "b\""
            if JSONValue.string(text).serialized(pretty: false) != expected { mismatches.append(value) }
        }
        #expect(mismatches.isEmpty, "first mismatches: \(mismatches.prefix(10).map { String($0, radix: 16) })")
    }

    @Test func bytesAndStringAgreeAndRoundTrip() throws {
        let value = JSONValue.object([
            ("message", .string("line one\nline \u{202E}two\u{2069} \"quoted\" \\ tab\t é 日本 🎉 \u{85}")),
            ("list", .array([.int(1), .bool(true), .null, .object([])])),
        ])
        for pretty in [true, false] {
            let bytes = value.serializedBytes(pretty: pretty)
            #expect(String(decoding: bytes, as: UTF8.self) == value.serialized(pretty: pretty))
            #expect(try JSONValue.parse(value.serialized(pretty: pretty)) == value)
        }
    }
}
