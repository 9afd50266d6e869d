/// One Server-Sent Event, written as the `text/event-stream` format wants it: an `event:`
/// line, one `data:` line per line of the data, and a blank line.
public struct ServerSentEvent: Sendable, Equatable {
    public var name: String
    public var data: String

    public init(name: String, data: String) {
        self.name = name
        self.data = data
    }

    /// The bytes on the stream. Each line of the data (ended by LF, CR LF or CR, as the format
    /// reads them) becomes a `data:` line, which the client joins with newlines again; line
    /// breaks in the name are dropped. (Scalars, not characters: "\r\n" is one character.)
    public var serialized: [UInt8] {
        var out: [UInt8] = Array("event: ".utf8)
        out.append(contentsOf: name.utf8.filter { $0 != 0x0A && $0 != 0x0D })
        out.append(0x0A)
        // On the UTF-8 bytes (CR and LF never occur inside a multi-byte character): runs between
        // line breaks are copied whole, so a diagram of megabytes is not rebuilt scalar by scalar.
        let bytes = Array(data.utf8)
        out.reserveCapacity(out.count + bytes.count + bytes.count / 16 + 16)
        let prefix = Array("data: ".utf8)
        var start = 0
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            guard byte == 0x0A || byte == 0x0D else {
                index += 1
                continue
            }
            out.append(contentsOf: prefix)
            out.append(contentsOf: bytes[start..<index])
            out.append(0x0A)
            // CR LF is one line break.
            index += byte == 0x0D && index + 1 < bytes.count && bytes[index + 1] == 0x0A ? 2 : 1
            start = index
        }
        out.append(contentsOf: prefix)
        out.append(contentsOf: bytes[start..<bytes.count])
        out.append(contentsOf: [0x0A, 0x0A])
        return out
    }

    /// A comment line: ignored by clients, it keeps proxies and the connection from idling out.
    public static let heartbeat = Array(": heartbeat\n\n".utf8)

    /// How long a client waits before reconnecting after the stream ends, in milliseconds.
    public static func retry(milliseconds: Int) -> [UInt8] { Array("retry: \(milliseconds)\n\n".utf8) }
}
