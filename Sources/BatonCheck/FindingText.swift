import BatonSyntax

/// The message or the help of a finding, written like a string (`"'\(a)' calls '\(b)'"`) and
/// kept in a string of exactly its size.
///
/// A string interpolation starts with room for its literal text and doubles its storage as
/// the values are appended, so each text a finding keeps held up to twice the memory it needs,
/// and was moved once or twice on the way: on a large design, most of the memory of the
/// findings (16 MB per 4 MB of design). This one collects the parts' bytes and copies them once
/// into a string of their total size. A literal without values stays the literal (no copy at
/// all).
public struct FindingText: ExpressibleByStringInterpolation, Sendable {
    public let string: String

    public init(_ string: String) {
        self.string = string
    }

    public init(stringLiteral literal: String) {
        string = literal
    }

    public init(stringInterpolation parts: consuming Parts) {
        string = parts.joined()
    }

    /// `prefix`, the texts with `separator` between them (`lastSeparator` before the last one,
    /// when given: "a, b and c"), and `suffix`, in one string of its size. Lists of names are in
    /// the messages of whole families of findings, and joining them then adding what comes
    /// around made a string for each step.
    public static func joined(_ texts: some Collection<String>, prefix: String = "", separator: String,
                              lastSeparator: String? = nil, suffix: String = "") -> String {
        var parts = Parts(literalCapacity: 0, interpolationCount: texts.count)
        parts.appendLiteral(prefix)
        parts.appendList(texts, separator: separator, lastSeparator: lastSeparator) { $0.appendInterpolation($1) }
        parts.appendLiteral(suffix)
        return parts.joined()
    }

    /// The bytes of the literal text and the values, in order.
    ///
    /// They are copied as they come into room held in place, and only a text longer than that
    /// room moves to an array. Holding the parts themselves (as strings, to copy at the end)
    /// retained each one and released it again, which cost as much as the copies.
    public struct Parts: StringInterpolationProtocol {
        /// Room for 256 bytes, where nearly every finding's text fits.
        private typealias Room = (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64,
                                  UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64,
                                  UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64,
                                  UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64)
        private static let roomSize = MemoryLayout<Room>.size
        private var room: Room = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
                                  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        /// How many bytes there are.
        private var count = 0
        /// All the bytes, once there are more than `room` holds.
        private var spilled: [UInt8] = []

        public init(literalCapacity: Int, interpolationCount: Int) {}

        public mutating func appendLiteral(_ literal: String) {
            append(literal)
        }

        public mutating func appendInterpolation(_ value: String) {
            append(value)
        }

        /// Another text made the same way, as it reads (the generic interpolation below would
        /// describe the structure instead).
        public mutating func appendInterpolation(_ value: FindingText) {
            append(value.string)
        }

        /// An integer in decimal, its digits written straight in (by `LiteralFormat`, as numbers
        /// are written everywhere): counts and durations are in many messages, and
        /// `String(describing:)` made a string of each.
        public mutating func appendInterpolation(_ value: Int) {
            // The sign and at most 19 digits.
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in
                var count = 0
                if value < 0 {
                    digits[0] = UInt8(ascii: "-")
                    count = 1
                }
                count += LiteralFormat.writeDigits(of: UInt64(value.magnitude), into: digits, at: count)
                append(UnsafeBufferPointer(rebasing: digits[..<count]))
            }
        }

        /// The items with `separator` between them (`lastSeparator` before the last one, when
        /// given: "a, b and c"), each written by `write`: the one way a list goes into a text.
        public mutating func appendList<Items: Collection>(_ items: Items, separator: String, lastSeparator: String? = nil,
                                                           _ write: (inout Parts, Items.Element) -> Void) {
            var index = 0
            for item in items {
                if index > 0 { appendLiteral(index == items.count - 1 ? lastSeparator ?? separator : separator) }
                write(&self, item)
                index += 1
            }
        }

        /// Any other value as a string interpolation writes it.
        public mutating func appendInterpolation<Value>(_ value: Value) {
            append(String(describing: value))
        }

        // Both appends are inlined where a text is written: called, each spent more on its
        // entry and exit (the room is in `self`) than on copying a part of a few bytes.
        @inline(__always)
        private mutating func append(_ part: String) {
            // Read in place when the string is stored as UTF-8; a small string's bytes are
            // copied out first (`withUTF8` on a copy, which retains nothing).
            if part.utf8.withContiguousStorageIfAvailable({ append($0) }) != nil { return }
            var part = part
            part.withUTF8 { append($0) }
        }

        @inline(__always)
        private mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
            guard let source = bytes.baseAddress, !bytes.isEmpty else { return }
            let end = count + bytes.count
            if end <= Self.roomSize {
                let at = count
                withUnsafeMutableBytes(of: &room) { room in
                    room.baseAddress?.advanced(by: at).copyMemory(from: source, byteCount: bytes.count)
                }
            } else {
                if spilled.isEmpty {
                    spilled.reserveCapacity(2 * end)
                    let held = count
                    withUnsafeBytes(of: &room) { spilled.append(contentsOf: $0.prefix(held)) }
                }
                spilled.append(contentsOf: bytes)
            }
            count = end
        }

        /// The bytes in one string of their size. Mutating only to read the room where it is.
        mutating func joined() -> String {
            guard count > Self.roomSize else {
                let held = count
                return withUnsafeBytes(of: &room) { room in
                    String(decoding: UnsafeRawBufferPointer(rebasing: room.prefix(held)).assumingMemoryBound(to: UInt8.self),
                           as: UTF8.self)
                }
            }
            return String(decoding: spilled, as: UTF8.self)
        }
    }
}

extension Diagnostic.Note {
    /// A note whose message is written like a string and kept at its exact size
    /// (`FindingText`).
    static func note(_ message: FindingText, at span: Span? = nil) -> Diagnostic.Note {
        Diagnostic.Note(message.string, at: span)
    }
}
