/// Why a compiled design could not be rendered as asked: the invocation's fault (exit 2).
public struct RenderError: Error, Hashable, Sendable {
    public var message: String
    public var help: String?

    public init(message: String, help: String? = nil) {
        self.message = message
        self.help = help
    }
}
