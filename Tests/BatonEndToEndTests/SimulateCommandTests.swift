import BatonJSON
import BatonTestSupport
import Foundation
import Testing

/// `baton simulate` as users and CI jobs run it: the reports, --check, the chart, determinism,
/// and the errors a user can make.
@Suite struct SimulateCommandTests {
    /// An M/M/1 queue: arrivals at 8/s, one server taking 100ms on average — busy 80% of the time,
    /// a request spends 0.5 s there on average. Line 6 holds an expectation that holds, line 7 one
    /// that fails.
    static let queue = """
        client Client
        service Server [concurrency=1, latency=100ms]
        Client -> Server : request
        scenario "Steady" [duration=30m, warmup=1m] {
          load 8/s
          expect p99 <= 5s
          expect p50 <= 50ms
        }
        scenario "Outage" [duration=10m] {
          load 8/s
          fault Server down from 2m to 3m
          expect recovers within 1m
        }
        """

    static var sample: String { Golden.packageRoot().appendingPathComponent("samples/retry-storm-simulated.baton").path }

    static func simulate(_ arguments: [String], input: String = queue, directory: URL? = nil,
                         standardErrorIsTerminal: Bool = false) throws -> BatonExecutable.Result {
        try BatonExecutable.run(["simulate"] + arguments, input: Data(input.utf8), directory: directory,
                                standardErrorIsTerminal: standardErrorIsTerminal)
    }

    // MARK: - Reports

    @Test func theTextReportShowsWhatTheQueueDid() throws {
        let result = try Self.simulate(["-", "--scenario", "Steady"])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardError.isEmpty)
        let text = result.standardOutput
        #expect(text.hasPrefix("Scenario \"Steady\"\n30m simulated, the first 1m as warm-up (left out of the figures); seed 1\n"))
        let server = try #require(text.split(separator: "\n").first { $0.hasPrefix("  Server ") })
        let utilisation = try #require(Double(server.split(separator: " ")[1].dropLast()), "\(server)")
        #expect(abs(utilisation - 80) < 2, "utilisation of an M/M/1 queue at ρ = 0.8: \(server)")
        #expect(text.contains("\n  Client -> Server : request     3  "))
        #expect(text.contains("Expectations: 1 of 2 held\n"))
        #expect(text.contains("  line 6  held    expect p99 <= 5s: p99 of all runs was "))
        #expect(text.contains("  line 7  FAILED  expect p50 <= 50ms: p50 of all runs was "))
    }

    @Test func theJSONReportParsesAndKeepsTheContract() throws {
        let result = try Self.simulate(["-", "--scenario", "Outage", "--format", "json"])
        #expect(result.status == 0)
        let json = try JSONValue.parse(result.standardOutput)
        for key in ["version", "scenario", "duration", "runs", "flows", "interactions", "participants", "channels", "recovery",
                    "expectations"] {
            #expect(json[key] != nil, "the report has no \(key)")
        }
        #expect(json["version"]?.numberValue == 1)
        #expect(json["scenario"]?.stringValue == "Outage")
        #expect(json["duration"]?.numberValue == 600)
        #expect(json["runs"]?.numberValue == 1)
        let flow = try #require(json["flows"]?.arrayValue?.first)
        #expect((flow["started"]?.numberValue ?? 0) > 4000)
        #expect(flow["responseTime"]?["p99"]?.numberValue != nil)
        let interaction = try #require(json["interactions"]?.arrayValue?.first)
        #expect(interaction["from"]?.stringValue == "Client" && interaction["to"]?.stringValue == "Server")
        #expect(interaction["line"]?.numberValue == 3)
        #expect((interaction["rejections"]?.numberValue ?? 0) > 400, "a minute down at 8/s refuses about 480 attempts")
        let verdict = try #require(json["recovery"]?.arrayValue?.first)
        #expect(verdict["kind"]?.stringValue == "fault")
        #expect(verdict["from"]?.numberValue == 120 && verdict["to"]?.numberValue == 180)
        #expect(verdict["recovered"]?.boolValue == true)
        let expectation = try #require(json["expectations"]?.arrayValue?.first)
        #expect(expectation["line"]?.numberValue == 12)
        #expect(expectation["passed"]?.boolValue == true)
    }

    @Test func theCSVHasAHeaderAndOneRowPerInterval() throws {
        let result = try Self.simulate(["-", "--scenario", "Outage", "--format", "csv"])
        #expect(result.status == 0)
        let lines = result.standardOutput.split(separator: "\n")
        // 10 minutes in intervals of one second.
        #expect(lines.count == 1 + 600)
        #expect(lines[0].hasPrefix("time,scheduledLoad,offeredLoad,goodput,"))
        #expect(lines[0].hasSuffix(",attempts:Client -> Server : request (line 3),firstAttempts:Client -> Server : request (line 3)"))
        #expect(lines[1].hasPrefix("0,8,"))
        #expect(lines[600].hasPrefix("599,8,"))
        let columns = lines[0].split(separator: ",").count
        #expect(lines.allSatisfy { $0.split(separator: ",", omittingEmptySubsequences: false).count == columns })
    }

    @Test func severalRunsGiveConfidenceIntervalsWhateverTheJobs() throws {
        let one = try Self.simulate(["-", "--scenario", "Outage", "--runs", "4", "--jobs", "1", "--format", "json"])
        let two = try Self.simulate(["-", "--scenario", "Outage", "--runs", "4", "--jobs", "2", "--format", "json"])
        #expect(one.status == 0 && two.status == 0)
        #expect(one.standardOutputBytes == two.standardOutputBytes)
        let json = try JSONValue.parse(one.standardOutput)
        #expect(json["runs"]?.numberValue == 4)
        #expect(json["flows"]?.arrayValue?.first?["goodputCi"]?.arrayValue?.count == 2)
        let text = try Self.simulate(["-", "--scenario", "Outage", "--runs", "4"])
        #expect(text.standardOutput.contains("4 runs with seeds 1 to 4"))
        #expect(text.standardOutput.contains(" ± "))
    }

    /// Separate processes, each with its own hash seed: the same bytes, in every format.
    @Test(arguments: [["--format", "text"], ["--format", "json"], ["--format", "csv"], ["--seed", "7", "--runs", "2"]])
    func theSameInputGivesTheSameBytes(_ options: [String]) throws {
        let first = try Self.simulate(["-", "--scenario", "Outage"] + options)
        let second = try Self.simulate(["-", "--scenario", "Outage"] + options)
        #expect(first.status == 0)
        #expect(!first.standardOutputBytes.isEmpty)
        #expect(first.standardOutputBytes == second.standardOutputBytes)
    }

    @Test func theSeedChangesTheRun() throws {
        let one = try Self.simulate(["-", "--scenario", "Outage", "--format", "json"])
        let seven = try Self.simulate(["-", "--scenario", "Outage", "--format", "json", "--seed", "7"])
        #expect(one.standardOutput != seven.standardOutput)
        #expect(try JSONValue.parse(seven.standardOutput)["seed"]?.numberValue == 7)
    }

    // MARK: - Scenarios from the command line

    @Test func loadAndDurationMakeAScenarioAndFaultsJoinIt() throws {
        let design = "client Client\nservice Server [concurrency=1, latency=100ms]\nClient -> Server : request\n"
        let result = try Self.simulate(["-", "--load", "8/s", "--duration", "5m", "--fault", "Server down from 1m to 2m",
                                        "--format", "json"], input: design)
        #expect(result.status == 0, "\(result.standardError)")
        let json = try JSONValue.parse(result.standardOutput)
        #expect(json["scenario"]?.stringValue == "8/s for 5m")
        #expect(json["duration"]?.numberValue == 300)
        let verdict = try #require(json["recovery"]?.arrayValue?.first)
        #expect(verdict["label"]?.stringValue == "Server down")
        // A fault given on the command line joins a scenario of the file too.
        let joined = try Self.simulate(["-", "--scenario", "Steady", "--fault", "Server hang from 5m to 6m"])
        #expect(joined.status == 0)
        #expect(joined.standardOutput.contains("  Server hangs (--fault, 5m–6m): "))
    }

    // MARK: - --check

    @Test func checkExitsWith1AtTheFailedExpectation() throws {
        let failing = try Self.simulate(["-", "--scenario", "Steady", "--check"])
        #expect(failing.status == 1)
        #expect(failing.standardOutput.hasPrefix(
            "<stdin>:7:3: error[scenario-expectation]: expected p50 <= 50ms, but p50 of all runs was "), "\(failing.standardOutput)")
        #expect(failing.standardOutput.contains("  = note: in scenario \"Steady\" at <stdin>:4:10\n"))
        #expect(failing.standardOutput.hasSuffix("1 of 2 expectations failed in scenario \"Steady\"\n"))
        let holding = try Self.simulate(["-", "--scenario", "Outage", "--check"])
        #expect(holding.status == 0)
        #expect(holding.standardOutput == "1 expectation held in scenario \"Outage\"\n")
    }

    /// Checking a design checks every scenario it has.
    @Test func checkRunsEveryScenario() throws {
        let result = try Self.simulate(["-", "--check", "--format", "json"])
        #expect(result.status == 1)
        let json = try JSONValue.parse(result.standardOutput)
        let diagnostics = try #require(json["diagnostics"]?.arrayValue)
        #expect(diagnostics.map { $0["line"]?.numberValue } == [7])
        #expect(diagnostics.first?["code"]?.stringValue == "scenario-expectation")
        let text = try Self.simulate(["-", "--check"])
        #expect(text.standardOutput.hasSuffix("1 of 3 expectations failed in 2 scenarios\n"))
    }

    @Test func checkSpeaksGitHubAndSARIF() throws {
        let github = try Self.simulate(["-", "--check", "--format", "github"])
        #expect(github.status == 1)
        #expect(github.standardOutput.hasPrefix("::error file=<stdin>,line=7,col=3,"))
        let sarif = try Self.simulate(["-", "--check", "--format", "sarif"])
        let json = try JSONValue.parse(sarif.standardOutput)
        #expect(json["version"]?.stringValue == "2.1.0")
        let result = try #require(json["runs"]?.arrayValue?.first?["results"]?.arrayValue?.first)
        #expect(result["ruleId"]?.stringValue == "scenario-expectation")
    }

    /// The sample shows the metastable failure and its repair: the storm never recovers, the
    /// repaired clients do.
    @Test func theRetryStormSampleCollapsesAndItsRepairRecovers() throws {
        let storm = try BatonExecutable.run(["simulate", Self.sample, "--scenario", "Retry storm", "--format", "json"])
        let repaired = try BatonExecutable.run(["simulate", Self.sample, "--scenario", "Repaired", "--format", "json"])
        #expect(storm.status == 0 && repaired.status == 0)
        let collapsed = try #require(try JSONValue.parse(storm.standardOutput)["recovery"]?.arrayValue?.first)
        #expect(collapsed["diagnosis"]?.stringValue == "metastable")
        #expect(collapsed["sustainedBy"]?["label"]?.stringValue == "query")
        #expect((collapsed["levelAfter"]?.numberValue ?? 1) < 0.05)
        let recovered = try #require(try JSONValue.parse(repaired.standardOutput)["recovery"]?.arrayValue?.first)
        #expect(recovered["recovered"]?.boolValue == true)
        #expect((recovered["after"]?.numberValue ?? .infinity) < 60)
        let check = try BatonExecutable.run(["simulate", Self.sample, "--check"])
        #expect(check.status == 1)
        #expect(check.standardOutput.contains("retry-storm-simulated.baton:40:3: error[scenario-expectation]: expected a recovery within 1m"))
        #expect(check.standardOutput.hasSuffix("1 of 3 expectations failed in 2 scenarios\n"))
    }

    /// docs/simulation.md shows what these commands print, byte for byte (the last one's first
    /// lines): when the simulator or the report changes, the page must change with it.
    @Test(arguments: [
        ("retry-storm-simulated", ["--scenario", "Retry storm"], Int.max),
        ("retry-storm-simulated", ["--scenario", "Repaired"], Int.max),
        ("retry-storm-simulated", ["--check"], Int.max),
        ("retry-storm-simulated", ["--scenario", "Repaired", "--runs", "20"], 8),
        ("checkout-under-load", [], Int.max),
    ])
    func theDocumentationShowsWhatTheCommandPrints(_ sample: String, _ options: [String], _ lines: Int) throws {
        let root = Golden.packageRoot()
        let page = try String(contentsOf: root.appendingPathComponent("docs/simulation.md"), encoding: .utf8)
        let arguments = ["simulate", "samples/\(sample).baton"] + options
        let result = try BatonExecutable.run(arguments, directory: root)
        let shown = result.standardOutput.split(separator: "\n", omittingEmptySubsequences: false).prefix(lines)
            .joined(separator: "\n").trimmingCharacters(in: .newlines)
        let command = "$ baton " + arguments.map { $0.contains(" ") ? "\"\($0)\"" : $0 }.joined(separator: " ")
        #expect(page.contains(command + "\n" + shown + "\n"), "docs/simulation.md does not show the output of \(command)")
    }

    // MARK: - The chart

    @Test(.requires(program: "xmllint"))
    func theChartIsWrittenAsValidSVG() throws {
        let xmllint = try ExternalProgram.require("xmllint", package: "libxml2-utils")
        let directory = try makeTemporaryDirectory(["queue.baton": Self.queue])
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = try BatonExecutable.run(["simulate", "queue.baton", "--scenario", "Outage", "--chart", "outage.svg", "-o", "report.txt"],
                                             directory: directory)
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput.isEmpty)
        #expect(result.standardError.isEmpty, "nothing on standard error outside a terminal")
        let svg = try Data(contentsOf: directory.appendingPathComponent("outage.svg"))
        let text = String(decoding: svg, as: UTF8.self)
        #expect(text.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\""))
        #expect(text.contains("aria-roledescription=\"time chart\""))
        #expect(text.contains(">Server down<"))
        let lint = try xmllint.run(["--noout", "-"], input: svg)
        #expect(lint.status == 0 && lint.standardError.isEmpty, "\(lint.standardError)")
        #expect(try String(contentsOf: directory.appendingPathComponent("report.txt"), encoding: .utf8).hasPrefix("Scenario \"Outage\""))
        // render --view simulation draws the same chart.
        let rendered = try BatonExecutable.run(["render", "queue.baton", "--view", "simulation", "--scenario", "Outage"], directory: directory)
        #expect(rendered.status == 0)
        #expect(rendered.standardOutputBytes == svg)
    }

    @Test func neverWritesOverTheInput() throws {
        let directory = try makeTemporaryDirectory(["queue.baton": Self.queue])
        defer { try? FileManager.default.removeItem(at: directory) }
        for option in ["--chart", "-o"] {
            let result = try BatonExecutable.run(["simulate", "queue.baton", "--scenario", "Outage", option, "./queue.baton"],
                                                 directory: directory)
            #expect(result.status == 2, "\(option)")
            #expect(result.standardError.contains("queue.baton"), "\(result.standardError)")
            #expect(try String(contentsOf: directory.appendingPathComponent("queue.baton"), encoding: .utf8) == Self.queue)
        }
    }

    /// At a terminal, standard error says how far the runs have come, then what was written;
    /// in a pipe it says nothing.
    @Test func progressIsShownOnlyOnATerminal() throws {
        let directory = try makeTemporaryDirectory(["queue.baton": Self.queue])
        defer { try? FileManager.default.removeItem(at: directory) }
        let arguments = ["simulate", "queue.baton", "--scenario", "Outage", "--runs", "3", "--jobs", "1", "--chart", "c.svg"]
        let terminal = try BatonExecutable.run(arguments, directory: directory, standardErrorIsTerminal: true)
        #expect(terminal.status == 0)
        #expect(terminal.standardError.hasPrefix("\rsimulating \"Outage\": run 1/3…\rsimulating \"Outage\": run 2/3…\r"),
                "\(terminal.standardError.debugDescription)")
        #expect(terminal.standardError.contains("run 3/3…"))
        #expect(terminal.standardError.hasSuffix("\rwrote c.svg (SVG, simulation chart of \"Outage\", \(try Self.size(directory, "c.svg")))\n"),
                "\(terminal.standardError.debugDescription)")
        let quiet = try BatonExecutable.run(arguments + ["--quiet"], directory: directory, standardErrorIsTerminal: true)
        #expect(quiet.standardError.isEmpty)
        let piped = try BatonExecutable.run(arguments, directory: directory)
        #expect(piped.standardError.isEmpty)
        #expect(piped.standardOutput == terminal.standardOutput)
    }

    static func size(_ directory: URL, _ name: String) throws -> String {
        let bytes = try FileManager.default.attributesOfItem(atPath: directory.appendingPathComponent(name).path)[.size] as? Int ?? 0
        return "\((bytes + 500) / 1000) KB"
    }

    // MARK: - Errors

    @Test func aCompileErrorExitsWith1AndReportsLikeCheck() throws {
        let result = try Self.simulate(["-"], input: "service A\nA -> Bx : go\n")
        #expect(result.status == 1)
        #expect(result.standardOutput.isEmpty)
        #expect(result.standardError.contains("<stdin>:2:6: error[undeclared-name]"))
        #expect(result.standardError.contains("1 error in 1 file"))
    }

    @Test(arguments: [
        (["--scenario", "Stedy"], "baton: error: there is no scenario named \"Stedy\"\n  help: did you mean \"Steady\"? the scenarios are: \"Steady\", \"Outage\"\n"),
        ([], "baton: error: the design has 2 scenarios: \"Steady\", \"Outage\": which one should run?\n  help: name it, as in baton simulate - --scenario Steady, or check them all with --check\n"),
        (["--load", "8/s"], "baton: error: --load needs --duration: how long should the scenario run?\n  help: baton simulate design.baton --load 8/s --duration 10m\n"),
        (["--duration", "5m"], "baton: error: --duration needs --load: what load should the scenario offer?\n  help: baton simulate design.baton --load 40/s --duration 5m\n"),
        (["--load", "8/s", "--duration", "5m", "--scenario", "Steady"], "baton: error: --scenario runs a scenario of the design, and --load with --duration make a new one: give one or the other\n  help: to run the design's scenario with another fault, add --fault to --scenario\n"),
        (["--scenario", "Steady", "--runs", "0"], "baton: error: '--runs' must be at least 1, not 0\n"),
        (["--scenario", "Steady", "--format", "github"], "baton: error: --format github is a format of diagnostics: it goes with --check\n  help: add --check, or use --format text, json or csv for the report\n"),
        (["--check", "--format", "csv"], "baton: error: --check reports failed expectations as diagnostics, which CSV cannot hold\n  help: use --format text, json, sarif or github with --check, or drop --check for the time series\n"),
        (["--scenario", "Steady", "--theme", "dark"], "baton: error: --theme dark colours the chart, and there is none\n  help: add --chart OUT.svg, or drop --theme\n"),
        (["--check", "--chart", "c.svg"], "baton: error: the design has 2 scenarios: \"Steady\", \"Outage\": which one should run? (--chart draws one)\n  help: name it, as in baton simulate - --scenario Steady\n"),
    ])
    func usageErrorsExitWith2AndSayWhatToDo(_ arguments: [String], _ message: String) throws {
        let result = try Self.simulate(["-"] + arguments)
        #expect(result.status == 2)
        #expect(result.standardOutput.isEmpty)
        #expect(result.standardError == message)
    }

    @Test func aFaultThatDoesNotParseIsShownWhereItIsWrong() throws {
        let result = try Self.simulate(["-", "--scenario", "Steady", "--fault", "Sever down from 1m to 2m"])
        #expect(result.status == 2)
        #expect(result.standardError.hasPrefix("""
            --fault:1:1: error[undeclared-name]: 'Sever' is not declared
              |
            1 | Sever down from 1m to 2m
              | ^^^^^
              = help: did you mean 'Server'?

            baton: error: --fault has 1 error
            """), "\(result.standardError)")
        let unknownEffect = try Self.simulate(["-", "--scenario", "Steady", "--fault", "Server dwn from 1m to 2m"])
        #expect(unknownEffect.status == 2)
        #expect(unknownEffect.standardError.contains("unknown fault 'dwn'; did you mean 'down'?"))
    }

    @Test func aDesignWithoutScenarioSaysHowToMakeOne() throws {
        let result = try Self.simulate(["-"], input: "client C\nservice S\nC -> S : go\n")
        #expect(result.status == 2)
        #expect(result.standardError == """
            baton: error: the design has no scenario to run
              help: add a scenario block (docs/simulation.md), or make one: baton simulate - --load 10/s --duration 5m

            """)
    }

    @Test func aScenarioThatCannotRunExitsWith1() throws {
        // Far more arrivals than the simulator takes on.
        let result = try Self.simulate(["-"], input: """
            client C
            service S
            C -> S : go
            scenario "Flood" [duration=1h] {
              load 100000/s
            }
            """)
        #expect(result.status == 1)
        #expect(result.standardError.hasPrefix("baton: error: cannot simulate \"Flood\": the scenario would start about 360,000,000 runs"))
    }
}
