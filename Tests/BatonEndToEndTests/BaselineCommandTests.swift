import BatonJSON
import BatonTestSupport
import Foundation
import Testing

/// `baton check --write-baseline` and `--baseline`, run as a team adopting `--fail-on warning`
/// over existing designs would: record today's findings, then fail only on new ones.
@Suite struct BaselineCommandTests {
    /// One error (a re-entrant call) and two warnings on identical statements (`Orders -> Stock :
    /// reserve`, in two blocks): the fingerprints of those two differ only by their number. It is
    /// formatted as `baton fmt` formats it.
    static let design = """
        client   App
        service  Orders  [timeout=1s]
        service  Billing [timeout=1s]
        service  Stock

        App -> Orders : checkout [timeout=5s] {
          Orders -> Billing : charge {
            Billing -> Orders : getOrder
          }
        }
        App -> Orders : restock [timeout=5s] {
          Orders -> Stock : reserve
        }
        App -> Orders : retry [timeout=5s] {
          Orders -> Stock : reserve
        }

        """

    func run(_ arguments: [String], in directory: URL) throws -> BatonExecutable.Result {
        try BatonExecutable.run(arguments, directory: directory)
    }

    func read(_ directory: URL, _ path: String) throws -> String {
        try String(contentsOf: directory.appendingPathComponent(path), encoding: .utf8)
    }

    func write(_ directory: URL, _ path: String, _ text: String) throws {
        try Data(text.utf8).write(to: directory.appendingPathComponent(path))
    }

    func codes(_ result: BatonExecutable.Result) throws -> [String] {
        try (JSONValue.parse(result.standardOutput)["diagnostics"]?.arrayValue ?? []).compactMap { $0["code"]?.stringValue }
    }

    @Test func writeThenCompareRoundTripsWithTheExitCodes() throws {
        let directory = try makeTemporaryDirectory(["designs/checkout.baton": Self.design])
        let before = try run(["check", "--fail-on", "warning", "designs"], in: directory)
        #expect(before.status == 1)

        let written = try run(["check", "--write-baseline", "baton-baseline.json", "--fail-on", "warning", "designs"], in: directory)
        #expect(written.status == 0, "\(written.standardOutput)\(written.standardError)")
        #expect(written.standardError == "wrote 3 findings to baton-baseline.json\n")
        #expect(written.standardOutput == "no problems in 1 file\nbaseline: 3 known findings not shown\n")

        let baseline = try JSONValue.parse(try read(directory, "baton-baseline.json"))
        #expect(baseline["version"] == .int(1))
        let findings = try #require(baseline["findings"]?.arrayValue)
        #expect(findings.map { $0["rule"]?.stringValue } == ["missing-timeout", "missing-timeout", "sync-cycle"], "sorted by file, rule, message")
        #expect(findings.allSatisfy { $0["file"] == .string("designs/checkout.baton") }, "relative to the baseline's directory")
        let fingerprints = findings.compactMap { $0["fingerprint"]?.stringValue }
        #expect(fingerprints.allSatisfy { $0.range(of: "^[0-9a-f]{16}:[12]$", options: .regularExpression) != nil }, "\(fingerprints)")
        #expect(Set(fingerprints.prefix(2).map { $0.prefix(16) }).count == 1, "identical statements share a hash and are numbered")
        #expect(findings[0].objectValue?.map(\.0) == ["fingerprint", "rule", "file", "message"])

        let compared = try run(["check", "--baseline", "baton-baseline.json", "--fail-on", "warning", "designs"], in: directory)
        #expect(compared.status == 0, "\(compared.standardOutput)")
        #expect(compared.standardOutput == "no problems in 1 file\nbaseline: 3 known findings not shown\n")
        // Without the baseline, everything is back.
        #expect(try run(["check", "--fail-on", "warning", "designs"], in: directory).status == 1)
    }

    @Test func fingerprintsSurviveInsertedLinesAndFormatting() throws {
        let directory = try makeTemporaryDirectory(["checkout.baton": Self.design])
        #expect(try run(["check", "--write-baseline", "baseline.json", "checkout.baton"], in: directory).status == 0)
        let recorded = try read(directory, "baseline.json")

        // Lines inserted above and inside blocks, other spacing and comments: the same findings.
        let shuffled = "# Checkout, reviewed\n\n" + Self.design
            .replacingOccurrences(of: "Orders -> Billing : charge {", with: "Orders->Billing:charge{  # the charge\n\n")
            .replacingOccurrences(of: "  Orders -> Stock : reserve\n}\nApp -> Orders : retry", with: "  Orders  ->  Stock  :  reserve\n  Orders -> Billing : charge\n}\n\nApp -> Orders : retry")
        try write(directory, "checkout.baton", shuffled)
        let moved = try run(["check", "--baseline", "baseline.json", "--fail-on", "warning", "--format", "json", "checkout.baton"], in: directory)
        #expect(moved.status == 0, "\(moved.standardOutput)")
        #expect(try codes(moved) == [])
        #expect(try JSONValue.parse(moved.standardOutput)["summary"]?["baselined"] == .int(3))

        // `baton fmt` rewrites the whole file; nothing becomes new.
        let formatted = try run(["fmt", "checkout.baton"], in: directory)
        #expect(formatted.status == 0, "\(formatted.standardError)")
        #expect(try read(directory, "checkout.baton") != shuffled, "fmt changed the layout")
        let afterFormat = try run(["check", "--baseline", "baseline.json", "--fail-on", "warning", "checkout.baton"], in: directory)
        #expect(afterFormat.status == 0, "\(afterFormat.standardOutput)")
        // Recording again gives the same file, byte for byte.
        #expect(try run(["check", "--write-baseline", "again.json", "checkout.baton"], in: directory).status == 0)
        #expect(try read(directory, "again.json") == recorded)
    }

    @Test func newFindingsAreReportedAndKnownOnesAreNot() throws {
        let directory = try makeTemporaryDirectory(["checkout.baton": Self.design])
        #expect(try run(["check", "--write-baseline", "baseline.json", "checkout.baton"], in: directory).status == 0)
        // A third identical call without a timeout, and a new participant nobody uses.
        let grown = Self.design + "App -> Orders : again [timeout=5s] {\n  Orders -> Stock : reserve\n}\nservice Unused\n"
        try write(directory, "checkout.baton", grown)
        let result = try run(["check", "--baseline", "baseline.json", "--fail-on", "warning", "--format", "json", "checkout.baton"], in: directory)
        #expect(result.status == 1)
        let json = try JSONValue.parse(result.standardOutput)
        let diagnostics = try #require(json["diagnostics"]?.arrayValue)
        #expect(diagnostics.map { $0["code"]?.stringValue } == ["missing-timeout", "unused-participant"])
        #expect(diagnostics.map { $0["line"]?.numberValue } == [18, 20], "the third 'reserve', not the recorded two")
        #expect(json["summary"]?["baselined"] == .int(3))
        #expect(json["summary"]?["baselineFixed"] == .int(0))
        #expect(json["baselineFixed"] == .array([]))
        // At the default fail level the new warnings are reported but do not fail the run.
        let lenient = try run(["check", "--baseline", "baseline.json", "checkout.baton"], in: directory)
        #expect(lenient.status == 0)
        #expect(lenient.standardOutput.contains("2 warnings in 1 file\nbaseline: 3 known findings not shown\n"))
    }

    /// Compile errors are never recorded and never hidden: a design that does not compile is
    /// not checked, so nothing about it can be known.
    @Test func compileErrorsAreAlwaysReported() throws {
        let directory = try makeTemporaryDirectory(["checkout.baton": Self.design, "broken.baton": "service A\nAa -> A : x\n"])
        let written = try run(["check", "--write-baseline", "baseline.json", "checkout.baton", "broken.baton"], in: directory)
        #expect(written.status == 1, "the compile error still fails the run")
        #expect(written.standardOutput.contains("broken.baton:2:1: error[undeclared-name]"))
        let baseline = try JSONValue.parse(try read(directory, "baseline.json"))
        #expect(baseline["findings"]?.arrayValue?.count == 3)
        let compared = try run(["check", "--baseline", "baseline.json", "checkout.baton", "broken.baton"], in: directory)
        #expect(compared.status == 1)
        #expect(compared.standardOutput.contains("error[undeclared-name]"))
    }

    @Test func fixedFindingsAreCountedInEveryFormat() throws {
        let directory = try makeTemporaryDirectory(["checkout.baton": Self.design])
        #expect(try run(["check", "--write-baseline", "baseline.json", "checkout.baton"], in: directory).status == 0)
        // The re-entrant call is gone, and one of the two calls without a timeout got one.
        let fixed = Self.design
            .replacingOccurrences(of: "Orders -> Billing : charge {\n    Billing -> Orders : getOrder\n  }", with: "Orders -> Billing : charge")
            .replacingOccurrences(of: "retry [timeout=5s] {\n  Orders -> Stock : reserve\n", with: "retry [timeout=5s] {\n  Orders -> Stock : reserve [timeout=1s]\n")
        try write(directory, "checkout.baton", fixed)

        let text = try run(["check", "--baseline", "baseline.json", "checkout.baton"], in: directory)
        #expect(text.status == 0)
        #expect(text.standardOutput == """
            no problems in 1 file
            baseline: 1 known finding not shown, 2 fixed
              fixed: checkout.baton: missing-timeout: 'Orders' calls 'Stock' synchronously without a timeout: it waits as long as 'Stock' takes, or forever
              fixed: checkout.baton: sync-cycle: re-entrant synchronous call: 'Billing' calls back 'Orders', which is already waiting on this call path (Orders -> Billing -> Orders)
              rewrite the baseline with --write-baseline to drop the fixed findings

            """)

        let json = try JSONValue.parse(try run(["check", "--baseline", "baseline.json", "--format", "json", "checkout.baton"], in: directory).standardOutput)
        #expect(json["summary"]?["baselined"] == .int(1))
        #expect(json["summary"]?["baselineFixed"] == .int(2))
        let entries = try #require(json["baselineFixed"]?.arrayValue)
        #expect(entries.map { $0["code"]?.stringValue } == ["missing-timeout", "sync-cycle"])
        #expect(entries.allSatisfy { $0["file"] == .string("checkout.baton") && $0["fingerprint"]?.stringValue?.count == 18 })

        let sarif = try JSONValue.parse(try run(["check", "--baseline", "baseline.json", "--format", "sarif", "checkout.baton"], in: directory).standardOutput)
        let sarifRun = try #require(sarif["runs"]?.arrayValue?.first)
        #expect(sarifRun["properties"] == .object([("baselined", .int(1)), ("baselineFixed", .int(2))]))
        let notes = try #require(sarifRun["invocations"]?.arrayValue?.first?["toolExecutionNotifications"]?.arrayValue)
        #expect(notes.count == 2)
        #expect(notes.allSatisfy { $0["level"] == .string("note") })
        #expect(notes.first?["message"]?["text"]?.stringValue?.hasPrefix("fixed since the baseline was written: missing-timeout") == true)
        #expect(sarifRun["results"]?.arrayValue == [])

        let github = try run(["check", "--baseline", "baseline.json", "--format", "github", "checkout.baton"], in: directory)
        #expect(github.standardOutput.hasPrefix("no problems in 1 file\nbaseline: 1 known finding not shown, 2 fixed\n  fixed: checkout.baton: missing-timeout:"))
        #expect(!github.standardOutput.contains("::"), "fixed findings are no annotations")
    }

    /// New results in SARIF say so: code scanning and other consumers can tell them apart.
    @Test func sarifResultsAreMarkedNew() throws {
        let directory = try makeTemporaryDirectory(["checkout.baton": Self.design])
        #expect(try run(["check", "--write-baseline", "baseline.json", "checkout.baton"], in: directory).status == 0)
        try write(directory, "checkout.baton", Self.design + "service Unused\n")
        let sarif = try JSONValue.parse(try run(["check", "--baseline", "baseline.json", "--format", "sarif", "checkout.baton"], in: directory).standardOutput)
        let results = try #require(sarif["runs"]?.arrayValue?.first?["results"]?.arrayValue)
        #expect(results.map { $0["ruleId"]?.stringValue } == ["unused-participant"])
        #expect(results.first?["baselineState"] == .string("new"))
        // Without a baseline there is no baseline state.
        let plain = try JSONValue.parse(try run(["check", "--format", "sarif", "checkout.baton"], in: directory).standardOutput)
        #expect(plain["runs"]?.arrayValue?.first?["results"]?.arrayValue?.allSatisfy { $0["baselineState"] == nil } == true)
    }

    /// Checking one design does not call the other designs' entries fixed.
    @Test func onlyCheckedFilesCanHaveFixedEntries() throws {
        let directory = try makeTemporaryDirectory(["a.baton": Self.design, "b.baton": "service Lonely\n"])
        #expect(try run(["check", "--write-baseline", "baseline.json", "a.baton", "b.baton"], in: directory).status == 0)
        let one = try run(["check", "--baseline", "baseline.json", "a.baton"], in: directory)
        #expect(one.standardOutput == "no problems in 1 file\nbaseline: 3 known findings not shown\n")
        // A design that stops compiling is not checked either.
        try write(directory, "b.baton", "service\n")
        let broken = try run(["check", "--baseline", "baseline.json", "a.baton", "b.baton"], in: directory)
        #expect(broken.standardOutput.hasSuffix("1 error in 2 files\nbaseline: 3 known findings not shown\n"), "\(broken.standardOutput)")
    }

    @Test func theConfigurationNamesTheBaseline() throws {
        let directory = try makeTemporaryDirectory([
            ".baton.json": #"{"baseline": "ci/baton-baseline.json", "failOn": "warning"}"#,
            "designs/checkout.baton": Self.design,
        ])
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("ci"), withIntermediateDirectories: true)
        #expect(try run(["check", "designs"], in: directory).status == 2, "a configured baseline that is missing is an error")
        let written = try run(["check", "--write-baseline", "ci/baton-baseline.json", "designs"], in: directory)
        #expect(written.status == 0, "\(written.standardError)")
        let findings = try JSONValue.parse(try read(directory, "ci/baton-baseline.json"))["findings"]?.arrayValue
        #expect(findings?.first?["file"] == .string("../designs/checkout.baton"), "relative to the baseline's directory")

        // From the root and from below it, the configuration's baseline applies.
        let fromRoot = try run(["check", "designs"], in: directory)
        #expect(fromRoot.status == 0, "\(fromRoot.standardOutput)")
        #expect(fromRoot.standardOutput.hasSuffix("baseline: 3 known findings not shown\n"))
        let fromBelow = try run(["check", "checkout.baton"], in: directory.appendingPathComponent("designs"))
        #expect(fromBelow.status == 0, "\(fromBelow.standardOutput + fromBelow.standardError)")
        #expect(fromBelow.standardOutput == "no problems in 1 file\nbaseline: 3 known findings not shown\n")

        // --no-baseline shows everything; --baseline names another file.
        let everything = try run(["check", "--no-baseline", "designs"], in: directory)
        #expect(everything.status == 1)
        #expect(everything.standardOutput.contains("1 error, 2 warnings in 1 file"))
        try write(directory, "empty.json", #"{"version": 1, "findings": []}"#)
        #expect(try run(["check", "--baseline", "empty.json", "designs"], in: directory).status == 1)
    }

    @Test(arguments: [
        ("missing.json", nil, "baton: error: cannot read the baseline 'missing.json': No such file or directory"),
        ("corrupt.json", "{\"version\": 1, \"findings\": [", "baton: error: invalid baseline corrupt.json:1:29: invalid JSON"),
        ("future.json", #"{"version": 2, "findings": []}"#, "baton: error: invalid baseline future.json:1:13: unsupported baseline version 2; this baton reads version 1"),
        ("typed.json", #"{"version": 1, "findings": [{"fingerprint": 7, "rule": "x", "file": "a.baton"}]}"#,
         "baton: error: invalid baseline typed.json:1:45: finding 1 needs 'fingerprint' (a non-empty string)"),
        ("list.json", "[]", "baton: error: invalid baseline list.json:1:1: a baseline is a JSON object"),
    ] as [(String, String?, String)])
    func unusableBaselinesAreErrors(_ name: String, _ contents: String?, _ message: String) throws {
        var files = ["checkout.baton": Self.design]
        if let contents { files[name] = contents }
        let directory = try makeTemporaryDirectory(files)
        let result = try run(["check", "--baseline", name, "checkout.baton"], in: directory)
        #expect(result.status == 2)
        #expect(result.standardOutput.isEmpty, "no report before the baseline is read")
        #expect(result.standardError.hasPrefix(message), "\(result.standardError)")
        #expect(result.standardError.contains("help: "))
    }

    @Test(arguments: [
        (["--baseline", "a.json", "--write-baseline", "b.json"], "--baseline and --write-baseline exclude each other"),
        (["--no-baseline", "--baseline", "a.json"], "--no-baseline cannot be given with --baseline or --write-baseline"),
        (["--diff", "--write-baseline", "b.json"], "--diff writes nothing, so it cannot write a baseline"),
        (["--write-baseline", "checkout.baton"], "refusing to write over 'checkout.baton'"),
    ])
    func conflictingOptionsAreUsageErrors(_ options: [String], _ message: String) throws {
        let directory = try makeTemporaryDirectory(["checkout.baton": Self.design])
        let result = try run(["check"] + options + ["checkout.baton"], in: directory)
        #expect(result.status == 2)
        #expect(result.standardError.contains(message), "\(result.standardError)")
        #expect(try read(directory, "checkout.baton") == Self.design)
        #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("b.json").path))
    }

    /// The written file does not depend on the order of the arguments.
    @Test func theFileIsDeterministic() throws {
        let directory = try makeTemporaryDirectory(["a.baton": Self.design, "b.baton": "service Lonely\nservice Alone\n"])
        #expect(try run(["check", "--write-baseline", "one.json", "a.baton", "b.baton"], in: directory).status == 0)
        #expect(try run(["check", "--write-baseline", "two.json", "b.baton", "a.baton"], in: directory).status == 0)
        #expect(try read(directory, "one.json") == read(directory, "two.json"))
        #expect(try read(directory, "one.json").hasSuffix("}\n"))
    }
}
