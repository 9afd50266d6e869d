import Baton
import BatonCheck
import BatonJSON
import BatonModel
import Dispatch
import Foundation

/// The language server: reads JSON-RPC messages from one descriptor, answers on another.
///
/// Three threads share the work. The caller's thread reads and decodes messages and answers
/// `$/cancelRequest` at once; every other message runs, in arrival order, on the request queue,
/// so a `didChange` is always applied before the request that follows it; analyses (compile,
/// then check) run on the analysis queue, debounced, and a newer edit makes an older analysis
/// stop at its next stage and never publish. State shared between them is behind `lock`.
public final class LanguageServer: @unchecked Sendable {
    public struct Options: Sendable {
        /// Time between the last edit and the analysis it triggers.
        public var debounce: Double = 0.05
        /// Also write log messages to standard error.
        public var logToStandardError = false

        public init(debounce: Double = 0.05, logToStandardError: Bool = false) {
            self.debounce = debounce
            self.logToStandardError = logToStandardError
        }
    }

    enum Phase {
        case uninitialized, running, shuttingDown
    }

    /// A finished analysis and what it was computed from.
    struct Snapshot {
        var version: Int
        var generation: Int
        var analysis: Analysis
        /// Real paths of every file of the compilation: the documents to re-analyse when one
        /// of them changes.
        var paths: Set<String>
        /// Built on the first request that needs it (see `symbolIndex(of:)`).
        var index: SymbolIndex? = nil
    }

    let input: Int32
    public let writer: MessageWriter
    public let options: Options
    let table: MethodTable
    let requestQueue = DispatchQueue(label: "baton.lsp.requests")
    let analysisQueue = DispatchQueue(label: "baton.lsp.analysis", qos: .userInitiated)

    let lock = NSLock()
    // Everything below is guarded by `lock`.
    var phase = Phase.uninitialized
    var stopped = false
    var encoding = PositionEncoding.utf16
    var roots: [String] = []
    var documents: [String: OpenDocument] = [:]
    /// The newest generation asked for, per document URI; an analysis of an older one is stale.
    var generations: [String: Int] = [:]
    /// When each document's last analysis was scheduled (see `schedule`).
    var lastScheduled: [String: DispatchTime] = [:]
    var nextGeneration = 0
    var snapshots: [String: Snapshot] = [:]
    /// The parse of every file compiled lately, reused while the file is unchanged.
    var parseCache = ParseCache()
    var publisher = DiagnosticPublisher()
    var configurations: ConfigurationFiles
    var reportedConfigurationErrors: Set<String> = []
    var pending: Set<RequestID> = []
    var cancelled: Set<RequestID> = []

    public init(input: Int32, output: Int32, options: Options = Options(), table: MethodTable = .standard) {
        self.input = input
        self.writer = MessageWriter(descriptor: output)
        self.options = options
        self.table = table
        // No explicit file: every document finds its nearest .baton.json.
        self.configurations = ConfigurationFiles()
    }

    /// Serves until `exit` or the end of the input; returns the process's exit status: 0 when
    /// `shutdown` came first, 1 otherwise.
    public func run() -> Int32 {
        var reader = MessageReader(descriptor: input)
        while true {
            switch reader.next() {
            case .end:
                return finish()
            case .malformed(let reason):
                log("skipped a malformed message: \(reason)", type: 1)
            case .message(let body):
                switch RPCMessage.decode(body) {
                case .failure(let failure):
                    writer.send(RPC.response(id: failure.id, error: failure.error))
                case .success(.response):
                    continue
                case .success(.notification(method: "$/cancelRequest", params: let params)):
                    if let id = params?["id"].flatMap(RequestID.init) {
                        lock.withLock { if pending.contains(id) { cancelled.insert(id) } }
                    }
                case .success(.notification(method: "exit", params: _)):
                    return finish()
                case .success(let message):
                    if case .request(let id, _, _) = message { lock.withLock { _ = pending.insert(id) } }
                    requestQueue.async { self.handle(message) }
                }
            }
        }
    }

    /// Lets queued messages finish, stops publishing, and says how to exit.
    private func finish() -> Int32 {
        requestQueue.sync {}
        return lock.withLock {
            stopped = true
            return phase == .shuttingDown ? 0 : 1
        }
    }

    func handle(_ message: RPCMessage) {
        switch message {
        case .request(let id, let method, let params):
            let result = answer(id: id, method: method, params: params)
            let response: JSONValue
            switch result {
            case .success(let value): response = RPC.response(id: id, result: value)
            case .failure(let error): response = RPC.response(id: id, error: error)
            }
            lock.withLock {
                pending.remove(id)
                cancelled.remove(id)
            }
            writer.send(response)
        case .notification(let method, let params):
            let phase = lock.withLock { self.phase }
            // Before initialize only `exit` counts (handled by the reader); after shutdown, too.
            guard phase == .running else { return }
            guard case .notification(let handler)? = table.handlers[method] else {
                if !method.hasPrefix("$/") { log("ignored the notification \(method), which Baton does not handle", type: 4) }
                return
            }
            do {
                try handler(self, params)
            } catch {
                log("\(method): \(error.message)", type: 1)
            }
        case .response:
            return
        }
    }

    private func answer(id: RequestID, method: String, params: JSONValue?) -> Result<JSONValue, ResponseError> {
        let (phase, isCancelled) = lock.withLock { (self.phase, cancelled.contains(id)) }
        if isCancelled { return .failure(ResponseError(code: ErrorCode.requestCancelled, message: "the request was cancelled")) }
        switch (phase, method) {
        case (.uninitialized, "initialize"):
            break
        case (.uninitialized, _):
            return .failure(ResponseError(code: ErrorCode.serverNotInitialized, message: "the server is not initialized: send initialize first"))
        case (_, "initialize"):
            return .failure(ResponseError(code: ErrorCode.invalidRequest, message: "the server is already initialized"))
        case (.shuttingDown, _):
            return .failure(ResponseError(code: ErrorCode.invalidRequest, message: "the server is shutting down: only exit is accepted"))
        case (.running, _):
            break
        }
        guard case .request(let handler)? = table.handlers[method] else {
            return .failure(ResponseError(code: ErrorCode.methodNotFound, message: "Baton does not handle the method '\(method)'"))
        }
        do {
            return .success(try handler(self, params))
        } catch {
            return .failure(error)
        }
    }

    // MARK: - Lifecycle (called by the standard handlers)

    func initialize(encoding: PositionEncoding, roots: [String]) {
        lock.withLock {
            self.encoding = encoding
            self.roots = roots
            phase = .running
        }
    }

    func shutDown() {
        lock.withLock { phase = .shuttingDown }
    }

    /// The position encoding negotiated in `initialize`.
    public var positionEncoding: PositionEncoding { lock.withLock { encoding } }

    /// The workspace folders (real paths).
    public var workspaceRoots: [String] { lock.withLock { roots } }

    func setRoots(_ roots: [String]) {
        lock.withLock { self.roots = roots }
    }

    // MARK: - Messages to the client

    /// `window/logMessage` (type 1 error, 2 warning, 3 info, 4 log), and standard error when
    /// asked. Never standard output: that is the protocol's channel.
    public func log(_ message: String, type: Int = 3) {
        if options.logToStandardError {
            FileHandle.standardError.write(Data(("baton lsp: " + message + "\n").utf8))
        }
        guard lock.withLock({ !stopped }) else { return }
        writer.send(RPC.notification("window/logMessage", .object([("type", .int(type)), ("message", .string(message))])))
    }

    public func showMessage(_ message: String, type: Int) {
        guard lock.withLock({ !stopped }) else { return }
        writer.send(RPC.notification("window/showMessage", .object([("type", .int(type)), ("message", .string(message))])))
    }
}
