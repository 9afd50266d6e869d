import Foundation

/// How the server listens and the bounds it keeps. The defaults are the command's; tests
/// shorten the timeouts.
public struct ServerOptions: Sendable {
    /// The address to bind: loopback unless the user widens it.
    public var host = "127.0.0.1"
    /// 0 lets the system pick a free port.
    public var port = 7777
    /// Requests being read or answered at once; one more is answered 503 and closed.
    public var maxConnections = 64
    /// Event streams open at once (they live long, so they have their own budget).
    public var maxEventStreams = 64
    /// A client must send its whole request head within this many seconds, or it is dropped:
    /// a client that trickles bytes holds one thread for this long at most.
    public var headerTimeout: TimeInterval = 5
    /// A write that cannot proceed for this long (the client stopped reading) fails.
    public var sendTimeout: TimeInterval = 10
    /// Seconds between comment lines on an idle event stream.
    public var heartbeatInterval: TimeInterval = 15
    /// How often an idle event stream checks whether its client left.
    public var streamCheckInterval: TimeInterval = 0.25
    /// The reconnection delay sent to event stream clients (`retry:`), in milliseconds.
    public var retryMilliseconds = 1000
    public var limits = RequestLimits()

    public init() {}
}
