// Finding and running the external programs that act as real clients of Baton's output in tests.
//
// The rule, shared by every test that needs an external program (or file) it does not own:
// - on a developer machine, a missing program skips the test, so `swift test` works anywhere;
// - in CI (`CI=true`, which GitHub Actions and most CI systems set), a missing program FAILS the
//   test, so that a broken CI image cannot silently turn a real-client test into a no-op.
//
// Use both halves: the trait makes the skip visible in the test report, and `require` inside
// the test produces the program (or the CI failure):
//
//     @Test(.requires(program: "rsvg-convert"))
//     func rendersInLibrsvg() throws {
//         let rsvg = try ExternalProgram.require("rsvg-convert", package: "librsvg2-bin")
//         let output = try rsvg.run(["--format=png"], input: svg)
//     }
//

import Foundation
import Testing

/// An executable found on `PATH`.
public struct ExternalProgram: Sendable {
    public let name: String
    public let url: URL

    /// The program at `url` (for one that is not looked up on `PATH`).
    public init(name: String, url: URL) {
        self.name = name
        self.url = url
    }

    /// The result of one run.
    public struct Output: Sendable {
        public var status: Int32
        public var standardOutput: Data
        public var standardError: String
    }

    /// A program that is required but missing in CI.
    public struct Missing: Error, CustomStringConvertible {
        public var description: String
    }

    /// Whether the tests run in CI, where missing programs are failures rather than skips.
    public static var isCI: Bool {
        ProcessInfo.processInfo.environment["CI"]?.lowercased() == "true"
    }

    /// The program called `name` on `PATH`, or `nil`.
    public static func find(_ name: String) -> ExternalProgram? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for directory in path.split(separator: ":") where !directory.isEmpty {
            let url = URL(fileURLWithPath: String(directory)).appendingPathComponent(name)
            if FileManager.default.isExecutableFile(atPath: url.path) {
                return ExternalProgram(name: name, url: url)
            }
        }
        return nil
    }

    /// The program called `name`; if it is missing, fails the current test by throwing in CI,
    /// and elsewhere cancels it (a silent skip: pair it with the `.requires` trait, which reports
    /// the skip). `package` names what to install, for the message.
    public static func require(_ name: String, package: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> ExternalProgram {
        if let program = find(name) {
            return program
        }
        try requireFailed("`\(name)` is not on PATH (install \(package))", sourceLocation: sourceLocation)
    }

    /// The file at `path`, which the test needs but does not own (a system font, say), under the
    /// same skip-or-fail rule as programs.
    public static func requireFile(_ path: String, package: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> URL {
        if FileManager.default.isReadableFile(atPath: path) {
            return URL(fileURLWithPath: path)
        }
        try requireFailed("\(path) is missing (install \(package))", sourceLocation: sourceLocation)
    }

    private static func requireFailed(_ reason: String, sourceLocation: SourceLocation) throws -> Never {
        if isCI {
            throw Missing(description: "\(reason); required because CI=true")
        }
        try Test.cancel("skipped: \(reason)", sourceLocation: sourceLocation)
    }

    /// Runs the program with `arguments`, feeding it `input` on standard input, and waits.
    ///
    /// Standard output and error go to temporary files rather than pipes: a child that fills a
    /// pipe's buffer while we wait for it to exit would deadlock.
    public func run(_ arguments: [String], input: Data = Data(), in workingDirectory: URL? = nil,
                    environment: [String: String] = [:]) throws -> Output {
        let directory = try makeTemporaryDirectory(prefix: "baton-\(name)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let inputURL = directory.appendingPathComponent("stdin")
        let outputURL = directory.appendingPathComponent("stdout")
        let errorURL = directory.appendingPathComponent("stderr")
        try input.write(to: inputURL)
        try Data().write(to: outputURL)
        try Data().write(to: errorURL)

        let standardInput = try FileHandle(forReadingFrom: inputURL)
        let standardOutput = try FileHandle(forWritingTo: outputURL)
        let standardError = try FileHandle(forWritingTo: errorURL)
        defer {
            try? standardInput.close()
            try? standardOutput.close()
            try? standardError.close()
        }
        let process = Process()
        process.executableURL = url
        process.arguments = arguments
        if let workingDirectory { process.currentDirectoryURL = workingDirectory }
        if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        }
        process.standardInput = standardInput
        process.standardOutput = standardOutput
        process.standardError = standardError
        try process.run()
        process.waitUntilExit()
        return Output(
            status: process.terminationStatus,
            standardOutput: try Data(contentsOf: outputURL),
            standardError: String(decoding: try Data(contentsOf: errorURL), as: UTF8.self)
        )
    }
}

extension Trait where Self == ConditionTrait {
    /// Skips the test, with a visible reason, when the program `name` is not on `PATH` — unless
    /// `CI=true`, where the test runs anyway so that `ExternalProgram.require` fails it.
    public static func requires(program name: String) -> Self {
        .enabled("needs `\(name)` on PATH; with CI=true its absence is a failure") {
            ExternalProgram.isCI || ExternalProgram.find(name) != nil
        }
    }

    /// Skips the test when the file at `path` is missing, unless `CI=true` (see above).
    public static func requires(file path: String) -> Self {
        .enabled("needs \(path); with CI=true its absence is a failure") {
            ExternalProgram.isCI || FileManager.default.isReadableFile(atPath: path)
        }
    }
}
