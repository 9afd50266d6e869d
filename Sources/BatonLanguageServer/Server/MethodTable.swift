import BatonJSON

/// Method name → handler, and the capabilities those handlers give: adding a feature to the
/// server is one `request` (or `notification`) call and, when the client must be told, one
/// `capability` call, in `MethodTable.standard` or on a copy of it.
///
/// ```swift
/// var table = MethodTable.standard
/// table.request("textDocument/hover") { server, params throws(ResponseError) in
///     let context = try server.documentContext(params)   // analysis, cursor, converters
///     return Hover.hover(in: context.analysis, at: context.cursor(), …)
/// }
/// table.capability("hoverProvider", .bool(true))
/// ```
public struct MethodTable: Sendable {
    public typealias RequestHandler = @Sendable (LanguageServer, JSONValue?) throws(ResponseError) -> JSONValue
    public typealias NotificationHandler = @Sendable (LanguageServer, JSONValue?) throws(ResponseError) -> Void

    public enum Handler: Sendable {
        case request(RequestHandler)
        case notification(NotificationHandler)
    }

    public private(set) var handlers: [String: Handler] = [:]
    /// Members of the `capabilities` object of the `initialize` result, in the order added.
    public private(set) var capabilities: [(String, JSONValue)] = []

    public init() {}

    /// Handles requests for `method` (replacing any handler it had).
    public mutating func request(_ method: String, _ handler: @escaping RequestHandler) {
        handlers[method] = .request(handler)
    }

    /// Handles notifications of `method`.
    public mutating func notification(_ method: String, _ handler: @escaping NotificationHandler) {
        handlers[method] = .notification(handler)
    }

    /// Announces a capability (`"hoverProvider": true`), replacing an earlier value of the key.
    public mutating func capability(_ key: String, _ value: JSONValue) {
        if let index = capabilities.firstIndex(where: { $0.0 == key }) {
            capabilities[index].1 = value
        } else {
            capabilities.append((key, value))
        }
    }
}
