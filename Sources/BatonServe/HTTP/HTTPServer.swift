import Foundation

/// An HTTP/1.1 server on BSD sockets: one thread accepts, one thread serves each connection.
///
/// Every connection answers one request and closes (`Connection: close`), except an event
/// stream, which stays open until the client leaves, falls behind or the server stops. Limits
/// keep it small under abuse: a cap on connections and on streams (503 beyond them), bounded
/// request heads, a deadline to send the head (a slow client holds only its own thread), a
/// send timeout for clients that stop reading, and no SIGPIPE on writes.
public final class HTTPServer: @unchecked Sendable {
    public let options: ServerOptions
    public let hub: EventHub
    private let handler: @Sendable (HTTPRequest) -> HTTPReply
    private let lock = NSLock()
    private var listener: Int32 = -1
    private var stopping = false
    private var connections = 0
    private var streams = 0
    private var boundPort = 0
    private var policy = RequestPolicy(host: "127.0.0.1", port: 0)
    private let acceptLoopEnded = DispatchSemaphore(value: 0)
    private var running = false

    public init(options: ServerOptions, hub: EventHub, handler: @escaping @Sendable (HTTPRequest) -> HTTPReply) {
        self.options = options
        self.hub = hub
        self.handler = handler
    }

    /// The port listened on (the system's choice when the options asked for 0).
    public var port: Int { lock.withLock { boundPort } }

    /// The base URL, ending in `/`.
    public var url: String {
        let host = options.host.contains(":") ? "[\(options.host)]" : options.host
        return "http://\(host):\(port)/"
    }

    /// Requests being served and streams open now.
    public var activeConnections: Int { lock.withLock { connections } }
    public var activeStreams: Int { lock.withLock { streams } }

    /// Binds, listens and starts accepting on a thread of its own.
    public func start() throws(ServerError) {
        signal(SIGPIPE, SIG_IGN)
        let address = try SocketAddress(host: options.host, port: options.port)
        let descriptor = socket(address.family, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard descriptor >= 0 else { throw ServerError("cannot create a socket: \(String(cString: strerror(errno)))") }
        var one: Int32 = 1
        setsockopt(descriptor, SOL_SOCKET, SO_REUSEADDR, &one, socklen_t(MemoryLayout<Int32>.size))
        guard address.bind(descriptor) == 0 else {
            let reason = String(cString: strerror(errno))
            Glibc.close(descriptor)
            throw ServerError("cannot listen on \(options.host) port \(options.port): \(reason)")
        }
        guard listen(descriptor, 128) == 0 else {
            let reason = String(cString: strerror(errno))
            Glibc.close(descriptor)
            throw ServerError("cannot listen on \(options.host) port \(options.port): \(reason)")
        }
        let port = SocketAddress.localPort(descriptor)
        lock.withLock {
            listener = descriptor
            boundPort = port
            policy = RequestPolicy(host: options.host, port: port)
            running = true
        }
        let thread = Thread { [self] in acceptLoop(descriptor) }
        thread.name = "baton-serve-accept"
        thread.start()
    }

    /// Stops accepting, ends every event stream and closes the listening socket. Requests
    /// being answered finish on their own (their deadlines bound them).
    public func stop() {
        let wasRunning = lock.withLock {
            let was = running
            stopping = true
            running = false
            return was
        }
        hub.close()
        guard wasRunning else { return }
        acceptLoopEnded.wait()
        lock.withLock {
            Glibc.close(listener)
            listener = -1
        }
    }

    private var isStopping: Bool { lock.withLock { stopping } }

    private func acceptLoop(_ descriptor: Int32) {
        defer { acceptLoopEnded.signal() }
        while !isStopping {
            var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
            guard poll(&poller, 1, 100) > 0 else { continue }
            let client = accept(descriptor, nil, nil)
            guard client >= 0 else { continue }
            _ = fcntl(client, F_SETFD, FD_CLOEXEC)
            let connection = Connection(descriptor: client, sendTimeout: options.sendTimeout)
            let admitted = lock.withLock {
                guard connections < options.maxConnections else { return false }
                connections += 1
                return true
            }
            guard admitted else {
                connection.write(HTTPResponse.text(.serviceUnavailable, "Too many connections; try again.").serialized())
                connection.close()
                continue
            }
            let thread = Thread { [self] in serve(connection) }
            thread.name = "baton-serve-connection"
            thread.stackSize = 1 << 20
            thread.start()
        }
    }

    /// Reads one request head, answers it and closes — or turns the connection into a stream.
    private func serve(_ connection: Connection) {
        var counted = true
        defer {
            if counted { lock.withLock { connections -= 1 } }
        }
        let deadline = Date().addingTimeInterval(options.headerTimeout)
        var received: [UInt8] = []
        var request: HTTPRequest?
        while request == nil {
            switch RequestParser.parse(received, limits: options.limits) {
            case .request(let parsed):
                request = parsed
            case .failure(let status, let reason):
                connection.write(HTTPResponse.text(status, reason).serialized())
                connection.finish()
                return
            case .incomplete:
                guard let bytes = connection.read(until: deadline) else {
                    // The client left, or did not finish its head in time.
                    if Date() >= deadline, !received.isEmpty {
                        connection.write(HTTPResponse.text(.requestTimeout, "The request took too long.").serialized())
                    }
                    connection.close()
                    return
                }
                received += bytes
            }
        }
        guard let request else { return }
        let currentPolicy = lock.withLock { policy }
        if let refusal = currentPolicy.refusal(of: request) {
            connection.write(refusal.serialized())
            connection.finish()
            return
        }
        switch handler(request) {
        case .response(let response):
            connection.write(response.serialized(includeBody: request.method != "HEAD"))
            connection.finish()
        case .eventStream(let topic, let initial):
            let admitted = lock.withLock {
                guard streams < options.maxEventStreams, !stopping else { return false }
                streams += 1
                connections -= 1
                return true
            }
            guard admitted else {
                connection.write(HTTPResponse.text(.serviceUnavailable, "Too many event streams; try again.").serialized())
                connection.finish()
                return
            }
            counted = false
            defer { lock.withLock { streams -= 1 } }
            stream(topic: topic, initial: initial, to: connection, headOnly: request.method == "HEAD")
        }
    }

    private func stream(topic: String, initial: ServerSentEvent?, to connection: Connection, headOnly: Bool) {
        defer { connection.close() }
        var head = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream; charset=utf-8\r\n"
        for (name, value) in HTTPResponse.securityHeaders(contentSecurityPolicy: HTTPResponse.defaultContentSecurityPolicy) {
            head += "\(name): \(value)\r\n"
        }
        head += "X-Accel-Buffering: no\r\n\r\n"
        guard connection.write(Array(head.utf8)), !headOnly,
              connection.write(ServerSentEvent.retry(milliseconds: options.retryMilliseconds)) else { return }
        let subscription = hub.subscribe(topic: topic)
        defer { hub.unsubscribe(subscription) }
        if let initial { guard connection.write(initial.serialized) else { return } }
        var lastWrite = Date()
        while true {
            switch subscription.next(timeout: min(options.streamCheckInterval, options.heartbeatInterval)) {
            case .event(let event):
                guard connection.write(event.serialized) else { return }
                lastWrite = Date()
            case .ended:
                return
            case .idle:
                if connection.peerClosed { return }
                if Date().timeIntervalSince(lastWrite) >= options.heartbeatInterval {
                    guard connection.write(ServerSentEvent.heartbeat) else { return }
                    lastWrite = Date()
                }
            }
        }
    }
}
