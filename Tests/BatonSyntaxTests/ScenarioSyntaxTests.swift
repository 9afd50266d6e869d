import BatonSyntax
import BatonTestSupport
import Testing

/// `scenario` blocks: their lexing, parsing, error recovery and the command-line pieces.
@Suite struct ScenarioSyntaxTests {
    func parse(_ text: String) -> ParseResult {
        BatonParser.parse(SourceFile(id: FileID(0), path: "t.baton", text: text))
    }

    func dump(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) -> String {
        let source = SourceFile(id: FileID(0), path: "t.baton", text: text)
        let result = BatonParser.parse(source)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.message))", sourceLocation: sourceLocation)
        return SyntaxDump.dump(result.syntax, source: source)
    }

    /// Expects one syntax error per marker, starting there, whose message contains `message`.
    func expectErrors(_ marked: String, _ message: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let text = MarkedText(marked)
        let result = parse(text.text)
        #expect(result.diagnostics.map(\.span.start) == text.offsets,
                "\(result.diagnostics.map { "\($0.span.start): \($0.message)" })", sourceLocation: sourceLocation)
        #expect(result.diagnostics.allSatisfy { $0.code == CompileError.syntax }, sourceLocation: sourceLocation)
        #expect(result.diagnostics.contains { $0.message.contains(message) || ($0.help ?? "").contains(message) },
                "\(result.diagnostics.map(\.message))", sourceLocation: sourceLocation)
    }

    func kinds(_ text: String, mode: Lexer.Mode) -> [TokenKind] {
        var lexer = Lexer(bytes: Array(text.utf8), file: FileID(0))
        var result: [TokenKind] = []
        while true {
            let token = lexer.next(mode)
            if token.kind == .endOfFile { return result }
            result.append(token.kind)
        }
    }

    // MARK: - Lexing

    @Test func compoundDurationsGoFromTheLargestUnitDown() {
        #expect(kinds("3m5s 1h30m 1s500ms 1h2m3s4ms 1m0.5s 2s", mode: .attributes) == [
            .duration(185), .duration(5400), .duration(1.5), .duration(3723.004), .duration(60.5), .duration(2),
        ])
        #expect(kinds("3m5s", mode: .scenario) == [.duration(185)])
    }

    @Test func misorderedOrRepeatedUnitsAreOneErrorNamingTheOrder() {
        for text in ["5s3m", "3m5m", "3m5x", "2s3"] {
            var lexer = Lexer(bytes: Array(text.utf8), file: FileID(0))
            let token = lexer.next(.attributes)
            #expect(token.end == text.utf8.count, "\(text)")
            #expect(token.error?.contains("from the largest unit down, like 1h30m or 3m5s") == true, "\(text): \(token.error ?? "")")
        }
        // A word that is no unit at all keeps its own message.
        var lexer = Lexer(bytes: Array("2sec".utf8), file: FileID(0))
        #expect(lexer.next(.attributes).error?.contains("did you mean '2s'") == true)
    }

    @Test func scenarioLinesLexQuantitiesSignsAndComparisons() {
        #expect(kinds("load 40/s from 3m to 3m5s", mode: .scenario) == [
            .identifier("load"), .rate(40), .identifier("from"), .duration(180), .identifier("to"), .duration(185),
        ])
        #expect(kinds("<= < >= > -5/s -2 95%", mode: .scenario) == [
            .comparison(.lessOrEqual), .comparison(.less), .comparison(.greaterOrEqual), .comparison(.greater),
            .rate(-5), .number(-2), .percent(95),
        ])
        // Outside a scenario a number is no name, `<` no comparison, and `scenario` is reserved.
        #expect(kinds("3m", mode: .statement).first == .invalid)
        #expect(kinds("A <- B", mode: .statement) == [.identifier("A"), .arrow(.fetch), .identifier("B")])
        #expect(kinds("scenario", mode: .statement) == [.keyword(.scenario)])
    }

    @Test func theFactorAfterSlowIsAnXAndANumber() {
        for (text, value, error) in [("x10", 10.0, nil), ("x1.5", 1.5, nil), ("10", 10, "x10"), ("x10s", 10, "not a factor")] as [(String, Double, String?)] {
            var lexer = Lexer(bytes: Array(text.utf8), file: FileID(0))
            let token = lexer.factor()
            #expect(token.start == 0 && token.end == text.utf8.count, "\(text)")
            if let error {
                #expect(token.error?.contains(error) == true, "\(text): \(token.error ?? "no error")")
            } else {
                #expect(token.kind == .number(value) && token.error == nil, "\(text)")
            }
        }
    }

    // MARK: - Parsing

    @Test func everyKindOfLine() {
        let text = """
            scenario "Outage" [duration=10m, warmup=1m, seed=7] {
              load 40/s
              load 80/s from 3m to 3m5s
              load 20/s from 1m to 2m flow "Refunds"
              fault Stripe down from 4m to 5m
              fault Warehouse hang from 4m to 4m30s
              fault Search slow x10 from 6m to 7m
              fault Stripe errors 30% from 6m to 7m
              fault Billing capacity 25% from 2m to 2m10s
              expect goodput >= 95% after 6m
              expect p99 "Checkout" <= 2s
              expect p50 < 100ms
              expect amplification <= 1.5
              expect amplification Shop "createPayment" > 1
              expect recovers within 30s
              expect queue Orders max 100
            }

            """
        #expect(dump(text) == """
            scenario "Outage" @1:1-1:52
              attr duration = duration 600s @1:20-1:32
              attr warmup = duration 60s @1:34-1:43
              attr seed = number 7 @1:45-1:51
              load rate=40/s @2:3-2:12
              load rate=80/s from=180s to=185s @3:3-3:28
              load rate=20/s flow="Refunds" from=60s to=120s @4:3-4:41
              fault Stripe down from=240s to=300s @5:3-5:34
              fault Warehouse hang from=240s to=270s @6:3-6:40
              fault Search slow x10 from=360s to=420s @7:3-7:38
              fault Stripe errors 30% from=360s to=420s @8:3-8:40
              fault Billing capacity 25% from=120s to=130s @9:3-9:46
              expect goodput >= 95% after=360s @10:3-10:33
              expect p99 flow="Checkout" <= 2s @11:3-11:30
              expect p50 < 0.1s @12:3-12:21
              expect amplification <= 1.5 @13:3-13:30
              expect amplification initiator=Shop label="createPayment" > 1 @14:3-14:48
              expect recovers within=30s @15:3-15:29
              expect queue Orders max=100 @16:3-16:30

            """)
    }

    /// The words of a scenario line are not reserved: they stay names everywhere, even in the
    /// scenario itself.
    @Test func scenarioWordsStayNames() {
        let result = parse("""
            service load
            service fault
            queue expect
            load -> fault : from
            scenario "S" [duration=1m] {
              fault load down from 1s to 2s
              fault fault slow x2 from 1s to 2s
              expect queue expect max 3
            }

            """)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.message))")
        #expect(result.syntax.statements.count == 5)
    }

    @Test func scenarioIsReservedAndBelongsAtTheTopLevel() {
        expectErrors("service ↓scenario\n", "is a keyword")
        expectErrors("flow \"F\" {\n  ↓scenario \"S\" [duration=1m] { load 1/s }\n}\n", "belongs at the top level")
        expectErrors("group G {\n  ↓scenario \"S\" { }\n}\n", "a group holds participant declarations and groups only")
        expectErrors("↓scenaro \"S\" [duration=1m] { }\n", "did you mean 'scenario'")
    }

    /// One mistake, one error; the other lines and the statements after the scenario are
    /// still read.
    @Test func oneErrorPerBrokenLineAndTheRestStillRead() {
        let marked = MarkedText("""
            scenario "S" [duration=10m] {
              ↓laod 4/s
              load ↓4 from 1m to 2m
              load 5/s
              fault A slow ↓10 from 1m to 2m
              fault A ↓dwn from 1m to 2m
              fault A down↓
              expect ↓p98 <= 1s
              expect goodput ↓= 5%
              expect p99 <= ↓1
              load 5/s from ↓5s3m to 1m
              ↓A -> B
              load 3/s from 1m to 2m flow "F" ↓junk
              expect queue Q max 1
            }
            service A

            """)
        let result = parse(marked.text)
        #expect(result.diagnostics.map(\.span.start) == marked.offsets, "\(result.diagnostics.map { "\($0.span.start): \($0.message)" })")
        #expect(result.diagnostics.map(\.message) == [
            "unknown scenario line 'laod'; did you mean 'load'?",
            "expected a rate such as 40/s after 'load', found a number",
            "write the factor with an 'x' before it: x10",
            "unknown fault 'dwn'; did you mean 'down'?",
            "expected 'from' and the fault's window, found end of line",
            "cannot expect 'p98'; did you mean 'p90'?",
            "expected a comparison: '<=', '<', '>=' or '>', found '='",
            "expected a duration such as 2s after '<=', found a number",
            "'5s3m' is not a duration; a duration of several parts goes from the largest unit down, like 1h30m or 3m5s",
            "expected 'load', 'fault' or 'expect', found name 'A'",
            "expected the end of the line, found name 'junk'",
        ])
        #expect(result.diagnostics[1].help == "add a time unit: load 4/s")
        #expect(result.diagnostics[4].help == "a fault has a window: fault A down from 4m to 5m")
        guard case .scenario(let scenario) = result.syntax.statements.first else {
            Issue.record("not a scenario: \(result.syntax.statements)")
            return
        }
        #expect(scenario.lines.count == 2, "the two valid lines are kept")
        #expect(result.syntax.statements.count == 2, "the declaration after the scenario is read")
    }

    @Test func headProblems() {
        expectErrors("scenario ↓Outage [duration=1m] { load 1/s }\n", "scenario \"Outage\"")
        expectErrors("scenario \"S\" [duration=1m]\n↓{\n  load 1/s\n}\n", "scenario \"S\" [duration=1m] {")
        expectErrors("scenario \"S\" [duration=1m] ↓load 1/s\n", "'{' to open the scenario")
        expectErrors("scenario \"S\" {\n  load 1/s flow ↓Refunds\n}\n", "flow \"Refunds\"")
    }

    // MARK: - Alternatives' chances

    @Test func elseBranchesTakeAttributesAndParBranchesDoNot() {
        #expect(dump("alt [p=70%] { A -> B } else \"b\" [p=20%] { A -> C } else { A -> D }\n") == """
            alt @1:1-1:12
              attr p = percent 70 @1:6-1:11
              branch @1:1-1:4
                block @1:13-1:23
                  A -> B @1:15-1:21
              branch "b" @1:24-1:28
                attr p = percent 20 @1:34-1:39
                block @1:41-1:51
                  A -> C @1:43-1:49
              branch @1:52-1:56
                block @1:57-1:67
                  A -> D @1:59-1:65

            """)
        expectErrors("par { A ->> B } and ↓[p=5%] { A ->> C }\n", "only the first branch of 'par' takes attributes")
    }

    // MARK: - Command-line pieces

    func piece<Piece>(_ text: String, _ parse: (SourceFile) -> (Piece?, [Diagnostic])) -> (Piece?, [String]) {
        let (piece, diagnostics) = parse(SourceFile(id: FileID(3), path: "--fault", text: text))
        #expect(diagnostics.allSatisfy { $0.span.file == FileID(3) })
        return (piece, diagnostics.map(\.message))
    }

    @Test func aFaultFromTheCommandLine() throws {
        let (fault, errors) = piece("Stripe down from 1m to 2m", BatonParser.parseFault)
        #expect(errors.isEmpty)
        let parsed = try #require(fault)
        #expect(parsed.participant.name == "Stripe" && parsed.effect == .down)
        #expect(parsed.window.from.value == 60 && parsed.window.to.value == 120)
        #expect(piece("fault Search slow x2.5 from 0s to 3m5s", BatonParser.parseFault).0?.window.to.value == 185)
        #expect(piece("Stripe down from 1m to 2m extra", BatonParser.parseFault).1 == ["expected the end of the fault, found name 'extra'"])
        #expect(piece("Stripe down", BatonParser.parseFault).1 == ["expected 'from' and the fault's window, found end of file"])
        #expect(piece("", BatonParser.parseFault).1 == ["expected a fault, found end of file"])
        #expect(piece("Stripe dowm from 1m to 2m", BatonParser.parseFault).1 == ["unknown fault 'dowm'; did you mean 'down'?"])
    }

    @Test func aLoadAndADurationFromTheCommandLine() throws {
        let load = try #require(piece("40/s", BatonParser.parseLoad).0)
        #expect(load.rate.value == 40 && load.flow == nil && load.window == nil)
        #expect(piece("load 600/m flow \"Refunds\"", BatonParser.parseLoad).0?.flow?.value == "Refunds")
        #expect(piece("40", BatonParser.parseLoad).1 == ["expected a rate such as 40/s after 'load', found a number"])
        #expect(piece("1h30m", BatonParser.parseDuration).0?.value == 5400)
        #expect(piece("90", BatonParser.parseDuration).1 == ["expected a duration such as 10m, found a number"])
        #expect(piece("10m 5s", BatonParser.parseDuration).1 == ["expected the end of the duration, found a number"])
    }
}
