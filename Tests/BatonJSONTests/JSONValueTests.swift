import BatonJSON
import Testing

@Suite struct JSONValueTests {
    @Test func roundTripKeepsKeyOrderAndNumberSpelling() throws {
        let text = #"{"z":1,"a":[1.50,-0,2e10,true,false,null],"m":{"k":"v"}}"#
        let value = try JSONValue.parse(text)
        #expect(value.serialized(pretty: false) == text)
        #expect(value.objectValue?.map(\.0) == ["z", "a", "m"])
    }

    @Test func stringsEscapeAndUnescape() throws {
        let value = try JSONValue.parse(#""quote \" slash \\ \n tab \t \u00e9 \ud83d\ude00 \/""#)
        #expect(value == .string("quote \" slash \\ \n tab \t é 😀 /"))
        #expect(JSONValue.string("a\u{1}b\u{2028}").serialized() == #""a\u0001b\u2028""#)
    }

    /// An unpaired surrogate escape is ill-formed UTF-16: it reads as U+FFFD where it stands,
    /// and never pairs with a low surrogate that comes later.
    @Test(arguments: [
        (#""a\ud83dz""#, "a\u{FFFD}z"),
        (#""a\ud83d""#, "a\u{FFFD}"),
        (#""\ud83d\n\ude00""#, "\u{FFFD}\n\u{FFFD}"),
        (#""\ud83d\ud83d\ude00""#, "\u{FFFD}😀"),
        (#""\ude00x""#, "\u{FFFD}x"),
    ])
    func unpairedSurrogatesBecomeReplacementCharacters(json: String, expected: String) throws {
        #expect(try JSONValue.parse(json) == .string(expected))
    }

    /// JSON allows these raw, but output read on a terminal must not carry them: a C1 control
    /// can act as an escape sequence there, a bidi override reorders the text.
    @Test func terminalControlsAreEscapedAndReadBack() throws {
        let text = "esc \u{1B}[2J del \u{7F} csi \u{9B} rlo \u{202E} isolate \u{2066} mark \u{200F} é → 😀"
        let written = JSONValue.string(text).serialized()
        #expect(written == #""esc \u001b[2J del \u007f csi \u009b rlo \u202e isolate \u2066 mark \u200f é → 😀""#)
        #expect(try JSONValue.parse(written) == .string(text))
        #expect(JSONValue.string("°C ∑ ص").serialized() == #""°C ∑ ص""#)
    }

    @Test func prettyOutputIsStable() {
        let value = JSONValue.object([("a", .array([.int(1), .object([])])), ("b", .string("x"))])
        #expect(value.serialized() == """
            {
              "a": [
                1,
                {}
              ],
              "b": "x"
            }
            """)
    }

    @Test(arguments: [
        ("{", "1:2"), ("[1,]", "1:4"), ("{\"a\" 1}", "1:6"), ("01", "1:2"), ("\"\\x\"", "1:4"), ("[1]\n x", "2:2"), ("\"a\nb\"", "1:3"),
    ])
    func errorsHaveLineAndColumn(text: String, position: String) {
        do {
            _ = try JSONValue.parse(text)
            Issue.record("\(text) parsed")
        } catch {
            #expect("\(error.line):\(error.column)" == position, "\(text): \(error)")
        }
    }

    @Test func deepNestingIsAnErrorNotACrash() {
        let text = String(repeating: "[", count: 100_000)
        #expect(throws: JSONParseError.self) { try JSONValue.parse(text) }
    }

    @Test func doubleFormatting() {
        #expect(JSONValue.double(3) == .number("3"))
        #expect(JSONValue.double(0.5) == .number("0.5"))
        #expect(JSONValue.double(.infinity) == .null)
    }
}
