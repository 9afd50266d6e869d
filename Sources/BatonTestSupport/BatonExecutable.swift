import Foundation

/// Runs the built `baton` executable the way a user or a CI job would.
public enum BatonExecutable {
    public struct Result: Sendable {
        public var status: Int32
        public var standardOutput: String
        public var standardError: String
        public var standardOutputBytes: Data
    }

    /// The `baton` binary built next to the test bundle (SwiftPM puts products side by side).
    public static var url: URL {
        let candidates = [
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent(),
            Bundle.main.bundleURL.deletingLastPathComponent(),
            Bundle.main.bundleURL,
        ]
        for directory in candidates {
            let url = directory.appendingPathComponent("baton")
            if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        }
        return Golden.packageRoot().appendingPathComponent(".build/debug/baton")
    }

    /// A pseudo-terminal could not be opened for `standardErrorIsTerminal`.
    public struct NoTerminal: Error, CustomStringConvertible {
        public var description: String
    }

    /// Runs `baton ARGUMENTS` in `directory` with `input` on stdin. `environment` entries are
    /// added to (or, with an empty value, removed from) the inherited environment. With
    /// `standardErrorIsTerminal`, standard error is a pseudo-terminal, as when a person runs
    /// Baton at a prompt (its line breaks come back as "\n", not the terminal's "\r\n");
    /// `standardOutputIsTerminal` does the same for standard output.
    public static func run(_ arguments: [String], input: Data = Data(), directory: URL? = nil,
                           environment: [String: String] = [:], standardErrorIsTerminal: Bool = false,
                           standardOutputIsTerminal: Bool = false) throws -> Result {
        let process = Process()
        process.executableURL = url
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = "1"
        for (key, value) in environment.sorted(by: { $0.key < $1.key }) {
            if value.isEmpty { env.removeValue(forKey: key) } else { env[key] = value }
        }
        process.environment = env
        let stdin = Pipe()
        let stdout = Pipe()
        let stderr = Pipe()
        process.standardInput = stdin
        let outputTerminal = standardOutputIsTerminal ? try PseudoTerminal() : nil
        process.standardOutput = outputTerminal.map { FileHandle(fileDescriptor: $0.secondary, closeOnDealloc: false) } ?? stdout
        let terminal = standardErrorIsTerminal ? try PseudoTerminal() : nil
        process.standardError = terminal.map { FileHandle(fileDescriptor: $0.secondary, closeOnDealloc: false) } ?? stderr
        do {
            try process.run()
        } catch {
            terminal?.closeBoth()
            outputTerminal?.closeBoth()
            throw error
        }
        // Only the child may hold the terminal open now, so reading it ends when the child does.
        terminal?.closeSecondary()
        outputTerminal?.closeSecondary()
        // Read both pipes concurrently so a full pipe cannot block the child.
        let group = DispatchGroup()
        nonisolated(unsafe) var errorData = Data()
        group.enter()
        DispatchQueue.global().async {
            if let terminal {
                errorData = terminal.readToEnd()
                terminal.closeBoth()
            } else {
                errorData = stderr.fileHandleForReading.readDataToEndOfFile()
            }
            group.leave()
        }
        // A child that fails before reading its input (a usage error) closes the pipe first: the
        // write then fails with EPIPE, which must not kill the test process with SIGPIPE.
        signal(SIGPIPE, SIG_IGN)
        if !input.isEmpty { try? stdin.fileHandleForWriting.write(contentsOf: input) }
        try? stdin.fileHandleForWriting.close()
        var outputData: Data
        if let outputTerminal {
            outputData = outputTerminal.readToEnd()
            outputTerminal.closeBoth()
        } else {
            outputData = stdout.fileHandleForReading.readDataToEndOfFile()
        }
        group.wait()
        process.waitUntilExit()
        var standardError = String(decoding: errorData, as: UTF8.self)
        if terminal != nil { standardError = standardError.replacingOccurrences(of: "\r\n", with: "\n") }
        if outputTerminal != nil { outputData = Data(String(decoding: outputData, as: UTF8.self).replacingOccurrences(of: "\r\n", with: "\n").utf8) }
        return Result(status: process.terminationStatus,
                      standardOutput: String(decoding: outputData, as: UTF8.self),
                      standardError: standardError,
                      standardOutputBytes: outputData)
    }
}

/// A pseudo-terminal pair: the child writes to the secondary side, the test reads the primary.
private final class PseudoTerminal: @unchecked Sendable {
    let primary: Int32
    private(set) var secondary: Int32

    // Swift's Glibc module leaves out the pseudo-terminal functions (they need _XOPEN_SOURCE),
    // so they are looked up in the C library at run time.
    private typealias Open = @convention(c) (Int32) -> Int32
    private typealias Prepare = @convention(c) (Int32) -> Int32
    private typealias Name = @convention(c) (Int32) -> UnsafeMutablePointer<CChar>?

    private static func function<T>(_ name: String, as type: T.Type) -> T? {
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), name) else { return nil }
        return unsafeBitCast(symbol, to: type)
    }

    init() throws {
        guard let openPrimary = Self.function("posix_openpt", as: Open.self), let grant = Self.function("grantpt", as: Prepare.self),
              let unlock = Self.function("unlockpt", as: Prepare.self), let secondaryName = Self.function("ptsname", as: Name.self)
        else {
            throw BatonExecutable.NoTerminal(description: "the C library has no posix_openpt")
        }
        primary = openPrimary(O_RDWR | O_NOCTTY | O_CLOEXEC)
        guard primary >= 0, grant(primary) == 0, unlock(primary) == 0, let name = secondaryName(primary) else {
            throw BatonExecutable.NoTerminal(description: "cannot open a pseudo-terminal: \(String(cString: strerror(errno)))")
        }
        secondary = open(name, O_RDWR | O_NOCTTY | O_CLOEXEC)
        guard secondary >= 0 else {
            close(primary)
            throw BatonExecutable.NoTerminal(description: "cannot open \(String(cString: name)): \(String(cString: strerror(errno)))")
        }
    }

    func closeSecondary() {
        if secondary >= 0 { close(secondary) }
        secondary = -1
    }

    func closeBoth() {
        closeSecondary()
        close(primary)
    }

    /// Everything written until the last writer closes the terminal (Linux then reports EIO).
    func readToEnd() -> Data {
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(primary, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            if count <= 0 { return data }
            data.append(contentsOf: buffer[0..<count])
        }
    }
}
