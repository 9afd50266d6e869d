// The reports of a simulation: numbers with units, aligned tables, the JSON contract, the CSV
// time series and expectations as diagnostics — on real runs, so a wrong figure shows.

import BatonJSON
import BatonModel
@testable import BatonSimulate
import BatonSyntax
import Testing

@Suite struct ReportTests {
    /// A design with a scenario, compiled with its sources (for line numbers).
    static func compile(_ source: String) -> Compilation {
        let compilation = Compiler.compile(SourceInput(displayPath: "shop.baton", resolvedPath: "/t/shop.baton",
                                                       bytes: Array(source.utf8)))
        #expect(compilation.diagnostics.isEmpty, "\(compilation.diagnostics.map(\.message))")
        return compilation
    }

    /// An M/M/1 queue (utilisation 0.8) sending into a queue with a consumer, one expectation
    /// that holds and one that fails.
    static let shop = compile("""
        client Shopper
        service Shop [concurrency=1, latency=100ms]
        queue Orders
        service Packer [concurrency=1, latency=20ms]
        Shopper -> Shop : pay {
          Shop ->> Orders : "paid, \\"now\\""
        }
        Packer <- Orders : "paid, \\"now\\""

        scenario "Steady" [duration=10m, warmup=1m] {
          load 8/s
          fault Packer down from 5m to 5m30s
          expect p99 <= 10s
          expect p50 <= 10ms
        }
        """)

    static func run(runs: Int = 1) throws -> SimulationResult {
        try Simulator.replicate(model: shop.model, scenario: shop.model.scenarios[0], runs: runs, jobs: 2)
    }

    // MARK: - Numbers

    @Test(arguments: [
        (2164.0, ReportNumbers.Unit.count, "2,164"), (2164.34, .count, "2,164.3"), (0, .count, "0"),
        (8, .rate, "8/s"), (7.983, .rate, "7.98/s"), (0.07812, .rate, "0.0781/s"), (1234.5, .rate, "1,235/s"),
        (0.0982, .duration, "98.2ms"), (1.234, .duration, "1.23s"), (12.34, .duration, "12.3s"), (252, .duration, "4m12s"),
        (0.9996, .duration, "1s"), (0.00085, .duration, "850µs"), (0, .duration, "0s"), (3725, .duration, "1h2m5s"),
        (0.7994, .percent, "79.9%"), (1, .percent, "100%"), (0.004, .percent, "0.4%"),
        (3.5738, .ratio, "3.57"), (1, .ratio, "1"), (1.875, .ratio, "1.88"),
    ])
    func numbersCarryTheirUnit(_ value: Double, _ unit: ReportNumbers.Unit, _ expected: String) {
        #expect(ReportNumbers.format(value, unit) == expected)
    }

    @Test func aFigureShowsItsConfidenceIntervalAsPlusOrMinus() {
        let figure = Figure(1.16, interval: ConfidenceInterval(lower: 1.14, upper: 1.18))
        #expect(ReportNumbers.format(figure, .rate) == "1.16/s ± 0.02/s")
        // An interval that rounds to nothing is noise: left out.
        #expect(ReportNumbers.format(Figure(4, interval: ConfidenceInterval(lower: 4, upper: 4)), .count) == "4")
        #expect(ReportNumbers.format(nil as Figure?, .duration) == "–")
    }

    @Test func tablesLineUpNamesLeftAndNumbersRight() {
        var table = TextTable(["Flows", "started", "goodput"])
        table.add(["Checkout", "12", "8/s"])
        table.add(["Refunds", "1,234", "0.5/s"])
        #expect(table.text == """
            Flows       started  goodput
              Checkout       12      8/s
              Refunds     1,234    0.5/s

            """)
    }

    // MARK: - Text

    @Test func theTextReportShowsTheQueueingFigures() throws {
        let text = SimulationTextReport.report(try Self.run(), model: Self.shop.model, sources: Self.shop.sources)
        #expect(text.hasPrefix("Scenario \"Steady\"\n10m simulated, the first 1m as warm-up (left out of the figures); seed 1\n"))
        // Shop is an M/M/1 queue at λ = 8/s, μ = 10/s: busy 80% of the time.
        let shop = try #require(text.split(separator: "\n").first { $0.hasPrefix("  Shop ") && $0.contains("%") })
        let utilisation = try #require(shop.split(separator: " ").dropFirst().first.flatMap { Double($0.dropLast()) })
        #expect(abs(utilisation - 80) < 2.5, "\(shop)")
        #expect(text.contains("Interactions                      line  attempts  first  amplification"))
        #expect(text.contains("\n  Shopper -> Shop : pay              5     "))
        #expect(text.contains("\n  Shop ->> Orders : paid, \"now\"      6     "))
        #expect(text.contains("Channels"))
        #expect(text.contains("  Packer down (line 12, 5m–5m30s): "))
        #expect(text.contains("Expectations: 1 of 2 held\n  line 13  held    expect p99 <= 10s: p99 of all runs was"))
        #expect(text.contains("  line 14  FAILED  expect p50 <= 10ms: p50 of all runs was"))
    }

    @Test func withSeveralRunsFiguresHaveIntervals() throws {
        let text = SimulationTextReport.report(try Self.run(runs: 3), model: Self.shop.model, sources: Self.shop.sources)
        #expect(text.contains("3 runs with seeds 1 to 3: each figure is the mean ± the half-width of its 95% confidence interval"))
        #expect(text.contains("/s ± "))
        #expect(text.contains("(in "), "an expectation says in how many runs it held")
    }

    @Test func namesCannotReachTheTerminal() throws {
        let compilation = Self.compile("""
            client C
            service S [latency=10ms]
            flow "F\\u{1B}[2J" {
              C -> S : go
            }
            scenario "x\\u{1B}]0;pwn\\u{7}" [duration=10s] {
              load 1/s flow "F\\u{1B}[2J"
            }
            """)
        let result = try Simulator.run(model: compilation.model, scenario: compilation.model.scenarios[0])
        let text = SimulationTextReport.report(result, model: compilation.model, sources: compilation.sources)
        #expect(!text.unicodeScalars.contains("\u{1B}"))
        #expect(text.contains("  F\\u{1B}[2J  "))
        #expect(text.hasPrefix("Scenario \"x\\u{1B}]0;pwn\\u{7}\"\n"))
    }

    // MARK: - JSON

    @Test func theJSONReportKeepsTheContract() throws {
        let json = try JSONValue.parse(SimulationJSONReport.report(try Self.run(), model: Self.shop.model, sources: Self.shop.sources))
        #expect(json.objectValue?.map { $0.0 } == ["version", "scenario", "duration", "warmup", "seed", "runs", "interval", "flows",
                                               "interactions", "participants", "channels", "recovery", "expectations"])
        #expect(json["version"]?.numberValue == 1)
        #expect(json["duration"]?.numberValue == 600)
        let flow = try #require(json["flows"]?.arrayValue?.first)
        for key in ["name", "started", "succeeded", "failed", "goodput", "responseTime", "completionTime"] {
            #expect(flow[key] != nil, "flows[].\(key)")
        }
        for key in ["mean", "p50", "p95", "p99", "max"] { #expect(flow["responseTime"]?[key]?.numberValue != nil) }
        let interaction = try #require(json["interactions"]?.arrayValue?.first)
        #expect(interaction["line"]?.numberValue == 5)
        #expect(interaction["label"]?.stringValue == "pay")
        for key in ["from", "to", "attempts", "firstAttempts", "amplification", "timeouts", "failures", "rejections", "breakerOpenings"] {
            #expect(interaction[key] != nil, "interactions[].\(key)")
        }
        let shop = try #require(json["participants"]?.arrayValue?.first { $0["name"]?.stringValue == "Shop" })
        #expect(abs((shop["utilisation"]?.numberValue ?? 0) - 0.8) < 0.025)
        for key in ["meanWaiting", "maxWaiting", "wastedWork", "rejected"] { #expect(shop[key]?.numberValue != nil) }
        let channel = try #require(json["channels"]?.arrayValue?.first)
        for key in ["name", "maxDepth", "dropped", "expired", "deadLettered", "left"] { #expect(channel[key] != nil) }
        let recovery = try #require(json["recovery"]?.arrayValue?.first)
        #expect(recovery["kind"]?.stringValue == "fault")
        #expect(recovery["from"]?.numberValue == 300 && recovery["to"]?.numberValue == 330)
        for key in ["recovered", "after", "goodputBefore", "goodputAfter", "fractionRecovered"] { #expect(recovery[key] != nil) }
        let expectations = try #require(json["expectations"]?.arrayValue)
        #expect(expectations.map { $0["line"]?.numberValue } == [13, 14])
        #expect(expectations.map { $0["passed"]?.boolValue } == [true, false])
        #expect(expectations[0]["text"]?.stringValue == "expect p99 <= 10s")
        #expect(expectations[1]["actual"]?.numberValue != nil)
        // One run: no intervals.
        #expect(flow["goodputCi"] == nil)
    }

    @Test func withSeveralRunsEachFigureCarriesItsInterval() throws {
        let json = try JSONValue.parse(SimulationJSONReport.report(try Self.run(runs: 3), model: Self.shop.model, sources: Self.shop.sources))
        #expect(json["runs"]?.numberValue == 3)
        let flow = try #require(json["flows"]?.arrayValue?.first)
        let interval = try #require(flow["goodputCi"]?.arrayValue?.compactMap { $0.numberValue })
        let goodput = try #require(flow["goodput"]?.numberValue)
        #expect(interval.count == 2 && interval[0] <= goodput && goodput <= interval[1])
        #expect(flow["responseTime"]?["p99Ci"] != nil)
    }

    @Test(arguments: [(0.123456789, 0.123457), (12_345_678, 12_345_700), (-2.5, -2.5), (0, 0), (7.999_999_9, 8)])
    func numbersHaveSixSignificantDigits(_ value: Double, _ expected: Double) {
        #expect(SimulationJSONReport.rounded(value, significant: 6) == expected)
    }

    // MARK: - CSV

    @Test func theCSVHasOneRowPerInterval() throws {
        let result = try Self.run()
        let csv = SimulationCSVReport.report(result, model: Self.shop.model, sources: Self.shop.sources)
        let lines = csv.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.last == "")
        #expect(lines.count - 2 == result.series.count)
        #expect(result.series.count == 600)
        #expect(lines[0].hasPrefix("time,scheduledLoad,offeredLoad,goodput,failures,responseP50,responseP95,responseP99,attempts,"))
        // The label holds a comma and quotes: RFC 4180 quotes the field and doubles the quotes.
        #expect(lines[0].contains(#","attempts:Shop ->> Orders : paid, ""now"" (line 6)","#))
        #expect(lines[1].hasPrefix("0,8,"))
        #expect(lines[2].hasPrefix("1,8,"))
    }

    @Test(arguments: [("plain", "plain"), ("a,b", "\"a,b\""), ("say \"hi\"", "\"say \"\"hi\"\"\""), ("two\nlines", "\"two\nlines\"")])
    func fieldsAreQuotedAsRFC4180Says(_ text: String, _ expected: String) {
        #expect(SimulationCSVReport.field(text) == expected)
    }

    // MARK: - Diagnostics

    @Test func aFailedExpectationIsADiagnosticAtItsLine() throws {
        let result = try Self.run()
        let scenario = Self.shop.model.scenarios[0]
        let diagnostics = ExpectationDiagnostics.diagnostics(result, scenario: scenario)
        #expect(diagnostics.count == 1)
        let diagnostic = try #require(diagnostics.first)
        #expect(diagnostic.code == "scenario-expectation")
        #expect(diagnostic.severity == .error)
        #expect(Self.shop.sources[diagnostic.span.file].location(of: diagnostic.span.start).line == 14)
        #expect(diagnostic.message.hasPrefix("expected p50 <= 10ms, but p50 of all runs was "), "\(diagnostic.message)")
        #expect(diagnostic.notes.first?.message == "in scenario \"Steady\"")
    }

    @Test func theRecoveryLabelsSayWhatHappened() {
        let id = ParticipantID(0)
        #expect(ReportSubjects.trigger(.fault(participant: id, name: "Stripe", effect: .down)) == "Stripe down")
        #expect(ReportSubjects.trigger(.fault(participant: id, name: "Stripe", effect: .hang)) == "Stripe hangs")
        #expect(ReportSubjects.trigger(.fault(participant: id, name: "Search", effect: .slow(factor: 10))) == "Search slow ×10")
        #expect(ReportSubjects.trigger(.fault(participant: id, name: "Stripe", effect: .errors(probability: 0.3))) == "Stripe errors 30%")
        #expect(ReportSubjects.trigger(.fault(participant: id, name: "Billing", effect: .capacity(fraction: 0.25))) == "Billing capacity 25%")
        #expect(ReportSubjects.trigger(.loadSpike(flow: FlowID(0), name: "Checkout", rate: 80)) == "spike to 80/s")
    }
}
