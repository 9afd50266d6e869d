import BatonJSON

/// A request's id: JSON-RPC allows a number or a string, and the response must echo it as sent.
public enum RequestID: Hashable, Sendable, CustomStringConvertible {
    /// The number's literal text, so `1.0` comes back as `1.0`.
    case number(String)
    case string(String)

    public init?(_ value: JSONValue) {
        switch value {
        case .number(let text): self = .number(text)
        case .string(let text): self = .string(text)
        default: return nil
        }
    }

    public var json: JSONValue {
        switch self {
        case .number(let text): .number(text)
        case .string(let text): .string(text)
        }
    }

    public var description: String {
        switch self {
        case .number(let text): text
        case .string(let text): "\"\(text)\""
        }
    }
}

/// The JSON-RPC and LSP error codes the server answers with.
public enum ErrorCode {
    public static let parseError = -32700
    public static let invalidRequest = -32600
    public static let methodNotFound = -32601
    public static let invalidParams = -32602
    public static let internalError = -32603
    public static let serverNotInitialized = -32002
    public static let requestCancelled = -32800
    public static let requestFailed = -32803
}

/// An error response: the code, a sentence for people, and optional data.
public struct ResponseError: Error, Hashable, Sendable {
    public var code: Int
    public var message: String
    public var data: JSONValue?

    public init(code: Int, message: String, data: JSONValue? = nil) {
        self.code = code
        self.message = message
        self.data = data
    }

    public static func invalidParams(_ message: String) -> ResponseError {
        ResponseError(code: ErrorCode.invalidParams, message: message)
    }

    public static func requestFailed(_ message: String) -> ResponseError {
        ResponseError(code: ErrorCode.requestFailed, message: message)
    }

    public var json: JSONValue {
        var members: [(String, JSONValue)] = [("code", .int(code)), ("message", .string(message))]
        if let data { members.append(("data", data)) }
        return .object(members)
    }
}

/// One JSON-RPC 2.0 message as the server reads it.
public enum RPCMessage: Hashable, Sendable {
    case request(id: RequestID, method: String, params: JSONValue?)
    case notification(method: String, params: JSONValue?)
    /// A response to a request the server sent (it sends none it waits for, so these are ignored).
    case response(id: RequestID?)

    /// Decodes a message body; a body that is not a valid message gives the error to answer
    /// with, and the id when one could be read.
    public static func decode(_ body: [UInt8]) -> Result<RPCMessage, Failure> {
        let value: JSONValue
        do {
            value = try JSONValue.parse(body)
        } catch {
            return .failure(Failure(id: nil, error: ResponseError(code: ErrorCode.parseError, message: "the message is not JSON: \(error.description)")))
        }
        return decode(value)
    }

    public static func decode(_ value: JSONValue) -> Result<RPCMessage, Failure> {
        guard case .object = value else {
            return .failure(Failure(id: nil, error: ResponseError(code: ErrorCode.invalidRequest, message: "a message must be a JSON object")))
        }
        let rawID = value["id"]
        let id = rawID.flatMap(RequestID.init)
        func invalid(_ message: String) -> Result<RPCMessage, Failure> {
            .failure(Failure(id: id, error: ResponseError(code: ErrorCode.invalidRequest, message: message)))
        }
        guard value["jsonrpc"]?.stringValue == "2.0" else { return invalid("\"jsonrpc\" must be \"2.0\"") }
        if let rawID, rawID != .null, id == nil { return invalid("\"id\" must be a number or a string") }
        // `"params": null` is what some clients send for a method without params: the same as none.
        let params = value["params"] == .null ? nil : value["params"]
        if let params {
            switch params {
            case .object, .array: break
            default: return invalid("\"params\" must be an object or an array")
            }
        }
        guard let methodValue = value["method"] else {
            if value["result"] != nil || value["error"] != nil { return .success(.response(id: id)) }
            return invalid("a message needs a \"method\"")
        }
        guard let method = methodValue.stringValue else { return invalid("\"method\" must be a string") }
        if let id { return .success(.request(id: id, method: method, params: params)) }
        if rawID == .null { return invalid("a request's \"id\" cannot be null") }
        return .success(.notification(method: method, params: params))
    }

    public struct Failure: Error, Hashable, Sendable {
        public var id: RequestID?
        public var error: ResponseError
    }
}

/// Builds the messages the server writes.
public enum RPC {
    public static func response(id: RequestID?, result: JSONValue) -> JSONValue {
        .object([("jsonrpc", .string("2.0")), ("id", id?.json ?? .null), ("result", result)])
    }

    public static func response(id: RequestID?, error: ResponseError) -> JSONValue {
        .object([("jsonrpc", .string("2.0")), ("id", id?.json ?? .null), ("error", error.json)])
    }

    public static func notification(_ method: String, _ params: JSONValue) -> JSONValue {
        .object([("jsonrpc", .string("2.0")), ("method", .string(method)), ("params", params)])
    }
}
