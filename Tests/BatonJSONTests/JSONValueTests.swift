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
