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
        private var parts: [String] = []
        private var count = 0

        public init(literalCapacity: Int, interpolationCount: Int) {
            parts.reserveCapacity(2 * interpolationCount + 1)
        }

        public mutating func appendLiteral(_ literal: String) {
            guard !literal.isEmpty else { return }
            parts.append(literal)
            count += literal.utf8.count
        }

        public mutating func appendInterpolation(_ value: String) {
            parts.append(value)
            count += value.utf8.count
        }

        /// Any other value as a string interpolation writes it.
        public mutating func appendInterpolation<Value>(_ value: Value) {
            appendInterpolation(String(describing: value))
        }

        func joined() -> String {
            String(unsafeUninitializedCapacity: count) { buffer in
                var offset = 0
                for part in parts {
                    var part = part
                    part.withUTF8 { bytes in
                        let end = offset + bytes.count
                        _ = UnsafeMutableBufferPointer(rebasing: buffer[offset..<end]).initialize(fromContentsOf: bytes)
                        offset = end
                    }
                }
                return offset
            }
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
