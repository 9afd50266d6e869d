import BatonTestSupport
import Foundation
import Testing

/// `baton infer` as users run it: traces in, a design out that `baton check` and `baton render`
/// take; the errors a user can make; and traces written by a real client, the OpenTelemetry
/// Python SDK.
@Suite struct InferCommandTests {
    static let sdkPackage = "opentelemetry-sdk==1.45.2"

    static func fixture(_ name: String) -> String {
        Golden.packageRoot().appendingPathComponent("Tests/BatonTraceTests/Fixtures/\(name)").path
    }

    @Test(arguments: ["checkout.otlp.json", "checkout.jaeger.json", "checkout.zipkin.json"])
    func theDesignCompilesChecksAndRenders(_ file: String) throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let inferred = try BatonExecutable.run(["infer", Self.fixture(file), "-o", "observed.baton"], directory: directory)
        #expect(inferred.status == 0, "\(inferred.standardError)")
        #expect(inferred.standardOutput.isEmpty)
        let design = try String(contentsOf: directory.appendingPathComponent("observed.baton"), encoding: .utf8)
        #expect(design.contains("Frontend -> Orders : POST /orders [latency=47ms] {"))

        // Formatted already: fmt --check finds nothing to change.
        let formatted = try BatonExecutable.run(["fmt", "--check", "observed.baton"], directory: directory)
        #expect(formatted.status == 0, "\(formatted.standardOutput)")
        // The running system's findings, but no compile error.
        let checked = try BatonExecutable.run(["check", "--format", "json", "observed.baton"], directory: directory)
        #expect(checked.standardOutput.contains("\"retry-without-idempotency\""))
        #expect(!checked.standardOutput.contains("\"severity\" : \"error\", \"code\" : \"syntax\""))
        #expect(checked.status == 1)
        for view in ["sequence", "graph"] {
            let rendered = try BatonExecutable.run(["render", "observed.baton", "--view", view, "-o", "\(view).svg"], directory: directory)
            #expect(rendered.status == 0, "\(rendered.standardError)")
            let svg = try String(contentsOf: directory.appendingPathComponent("\(view).svg"), encoding: .utf8)
            #expect(svg.contains("order-events"))
        }
    }

    @Test func writesToStandardOutputAndReadsDirectoriesAndStandardInput() throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let traces = directory.appendingPathComponent("traces")
        try FileManager.default.createDirectory(at: traces, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: Self.fixture("checkout.zipkin.json"), toPath: traces.appendingPathComponent("a.json").path)
        try Data("not a trace".utf8).write(to: traces.appendingPathComponent("notes.txt"))
        let fromDirectory = try BatonExecutable.run(["infer", "traces", "--title", "Shop"], directory: directory)
        #expect(fromDirectory.status == 0, "\(fromDirectory.standardError)")
        #expect(fromDirectory.standardOutput.contains("title \"Shop\"\n"))
        #expect(fromDirectory.standardOutput.contains("in traces/a.json."))
        let stdin = try BatonExecutable.run(["infer", "-", "--title", "Shop"],
                                            input: try Data(contentsOf: traces.appendingPathComponent("a.json")))
        #expect(stdin.status == 0)
        #expect(TraceText.body(stdin.standardOutput) == TraceText.body(fromDirectory.standardOutput))
    }

    @Test func minCountLeavesOutRarePathsAndSaysSo() throws {
        let result = try BatonExecutable.run(["infer", Self.fixture("checkout.otlp.json"), "--min-count", "2"])
        #expect(result.status == 0)
        #expect(result.standardError == "baton: left out 1 flow seen fewer than 2 times (--min-count; listed at the end of the design)\n")
        #expect(result.standardOutput.contains("#   flow \"GET /checkout\" (1 root)"))
    }

    @Test func aTruncatedFileIsReportedAndWhatWasReadIsUsed() throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let text = try String(contentsOfFile: Self.fixture("checkout.jaeger.json"), encoding: .utf8)
        try Data(text.utf8.prefix(text.utf8.count - 300)).write(to: directory.appendingPathComponent("cut.json"))
        let result = try BatonExecutable.run(["infer", "cut.json"], directory: directory)
        #expect(result.status == 1)
        #expect(result.standardError.hasPrefix("cut.json:"))
        #expect(result.standardError.contains("error: unexpected end of input"))
        #expect(result.standardError.contains("(the file may be cut short)"))
        #expect(result.standardOutput.isEmpty, "a Jaeger trace is handed on whole: the cut one has nothing to give")
    }

    @Test(arguments: [
        (["infer"], "baton: error: no input: give one or more trace files, directories or '-'"),
        (["infer", "missing.json"], "baton: error: cannot read 'missing.json': No such file or directory"),
        (["infer", "x.json", "--min-count", "0"], "baton: error: '--min-count' must be at least 1, not 0"),
        (["infer", "/dev/zero"], "baton: error: cannot read '/dev/zero': it is a device, not a trace file"),
    ])
    func usageErrorsExitWithTwo(_ example: (arguments: [String], message: String)) throws {
        let result = try BatonExecutable.run(example.arguments)
        #expect(result.status == 2)
        #expect(result.standardError.hasPrefix(example.message), "\(result.standardError)")
    }

    @Test func noSpansIsTheInputsFaultAndTheInputIsNeverReplaced() throws {
        let directory = try makeTemporaryDirectory(["empty.json": "{\"resourceSpans\": []}\n"])
        defer { try? FileManager.default.removeItem(at: directory) }
        let empty = try BatonExecutable.run(["infer", "empty.json"], directory: directory)
        #expect(empty.status == 1)
        #expect(empty.standardError.contains("baton: error: no spans found in 'empty.json'"))
        try FileManager.default.copyItem(atPath: Self.fixture("checkout.otlp.json"), toPath: directory.appendingPathComponent("t.json").path)
        let overwrite = try BatonExecutable.run(["infer", "t.json", "-o", "t.json"], directory: directory)
        #expect(overwrite.status == 2)
        #expect(overwrite.standardError.contains("t.json"), "\(overwrite.standardError)")
        let kept = try String(contentsOf: directory.appendingPathComponent("t.json"), encoding: .utf8)
        #expect(kept.hasPrefix("{\"resourceSpans\""))
    }

    /// Traces written by the OpenTelemetry Python SDK for a small instrumented program: a client
    /// span calling a server span, a SQLite database span, a producer and a consumer through a
    /// queue (Tests/TraceClients/otel_checkout.py).
    @Test(.requires(pythonModule: "opentelemetry.sdk"))
    func readsTracesWrittenByTheOpenTelemetryPythonSDK() throws {
        let python = try ExternalProgram.requirePython(module: "opentelemetry.sdk", package: Self.sdkPackage)
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let script = Golden.packageRoot().appendingPathComponent("Tests/TraceClients/otel_checkout.py")
        let traces = directory.appendingPathComponent("spans.jsonl")
        let run = try python.run([script.path, traces.path, "4"])
        #expect(run.status == 0, "\(run.standardError)")

        let result = try BatonExecutable.run(["infer", "spans.jsonl", "-o", "observed.baton"], directory: directory)
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardError.isEmpty)
        let design = try String(contentsOf: directory.appendingPathComponent("observed.baton"), encoding: .utf8)
        #expect(design.contains("from 4 traces (24 spans) in spans.jsonl."), "\(design)")
        for expected in [
            "group Shop \"shop\" {", "  service  Billing \"billing\"", "  service  Orders  \"orders\"", "  client   ShopCli \"shop-cli\"",
            "queue    Invoices \"invoices\"  # messaging.system in-process", "store    OrdersDb \"orders.db\"  # db.system sqlite",
            "flow \"POST /orders\" {", "  # seen 4 times;",
        ] {
            #expect(design.contains(expected + "\n") || design.contains(expected), "missing \(expected):\n\(design)")
        }
        let steps = design.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.hasPrefix("#") && ($0.contains(" -> ") || $0.contains(" ->> ") || $0.contains(" <- ")) }
            .map { $0.replacingOccurrences(of: #" \[latency=[0-9.]+m?s\]"#, with: "", options: .regularExpression) }
        #expect(steps == [
            "ShopCli -> Orders : POST /orders {", "Orders -> OrdersDb : INSERT orders", "Orders ->> Invoices : publish invoices",
            "Billing <- Invoices : process invoices", "Billing <- OrdersDb : SELECT orders",
        ])
        let checked = try BatonExecutable.run(["check", "observed.baton"], directory: directory)
        #expect(!checked.standardOutput.contains("error["), "\(checked.standardOutput)")
        let rendered = try BatonExecutable.run(["render", "observed.baton", "-o", "observed.svg"], directory: directory)
        #expect(rendered.status == 0, "\(rendered.standardError)")
    }
}

enum TraceText {
    /// A design without its first line, which names the files read.
    static func body(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).dropFirst().joined(separator: "\n")
    }
}
