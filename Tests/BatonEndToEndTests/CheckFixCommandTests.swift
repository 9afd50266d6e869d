import BatonJSON
import BatonTestSupport
import Foundation
import Testing

/// `baton check --fix`, `--unsafe-fixes` and `--diff`, run as a user would.
@Suite struct CheckFixCommandTests {
    /// A stale suppression (a safe fix) and a retry without backoff (an unsafe one).
    static let design = """
        service  Search  [timeout=3s]
        service  Ranking [timeout=1s, idempotent]
        # baton:ignore missing-timeout -- Ranking declares one now
        Search -> Ranking : rank hits [retries=3, backoff=fixed]

        """
    static let safelyFixed = """
        service  Search  [timeout=3s]
        service  Ranking [timeout=1s, idempotent]
        Search -> Ranking : rank hits [retries=3, backoff=fixed]

        """
    static let unsafelyFixed = """
        service  Search  [timeout=3s]
        service  Ranking [timeout=1s, idempotent]
        Search -> Ranking : rank hits [retries=3, backoff=exponential, jitter]

        """

    func read(_ directory: URL, _ name: String) throws -> String {
        try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
    }

    @Test func fixAppliesSafeFixesKeepsTheModeAndReportsWhatIsLeft() throws {
        let directory = try makeTemporaryDirectory(["d.baton": Self.design])
        let path = directory.appendingPathComponent("d.baton").path
        #expect(chmod(path, 0o640) == 0)
        let result = try BatonExecutable.run(["check", "--fix", "d.baton"], directory: directory)
        #expect(try read(directory, "d.baton") == Self.safelyFixed)
        var status = stat()
        #expect(stat(path, &status) == 0 && status.st_mode & 0o777 == 0o640, "the file keeps its mode")
        #expect(result.status == 0, "only a warning is left: \(result.standardOutput)")
        #expect(result.standardOutput.contains("warning[retry-without-backoff]"))
        #expect(!result.standardOutput.contains("unused-suppression"))
        #expect(result.standardError == "fixed 1 finding in 1 file\n")
    }

    @Test func theTextReportSaysWhatTheFlagsWouldFix() throws {
        let directory = try makeTemporaryDirectory(["d.baton": Self.design, "clean.baton": Self.unsafelyFixed])
        let result = try BatonExecutable.run(["check", "d.baton"], directory: directory)
        #expect(result.standardOutput.hasSuffix(
            "2 warnings in 1 file\n1 fixable with --fix, 1 more with --unsafe-fixes, which change the design (--diff shows the edits first)\n"))
        let clean = try BatonExecutable.run(["check", "clean.baton"], directory: directory)
        #expect(clean.standardOutput == "no problems in 1 file\n")
        // Only the text report carries the hint; the machine formats carry the fixes themselves.
        let json = try BatonExecutable.run(["check", "--format", "json", "d.baton"], directory: directory)
        #expect(!json.standardOutput.contains("fixable with"))
    }

    @Test func unsafeFixesApplyTheRestButNeverASuppression() throws {
        let directory = try makeTemporaryDirectory(["d.baton": Self.design])
        let result = try BatonExecutable.run(["check", "--unsafe-fixes", "d.baton"], directory: directory)
        #expect(try read(directory, "d.baton") == Self.unsafelyFixed)
        #expect(!(try read(directory, "d.baton")).contains("baton:ignore"), "no suppression is added")
        #expect(result.status == 0)
        #expect(result.standardOutput == "no problems in 1 file\n")
        #expect(result.standardError == "fixed 2 findings in 1 file\n")
        // Formatting the fixed file changes nothing.
        let formatted = try BatonExecutable.run(["fmt", "--check", "d.baton"], directory: directory)
        #expect(formatted.status == 0, "\(formatted.standardOutput)")
    }

    @Test func diffWritesNothingAndExitsOneWhenThereIsADiff() throws {
        let directory = try makeTemporaryDirectory(["d.baton": Self.design])
        let result = try BatonExecutable.run(["check", "--unsafe-fixes", "--diff", "d.baton"], directory: directory)
        #expect(result.status == 1)
        #expect(try read(directory, "d.baton") == Self.design, "--diff writes nothing")
        #expect(result.standardOutput == """
            --- a/d.baton
            +++ b/d.baton
            @@ -1,4 +1,3 @@
             service  Search  [timeout=3s]
             service  Ranking [timeout=1s, idempotent]
            -# baton:ignore missing-timeout -- Ranking declares one now
            -Search -> Ranking : rank hits [retries=3, backoff=fixed]
            +Search -> Ranking : rank hits [retries=3, backoff=exponential, jitter]

            """)
        #expect(result.standardError == "would fix 2 findings in 1 file\n")
        let clean = try BatonExecutable.run(["check", "--diff", "d.baton"], directory: try makeTemporaryDirectory(["d.baton": Self.unsafelyFixed]))
        #expect(clean.status == 0 && clean.standardOutput.isEmpty)
    }

    @Test func anImportedFileIsFixedOnlyWhenItIsNamedToo() throws {
        let library = "external Stripe [timeout=1s]\nservice  Shop [timeout=2s]\nShop -> Stripe : charge\n"
        let main = "import \"lib.baton\"\nservice Web [timeout=3s]\nWeb -> Shop : buy\n"
        let directory = try makeTemporaryDirectory(["main.baton": main, "lib.baton": library])
        // The breaker finding is in lib.baton, which only main.baton names: untouched.
        let alone = try BatonExecutable.run(["check", "--unsafe-fixes", "main.baton"], directory: directory)
        #expect(try read(directory, "lib.baton") == library)
        #expect(alone.standardOutput.contains("lib.baton:3:1: warning[external-without-breaker]"))
        #expect(alone.standardError == "fixed 0 findings in 0 files\n")
        // Named too, it is fixed (once, whichever input reaches it first).
        let both = try BatonExecutable.run(["check", "--unsafe-fixes", "main.baton", "lib.baton"], directory: directory)
        #expect(try read(directory, "lib.baton") == "external Stripe [timeout=1s]\nservice  Shop [timeout=2s]\nShop -> Stripe : charge [circuit-breaker]\n")
        #expect(try read(directory, "main.baton") == main)
        #expect(both.status == 0, "\(both.standardOutput)")
        #expect(both.standardError == "fixed 1 finding in 1 file\n")
    }

    @Test func aDirectoryArgumentFixesTheDesignsBelowIt() throws {
        let directory = try makeTemporaryDirectory(["designs/a.baton": Self.design, "designs/sub/b.baton": Self.design])
        let result = try BatonExecutable.run(["check", "--fix", "designs"], directory: directory)
        #expect(try read(directory, "designs/a.baton") == Self.safelyFixed)
        #expect(try read(directory, "designs/sub/b.baton") == Self.safelyFixed)
        #expect(result.standardError == "fixed 2 findings in 2 files\n")
    }

    @Test func standardInputGetsTheFixedTextOnStandardOutput() throws {
        let result = try BatonExecutable.run(["check", "--fix", "--format", "json", "-"], input: Data(Self.design.utf8))
        #expect(result.status == 0)
        #expect(result.standardOutput == Self.safelyFixed)
        // The report goes to standard error, followed by the summary line.
        let report = try #require(result.standardError.components(separatedBy: "fixed 1 finding in 1 file\n").first)
        let json = try JSONValue.parse(report)
        #expect(json["diagnostics"]?.arrayValue?.count == 1)
        let mixed = try BatonExecutable.run(["check", "--fix", "-", "x.baton"], input: Data(Self.design.utf8),
                                            directory: try makeTemporaryDirectory(["x.baton": Self.design]))
        #expect(mixed.status == 2)
        #expect(mixed.standardError.contains("fixes standard input alone"))
    }

    @Test func jsonCarriesTheFixesOfEachFinding() throws {
        let directory = try makeTemporaryDirectory(["d.baton": Self.design])
        let result = try BatonExecutable.run(["check", "--format", "json", "d.baton"], directory: directory)
        let json = try JSONValue.parse(result.standardOutput)
        let diagnostics = try #require(json["diagnostics"]?.arrayValue)
        let retry = try #require(diagnostics.first { $0["code"] == .string("retry-without-backoff") })
        let fixes = try #require(retry["fixes"]?.arrayValue)
        #expect(fixes.map { $0["title"] } == [.string("add backoff=exponential and jitter"),
                                               .string("suppress this retry-without-backoff finding with a # baton:ignore comment")])
        #expect(fixes.map { $0["safety"] } == [.string("unsafe"), .string("unsafe")])
        #expect(fixes.map { $0["suppression"] } == [.bool(false), .bool(true)])
        let edit = try #require(fixes[0]["edits"]?.arrayValue?.first)
        #expect(edit["file"] == .string("d.baton"))
        #expect(edit["start"] == .object([("line", .int(4)), ("column", .int(43))]))
        #expect(edit["end"] == .object([("line", .int(4)), ("column", .int(56))]))
        #expect(edit["newText"] == .string("backoff=exponential"))
        let unused = try #require(diagnostics.first { $0["code"] == .string("unused-suppression") })
        #expect(unused["fixes"]?.arrayValue?.first?["safety"] == .string("safe"))
    }
}
