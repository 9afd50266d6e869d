/// Why the server could not start: the address, and the system's reason.
public struct ServerError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
