/// One parsed request: what the server needs to route it, nothing more (no body is ever
/// accepted).
public struct HTTPRequest: Sendable {
    public var method: String
    /// The request target as sent: an origin-form path with an optional query, still
    /// percent-encoded (the routes decode what they use, once).
    public var target: String
    /// `HTTP/1.1` or `HTTP/1.0`.
    public var version: String
    /// Header fields in the order received; names as sent.
    public var headers: [(name: String, value: String)]

    public init(method: String, target: String, version: String = "HTTP/1.1", headers: [(name: String, value: String)] = []) {
        self.method = method
        self.target = target
        self.version = version
        self.headers = headers
    }

    /// The value of the first header named `name` (case-insensitive).
    public func header(_ name: String) -> String? {
        let lowered = name.lowercased()
        return headers.first { $0.name.lowercased() == lowered }?.value
    }

    /// How many headers are named `name` (case-insensitive): a repeated `Host` is an error.
    public func count(of name: String) -> Int {
        let lowered = name.lowercased()
        return headers.count { $0.name.lowercased() == lowered }
    }

    /// The target without its query.
    public var path: String {
        target.firstIndex(of: "?").map { String(target[..<$0]) } ?? target
    }

    /// The target's query (after `?`), or nil.
    public var query: String? {
        target.firstIndex(of: "?").map { String(target[target.index(after: $0)...]) }
    }
}
