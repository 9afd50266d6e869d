/// What a route answers: a whole response, or an event stream the server keeps open and feeds
/// from the hub's `topic`.
public enum HTTPReply: Sendable {
    case response(HTTPResponse)
    case eventStream(topic: String)
}
