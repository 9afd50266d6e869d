import BatonModel
import BatonSyntax
import BatonTestSupport
import Foundation
import Testing

/// Scenarios and the simulator's attributes in the model: units resolved, names resolved,
/// every range checked, and the same checks for scenarios given on the command line.
@Suite struct ScenarioModelTests {
    static let design = """
        title "Shop"
        client   Web
        service  Checkout [concurrency=4, latency=100ms, backlog=20]
        external Stripe   [timeout=2s, backlog=unbounded]
        store    Db       [backlog=0]
        queue    Orders   [overflow=reject, ttl=1h]
        service  Warehouse [idempotent]

        Web -> Checkout : checkout [timeout=3s] {
          Checkout -> Stripe : createPayment [retries=3, backoff=exponential, jitter, idempotent, backoff-base=50ms, backoff-cap=2s]
          opt "fraud check" [p=5%] {
            Checkout -> Db : score [timeout=100ms]
          }
          alt "card" [p=70%] {
            Checkout -> Db : card [timeout=100ms]
          } else "wallet" [p=20%] {
            Checkout -> Db : wallet [timeout=100ms]
          } else "invoice" {
            Checkout -> Db : invoice [timeout=100ms]
          }
          Checkout ->> Orders : OrderPlaced
        }
        Warehouse <- Orders : OrderPlaced [timeout=5s]
        flow "Refunds" {
          Web -> Checkout : refund [timeout=1s]
        }

        scenario "Provider outage" [duration=10m, warmup=1m, seed=7] {
          load 40/s
          load 80/s from 3m to 3m5s
          load 600/m flow "Refunds" from 1m to 2m
          fault Stripe down from 4m to 5m
          fault Db hang from 4m to 4m30s
          fault Checkout slow x2.5 from 6m to 7m
          fault Stripe errors 30% from 6m to 7m
          fault Checkout capacity 25% from 2m to 2m10s
          fault Orders down from 8m to 9m
          expect goodput >= 95% after 6m
          expect p99 "Shop" <= 2s
          expect p999 < 500ms
          expect amplification "createPayment" <= 1.5
          expect amplification Warehouse "OrderPlaced" < 2
          expect amplification > 1
          expect recovers within 30s
          expect queue Orders max 100
        }
        scenario "Quiet" [duration=1h] {
          load 0.5/s
        }

        """

    @Test func aScenarioInSecondsAndFractions() throws {
        let model = compileClean(Self.design)
        #expect(model.scenarios.map(\.name) == ["Provider outage", "Quiet"])
        let outage = try #require(model.scenario(named: "Provider outage"))
        #expect(outage.duration == 600 && outage.warmup == 60 && outage.effectiveWarmup == 60 && outage.seed == 7)
        let shop = try #require(model.flow(named: "Shop")).id
        let refunds = try #require(model.flow(named: "Refunds")).id
        #expect(outage.loads.map(\.rate) == [40, 80, 10])
        #expect(outage.loads.map(\.flow) == [shop, shop, refunds], "a load without 'flow' runs the file's default flow")
        #expect(outage.loads.map(\.window) == [nil, TimeWindow(from: 180, to: 185), TimeWindow(from: 60, to: 120)])
        #expect(outage.faults.map(\.participant) == ["Stripe", "Db", "Checkout", "Stripe", "Checkout", "Orders"].map(model.id))
        #expect(outage.faults.map(\.effect) == [.down, .hang, .slow(factor: 2.5), .errors(probability: 0.3),
                                                 .capacity(fraction: 0.25), .down])
        #expect(outage.faults[1].window == TimeWindow(from: 240, to: 270))
        #expect(outage.expectations.map(\.measure) == [
            .goodput(.greaterOrEqual, fraction: 0.95, after: 360),
            .responseTime(percentile: 0.99, flow: shop, .lessOrEqual, seconds: 2),
            .responseTime(percentile: 0.999, flow: nil, .less, seconds: 0.5),
            .amplification(interaction: model.interaction("createPayment").id, .lessOrEqual, value: 1.5),
            .amplification(interaction: model.interactions.first { $0.label == "OrderPlaced" && $0.arrow == .fetch }?.id, .less, value: 2),
            .amplification(interaction: nil, .greater, value: 1),
            .recovers(within: 30),
            .queueMax(channel: model.id("Orders"), max: 100),
        ])
        #expect(outage.expectations.first?.text == "expect goodput >= 95% after 6m")
        let quiet = try #require(model.scenario(named: "Quiet"))
        #expect(quiet.warmup == nil && quiet.effectiveWarmup == 360 && quiet.seed == Scenario.defaultSeed)
        #expect(quiet.loads.map(\.rate) == [0.5])
    }

    @Test func theSimulatorsAttributes() throws {
        let model = compileClean(Self.design)
        #expect(model.participant(named: "Checkout")?.attributes.backlog == .count(20))
        #expect(model.participant(named: "Stripe")?.attributes.backlog == .unbounded)
        #expect(model.participant(named: "Db")?.attributes.backlog == .count(0))
        #expect(model.participant(named: "Warehouse")?.attributes.backlog == nil)
        let pay = model.interaction("createPayment").attributes
        #expect(pay.backoffBase == 0.05 && pay.backoffCap == 2)
        let checkout = model.interaction("checkout").attributes
        #expect(checkout.backoffBase == nil && checkout.effectiveBackoffBase == 0.1 && checkout.effectiveBackoffCap == 10)
        let fragments = (model.interaction("checkout").block ?? []).compactMap { step -> Fragment? in
            if case .fragment(let fragment) = step { return fragment }
            return nil
        }
        #expect(fragments.map(\.kind) == [.opt, .alt])
        #expect(fragments[0].branches.map(\.probability) == [0.05])
        #expect(fragments[1].branches.map(\.probability) == [0.7, 0.2, nil])
    }

    @Test func theModelDumpShowsScenariosAndTheNewAttributes() throws {
        let model = compileClean(Self.design)
        try Golden.check(ModelDump.dump(model), "model/scenarios.txt")
    }

    /// `model(fmt(x)) == model(x)` for scenarios too, down to the text reports quote.
    @Test func formattingKeepsWhatAScenarioMeans() throws {
        let messy = Self.design.replacingOccurrences(of: "  expect goodput >= 95% after 6m", with: "expect goodput>=95%   after 6m")
            .replacingOccurrences(of: "  load 80/s from 3m to 3m5s", with: "load 80/s from 3m to 3m5s;load 1/s  # why")
        let formatted = try #require(Formatter.format(SourceFile(id: FileID(0), path: "t", text: messy)).text)
        #expect(formatted != messy)
        let before = compileClean(messy)
        let after = compileClean(formatted)
        #expect(ModelDump.dump(before) == ModelDump.dump(after))
        #expect(before.scenarios.first?.expectations.first?.text == "expect goodput >= 95% after 6m")
    }

    /// A scenario in an imported file runs that file's default flow.
    @Test func importedScenariosRunTheirOwnFilesDefaultFlow() throws {
        let files = [
            "/d/main.baton": "import \"lib.baton\"\nservice A\nservice B\nA -> B : main [timeout=1s]\n",
            "/d/lib.baton": "title \"Library\"\nservice C\nC -> C : lib [timeout=1s]\nscenario \"Lib\" [duration=1m] { load 1/s }\n",
        ]
        let compilation = Compiler.compile(SourceInput(displayPath: "main.baton", resolvedPath: "/d/main.baton",
                                                       bytes: Array(files["/d/main.baton", default: ""].utf8)),
                                           read: Compiler.reader(files))
        #expect(compilation.diagnostics.isEmpty, "\(compilation.diagnostics.map(\.message))")
        let scenario = try #require(compilation.model.scenario(named: "Lib"))
        #expect(scenario.loads.first?.flow == compilation.model.flow(named: "Library")?.id)
    }
}

/// Every error a scenario can have, written as source with `↓` where it must point.
@Suite struct ScenarioCompileErrorTests {
    static let prelude = """
        title "Shop"
        client Web
        service Checkout [concurrency=4]
        external Stripe
        queue Orders [overflow=reject, ttl=1h]
        group G { service Inner }
        Web -> Checkout : pay [timeout=1s] {
          Checkout -> Stripe : charge [timeout=1s]
          Checkout -> Stripe : charge [timeout=1s]
          Checkout -> Inner : refund [timeout=1s]
        }
        Inner -> Stripe : charge [timeout=1s]
        flow "Refunds" { Web -> Checkout : refund [timeout=1s] }

        """

    /// Compiles the prelude and `marked`, and expects exactly one diagnostic per marker, each
    /// with `code` and a message or help containing `text`.
    func expect(_ marked: String, _ code: String, _ text: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let design = MarkedText(Self.prelude + marked)
        let compilation = Compiler.compile(SourceInput(displayPath: "t.baton", resolvedPath: "/t/t.baton", bytes: Array(design.text.utf8)))
        #expect(compilation.diagnostics.map(\.span.start) == design.offsets,
                "\(compilation.diagnostics.map { "\($0.code)@\($0.span.start): \($0.message)" })", sourceLocation: sourceLocation)
        for diagnostic in compilation.diagnostics {
            #expect(diagnostic.code == code, "\(diagnostic.code): \(diagnostic.message)", sourceLocation: sourceLocation)
            #expect(diagnostic.message.contains(text) || (diagnostic.help ?? "").contains(text),
                    "\(diagnostic.message) / \(diagnostic.help ?? "")", sourceLocation: sourceLocation)
        }
    }

    func expectClean(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let compilation = Compiler.compile(SourceInput(displayPath: "t.baton", resolvedPath: "/t/t.baton", bytes: Array((Self.prelude + text).utf8)))
        #expect(compilation.diagnostics.isEmpty, "\(compilation.diagnostics.map(\.message))", sourceLocation: sourceLocation)
    }

    @Test func theHead() {
        expect("↓scenario \"S\" [warmup=1m] { load 1/s }\n", CompileError.invalidScenario, "scenario \"S\" [duration=10m]")
        expect("scenario \"S\" [↓duration=0s] { load 1/s }\n", CompileError.invalidScenario, "longer than zero")
        expect("scenario \"S\" [↓duration=9000h] { load 1/s }\n", CompileError.invalidScenario, "at most 8760h")
        expect("scenario \"S\" [duration=1m, ↓warmup=2m] { load 1/s }\n", CompileError.invalidScenario, "shorter than the duration")
        expect("scenario \"S\" [duration=1m, ↓sed=2] { load 1/s }\n", CompileError.unknownAttribute, "did you mean 'seed'")
        expect("scenario \"S\" [duration=1m, seed=↓1.5] { load 1/s }\n", CompileError.invalidAttributeValue, "whole number")
        expect("scenario \"S\" [duration=↓10] { load 1/s }\n", CompileError.invalidAttributeValue, "duration=10s")
        expect("scenario \"S\" [duration=1m] { load 1/s }\nscenario ↓\"S\" [duration=2m] { load 2/s }\n",
               CompileError.duplicateDeclaration, "already exists")
    }

    @Test func loads() {
        expect("scenario \"S\" [duration=10m] {\n  load ↓-5/s\n}\n", CompileError.invalidScenario, "cannot be negative")
        expect("scenario \"S\" [duration=10m] {\n  load ↓0/s\n  load 0/s from 1m to 2m\n}\n", CompileError.invalidScenario, "starts no runs")
        expect("scenario \"S\" [duration=10m] {\n  load ↓1000001/s\n  load 60000000/m\n}\n", CompileError.invalidScenario, "at most 1000000/s")
        expect("scenario \"S\" [duration=10m] {\n  load 5/s flow ↓\"Refund\"\n}\n", CompileError.undeclaredName, "did you mean \"Refunds\"")
        expect("scenario \"S\" [duration=10m] {\n  load 5/s ↓from 3m to 2m\n}\n", CompileError.invalidScenario, "before it starts")
        expect("scenario \"S\" [duration=10m] {\n  load 5/s ↓from 3m to 3m\n}\n", CompileError.invalidScenario, "is empty")
        expect("scenario \"S\" [duration=10m] {\n  load 5/s from ↓-1m to 3m\n}\n", CompileError.invalidScenario, "cannot be negative")
        expect("scenario \"S\" [duration=10m] {\n  load 5/s from 3m to ↓10m1s\n  load 5/s from 3m to 10m\n}\n", CompileError.invalidScenario, "after the end of the scenario (10m)")
    }

    @Test func aLoadWithoutAFlowNeedsADefaultFlow() {
        let marked = MarkedText("service A\nflow \"F\" { A -> A : x [timeout=1s] }\nscenario \"S\" [duration=1m] { ↓load 1/s }\n")
        let compilation = Compiler.compile(SourceInput(displayPath: "t", resolvedPath: "/t", bytes: Array(marked.text.utf8)))
        #expect(compilation.diagnostics.map(\.span.start) == marked.offsets)
        #expect(compilation.diagnostics.first?.code == CompileError.undeclaredName)
        #expect(compilation.diagnostics.first?.help == "name the flow each arrival runs, for example: load 1/s flow \"F\"")
    }

    @Test func faults() {
        expect("scenario \"S\" [duration=10m] {\n  fault ↓Strpe down from 1m to 2m\n}\n", CompileError.undeclaredName, "did you mean 'Stripe'")
        expect("scenario \"S\" [duration=10m] {\n  fault ↓G down from 1m to 2m\n}\n", CompileError.undeclaredName, "is a group")
        expect("scenario \"S\" [duration=10m] {\n  fault ↓Web down from 1m to 2m\n}\n", CompileError.invalidScenario, "is a client")
        expect("scenario \"S\" [duration=10m] {\n  fault Orders ↓slow x3 from 1m to 2m\n  fault Orders down from 1m to 2m\n}\n",
               CompileError.invalidScenario, "can only be down")
        expect("scenario \"S\" [duration=10m] {\n  fault Stripe slow ↓x0.5 from 1m to 2m\n  fault Stripe slow ↓x1001 from 1m to 2m\n  fault Stripe slow x1 from 1m to 2m\n}\n",
               CompileError.invalidScenario, "from x1 to x1000")
        expect("scenario \"S\" [duration=10m] {\n  fault Stripe errors ↓0% from 1m to 2m\n  fault Stripe errors 100% from 1m to 2m\n}\n",
               CompileError.invalidScenario, "above 0% and at most 100%")
        expect("scenario \"S\" [duration=10m] {\n  fault Checkout capacity ↓100% from 1m to 2m\n  fault Checkout capacity 0% from 1m to 2m\n}\n",
               CompileError.invalidScenario, "from 0% to below 100%")
        expect("scenario \"S\" [duration=10m] {\n  fault Stripe down from 1m to ↓11m\n}\n", CompileError.invalidScenario, "after the end")
    }

    @Test func expectations() {
        expect("scenario \"S\" [duration=10m] {\n  expect goodput >= 95% after ↓10m\n}\n", CompileError.invalidScenario, "not before the end")
        expect("scenario \"S\" [duration=10m] {\n  expect goodput >= ↓101%\n}\n", CompileError.invalidScenario, "from 0% to 100%")
        expect("scenario \"S\" [duration=10m] {\n  expect p99 ↓\"Shopp\" <= 2s\n}\n", CompileError.undeclaredName, "did you mean \"Shop\"")
        expect("scenario \"S\" [duration=10m] {\n  expect p99 <= ↓0s\n}\n", CompileError.invalidScenario, "longer than zero")
        expect("scenario \"S\" [duration=10m] {\n  expect amplification ↓\"chrage\" <= 2\n}\n", CompileError.undeclaredName, "did you mean \"charge\"")
        expect("scenario \"S\" [duration=10m] {\n  expect amplification ↓\"charge\" <= 2\n}\n", CompileError.invalidScenario,
               "write its initiator before the label (expect amplification Checkout \"charge\" …)")
        expect("scenario \"S\" [duration=10m] {\n  expect amplification Checkout ↓\"charge\" <= 2\n  expect amplification Inner \"charge\" <= 2\n}\n",
               CompileError.invalidScenario, "a label of its own")
        expect("scenario \"S\" [duration=10m] {\n  expect amplification Web ↓\"charge\" <= 2\n}\n", CompileError.undeclaredName, "initiates no interaction")
        expect("scenario \"S\" [duration=10m] {\n  expect amplification ↓Nobody \"charge\" <= 2\n}\n", CompileError.undeclaredName, "is not declared")
        expect("scenario \"S\" [duration=10m] {\n  expect amplification <= ↓0.9\n  expect amplification <= 1\n}\n", CompileError.invalidScenario, "from 1 to")
        expect("scenario \"S\" [duration=10m] {\n  expect recovers within ↓11m\n}\n", CompileError.invalidScenario, "longer than the scenario")
        expect("scenario \"S\" [duration=10m] {\n  expect queue ↓Checkout max 100\n}\n", CompileError.invalidScenario, "queue or topic")
        expect("scenario \"S\" [duration=10m] {\n  expect queue Orders max ↓1.5\n  expect queue Orders max 0\n}\n", CompileError.invalidScenario, "whole number")
    }

    @Test func oneBadLineLeavesTheOthers() throws {
        let text = Self.prelude + "scenario \"S\" [duration=10m] {\n  load 5/s\n  fault Strpe down from 1m to 2m\n  fault Stripe down from 1m to 2m\n}\n"
        let compilation = Compiler.compile(SourceInput(displayPath: "t", resolvedPath: "/t", bytes: Array(text.utf8)))
        #expect(compilation.diagnostics.map(\.code) == [CompileError.undeclaredName])
        let scenario = try #require(compilation.model.scenario(named: "S"))
        #expect(scenario.loads.count == 1 && scenario.faults.count == 1)
    }

    @Test func chancesOfAlternatives() {
        expect("alt [p=70%] { Web -> Checkout : a [timeout=1s] } else [↓p=40%] { Web -> Checkout : b [timeout=1s] } else { Web -> Checkout : c [timeout=1s] }\n",
               CompileError.invalidAttributeValue, "add up to 110%, more than 100%")
        expect("alt [p=70%] { Web -> Checkout : a [timeout=1s] } else [↓p=20%] { Web -> Checkout : b [timeout=1s] }\n",
               CompileError.invalidAttributeValue, "leave one branch without p")
        expectClean("alt [p=70%] { Web -> Checkout : a [timeout=1s] } else [p=30%] { Web -> Checkout : b [timeout=1s] }\nopt [p=100%] { Web -> Checkout : d [timeout=1s] }\n")
        expectClean("alt [p=33.3%] { Web -> Checkout : a [timeout=1s] } else [p=66.7%] { Web -> Checkout : b [timeout=1s] }\n")
        expect("par { Web ->> Orders : a } and ↓[p=5%] { Web ->> Orders : b }\n", CompileError.syntax, "only the first branch")
        expect("par [↓p=5%] { Web ->> Orders : a } and { Web ->> Orders : b }\n", CompileError.unknownAttribute, "takes no attributes")
        expect("loop [↓p=5%] { Web -> Checkout : a [timeout=1s] }\n", CompileError.unknownAttribute, "allowed here: times")
        expect("opt [p=↓0%] { Web -> Checkout : a [timeout=1s] }\n", CompileError.invalidAttributeValue, "above 0%")
    }

    @Test func backoffAttributes() {
        expect("Web -> Checkout : a [timeout=1s, retries=2, ↓backoff-base=20s]\n", CompileError.invalidAttributeValue, "10s, the default")
        expect("Web -> Checkout : a [timeout=1s, retries=2, ↓backoff-cap=1ms]\n", CompileError.invalidAttributeValue, "100ms, the default")
        expectClean("Web -> Checkout : a [timeout=1s, retries=2, backoff-base=20s, backoff-cap=20s]\n")
        expect("Web -> Checkout : a [timeout=1s, backoff-cap=↓fast]\n", CompileError.invalidAttributeValue, "a duration")
        expect("service S [↓backoff-base=1s]\n", CompileError.unknownAttribute, "backoff-base")
        expect("queue Q [↓backlog=5]\n", CompileError.unknownAttribute, "service, external, store")
        expect("service S [backlog=↓x]\n", CompileError.invalidAttributeValue, "a whole number or 'unbounded'")
    }
}

/// `baton simulate --load … --duration … --fault …`: the same checks as in a file, with
/// diagnostics pointing into each option's text.
@Suite struct CommandLineScenarioTests {
    static var compilation: Compilation {
        Compiler.compile(SourceInput(displayPath: "t.baton", resolvedPath: "/t/t.baton", bytes: Array(ScenarioCompileErrorTests.prelude.utf8)))
    }

    @Test func aScenarioFromOptions() throws {
        let compilation = Self.compilation
        var sources = compilation.sources
        let scenario = try Scenario.commandLine(model: compilation.model, sources: &sources, load: "40/s", duration: "10m",
                                                faults: ["Stripe down from 1m to 2m", "fault Checkout slow x3 from 3m to 3m5s"], seed: 9)
        #expect(scenario.duration == 600 && scenario.seed == 9 && scenario.name == "command line")
        #expect(scenario.loads.map(\.rate) == [40])
        #expect(scenario.loads.first?.flow == compilation.model.flow(named: "Shop")?.id)
        #expect(scenario.faults.map(\.effect) == [.down, .slow(factor: 3)])
        #expect(scenario.faults.last?.window == TimeWindow(from: 180, to: 185))
        #expect(sources.files.map(\.path) == ["t.baton", "--duration", "--load", "--fault", "--fault"])
    }

    @Test func everyProblemIsReportedWhereItWasTyped() throws {
        let compilation = Self.compilation
        var sources = compilation.sources
        do {
            _ = try Scenario.commandLine(model: compilation.model, sources: &sources, load: "40/s flow \"Refund\"", duration: "10m",
                                         faults: ["Strpe down from 1m to 2m", "Stripe down from 1m to 20m", "Stripe dwn from 1m to 2m"])
            Issue.record("expected errors")
        } catch {
            let found = error.diagnostics.map { "\(sources[$0.span.file].path):\(sources.location(of: $0.span).start) \($0.message)" }
            #expect(found == [
                "--load:1:11 no flow is named \"Refund\"",
                "--fault:1:1 'Strpe' is not declared",
                "--fault:1:24 the window ends at 20m, after the end of the scenario (10m)",
                "--fault:1:8 unknown fault 'dwn'; did you mean 'down'?",
            ])
        }
        #expect(throws: Scenario.CommandLineError.self) {
            try Scenario.commandLine(model: compilation.model, sources: &sources, load: "40", duration: "0s")
        }
    }

    @Test func oneFaultAgainstAFileScenario() throws {
        let compilation = Self.compilation
        var sources = compilation.sources
        let fault = try Scenario.commandLineFault("Checkout errors 50% from 10s to 20s", model: compilation.model,
                                                  duration: 60, sources: &sources)
        #expect(fault.effect == .errors(probability: 0.5) && fault.participant == compilation.model.id("Checkout"))
        #expect(throws: Scenario.CommandLineError.self) {
            try Scenario.commandLineFault("Checkout errors 50% from 10s to 2m", model: compilation.model, duration: 60, sources: &sources)
        }
    }
}
