/// Bounds on what a client may send before the server answers, so that no request can make
/// it hold more than a few kilobytes or wait for ever.
public struct RequestLimits: Sendable {
    /// The longest request line (method, target, version), in bytes; longer is 414.
    public var requestLine = 8 * 1024
    /// The most header fields; more is 431.
    public var headerCount = 64
    /// The largest header block (request line included), in bytes; larger is 431.
    public var headerBytes = 16 * 1024

    public init(requestLine: Int = 8 * 1024, headerCount: Int = 64, headerBytes: Int = 16 * 1024) {
        self.requestLine = requestLine
        self.headerCount = headerCount
        self.headerBytes = headerBytes
    }
}
