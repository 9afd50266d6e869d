import Foundation

/// Reads `Content-Length`-framed messages (the LSP base protocol) from a file descriptor.
///
/// The reader never trusts its input: header lines, the number of headers and the body are
/// bounded, and a header block it cannot read is skipped up to the next `Content-Length:` so
/// one garbled message costs that message only. Reading stops at end of input, including in the
/// middle of a body (the client died: there is nobody left to answer).
public struct MessageReader {
    /// What the next read produced.
    public enum Event: Equatable, Sendable {
        /// One body, exactly `Content-Length` bytes.
        case message([UInt8])
        /// A header block that could not be read, and why; the reader has skipped past it.
        case malformed(String)
        /// End of input.
        case end
    }

    public struct Limits: Sendable {
        /// The longest header line (a `Content-Length` line is about 30 bytes).
        public var headerLineLength = 4096
        /// The most header lines in one block.
        public var headerCount = 32
        /// The largest body: a design is at most a few MB of text, and a JSON-escaped 256 MiB
        /// file is not something an editor sends.
        public var bodySize = 64 << 20

        public init() {}
    }

    private let source: ByteSource
    public let limits: Limits
    private var buffer: [UInt8] = []
    private var position = 0
    private var atEnd = false

    /// Reads from `descriptor` (which it does not close).
    public init(descriptor: Int32, limits: Limits = Limits()) {
        self.source = .descriptor(descriptor)
        self.limits = limits
    }

    /// Reads from bytes in memory (tests, fuzzing).
    public init(bytes: [UInt8], limits: Limits = Limits()) {
        self.source = .memory
        self.limits = limits
        self.buffer = bytes
        self.atEnd = true
    }

    private enum ByteSource {
        case descriptor(Int32)
        case memory
    }

    public mutating func next() -> Event {
        var contentLength: Int?
        var lines = 0
        while true {
            guard let line = readLine() else {
                return .end
            }
            guard let line else {
                return recover("a header line is longer than \(limits.headerLineLength) bytes")
            }
            if line.isEmpty {
                // A blank line before any header (a stray line break between messages) is noise.
                if lines == 0 { continue }
                break
            }
            lines += 1
            guard lines <= limits.headerCount else { return recover("more than \(limits.headerCount) header lines") }
            guard let colon = line.firstIndex(of: UInt8(ascii: ":")) else {
                return recover("a header line has no ':'")
            }
            let name = String(decoding: line[..<colon], as: UTF8.self).lowercased()
            let value = String(decoding: line[(colon + 1)...], as: UTF8.self).trimmingCharacters(in: .whitespaces)
            if name == "content-length" {
                guard !value.isEmpty, value.utf8.count <= 12, value.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }),
                      let length = Int(value)
                else {
                    return recover("Content-Length '\(value.prefix(40))' is not a number")
                }
                guard length <= limits.bodySize else {
                    return recover("Content-Length \(length) is larger than \(limits.bodySize) bytes")
                }
                contentLength = length
            }
            // Content-Type and anything else is ignored: the body is always UTF-8 JSON.
        }
        guard let length = contentLength else { return recover("a header block has no Content-Length") }
        guard let body = readBytes(length) else { return .end }
        return .message(body)
    }

    /// Skips to the next `Content-Length:` header (or the end of input) and reports why.
    private mutating func recover(_ reason: String) -> Event {
        let marker = Array("content-length:".utf8)
        while true {
            // Search the buffered bytes (case-insensitively) for the marker.
            if buffer.count - position >= marker.count {
                var index = position
                let last = buffer.count - marker.count
                while index <= last {
                    if Self.matches(buffer, at: index, marker) {
                        position = index
                        compact()
                        return .malformed(reason)
                    }
                    index += 1
                }
                // Keep the tail that could be the start of a marker.
                position = last + 1
                compact()
            }
            if !fill() {
                position = buffer.count
                compact()
                return .malformed(reason)
            }
        }
    }

    private static func matches(_ bytes: [UInt8], at index: Int, _ marker: [UInt8]) -> Bool {
        for offset in 0..<marker.count {
            var byte = bytes[index + offset]
            if byte >= 0x41 && byte <= 0x5A { byte += 0x20 }
            if byte != marker[offset] { return false }
        }
        return true
    }

    /// The next line without its terminator (`\r\n` or `\n`): nil at end of input, `.some(nil)`
    /// when it is too long (the reader is then left inside it; `recover` moves on).
    private mutating func readLine() -> [UInt8]?? {
        // Bytes already searched past `position` (an offset, since `fill` may compact the buffer).
        var scanned = 0
        while true {
            if let newline = buffer[(position + scanned)...].firstIndex(of: 0x0A) {
                var end = newline
                if end > position, buffer[end - 1] == 0x0D { end -= 1 }
                guard end - position <= limits.headerLineLength else { return .some(nil) }
                let line = Array(buffer[position..<end])
                position = newline + 1
                return .some(line)
            }
            scanned = buffer.count - position
            if buffer.count - position > limits.headerLineLength { return .some(nil) }
            if !fill() {
                // The input ended inside a header block: nothing more will come.
                return nil
            }
        }
    }

    private mutating func readBytes(_ count: Int) -> [UInt8]? {
        while buffer.count - position < count {
            if !fill() { return nil }
        }
        let body = Array(buffer[position..<(position + count)])
        position += count
        compact()
        return body
    }

    /// Drops consumed bytes once they are the bigger part of the buffer.
    private mutating func compact() {
        if position > 0, position >= buffer.count / 2 {
            buffer.removeFirst(position)
            position = 0
        }
    }

    /// Reads more input into the buffer; false at end of input or on a read error.
    private mutating func fill() -> Bool {
        guard !atEnd, case .descriptor(let descriptor) = source else { return false }
        compact()
        let chunk = 64 * 1024
        let old = buffer.count
        buffer.append(contentsOf: repeatElement(0, count: chunk))
        while true {
            let count = buffer.withUnsafeMutableBytes { raw in
                read(descriptor, raw.baseAddress.map { $0 + old }, chunk)
            }
            if count < 0, errno == EINTR { continue }
            if count <= 0 {
                buffer.removeLast(chunk)
                atEnd = true
                return false
            }
            buffer.removeLast(chunk - count)
            return true
        }
    }
}
