/// Writes one JSON document piece by piece into a `ByteOutput`: the same bytes that
/// `JSONValue.serialized(pretty:)` gives for the whole value, without building the value.
///
/// A report of a hundred thousand findings as one `JSONValue` is millions of small
/// allocations, then the bytes, then a copy of them as a `String`; written through a stream
/// it is appended to a buffer that goes out in chunks, and nothing of it stays behind.
///
/// Containers are opened and closed explicitly; `key` comes before each member's value.
/// Whole values (`value(_:)`) can be put anywhere a value goes, for the parts of a document
/// that are small and built once.
public struct JSONStream {
    public let output: ByteOutput
    public let pretty: Bool
    /// The bytes written since they last went to `output`. The stream keeps its own buffer
    /// because appending to a class's array is checked for exclusive access on every append,
    /// which cost as much as the appending. Strings and integers go through the compact
    /// appender's writers; the indentation and separators are this stream's.
    private var out = JSONBytes()

    /// The open containers, innermost last: whether each is an array, and how many members or
    /// elements it has so far (the separator and the closing line depend on both).
    private var open: [(isArray: Bool, count: Int)] = []
    /// A key was just written: the next value is its member's, with nothing before it.
    private var afterKey = false

    public init(_ output: ByteOutput, pretty: Bool = true) {
        self.output = output
        self.pretty = pretty
        out.bytes.reserveCapacity(ByteOutput.chunkSize + ByteOutput.chunkSize / 4)
    }

    /// An element of the innermost array, written already as it is at this depth (on another
    /// thread, say): placed after the separator, as the same value written here would be.
    public mutating func element(_ written: ArraySlice<UInt8>) {
        beginValue()
        out.bytes.append(contentsOf: written)
        drainIfFull()
    }

    /// An element of the innermost array that `write` appends to the stream's bytes in
    /// place, as this stream would write it at this depth, without the separator before it
    /// (which the stream places): for values of a fixed shape written many times, whose layout
    /// their writer knows (a report's findings).
    public mutating func element(_ write: (inout [UInt8]) -> Void) {
        beginValue()
        write(&out.bytes)
        drainIfFull()
    }

    /// Hands what was written to `output` (before anything else writes to it directly).
    public mutating func drain() {
        guard !out.bytes.isEmpty else { return }
        output.write(out.bytes)
        out.bytes.removeAll(keepingCapacity: true)
    }

    public mutating func beginObject() {
        beginValue()
        out.bytes.append(UInt8(ascii: "{"))
        open.append((false, 0))
    }

    public mutating func endObject() { end(UInt8(ascii: "}")) }

    public mutating func beginArray() {
        beginValue()
        out.bytes.append(UInt8(ascii: "["))
        open.append((true, 0))
    }

    public mutating func endArray() { end(UInt8(ascii: "]")) }

    /// The name of the next member of the innermost object.
    public mutating func key(_ name: String) {
        separate()
        out.string(name)
        out.bytes.append(UInt8(ascii: ":"))
        if pretty { out.bytes.append(UInt8(ascii: " ")) }
        afterKey = true
    }

    public mutating func string(_ text: String) {
        beginValue()
        out.string(text)
        drainIfFull()
    }

    public mutating func int(_ number: Int) {
        beginValue()
        out.int(number)
    }

    public mutating func bool(_ flag: Bool) {
        beginValue()
        out.bytes.append(contentsOf: (flag ? "true" : "false").utf8)
    }

    public mutating func null() {
        beginValue()
        out.bytes.append(contentsOf: "null".utf8)
    }

    /// A whole value, indented where it stands.
    public mutating func value(_ value: JSONValue) {
        beginValue()
        value.write(into: &out.bytes, pretty: pretty, indent: open.count)
        drainIfFull()
    }

    /// `"name": "text"` and the like: a member in one call.
    public mutating func member(_ name: String, _ text: String) {
        key(name)
        string(text)
    }

    public mutating func member(_ name: String, int number: Int) {
        key(name)
        int(number)
    }

    public mutating func member(_ name: String, bool flag: Bool) {
        key(name)
        bool(flag)
    }

    public mutating func member(_ name: String, _ value: JSONValue) {
        key(name)
        self.value(value)
    }

    private mutating func drainIfFull() {
        if out.bytes.count >= ByteOutput.chunkSize { drain() }
    }

    /// What goes before a value: nothing after a key, else (in an array) the separator.
    private mutating func beginValue() {
        if afterKey {
            afterKey = false
            return
        }
        if open.last?.isArray == true { separate() }
    }

    /// A comma after the previous member or element, and its line in pretty output.
    private mutating func separate() {
        guard let last = open.indices.last else { return }
        let comma = open[last].count > 0
        open[last].count += 1
        if pretty {
            JSONValue.newline(open.count, comma: comma, into: &out.bytes)
        } else if comma {
            out.bytes.append(UInt8(ascii: ","))
        }
    }

    private mutating func end(_ bracket: UInt8) {
        guard let closed = open.popLast() else { return }
        if pretty, closed.count > 0 { JSONValue.newline(open.count, into: &out.bytes) }
        out.bytes.append(bracket)
        drainIfFull()
    }
}
