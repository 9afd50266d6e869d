import BatonJSON
import Foundation

/// Writes `Content-Length`-framed JSON messages to a file descriptor, one whole message at a
/// time whichever thread sends it (responses come from the request queue, diagnostics from the
/// analysis queue).
///
/// A write error (the client closed its end) is remembered, not thrown: the server notices the
/// end of its input soon after and stops.
public final class MessageWriter: @unchecked Sendable {
    private let descriptor: Int32
    private let lock = NSLock()
    private var broken = false

    public init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    /// Whether a write has failed.
    public var isBroken: Bool { lock.withLock { broken } }

    public func send(_ message: JSONValue) {
        send(body: message.serializedBytes(pretty: false))
    }

    public func send(body: [UInt8]) {
        send(parts: [body])
    }

    /// One message whose body is `parts` one after the other: a large body (the diagnostics
    /// of a whole design) is written from where it is rather than copied into one buffer.
    public func send(parts: [[UInt8]]) {
        let length = parts.reduce(0) { $0 + $1.count }
        let header = Array("Content-Length: \(length)\r\n\r\n".utf8)
        // A small message goes out in one write.
        let pieces = length < 1 << 16 ? [parts.reduce(header, +)] : [header] + parts
        lock.withLock {
            for part in pieces {
                guard !broken else { return }
                var offset = 0
                while offset < part.count {
                    let written = part.withUnsafeBytes { raw in
                        write(descriptor, raw.baseAddress.map { $0 + offset }, part.count - offset)
                    }
                    if written < 0, errno == EINTR { continue }
                    if written <= 0 {
                        broken = true
                        return
                    }
                    offset += written
                }
            }
        }
    }

    /// `Content-Length: N\r\n\r\n` followed by the body.
    public static func frame(_ body: [UInt8]) -> [UInt8] {
        Array("Content-Length: \(body.count)\r\n\r\n".utf8) + body
    }
}
