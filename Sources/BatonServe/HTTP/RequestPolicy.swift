/// What the server refuses before any route sees a request: methods other than GET and HEAD,
/// request bodies, and `Host` headers that do not name this server.
///
/// The `Host` check is the defence against DNS rebinding: a web page on another site can make
/// the browser resolve its own name to 127.0.0.1 and read this server's answers as same-origin,
/// but the browser still sends the page's name as `Host`, which is refused here.
public struct RequestPolicy: Sendable {
    /// Accepted `Host` values, lowercased, with and without the port.
    public var allowedHosts: [String]

    /// Methods known to HTTP but not served: 405 rather than 501.
    static let knownMethods = ["POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "CONNECT"]

    /// The hosts a server bound to `host` on `port` answers to: the loopback names when it is
    /// bound to loopback (or to every address), and the bound host as given.
    public init(host: String, port: Int) {
        var names: [String] = []
        if Self.isLoopback(host) || Self.isWildcard(host) { names += ["localhost", "127.0.0.1", "[::1]"] }
        if !Self.isWildcard(host) { names.append(host.contains(":") ? "[\(host)]" : host) }
        var allowed: [String] = []
        for name in names {
            for candidate in [name.lowercased(), "\(name.lowercased()):\(port)"] where !allowed.contains(candidate) {
                allowed.append(candidate)
            }
        }
        allowedHosts = allowed
    }

    /// Whether `host` (an address or `localhost`) can only be reached from this machine.
    public static func isLoopback(_ host: String) -> Bool {
        host == "localhost" || host == "::1" || host.hasPrefix("127.")
    }

    static func isWildcard(_ host: String) -> Bool { host == "0.0.0.0" || host == "::" }

    /// The refusal for `request`, or nil when it may be routed.
    public func refusal(of request: HTTPRequest) -> HTTPResponse? {
        guard request.method == "GET" || request.method == "HEAD" else {
            if Self.knownMethods.contains(request.method) {
                return .text(.methodNotAllowed, "Only GET and HEAD are served.", headers: [("Allow", "GET, HEAD")])
            }
            return .text(.notImplemented, "Unknown method.")
        }
        if request.header("Transfer-Encoding") != nil {
            return .text(.contentTooLarge, "Requests have no body here.")
        }
        if let length = request.header("Content-Length") {
            guard let value = Int(length), value >= 0, request.count(of: "Content-Length") == 1 else {
                return .text(.badRequest, "Malformed Content-Length.")
            }
            if value > 0 { return .text(.contentTooLarge, "Requests have no body here.") }
        }
        guard request.count(of: "Host") == 1, let host = request.header("Host"), !host.isEmpty else {
            return .text(.badRequest, "A request needs exactly one Host header.")
        }
        guard allowedHosts.contains(host.lowercased()) else {
            return .text(.forbidden, "This server answers only to its own address (see 'baton serve --help', --host).")
        }
        return nil
    }
}
