import BatonCheck
import BatonTestSupport
import Foundation
import Testing

/// `baton check` with the lint rules, as a user and a CI job run it: exit codes, fail levels,
/// configuration discovery, SARIF and GitHub output, `rules` and `explain`.
struct LintCommandTests {
    static let clean = """
        client  App
        service Api [timeout=1s]
        App -> Api : call
        """
    static let warningOnly = """
        client  App
        service Api
        App -> Api : call
        """
    static let withError = """
        service A [timeout=1s]
        service B [timeout=1s]
        A -> B : one
        B -> A : two
        """

    @Test func cleanDesignExitsZero() throws {
        let dir = try makeTemporaryDirectory(["clean.baton": Self.clean])
        let result = try BatonExecutable.run(["check", "clean.baton"], directory: dir)
        #expect(result.status == 0)
        #expect(result.standardOutput == "no problems in 1 file\n")
    }

    @Test func warningsAloneDoNotFailUnlessAsked() throws {
        let dir = try makeTemporaryDirectory(["w.baton": Self.warningOnly])
        let result = try BatonExecutable.run(["check", "w.baton"], directory: dir)
        #expect(result.status == 0)
        #expect(result.standardOutput.contains("w.baton:3:1: warning[missing-timeout]:"))
        #expect(try BatonExecutable.run(["check", "--fail-on", "warning", "w.baton"], directory: dir).status == 1)
        #expect(try BatonExecutable.run(["check", "--fail-on", "info", "w.baton"], directory: dir).status == 1)
    }

    @Test func errorsFail() throws {
        let dir = try makeTemporaryDirectory(["e.baton": Self.withError])
        let result = try BatonExecutable.run(["check", "e.baton"], directory: dir)
        #expect(result.status == 1)
        #expect(result.standardOutput.contains("e.baton:4:1: error[sync-cycle]: synchronous call cycle: A -> B -> A"))
        #expect(result.standardOutput.contains("= note: A -> B : one at e.baton:3:1"))
    }

    @Test func compileErrorsFailAndNoRuleRuns() throws {
        let dir = try makeTemporaryDirectory(["c.baton": "service A\nA -> Nobody : x\nA -> A : y\n"])
        let result = try BatonExecutable.run(["check", "c.baton"], directory: dir)
        #expect(result.status == 1)
        #expect(result.standardOutput.contains("error[undeclared-name]"))
        #expect(!result.standardOutput.contains("sync-cycle"))
    }

    @Test func noInputIsAUsageError() throws {
        let result = try BatonExecutable.run(["check"])
        #expect(result.status == 2)
        #expect(result.standardError.contains("no input"))
        let dir = try makeTemporaryDirectory([:])
        let empty = try BatonExecutable.run(["check", "."], directory: dir)
        #expect(empty.status == 2)
        #expect(empty.standardError.contains("no .baton files found"))
        #expect(try BatonExecutable.run(["check", "missing.baton"], directory: dir).status == 2)
    }

    @Test func configurationIsFoundByWalkingUp() throws {
        let dir = try makeTemporaryDirectory([
            ".baton.json": #"{"rules": {"missing-timeout": "error"}}"#,
            "designs/team/w.baton": Self.warningOnly,
        ])
        let result = try BatonExecutable.run(["check", "designs/team/w.baton"], directory: dir)
        #expect(result.status == 1)
        #expect(result.standardOutput.contains("error[missing-timeout]"))
        // The nearest file wins.
        try Data(#"{"rules": {"missing-timeout": "off"}}"#.utf8).write(to: dir.appendingPathComponent("designs/.baton.json"))
        let nearer = try BatonExecutable.run(["check", "designs/team/w.baton"], directory: dir)
        #expect(nearer.status == 0)
        #expect(nearer.standardOutput == "no problems in 1 file\n")
    }

    @Test func failOnInTheConfiguration() throws {
        let dir = try makeTemporaryDirectory([".baton.json": #"{"failOn": "warning"}"#, "w.baton": Self.warningOnly])
        #expect(try BatonExecutable.run(["check", "w.baton"], directory: dir).status == 1)
        // The command line wins.
        #expect(try BatonExecutable.run(["check", "--fail-on", "error", "w.baton"], directory: dir).status == 0)
    }

    @Test func explicitConfigAndStandardInput() throws {
        let dir = try makeTemporaryDirectory(["strict.json": #"{"rules": {"missing-timeout": "error"}}"#])
        let result = try BatonExecutable.run(["check", "--config", "strict.json", "-"], input: Data(Self.warningOnly.utf8), directory: dir)
        #expect(result.status == 1)
        #expect(result.standardOutput.contains("<stdin>:3:1: error[missing-timeout]"))
    }

    @Test func standardInputFindsTheConfigurationFromTheCurrentDirectory() throws {
        let dir = try makeTemporaryDirectory([".baton.json": #"{"rules": {"missing-timeout": "off"}}"#])
        let result = try BatonExecutable.run(["check", "-"], input: Data(Self.warningOnly.utf8), directory: dir)
        #expect(result.status == 0)
    }

    @Test func badConfigurationIsAnInvocationError() throws {
        let dir = try makeTemporaryDirectory([".baton.json": "{\n  \"rules\": {\n    \"fan-outt\": \"off\"\n  }\n}\n", "w.baton": Self.warningOnly])
        let result = try BatonExecutable.run(["check", "w.baton"], directory: dir)
        #expect(result.status == 2)
        #expect(result.standardOutput.isEmpty)
        #expect(result.standardError.contains(".baton.json:3:5: unknown rule 'fan-outt'"))
        #expect(result.standardError.contains("did you mean 'fan-out'?"))
        let missing = try BatonExecutable.run(["check", "--config", "nope.json", "w.baton"], directory: dir)
        #expect(missing.status == 2)
    }

    /// A committed configuration with a huge number stops the run with exit 2 at the value,
    /// instead of crashing the CI job that checks the designs.
    @Test(arguments: ["1e19", "9223372036854775808", "1e308", "1e400"])
    func hugeOptionValuesAreInvocationErrors(_ literal: String) throws {
        let dir = try makeTemporaryDirectory([
            ".baton.json": "{\n  \"rules\": {\n    \"fan-out\": { \"max\": \(literal) },\n    \"sync-chain-depth\": { \"max\": 2 }\n  }\n}\n",
            "w.baton": Self.warningOnly,
        ])
        let result = try BatonExecutable.run(["check", "w.baton"], directory: dir)
        #expect(result.status == 2, "\(result.standardError)")
        #expect(result.standardOutput.isEmpty)
        #expect(result.standardError.contains(".baton.json:3:25: option 'max' of 'fan-out' must be at most 1000000, not \(literal)"),
                "\(result.standardError)")
    }

    @Test func sarifAndGithubFormats() throws {
        let dir = try makeTemporaryDirectory(["designs/e.baton": Self.withError])
        let sarif = try BatonExecutable.run(["check", "--format", "sarif", "designs"], directory: dir)
        #expect(sarif.status == 1)
        let object = try JSONSerialization.jsonObject(with: sarif.standardOutputBytes) as? [String: Any]
        let runs = object?["runs"] as? [[String: Any]]
        let results = runs?.first?["results"] as? [[String: Any]]
        #expect(results?.count == 1)
        let location = ((results?.first?["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])?["artifactLocation"] as? [String: Any]
        #expect(location?["uri"] as? String == "designs/e.baton")
        let github = try BatonExecutable.run(["check", "--format", "github", "designs/e.baton"], directory: dir)
        #expect(github.status == 1)
        #expect(github.standardOutput.hasPrefix("::error file=designs/e.baton,line=4,col=1,endLine=4,endColumn=13,title=baton (sync-cycle)::"))
    }

    @Test func outputIsDeterministic() throws {
        let dir = try makeTemporaryDirectory(["a.baton": Self.withError, "b.baton": Self.warningOnly])
        let first = try BatonExecutable.run(["check", "--format", "sarif", "."], directory: dir)
        let second = try BatonExecutable.run(["check", "--format", "sarif", "."], directory: dir)
        #expect(first.standardOutputBytes == second.standardOutputBytes)
    }

    @Test func rulesAndExplain() throws {
        let rules = try BatonExecutable.run(["rules"])
        #expect(rules.status == 0)
        #expect(rules.standardOutput.contains("sync-cycle"))
        // A header, then every rule of the catalog and unused-suppression, in its order.
        let listed = rules.standardOutput.split(separator: "\n").dropFirst().compactMap { $0.split(separator: " ").first.map(String.init) }
        #expect(listed == Rules.descriptors.map(\.id))
        #expect(Rules.descriptors.count == Rules.all.count + 1)
        let explain = try BatonExecutable.run(["explain", "retry-amplification"])
        #expect(explain.status == 0)
        #expect(explain.standardOutput.contains("max = 10"))
        #expect(explain.standardOutput.contains("# baton:ignore retry-amplification -- reason"))
        let unknown = try BatonExecutable.run(["explain", "retry-amplfication"])
        #expect(unknown.status == 2)
        #expect(unknown.standardError.contains("did you mean 'retry-amplification'?"))
    }
}

extension LintCommandTests {
    @Test func metricsCommand() throws {
        let dir = try makeTemporaryDirectory(["m.baton": Self.withError, "bad.baton": "service A\nA -> Nobody : x\n"])
        let text = try BatonExecutable.run(["metrics", "m.baton"], directory: dir)
        #expect(text.status == 0)
        #expect(text.standardOutput.hasPrefix("PARTICIPANT  KIND"))
        let json = try BatonExecutable.run(["metrics", "--format", "json", "m.baton"], directory: dir)
        #expect(json.status == 0)
        let object = try JSONSerialization.jsonObject(with: json.standardOutputBytes) as? [String: Any]
        #expect((object?["participants"] as? [Any])?.count == 2)
        let broken = try BatonExecutable.run(["metrics", "bad.baton"], directory: dir)
        #expect(broken.status == 1)
        #expect(broken.standardError.contains("undeclared-name"))
        #expect(try BatonExecutable.run(["metrics"], directory: dir).status == 2)
    }
}
