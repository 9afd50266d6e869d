import BatonTestSupport
import Foundation
import Testing

/// `baton check --traces` as users run it: drift findings in the check's reports and exit codes.
@Suite struct CheckTracesCommandTests {
    static func fixture(_ name: String) -> String {
        Golden.packageRoot().appendingPathComponent("Tests/BatonTraceTests/Fixtures/\(name)").path
    }

    static let tiny = """
        client Web
        service Bar
        flow "x" {
          Web -> Bar : hi [timeout=1s]
        }

        """

    @Test func driftIsReportedAndFailsAtTheFailLevel() throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try Data(Self.tiny.utf8).write(to: directory.appendingPathComponent("tiny.baton"))
        let traces = Self.fixture("checkout.otlp.json")

        // The design alone is clean, even at --fail-on warning.
        let alone = try BatonExecutable.run(["check", "--fail-on", "warning", "tiny.baton"], directory: directory)
        #expect(alone.status == 0, "\(alone.standardOutput)")

        // Drift is a warning (unobserved an info): it fails at --fail-on warning, not by default.
        let text = try BatonExecutable.run(["check", "tiny.baton", "--traces", traces], directory: directory)
        #expect(text.status == 0, "\(text.standardOutput)\(text.standardError)")
        #expect(text.standardOutput.contains("warning[undeclared-interaction]: 'frontend -> orders : POST /orders' is seen in the traces"),
                "\(text.standardOutput)")
        #expect(text.standardOutput.contains("info[unobserved-interaction]: 'Web -> Bar : hi' is never seen in the traces: no span shows 'Bar'"),
                "\(text.standardOutput)")
        #expect(text.standardOutput.contains("= note: seen in trace 4bf92f3577b34da6a3ce929d0e0e4736, span "))
        let failing = try BatonExecutable.run(["check", "--fail-on", "warning", "tiny.baton", "--traces", traces], directory: directory)
        #expect(failing.status == 1)

        let json = try BatonExecutable.run(["check", "--format", "json", "tiny.baton", "--traces", traces], directory: directory)
        #expect(json.standardOutput.contains(#""code": "undeclared-interaction""#), "\(json.standardOutput)")
        #expect(json.standardOutput.contains(#""code": "unobserved-interaction""#))
        let sarif = try BatonExecutable.run(["check", "--format", "sarif", "tiny.baton", "--traces", traces], directory: directory)
        #expect(sarif.standardOutput.contains(#""ruleId": "undeclared-interaction""#), "\(sarif.standardOutput)")
    }

    @Test func anInferredDesignHasNoDriftFromItsTracesAndADirectoryIsRead() throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let traces = directory.appendingPathComponent("traces")
        try FileManager.default.createDirectory(at: traces, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: Self.fixture("checkout.jaeger.json"), toPath: traces.appendingPathComponent("a.json").path)
        let inferred = try BatonExecutable.run(["infer", "traces", "-o", "observed.baton"], directory: directory)
        #expect(inferred.status == 0, "\(inferred.standardError)")
        let checked = try BatonExecutable.run(["check", "--format", "json", "observed.baton", "--traces", "traces"], directory: directory)
        for id in ["undeclared-interaction", "unobserved-interaction", "kind-drift", "latency-drift", "retry-drift"] {
            #expect(!checked.standardOutput.contains(id), "\(id) in \(checked.standardOutput)")
        }
        #expect(checked.standardOutput.contains("missing-timeout"), "the rules still run: \(checked.standardOutput)")
    }

    @Test func explainKnowsTheDriftIds() throws {
        let explained = try BatonExecutable.run(["explain", "kind-drift"])
        #expect(explained.status == 0)
        #expect(explained.standardOutput.hasPrefix("kind-drift (drift, warning: baton check --traces)\n"), "\(explained.standardOutput)")
        #expect(explained.standardOutput.contains("docs/traces.md"))
    }

    @Test func aMissingTraceFileIsAnInputError() throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try Data(Self.tiny.utf8).write(to: directory.appendingPathComponent("tiny.baton"))
        let missing = try BatonExecutable.run(["check", "tiny.baton", "--traces", "nope.json"], directory: directory)
        #expect(missing.status == 2)
        #expect(missing.standardError.contains("cannot read 'nope.json'"))
        #expect(missing.standardOutput.isEmpty)
    }
}
