import BatonSyntax

/// The message or the help of a finding, written like a string (`"'\(a)' calls '\(b)'"`) and
/// kept in a string of exactly its size.
///
/// A string interpolation starts with room for its literal text and doubles its storage as
/// the values are appended, so each text a finding keeps held up to twice the memory it needs,
/// and was moved once or twice on the way: on a large design, most of the memory of the
/// findings (16 MB per 4 MB of design). This one collects the parts and copies them once into
/// a string of their total size. A literal without values stays the literal (no copy at all).
public struct FindingText: ExpressibleByStringInterpolation, Sendable {
    public let string: String

    public init(_ string: String) {
        self.string = string
    }

    public init(stringLiteral literal: String) {
        string = literal
    }

    public init(stringInterpolation parts: Parts) {
        string = parts.joined()
    }

    /// The literal text and the values in order, and their total length in UTF-8.
    public struct Parts: StringInterpolationProtocol {
        /// The first parts, held in place: nearly every text has at most this many, and an
        /// array of them was an allocation (and its release) for every finding.
        private var first: (String, String, String, String, String, String, String, String, String, String, String, String)
            = ("", "", "", "", "", "", "", "", "", "", "", "")
        private static let firstCapacity = 12
        private var firstCount = 0
        /// The parts after the first twelve.
        private var rest: [String] = []
        private var count = 0

        public init(literalCapacity: Int, interpolationCount: Int) {}

        public mutating func appendLiteral(_ literal: String) {
            guard !literal.isEmpty else { return }
            append(literal)
        }

        public mutating func appendInterpolation(_ value: String) {
            append(value)
        }

        /// Any other value as a string interpolation writes it.
        public mutating func appendInterpolation<Value>(_ value: Value) {
            append(String(describing: value))
        }

        private mutating func append(_ part: String) {
            count += part.utf8.count
            guard firstCount < Self.firstCapacity else {
                rest.append(part)
                return
            }
            let index = firstCount
            // A tuple of one type is laid out as an array of it.
            withUnsafeMutablePointer(to: &first) { tuple in
                tuple.withMemoryRebound(to: String.self, capacity: Self.firstCapacity) { $0[index] = part }
            }
            firstCount += 1
        }

        func joined() -> String {
            String(unsafeUninitializedCapacity: count) { buffer in
                var offset = 0
                withUnsafePointer(to: first) { tuple in
                    tuple.withMemoryRebound(to: String.self, capacity: Self.firstCapacity) { parts in
                        for index in 0..<firstCount { offset = Self.copy(parts[index], into: buffer, at: offset) }
                    }
                }
                for part in rest { offset = Self.copy(part, into: buffer, at: offset) }
                return offset
            }
        }

        /// Copies `part`'s UTF-8 into `buffer` from `offset`, and returns where it ends. A
        /// function of its own, capturing nothing it changes: written as a local function that
        /// moved the offset, it was a closure whose captured offset the runtime checked for
        /// exclusive access on every part (a twentieth of a large design's rules).
        private static func copy(_ part: String, into buffer: UnsafeMutableBufferPointer<UInt8>, at offset: Int) -> Int {
            // Read in place when the string is stored as UTF-8 (a copy to call `withUTF8` on
            // retained it).
            if let end = part.utf8.withContiguousStorageIfAvailable({ write($0, into: buffer, at: offset) }) { return end }
            var part = part
            return part.withUTF8 { write($0, into: buffer, at: offset) }
        }

        private static func write(_ bytes: UnsafeBufferPointer<UInt8>, into buffer: UnsafeMutableBufferPointer<UInt8>, at offset: Int) -> Int {
            let end = offset + bytes.count
            _ = UnsafeMutableBufferPointer(rebasing: buffer[offset..<end]).initialize(fromContentsOf: bytes)
            return end
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
