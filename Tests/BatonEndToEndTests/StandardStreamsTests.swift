// The standard streams as CI systems and shells really leave them: full, closed, a directory,
// a pipe whose reader went away. Baton reports the problem (exit 2) or, for a broken pipe,
// stops quietly — it never crashes with a backtrace.

import BatonTestSupport
import Foundation
import Testing

@Suite struct StandardStreamsTests {
    struct Outcome {
        var status: Int32
        var standardError: String
    }

    /// Runs `baton ARGUMENTS` through `/bin/sh` with `redirections` (and `prelude`, e.g. a trap)
    /// applied, so that descriptors can be closed or pointed at devices as a shell script would.
    func shell(_ arguments: String, redirections: String, prelude: String = "", in directory: URL? = nil) throws -> Outcome {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        let scratch = try makeTemporaryDirectory(prefix: "baton-stderr")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let errors = scratch.appendingPathComponent("stderr")
        let script = "\(prelude) { '\(BatonExecutable.url.path)' \(arguments) 2>'\(errors.path)'; echo $? >'\(errors.path).status'; } \(redirections)"
        process.arguments = ["-c", script]
        process.environment = ProcessInfo.processInfo.environment.merging(["NO_COLOR": "1"]) { $1 }
        if let directory { process.currentDirectoryURL = directory }
        try process.run()
        process.waitUntilExit()
        let status = try String(contentsOfFile: errors.path + ".status", encoding: .utf8)
        return Outcome(status: Int32(status.trimmingCharacters(in: .whitespacesAndNewlines)) ?? -1,
                       standardError: (try? String(contentsOf: errors, encoding: .utf8)) ?? "")
    }

    var sample: String { Golden.packageRoot().appendingPathComponent("samples/card-payments.baton").path }

    @Test(arguments: ["check", "render", "rules", "metrics", "explain sync-cycle", "--help"])
    func aFullDiskOnStandardOutputIsReportedNotACrash(_ command: String) throws {
        let needsInput = ["check", "render", "metrics"].contains(command)
        let outcome = try shell("\(command) \(needsInput ? "'\(sample)'" : "")", redirections: ">/dev/full")
        #expect(outcome.status == 2)
        #expect(outcome.standardError.contains("baton: error: cannot write standard output: No space left on device"))
        #expect(!outcome.standardError.contains("Fatal error"))
    }

    @Test func aClosedStandardOutputIsReported() throws {
        let outcome = try shell("check '\(sample)'", redirections: ">&-")
        #expect(outcome.status == 2)
        #expect(outcome.standardError.contains("cannot write standard output: Bad file descriptor"))
    }

    @Test func aClosedStandardOutputDoesNotCaptureTheOutputFile() throws {
        // With descriptor 1 closed, the first file Baton opens would get it; the output file must
        // still hold exactly the diagram, and the run must not pretend all went well on stdout.
        let directory = try makeTemporaryDirectory(prefix: "baton-streams")
        defer { try? FileManager.default.removeItem(at: directory) }
        let outcome = try shell("render '\(sample)' -o out.svg", redirections: ">&-", in: directory)
        #expect(outcome.status == 0, "\(outcome.standardError)")
        let svg = try String(contentsOf: directory.appendingPathComponent("out.svg"), encoding: .utf8)
        #expect(svg.hasPrefix("<svg") && svg.hasSuffix("</svg>\n"))
    }

    @Test(arguments: ["check -", "render -", "fmt -", "metrics -", "markdown -", "pandoc", "mdbook"])
    func standardInputThatIsADirectoryIsReported(_ command: String) throws {
        let outcome = try shell(command, redirections: "</")
        #expect(outcome.status == 2)
        #expect(outcome.standardError.contains("cannot read standard input: Is a directory"), "\(outcome.standardError)")
    }

    @Test func theCommandLinesOwnMessagesShowControlCharactersInsteadOfSendingThem() throws {
        for arguments in [["chec\u{1B}[31mk"], ["check", "no\u{7}such\u{1B}]0;pwned\u{7}.baton"]] {
            let result = try BatonExecutable.run(arguments)
            #expect(result.status == 2)
            #expect(!result.standardError.contains("\u{1B}") && !result.standardError.contains("\u{7}"), "\(result.standardError)")
            #expect(result.standardError.contains("\\u{1B}"))
        }
    }

    @Test func aClosedStandardInputIsReported() throws {
        let outcome = try shell("check -", redirections: "<&-")
        #expect(outcome.status == 2)
        #expect(outcome.standardError.contains("cannot read standard input"))
    }

    @Test func aBrokenPipeWithSIGPIPEIgnoredEndsQuietly() throws {
        // Enough output to outlast the pipe's buffer after `head` has gone.
        let design = (0..<3000).map { "service S\($0)" }.joined(separator: "\n")
        let directory = try makeTemporaryDirectory(["big.baton": design], prefix: "baton-streams")
        defer { try? FileManager.default.removeItem(at: directory) }
        let outcome = try shell("dump big.baton", redirections: "| head -c 1 >/dev/null", prelude: "trap '' PIPE;", in: directory)
        #expect(outcome.standardError.isEmpty, "\(outcome.standardError)")
        // The status a SIGPIPE would have given, so `pipefail` still sees that output was cut.
        #expect(outcome.status == 141)
    }

    @Test(arguments: ["check /dev/zero", "render /dev/zero", "check --config /dev/zero SAMPLE", "fmt /dev/zero", "markdown /dev/zero"])
    func aDeviceAsInputIsRefusedInsteadOfReadForever(_ command: String) throws {
        let outcome = try shell(command.replacingOccurrences(of: "SAMPLE", with: "'\(sample)'"), redirections: "")
        #expect(outcome.status == 2)
        #expect(outcome.standardError.contains("/dev/zero") && outcome.standardError.contains("it is a device, not a file"),
                "\(outcome.standardError)")
    }

    @Test func aStandardInputLargerThanTheLimitIsRefused() throws {
        // 300 MiB of zeros through a pipe: read up to the limit, then refused, not kept.
        let outcome = try shell("check -", redirections: "", prelude: "head -c 314572800 /dev/zero |")
        #expect(outcome.status == 2)
        #expect(outcome.standardError.contains("standard input is larger than 256 MiB"), "\(outcome.standardError)")
    }
}
