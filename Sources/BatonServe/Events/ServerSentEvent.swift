/// One Server-Sent Event, written as the `text/event-stream` format wants it: an `event:`
/// line, one `data:` line per line of the data, and a blank line.
public struct ServerSentEvent: Sendable, Equatable {
    public var name: String
    public var data: String

    public init(name: String, data: String) {
        self.name = name
        self.data = data
    }

    /// The bytes on the stream. A newline in the data becomes a new `data:` line (the client
    /// joins them with newlines again); carriage returns, which would end a line early, are
    /// dropped, and so are newlines in the name.
    public var serialized: [UInt8] {
        var text = "event: \(name.filter { $0 != "\n" && $0 != "\r" })\n"
        for line in data.filter({ $0 != "\r" }).split(separator: "\n", omittingEmptySubsequences: false) {
            text += "data: \(line)\n"
        }
        return Array((text + "\n").utf8)
    }

    /// A comment line: ignored by clients, it keeps proxies and the connection from idling out.
    public static let heartbeat = Array(": heartbeat\n\n".utf8)

    /// How long a client waits before reconnecting after the stream ends, in milliseconds.
    public static func retry(milliseconds: Int) -> [UInt8] { Array("retry: \(milliseconds)\n\n".utf8) }
}
