/// A complete response: the server adds the headers every response carries (length, no
/// caching, no sniffing, no referrer, the content security policy, `Connection: close`).
public struct HTTPResponse: Sendable {
    public var status: HTTPStatus
    public var contentType: String
    public var body: [UInt8]
    /// The page's content security policy; the default allows nothing at all, so only pages
    /// that say what they need (a script's hash, say) can run anything.
    public var contentSecurityPolicy: String
    /// Further headers, in order (`Allow` on a 405, say).
    public var headers: [(name: String, value: String)]

    public static let defaultContentSecurityPolicy = "default-src 'none'"

    public init(status: HTTPStatus = .ok, contentType: String, body: [UInt8],
                contentSecurityPolicy: String = HTTPResponse.defaultContentSecurityPolicy,
                headers: [(name: String, value: String)] = []) {
        self.status = status
        self.contentType = contentType
        self.body = body
        self.contentSecurityPolicy = contentSecurityPolicy
        self.headers = headers
    }

    /// A short plain-text answer, for errors and `/health`.
    public static func text(_ status: HTTPStatus, _ text: String, headers: [(name: String, value: String)] = []) -> HTTPResponse {
        HTTPResponse(status: status, contentType: "text/plain; charset=utf-8", body: Array((text + "\n").utf8), headers: headers)
    }

    /// An HTML page with its policy.
    public static func html(_ html: String, contentSecurityPolicy: String, status: HTTPStatus = .ok) -> HTTPResponse {
        HTTPResponse(status: status, contentType: "text/html; charset=utf-8", body: Array(html.utf8),
                     contentSecurityPolicy: contentSecurityPolicy)
    }

    /// The headers every response carries, after the status line.
    static func securityHeaders(contentSecurityPolicy: String) -> [(name: String, value: String)] {
        [
            ("Cache-Control", "no-store"),
            ("X-Content-Type-Options", "nosniff"),
            ("Content-Security-Policy", contentSecurityPolicy),
            ("Referrer-Policy", "no-referrer"),
        ]
    }

    /// The bytes on the wire; a response to HEAD has the headers of the GET and no body.
    public func serialized(includeBody: Bool = true) -> [UInt8] {
        var head = "HTTP/1.1 \(status.code) \(status.reason)\r\n"
        head += "Content-Type: \(contentType)\r\n"
        head += "Content-Length: \(body.count)\r\n"
        for (name, value) in Self.securityHeaders(contentSecurityPolicy: contentSecurityPolicy) + headers {
            head += "\(name): \(value)\r\n"
        }
        head += "Connection: close\r\n\r\n"
        var bytes = Array(head.utf8)
        if includeBody { bytes += body }
        return bytes
    }
}
