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

    /// Runs `baton ARGUMENTS` in `directory` with `input` on stdin. `environment` entries are
    /// added to (or, with an empty value, removed from) the inherited environment.
    public static func run(_ arguments: [String], input: Data = Data(), directory: URL? = nil,
                           environment: [String: String] = [:]) throws -> Result {
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
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        // Read both pipes concurrently so a full pipe cannot block the child.
        let group = DispatchGroup()
        nonisolated(unsafe) var errorData = Data()
        group.enter()
        DispatchQueue.global().async {
            errorData = stderr.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        // A child that fails before reading its input (a usage error) closes the pipe first: the
        // write then fails with EPIPE, which must not kill the test process with SIGPIPE.
        signal(SIGPIPE, SIG_IGN)
        if !input.isEmpty { try? stdin.fileHandleForWriting.write(contentsOf: input) }
        try? stdin.fileHandleForWriting.close()
        let outputData = stdout.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return Result(status: process.terminationStatus,
                      standardOutput: String(decoding: outputData, as: UTF8.self),
                      standardError: String(decoding: errorData, as: UTF8.self),
                      standardOutputBytes: outputData)
    }
}
