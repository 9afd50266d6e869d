import BatonJSON
import BatonLanguageServer
import BatonTestSupport
import Foundation

/// A test client: writes framed messages to a server (in this process, on a thread, or the
/// real `baton lsp` as a child process) and collects what it answers.
final class LSPClient: @unchecked Sendable {
    private let toServer: Int32
    private let condition = NSCondition()
    private var received: [JSONValue] = []
    private var outputEnded = false
    private var nextID = 100
    private let process: Process?
    private let serverDone = DispatchSemaphore(value: 0)
    private var serverStatus: Int32?

    /// A server in this process, over pipes.
    init(debounce: Double = 0.01) {
        var input: [Int32] = [0, 0]
        var output: [Int32] = [0, 0]
        _ = pipe(&input)
        _ = pipe(&output)
        toServer = input[1]
        process = nil
        let server = LanguageServer(input: input[0], output: output[1], options: .init(debounce: debounce))
        let readEnd = input[0]
        let writeEnd = output[1]
        Thread.detachNewThread { [self] in
            let status = server.run()
            close(readEnd)
            // Analyses may still be queued; the server stops publishing once run returns.
            condition.lock()
            serverStatus = status
            condition.unlock()
            serverDone.signal()
            // Give late writers a moment before the client sees the end of the output.
            Thread.sleep(forTimeInterval: 0.05)
            close(writeEnd)
        }
        startReading(output[0])
    }

    /// The real `baton lsp` in a child process.
    init(executable arguments: [String]) throws {
        signal(SIGPIPE, SIG_IGN)
        let process = Process()
        process.executableURL = BatonExecutable.url
        process.arguments = arguments
        let stdin = Pipe()
        let stdout = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = FileHandle.nullDevice
        try process.run()
        self.process = process
        toServer = stdin.fileHandleForWriting.fileDescriptor
        let descriptor = dup(stdout.fileHandleForReading.fileDescriptor)
        startReading(descriptor)
        process.terminationHandler = { [self] finished in
            condition.lock()
            serverStatus = finished.terminationStatus
            condition.unlock()
            serverDone.signal()
        }
        // Keep the pipes alive for as long as the client.
        pipes = [stdin, stdout]
    }

    private var pipes: [Pipe] = []

    private func startReading(_ descriptor: Int32) {
        Thread.detachNewThread { [self] in
            var reader = MessageReader(descriptor: descriptor)
            while true {
                switch reader.next() {
                case .message(let body):
                    let value = (try? JSONValue.parse(body)) ?? .string("unparsable: " + String(decoding: body, as: UTF8.self))
                    condition.lock()
                    received.append(value)
                    condition.broadcast()
                    condition.unlock()
                case .malformed:
                    continue
                case .end:
                    condition.lock()
                    outputEnded = true
                    condition.broadcast()
                    condition.unlock()
                    close(descriptor)
                    return
                }
            }
        }
    }

    // MARK: - Sending

    func sendRaw(_ bytes: [UInt8]) {
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { write(toServer, $0.baseAddress.map { $0 + offset }, bytes.count - offset) }
            if written <= 0 { return }
            offset += written
        }
    }

    func sendRaw(_ text: String) { sendRaw(Array(text.utf8)) }

    func send(_ message: JSONValue) {
        sendRaw(MessageWriter.frame(Array(message.serialized(pretty: false).utf8)))
    }

    func notify(_ method: String, _ params: JSONValue) {
        send(.object([("jsonrpc", .string("2.0")), ("method", .string(method)), ("params", params)]))
    }

    /// Sends a request and returns its id.
    @discardableResult
    func sendRequest(_ method: String, _ params: JSONValue?) -> Int {
        condition.lock()
        nextID += 1
        let id = nextID
        condition.unlock()
        var members: [(String, JSONValue)] = [("jsonrpc", .string("2.0")), ("id", .int(id)), ("method", .string(method))]
        if let params { members.append(("params", params)) }
        send(.object(members))
        return id
    }

    /// Sends a request and waits for its response.
    func request(_ method: String, _ params: JSONValue?, timeout: Double = 10) -> JSONValue? {
        let id = sendRequest(method, params)
        return response(id, timeout: timeout)
    }

    func response(_ id: Int, timeout: Double = 10) -> JSONValue? {
        waitFor(timeout: timeout) { $0["id"] == .int(id) && $0["method"] == nil }
    }

    /// Closes the server's input (the client died or is done).
    func closeInput() {
        close(toServer)
    }

    // MARK: - Receiving

    /// The first message not yet taken that satisfies `predicate`, waiting for it; it is taken.
    func waitFor(timeout: Double = 10, _ predicate: (JSONValue) -> Bool) -> JSONValue? {
        let deadline = Date().addingTimeInterval(timeout)
        condition.lock()
        defer { condition.unlock() }
        while true {
            if let index = received.firstIndex(where: predicate) { return received.remove(at: index) }
            if outputEnded || !condition.wait(until: deadline) { return received.firstIndex(where: predicate).map { received.remove(at: $0) } }
        }
    }

    /// The diagnostics published for `uri` (with `version` when given).
    func diagnostics(for uri: String, version: Int? = nil, timeout: Double = 10) -> [JSONValue]? {
        waitFor(timeout: timeout) { message in
            message["method"] == .string("textDocument/publishDiagnostics") && message["params"]?["uri"] == .string(uri)
                && (version == nil || message["params"]?["version"] == .int(version ?? 0))
        }?["params"]?["diagnostics"]?.arrayValue
    }

    /// Every message received and not taken.
    var remaining: [JSONValue] {
        condition.lock()
        defer { condition.unlock() }
        return received
    }

    /// The server's exit status once it has ended, waiting up to `timeout`.
    func exitStatus(timeout: Double = 10) -> Int32? {
        guard serverDone.wait(timeout: .now() + timeout) == .success else { return nil }
        serverDone.signal()
        condition.lock()
        defer { condition.unlock() }
        return serverStatus
    }

    func kill() {
        process?.terminate()
    }

    // MARK: - Conveniences

    static func initializeParams(root: String? = nil, encodings: [String]? = nil) -> JSONValue {
        var capabilities: [(String, JSONValue)] = []
        if let encodings { capabilities.append(("general", .object([("positionEncodings", .array(encodings.map { .string($0) }))]))) }
        var members: [(String, JSONValue)] = [("processId", .null), ("capabilities", .object(capabilities))]
        if let root { members.append(("rootUri", .string(DocumentURI.uri(ofPath: root)))) }
        return .object(members)
    }

    func initialize(root: String? = nil, encodings: [String]? = nil) -> JSONValue? {
        let result = request("initialize", Self.initializeParams(root: root, encodings: encodings))
        notify("initialized", .object([]))
        return result
    }

    func open(_ uri: String, _ text: String, version: Int = 1) {
        notify("textDocument/didOpen", .object([("textDocument", .object([
            ("uri", .string(uri)), ("languageId", .string("baton")), ("version", .int(version)), ("text", .string(text)),
        ]))]))
    }

    func change(_ uri: String, version: Int, range: TextRange?, text: String) {
        var change: [(String, JSONValue)] = []
        if let range { change.append(("range", range.json)) }
        change.append(("text", .string(text)))
        notify("textDocument/didChange", .object([
            ("textDocument", .object([("uri", .string(uri)), ("version", .int(version))])),
            ("contentChanges", .array([.object(change)])),
        ]))
    }

    static func document(_ uri: String) -> JSONValue { .object([("textDocument", .object([("uri", .string(uri))]))]) }
}

func range(_ startLine: Int, _ startCharacter: Int, _ endLine: Int, _ endCharacter: Int) -> TextRange {
    TextRange(start: Position(line: startLine, character: startCharacter), end: Position(line: endLine, character: endCharacter))
}
