import Baton
import BatonJSON
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
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = Self.sample(name)
        let original = Baton.compile(source: try String(contentsOfFile: path, encoding: .utf8), path: name)
        #expect(!original.hasErrors)

        // Every scenario, into traces of its own, with the report that says what it exercised.
        var traceFiles: [String] = []
        var exercised = Set<Int>()
        for (index, scenario) in original.model.scenarios.enumerated() {
            let file = "traces-\(index).json"
            let run = try BatonExecutable.run(["simulate", path, "--scenario", scenario.name, "--traces", file,
                                               "--format", "json"], directory: directory)
            #expect(run.status == 0, "\(run.standardError)")
            let report = try JSONValue.parse(run.standardOutput)
            for row in report["interactions"]?.arrayValue ?? [] where (row["firstAttempts"]?.numberValue ?? 0) > 0 {
                if let line = row["line"]?.numberValue { exercised.insert(Int(line)) }
            }
            traceFiles.append(file)
        }

        let inferred = try BatonExecutable.run(["infer"] + traceFiles + ["-o", "inferred.baton"], directory: directory)
        #expect(inferred.status == 0, "\(inferred.standardError)")
        let inferredText = try String(contentsOf: directory.appendingPathComponent("inferred.baton"), encoding: .utf8)
        let back = Baton.compile(source: inferredText, path: "inferred.baton")
        #expect(!back.hasErrors, "\(inferredText)")

        // What the scenarios never exercised cannot be in any trace: it is left out of the
        // comparison by name, and must be reported as unobserved below.
        let expected = DesignStructure(original) { exercised.contains($0) }
        let unexercised = Set(DesignStructure(original).edgeOfLine.keys).subtracting(exercised)
        let observed = DesignStructure(back)
        #expect(observed.edges == expected.edges,
                "missing: \(expected.edges.subtracting(observed.edges).sorted()), extra: \(observed.edges.subtracting(expected.edges).sorted())\n\(inferredText)")
        #expect(observed.nesting == expected.nesting,
                "missing: \(expected.nesting.subtracting(observed.nesting).sorted()), extra: \(observed.nesting.subtracting(expected.nesting).sorted())\n\(inferredText)")
        #expect(Set(observed.participants.keys) == Set(expected.participants.keys))
        for participant in expected.participants.keys.sorted() {
            #expect(observed.participants[participant] == expected.observableKind(of: participant),
                    "\(participant): designed \(expected.participants[participant].map { "\($0)" } ?? "-")")
        }

        // The original against its own traces: no drift, only the unexercised interactions
        // reported as never seen (an info).
        let check = try BatonExecutable.run(["check", path, "--format", "json"] + traceFiles.flatMap { ["--traces", $0] },
                                            directory: directory)
        let findings = try JSONValue.parse(check.standardOutput)["diagnostics"]?.arrayValue ?? []
        let drift = findings.filter { ($0["code"]?.stringValue).map(Self.driftCodes.contains) == true }
        let unobserved = drift.filter { $0["code"]?.stringValue == "unobserved-interaction" }
        #expect(drift.count == unobserved.count, "\(check.standardOutput)")
        #expect(Set(unobserved.compactMap { $0["line"]?.numberValue.map(Int.init) }) == unexercised, "\(check.standardOutput)")
    }

    static let driftCodes: Set<String> = ["undeclared-interaction", "unobserved-interaction", "kind-drift", "latency-drift", "retry-drift"]
}
