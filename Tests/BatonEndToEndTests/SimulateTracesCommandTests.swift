import Baton
import BatonJSON
import BatonModel
import BatonSyntax
import BatonTestSupport
import BatonTrace
import Foundation
import Testing

/// `baton simulate --traces` as users run it, and the round trip it makes possible: every sample
/// with a scenario is simulated into traces, `baton infer` reads them back, and the inferred
/// design must have the original's participants, interaction kinds and nesting — while
/// `baton check --traces` finds no drift between the original and its own traces.
@Suite struct SimulateTracesCommandTests {
    static func sample(_ name: String) -> String {
        Golden.packageRoot().appendingPathComponent("samples/\(name)").path
    }

    /// Every sample that has a scenario: found, not listed, so a new one joins the round trip.
    static var samplesWithScenarios: [String] {
        let directory = Golden.packageRoot().appendingPathComponent("samples")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.filter { $0.hasSuffix(".baton") }.sorted().filter { name in
            let text = (try? String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)) ?? ""
            return text.split(separator: "\n").contains { $0.hasPrefix("scenario ") }
        }
    }

    @Test func theSamplesWithScenariosAreFound() {
        #expect(Self.samplesWithScenarios == ["checkout-under-load.baton", "retry-storm-simulated.baton"])
    }

    // MARK: - The round trip

    @Test(arguments: samplesWithScenarios)
    func simulatedTracesInferTheDesignBackAndShowNoDrift(_ name: String) throws {
        let original = Self.compile(name)
        try Self.roundTrip(name, runs: original.model.scenarios.map { ["--scenario", $0.name] })
    }

    /// Every other sample, each of its flows under a load of its own (`--load`, `--duration`),
    /// so that every flow is exercised: the round trip holds for all of them, within the limits
    /// docs/traces.md states.
    static var samplesWithoutScenarios: [String] {
        let directory = Golden.packageRoot().appendingPathComponent("samples")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.filter { $0.hasSuffix(".baton") }.sorted().filter { !samplesWithScenarios.contains($0) && !catalogues.contains($0) }
    }

    /// Samples that only declare participants for others to import: nothing in them runs.
    static let catalogues = ["platform-catalog.baton"]

    /// Loads a sample needs other than the default: one run of clean-architecture sends 500
    /// messages that a driver drains 25 every 30 seconds, so a run settles (and its trace is
    /// written) only if the pump keeps up.
    static let loads: [String: (rate: String, duration: String)] = ["clean-architecture.baton": ("1/h", "4h")]

    @Test(arguments: samplesWithoutScenarios)
    func everyFlowOfEveryOtherSampleRoundTripsToo(_ name: String) throws {
        let original = Self.compile(name)
        let load = Self.loads[name] ?? ("5/s", "2m")
        let runs = original.model.flows.map { flow in
            // 500 traces: with fewer than a hundred calls, the p99 that latency drift compares
            // with a timeout is the slowest call, and one slow draw of a design whose latency
            // tail crosses its timeout would be reported (docs/traces.md, section 10).
            ["--load", flow.isDefault ? load.rate : "\(load.rate) flow \(LiteralFormat.string(flow.name))", "--duration", load.duration,
             "--trace-limit", "500"]
        }
        try Self.roundTrip(name, runs: runs)
    }

    /// A sample compiled with its imports.
    static func compile(_ name: String) -> Compilation {
        let text = (try? String(contentsOfFile: sample(name), encoding: .utf8)) ?? ""
        return Baton.compile(source: text, path: name, directory: Golden.packageRoot().appendingPathComponent("samples").path)
    }

    /// Simulates `name` once per entry of `runs` (the options that pick or make its scenario),
    /// infers a design from all the traces together and compares it with the original; then
    /// checks the original against the traces.
    static func roundTrip(_ name: String, runs: [[String]], sourceLocation: SourceLocation = #_sourceLocation) throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = Self.sample(name)
        let original = Self.compile(name)
        #expect(!original.hasErrors, sourceLocation: sourceLocation)

        // Every scenario, into traces of its own, with the report that says what it exercised.
        var traceFiles: [String] = []
        var exercised = Set<Int>()
        for (index, options) in runs.enumerated() {
            let file = "traces-\(index).json"
            let run = try BatonExecutable.run(["simulate", path] + options + ["--traces", file, "--format", "json"], directory: directory)
            #expect(run.status == 0, "\(options): \(run.standardError)", sourceLocation: sourceLocation)
            let report = try JSONValue.parse(run.standardOutput)
            for row in report["interactions"]?.arrayValue ?? [] where (row["firstAttempts"]?.numberValue ?? 0) > 0 {
                if let line = row["line"]?.numberValue { exercised.insert(Int(line)) }
            }
            traceFiles.append(file)
        }

        let inferred = try BatonExecutable.run(["infer"] + traceFiles + ["-o", "inferred.baton"], directory: directory)
        #expect(inferred.status == 0, "\(inferred.standardError)", sourceLocation: sourceLocation)
        let inferredText = try String(contentsOf: directory.appendingPathComponent("inferred.baton"), encoding: .utf8)
        let back = Baton.compile(source: inferredText, path: "inferred.baton")
        #expect(!back.hasErrors, "\(inferredText)", sourceLocation: sourceLocation)

        // What the scenarios never exercised cannot be in any trace: it is left out of the
        // comparison by name, and must be reported as unobserved below.
        let expected = DesignStructure(original) { exercised.contains($0) }
        let unexercised = Set(DesignStructure(original).edgeOfLine.keys).subtracting(exercised)
        let observed = DesignStructure(back)
        #expect(!expected.edges.isEmpty, sourceLocation: sourceLocation)
        #expect(observed.edges == expected.edges,
                "missing: \(expected.edges.subtracting(observed.edges).sorted()), extra: \(observed.edges.subtracting(expected.edges).sorted())\n\(inferredText)",
                sourceLocation: sourceLocation)
        #expect(observed.nesting == expected.nesting,
                "missing: \(expected.nesting.subtracting(observed.nesting).sorted()), extra: \(observed.nesting.subtracting(expected.nesting).sorted())\n\(inferredText)",
                sourceLocation: sourceLocation)
        #expect(Set(observed.participants.keys) == Set(expected.participants.keys), sourceLocation: sourceLocation)
        for participant in expected.participants.keys.sorted() {
            #expect(observed.participants[participant] == expected.observableKind(of: participant),
                    "\(participant): designed \(expected.participants[participant].map { "\($0)" } ?? "-")", sourceLocation: sourceLocation)
        }

        // The original against its own traces: no drift, only the unexercised interactions
        // reported as never seen (an info).
        let check = try BatonExecutable.run(["check", path, "--format", "json"] + traceFiles.flatMap { ["--traces", $0] },
                                            directory: directory)
        let findings = try JSONValue.parse(check.standardOutput)["diagnostics"]?.arrayValue ?? []
        let drift = findings.filter { ($0["code"]?.stringValue).map(Self.driftCodes.contains) == true }
        let unobserved = drift.filter { $0["code"]?.stringValue == "unobserved-interaction" }
        #expect(drift.count == unobserved.count, "\(check.standardOutput)", sourceLocation: sourceLocation)
        #expect(Set(unobserved.compactMap { $0["line"]?.numberValue.map(Int.init) }) == unexercised, "\(check.standardOutput)",
                sourceLocation: sourceLocation)
    }

    // MARK: - The file

    /// The spans of every trace of a file, by trace, with their service.
    static func spans(_ text: String) throws -> [(service: String, span: JSONValue)] {
        var spans: [(String, JSONValue)] = []
        for line in text.split(separator: "\n") {
            for resource in try JSONValue.parse(String(line))["resourceSpans"]?.arrayValue ?? [] {
                let attributes = resource["resource"]?["attributes"]?.arrayValue ?? []
                let service = attributes.first { $0["key"]?.stringValue == "service.name" }?["value"]?["stringValue"]?.stringValue ?? ""
                for scope in resource["scopeSpans"]?.arrayValue ?? [] {
                    for span in scope["spans"]?.arrayValue ?? [] { spans.append((service, span)) }
                }
            }
        }
        return spans
    }

    static func attribute(_ span: JSONValue, _ key: String) -> String? {
        (span["attributes"]?.arrayValue ?? []).first { $0["key"]?.stringValue == key }?["value"]?["stringValue"]?.stringValue
    }

    @Test func theSpansCarryTheConventionsTheReaderMapsBack() throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let run = try BatonExecutable.run(["simulate", Self.sample("checkout-under-load.baton"), "--traces", "t.json",
                                           "--trace-limit", "20"], directory: directory)
        #expect(run.status == 0, "\(run.standardError)")
        let text = try String(contentsOf: directory.appendingPathComponent("t.json"), encoding: .utf8)
        let lines = text.split(separator: "\n")
        #expect(lines.count == 20, "one line of JSON per trace, and at most --trace-limit of them")
        let spans = try Self.spans(text)
        let byID = Dictionary(spans.map { ($0.span["spanId"]?.stringValue ?? "", $0) }, uniquingKeysWith: { first, _ in first })
        func parent(_ span: JSONValue) -> (service: String, span: JSONValue)? { byID[span["parentSpanId"]?.stringValue ?? ""] }

        // A run's root: an internal span of the flow's first initiator, named after the flow.
        let roots = spans.filter { $0.span["parentSpanId"]?.stringValue == "" }
        #expect(roots.count == 20)
        #expect(roots.allSatisfy { $0.service == "Shopper" && $0.span["kind"]?.numberValue == 1 && $0.span["name"]?.stringValue == "Checkout under load" })
        // A sync call to a service: a client span of the caller naming its peer, and a server span
        // of the callee under it, both labelled by rpc.method.
        let servers = spans.filter { $0.service == "Web" && $0.span["kind"]?.numberValue == 2 }
        #expect(!servers.isEmpty)
        for server in servers {
            let client = try #require(parent(server.span))
            #expect(client.service == "Shopper" && client.span["kind"]?.numberValue == 3)
            #expect(Self.attribute(client.span, "peer.service") == "Web" && Self.attribute(client.span, "rpc.method") == "checkout")
            #expect(Self.attribute(server.span, "rpc.method") == "checkout")
        }
        // A store: a client span with the database conventions and no server span.
        let saves = spans.filter { Self.attribute($0.span, "db.namespace") == "Orders" }
        #expect(!saves.isEmpty && saves.allSatisfy { $0.service == "Web" && $0.span["kind"]?.numberValue == 3
            && Self.attribute($0.span, "db.system.name") == "other_sql" && Self.attribute($0.span, "db.operation.name") == "EXECUTE" })
        #expect(!spans.contains { $0.service == "Orders" || $0.service == "Payments" || $0.service == "Fulfil" })
        // An external: a client span naming its peer.
        #expect(spans.contains { $0.service == "Web" && Self.attribute($0.span, "peer.service") == "Payments" })
        // A queue: a producer span into it, and the consumer's span under it.
        let consumers = spans.filter { $0.span["kind"]?.numberValue == 5 }
        #expect(!consumers.isEmpty)
        for consumer in consumers {
            #expect(consumer.service == "Warehouse")
            #expect(Self.attribute(consumer.span, "messaging.destination.name") == "Fulfil")
            #expect(Self.attribute(consumer.span, "messaging.operation.type") == "process")
            let producer = try #require(parent(consumer.span))
            #expect(producer.service == "Web" && producer.span["kind"]?.numberValue == 4)
            #expect(Self.attribute(producer.span, "messaging.destination.name") == "Fulfil")
            #expect(Self.attribute(producer.span, "messaging.operation.type") == "send")
            #expect(Self.attribute(producer.span, "messaging.destination.kind") == "queue")
        }
        // Retries: several client spans of one call under one parent, the failed ones marked.
        let charges = spans.filter { Self.attribute($0.span, "rpc.method") == "charge" && $0.span["kind"]?.numberValue == 3 }
        let perParent = Dictionary(grouping: charges, by: { $0.span["parentSpanId"]?.stringValue ?? "" })
        let retried = perParent.values.filter { $0.count > 1 }
        #expect(!retried.isEmpty, "the outage makes charges fail and retry")
        #expect(retried.allSatisfy { $0.count <= 3 }, "retries=2: three attempts at most")
        for attempts in retried {
            #expect(attempts.dropLast().allSatisfy { $0.span["status"]?["code"]?.numberValue == 2 }, "a retry follows a failure")
        }
    }

    @Test func theSameSimulationWritesTheSameBytesAndTheIDsComeFromTheSeed() throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let design = Self.sample("retry-storm-simulated.baton")
        for (file, seed) in [("a.json", "1"), ("b.json", "1"), ("c.json", "2")] {
            let run = try BatonExecutable.run(["simulate", design, "--scenario", "Repaired", "--seed", seed, "--traces", file,
                                               "--trace-limit", "10"], directory: directory)
            #expect(run.status == 0, "\(run.standardError)")
        }
        let a = try Data(contentsOf: directory.appendingPathComponent("a.json"))
        let b = try Data(contentsOf: directory.appendingPathComponent("b.json"))
        let c = try Data(contentsOf: directory.appendingPathComponent("c.json"))
        #expect(!a.isEmpty && a == b)
        #expect(a != c)
        // Ids are counters under a hash of the scenario and seed: the first run's trace ends in 1.
        let first = try #require(try Self.spans(String(decoding: a, as: UTF8.self)).first)
        let traceID = try #require(first.span["traceId"]?.stringValue)
        #expect(traceID.count == 32 && traceID.hasSuffix("0000000000000001"))
        #expect(first.span["spanId"]?.stringValue == "0000000100000001")
        let other = try #require(try Self.spans(String(decoding: c, as: UTF8.self)).first?.span["traceId"]?.stringValue)
        #expect(other.prefix(16) != traceID.prefix(16))
    }

    @Test func tracingChangesNoFigure() throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let design = Self.sample("checkout-under-load.baton")
        let plain = try BatonExecutable.run(["simulate", design, "--format", "json"], directory: directory)
        let traced = try BatonExecutable.run(["simulate", design, "--format", "json", "--traces", "t.json"], directory: directory)
        #expect(plain.status == 0 && traced.status == 0)
        #expect(!plain.standardOutputBytes.isEmpty && plain.standardOutputBytes == traced.standardOutputBytes)
    }

    @Test func theTracesAreBounded() throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        // Ten minutes at 40 runs a second: 24,000 runs, of which the default 100 are written.
        let run = try BatonExecutable.run(["simulate", Self.sample("checkout-under-load.baton"), "--scenario", "Payment outage",
                                           "--traces", "t.json"], directory: directory)
        #expect(run.status == 0)
        let text = try String(contentsOf: directory.appendingPathComponent("t.json"), encoding: .utf8)
        #expect(text.split(separator: "\n").count == 100)
        // Spread over the scenario, not its first seconds: the last trace starts in its last tenth.
        let starts = try Self.spans(text).filter { $0.span["parentSpanId"]?.stringValue == "" }
            .compactMap { $0.span["startTimeUnixNano"]?.stringValue.flatMap { Int64($0) } }
        let epoch: Int64 = 1_767_225_600_000_000_000
        #expect((starts.max() ?? 0) - epoch > 540 * 1_000_000_000)
    }

    @Test(arguments: [
        (["--trace-limit", "5"], "baton: error: --trace-limit bounds the traces, and none are written"),
        (["--traces", "t.json", "--runs", "2"], "baton: error: --traces records the spans of one run, and --runs 2 asks for 2"),
        (["--traces", "t.json", "--trace-limit", "0"], "baton: error: '--trace-limit' must be at least 1, not 0"),
        (["--traces", "t.json", "--chart", "t.json"], "baton: error: the traces cannot go to 't.json' as well"),
    ])
    func mistakesAreUsageErrors(_ options: [String], _ message: String) throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let run = try BatonExecutable.run(["simulate", Self.sample("checkout-under-load.baton")] + options, directory: directory)
        #expect(run.status == 2)
        #expect(run.standardError.hasPrefix(message), "\(run.standardError)")
        #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("t.json").path))
    }

    @Test func aTerminalIsToldWhatWasWritten() throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let run = try BatonExecutable.run(["simulate", Self.sample("retry-storm-simulated.baton"), "--scenario", "Repaired",
                                           "--traces", "t.json", "--trace-limit", "10", "-o", "report.txt"],
                                          directory: directory, standardErrorIsTerminal: true)
        #expect(run.status == 0)
        #expect(run.standardError.contains("wrote t.json (OTLP JSON, 10 traces of \"Repaired\", one run in 251, "), "\(run.standardError)")
    }

    @Test func theTracesNeverReplaceTheInput() throws {
        let directory = try makeTemporaryDirectory(["d.baton": try String(contentsOfFile: Self.sample("retry-storm-simulated.baton"), encoding: .utf8)])
        defer { try? FileManager.default.removeItem(at: directory) }
        let run = try BatonExecutable.run(["simulate", "d.baton", "--scenario", "Repaired", "--traces", "d.baton"], directory: directory)
        #expect(run.status == 2)
        #expect(try String(contentsOf: directory.appendingPathComponent("d.baton"), encoding: .utf8).hasPrefix("# Retry storm"))
    }

    static let driftCodes: Set<String> = ["undeclared-interaction", "unobserved-interaction", "kind-drift", "latency-drift", "retry-drift"]
}
