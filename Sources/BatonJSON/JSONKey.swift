/// A member's name as a document writes it, `"name": `, made once: quoted, escaped and
/// followed by the colon and the space pretty output puts there (compact output leaves the
/// space off).
///
/// A report writes the same two dozen names for each of its hundreds of thousands of
/// findings; written from a `String`, each was tested for characters to escape and copied
/// piece by piece every time (a twelfth of writing a large report). Kept in a `static let`, a
/// key's bytes are made on first use and then copied with one append. The bytes are those
/// `JSONValue.writeString` gives for the name, so a key written either way is the same.
public struct JSONKey: Hashable, Sendable {
    /// The name as given.
    public let name: String
    /// `"name": `, escaped as `JSONValue.writeString` escapes it.
    public let bytes: [UInt8]

    public init(_ name: String) {
        self.name = name
        var bytes: [UInt8] = []
        JSONValue.writeString(name, into: &bytes)
        bytes.append(UInt8(ascii: ":"))
        bytes.append(UInt8(ascii: " "))
        self.bytes = bytes
    }

    /// Appends the key as `pretty` or compact output writes it.
    func write(into out: inout [UInt8], pretty: Bool) {
        // Through a pointer: `append(contentsOf:)` takes an array as its own, so passing
        // `bytes` retained and released it on every key.
        bytes.withUnsafeBufferPointer { out.append(contentsOf: pretty ? $0 : UnsafeBufferPointer(rebasing: $0.dropLast())) }
    }
}
