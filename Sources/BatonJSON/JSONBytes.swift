/// Appends compact JSON to a byte array: the bytes `JSONValue.serializedBytes(pretty: false)`
/// gives, written without building the values first. The caller places the punctuation (`raw`);
/// strings and integers go through the writers `JSONValue` and `JSONStream` use, so there is
/// one way of escaping and one of writing digits.
///
/// For what is written large and often with a fixed shape, such as the language server's
/// diagnostics of a whole design: as `JSONValue`s, fourteen thousand diagnostics were hundreds
/// of thousands of small allocations (a quarter of an analysis) only to be turned into bytes
/// and freed. `JSONStream` is the writer that keeps track of containers and separators (and
/// indents); this one leaves them to the caller.
public struct JSONBytes: Hashable, Sendable {
    public var bytes: [UInt8] = []

    public init() {}

    /// Punctuation and keys, copied as they are.
    public mutating func raw(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    public mutating func raw(_ more: [UInt8]) {
        bytes.append(contentsOf: more)
    }

    /// A JSON string, escaped as `JSONValue` escapes it.
    public mutating func string(_ text: String) {
        JSONValue.writeString(text, into: &bytes)
    }

    /// Continues the JSON string just written with `escaped`, text already escaped for JSON
    /// (a line break as backslash and `n`), and then `text`: the same bytes as writing the
    /// concatenation, since every character is escaped on its own.
    public mutating func continueString(_ escaped: StaticString, _ text: String) {
        bytes.removeLast()  // the closing quote
        raw(escaped)
        JSONValue.writeStringContents(text, into: &bytes)
        bytes.append(UInt8(ascii: "\""))
    }

    /// An integer, as `JSONValue.int` writes it.
    public mutating func int(_ number: Int) {
        JSONValue.writeInt(number, into: &bytes)
    }
}
