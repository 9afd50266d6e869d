@testable import BatonJSON
import Testing

@Suite struct JSONStreamReaderTests {
    static func reader(_ text: String, chunk: Int) -> JSONStreamReader {
        JSONStreamReader(source: JSONBytesSource(Array(text.utf8)), chunkSize: chunk)
    }

    /// Whatever the chunk size, reading a document whole gives what the whole-document parser
    /// gives: escapes, surrogates (paired and lone), numbers and nesting across chunk boundaries.
    @Test(arguments: [1, 2, 3, 7, 16, 1024])
    func agreesWithTheDocumentParser(chunk: Int) throws {
        let documents = [
            #"{"a":[1,-2.5e3,true,false,null,{"b":"x\"y\\z\/\n\t\u00e9\ud83d\ude00"}],"c":{},"d":[]}"#,
            #"  ["\ud800x", "\udc00", "plain text that is longer than a chunk", 0, 1e-7]  "#,
            #"{"résumé":"日本語","k":{"k":{"k":[[[]]]}}}"#,
        ]
        for document in documents {
            var reader = Self.reader(document, chunk: max(16, chunk))
            let streamed = try reader.readValue()
            #expect(streamed == (try JSONValue.parse(document)))
            #expect(try reader.hasNextTopLevelValue() == false)
        }
    }

    @Test func walksObjectsAndSkipsWhatItDoesNotNeed() throws {
        var reader = Self.reader(#"{"skip":{"x":[1,{"y":"\u0041"}]},"keep":"yes","n":12}"#, chunk: 16)
        try reader.enterObject()
        var kept: [String] = []
        while try reader.nextKey() {
            if reader.keyIs("keep") {
                kept.append(try reader.readString())
            } else if reader.keyIs("n") {
                kept.append(try reader.readNumberText())
            } else {
                try reader.skipValue()
            }
        }
        #expect(kept == ["yes", "12"])
        #expect(try reader.peek() == .end)
    }

    @Test func errorsSayWhereTheInputStoppedMakingSense() {
        let cases: [(String, String, Int, Int)] = [
            ("{\n  \"a\": 1,\n  \"b\" 2}", "expected ':' after the key, found '2'", 3, 7),
            ("[1, 2,]", "expected a value after ',', found ']'", 1, 7),
            ("[01]", "invalid number '01'", 1, 4),
            ("{\"a\": \"b", "unexpected end of input in a string", 1, 9),
            ("[\"\u{01}\"]", "control character '\\x1' in a string", 1, 3),
            ("[\"\\q\"]", "invalid escape '\\q' in a string", 1, 5),
            ("[tru]", "unexpected character ']'", 1, 5),
        ]
        for (text, message, line, column) in cases {
            var reader = Self.reader(text, chunk: 16)
            do {
                try reader.skipValue()
                Issue.record("no error for \(text)")
            } catch {
                #expect(error.message == message, "\(text)")
                #expect(error.line == line && error.column == column, "\(text): \(error)")
            }
        }
    }

    @Test func nestingAndKeptStringsAreBounded() {
        var deep = Self.reader(String(repeating: "[", count: 10_000), chunk: 64)
        #expect(throws: JSONStreamError.self) { try deep.skipValue() }
        var long = Self.reader("\"" + String(repeating: "x", count: 100) + "\"", chunk: 16)
        long.maxStringBytes = 50
        #expect(throws: JSONStreamError.self) { _ = try long.readString() }
        var skipped = Self.reader("\"" + String(repeating: "x", count: 100) + "\"", chunk: 16)
        skipped.maxStringBytes = 50
        #expect(throws: Never.self) { try skipped.skipValue() }
    }

    @Test func readsValuesOneAfterAnotherAndResumesAtTheNextLine() throws {
        var reader = Self.reader("{\"a\":1}\n{\"a\":[}\n{\"a\":3}\n", chunk: 16)
        #expect(try reader.readValue() == .object([("a", .number("1"))]))
        #expect(throws: JSONStreamError.self) { _ = try reader.readValue() }
        #expect(try reader.skipToNextLine())
        #expect(try reader.readValue() == .object([("a", .number("3"))]))
        #expect(try reader.hasNextTopLevelValue() == false)
    }
}
