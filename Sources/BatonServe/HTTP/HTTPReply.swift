/// What a route answers: a whole response, or an event stream the server keeps open and feeds
/// from the hub's `topic`, starting with `initial` when given (what changed since the client's
/// page was made).
public enum HTTPReply: Sendable {
    case response(HTTPResponse)
    case eventStream(topic: String, initial: ServerSentEvent? = nil)
}
