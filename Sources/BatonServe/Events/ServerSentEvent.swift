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
        var name = String.UnicodeScalarView()
        name.append(contentsOf: self.name.unicodeScalars.filter { $0 != "\n" && $0 != "\r" })
        var text = "event: \(String(name))\n"
        var line = String.UnicodeScalarView()
        var previous: Unicode.Scalar?
        for scalar in data.unicodeScalars {
            defer { previous = scalar }
            if scalar == "\n", previous == "\r" { continue }
            if scalar == "\n" || scalar == "\r" {
                text += "data: \(String(line))\n"
                line = String.UnicodeScalarView()
            } else {
                line.append(scalar)
            }
        }
        text += "data: \(String(line))\n"
        return Array((text + "\n").utf8)
    }

    /// A comment line: ignored by clients, it keeps proxies and the connection from idling out.
    public static let heartbeat = Array(": heartbeat\n\n".utf8)

    /// How long a client waits before reconnecting after the stream ends, in milliseconds.
    public static func retry(milliseconds: Int) -> [UInt8] { Array("retry: \(milliseconds)\n\n".utf8) }
}
