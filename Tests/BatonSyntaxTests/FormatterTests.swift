import BatonSyntax
import BatonTestSupport
import BatonWorkload
import Foundation
import Testing

@Suite struct FormatterTests {
    func format(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) -> String {
        let (formatted, diagnostics) = Formatter.format(SourceFile(id: FileID(0), path: "t.baton", text: text))
        #expect(diagnostics.isEmpty, "\(diagnostics.map(\.message))", sourceLocation: sourceLocation)
        return formatted ?? ""
    }

    /// The properties every formatting must have: idempotent, same tree, every comment kept.
    func checkProperties(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let once = format(text, sourceLocation: sourceLocation)
        let twice = format(once, sourceLocation: sourceLocation)
        #expect(once == twice, "formatting is not idempotent", sourceLocation: sourceLocation)
        let before = BatonParser.parse(SourceFile(id: FileID(0), path: "t", text: text)).syntax
        let after = BatonParser.parse(SourceFile(id: FileID(0), path: "t", text: once)).syntax
        #expect(Self.shape(before) == Self.shape(after), "formatting changed the tree", sourceLocation: sourceLocation)
        #expect(before.comments.map { $0.text.trimmingCharacters(in: .whitespaces) }
                == after.comments.map { $0.text.trimmingCharacters(in: .whitespaces) },
                "comments lost or reordered", sourceLocation: sourceLocation)
    }

    /// The tree without positions: the dump with its `@line:col` ranges removed.
    static func shape(_ syntax: SyntaxFile) -> String {
        let text = syntax.statements.map { "\($0)" }.joined(separator: "\n")
        return text.replacingOccurrences(of: #"start: \d+, end: \d+"#, with: "", options: .regularExpression)
    }

    @Test func theSpecExampleIsAlreadyCanonical() {
        let text = """
            # Card payments with a webhook and a fulfilment queue
            title "Card payments"

            client   Shopper
            service  Shop      [timeout=2s, idempotent]
            external Stripe    "Payment provider" [availability=99.99%, latency=250ms]
            queue    Fulfil    [order=fifo, overflow=backpressure, dlq=FulfilDLQ]
            queue    FulfilDLQ [ttl=336h]
            service  Warehouse [concurrency=4]

            Shopper -> Shop : pay [timeout=5s] {
              Shop -> Stripe : createPayment [timeout=1s, retries=2, backoff=exponential, jitter, circuit-breaker]
            }
            Stripe ~> Shop : payment succeeded {
              Shop ->> Fulfil : ShipOrder
            }
            Warehouse <- Fulfil : ShipOrder [timeout=20s]

            """
        #expect(format(text) == text)
    }

    @Test func canonicalLayout() {
        let messy = """
            title   "T"
            service A [ timeout = 2s ,idempotent, ]; queue Q
            A->B:  do it   [retries=2]{ B ->> Q : x }
            alt "ok" { A -> B } else "no" { A -> C }
            par { A ->> B } and { B ->> A }
            note over A,B : hi
            loop [times=3] { A -> B : "quoted # label" }
            group G [owner=team] { service B
            service C }
            """
        #expect(format(messy) == """
            title "T"
            service  A [timeout=2s, idempotent]
            queue    Q
            A -> B : do it [retries=2] {
              B ->> Q : x
            }
            alt "ok" {
              A -> B
            } else "no" {
              A -> C
            }
            par {
              A ->> B
            } and {
              B ->> A
            }
            note over A, B : hi
            loop [times=3] {
              A -> B : "quoted # label"
            }
            group G [owner=team] {
              service  B
              service  C
            }

            """)
    }

    @Test func commentsStayWhereTheyWere() {
        let text = """
            # header

            service A  # trailing
            # before B
            service B

            flow "F" {  # on the brace
              # inside
              A -> B : x  # after x
              # last in block
            }  # after close
            # end of file
            """
        let formatted = format(text)
        #expect(formatted == """
            # header

            service A  # trailing
            # before B
            service B

            flow "F" {  # on the brace
              # inside
              A -> B : x  # after x
              # last in block
            }  # after close
            # end of file

            """)
        checkProperties(text)
    }

    @Test func aTrailingCommentStaysWithTheLastStatementOfItsLine() {
        #expect(format("client W;service S  # c\n") == "client   W\nservice  S  # c\n")
        checkProperties("client W;service S  # c\n")
    }

    /// `# baton:ignore` at the end of a line applies to every statement of the line, so
    /// splitting them would take the suppression away from all but the last.
    @Test func statementsSharingASuppressionStayOnOneLine() {
        #expect(format("service S; service T  # baton:ignore unused-participant\n")
                == "service  S; service  T  # baton:ignore unused-participant\n")
        let text = "service A\nservice B\nA -> B : x;A -> B : y [latency=1s]  # baton:ignore missing-timeout -- both\n"
        #expect(format(text) == "service  A\nservice  B\nA -> B : x; A -> B : y [latency=1s]  # baton:ignore missing-timeout -- both\n")
        checkProperties(text)
        // A file-wide directive, an ordinary comment or a block on the line: one statement a line.
        #expect(format("A -> B : x; A -> B : y  # baton:ignore-file missing-timeout\n")
                == "A -> B : x\nA -> B : y  # baton:ignore-file missing-timeout\n")
        #expect(format("A -> B : x; A -> B : y { B -> C : z }  # baton:ignore missing-timeout\n")
                == "A -> B : x\nA -> B : y {\n  B -> C : z\n}  # baton:ignore missing-timeout\n")
    }

    @Test func aCommentBetweenACloseBraceAndElseEndsTheBranch() {
        let text = "service S\nalt \"a\" {\n  note over S : a\n}\n# between\nelse \"b\" {\n  note over S : b\n}\n"
        #expect(format(text) == "service S\nalt \"a\" {\n  note over S : a\n  # between\n} else \"b\" {\n  note over S : b\n}\n")
        checkProperties(text)
    }

    @Test func blankLinesCollapseToOne() {
        #expect(format("service A\n\n\n\nservice B\n") == "service A\n\nservice B\n")
    }

    @Test func longAttributeListsWrapUnderTheFirstAttribute() {
        let text = "service A\nservice B\nA -> B : x [" + ["timeout=1s", "retries=2", "backoff=exponential", "jitter", "circuit-breaker", "idempotent", "budget=5s", "correlation=\"a-rather-long-correlation-identifier\""].joined(separator: ", ") + "]\n"
        let formatted = format(text)
        for line in formatted.split(separator: "\n") { #expect(line.count <= 120) }
        #expect(formatted.split(separator: "\n").count == 4)
        checkProperties(text)
    }

    @Test func stringsKeepTheirEscapesAndUnsafeFreeTextIsQuoted() {
        #expect(format("title \"a \\u{2014} b\"\n") == "title \"a \\u{2014} b\"\n")
    }

    @Test func syntaxErrorsAreNotFormatted() {
        let (text, diagnostics) = Formatter.format(SourceFile(id: FileID(0), path: "t", text: "service\n"))
        #expect(text == nil)
        #expect(!diagnostics.isEmpty)
    }

    @Test func samplesAreCanonicalAndKeepTheirMeaning() throws {
        let directory = Golden.packageRoot().appendingPathComponent("samples")
        for name in try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted() where name.hasSuffix(".baton") {
            let text = try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
            #expect(format(text) == text, "\(name) is not formatted; run baton fmt samples/")
            checkProperties(text)
        }
    }

    @Test func generatedDesignsFormatStably() {
        for seed in 1...20 as ClosedRange<UInt64> {
            var random = SplitMix64(seed: seed)
            let text = DesignGenerator(.init(participants: 15, interactions: 80, seed: seed)).generate()
                + Self.messyScenario(&random) + Self.messyScenario(&random)
            checkProperties(text)
        }
    }

    @Test func scenariosHaveACanonicalLayout() {
        let messy = """
            scenario   "Outage"[duration=10m,warmup=1m ,seed=7]{
            # the base load
              load 40/s;load 80/s    from 3m   to 3m5s   # a spike
                 load 20/s from 1m to 2m flow   "Refunds"


              fault Stripe down from 4m to 5m; fault Search slow   x10 from 6m to 7m
              fault Stripe errors 30%  from 6m to 7m
              expect goodput>=95% after 6m
              expect p99 "Checkout"<=2s
              expect amplification Shop"pay"<1.5
              expect recovers within 30s ; expect queue Q max 100
              # last
            }  # end
            alt [p=70%] { A -> B } else "b" [p=20%] { A -> C } else { A -> D }
            """
        let canonical = """
            scenario "Outage" [duration=10m, warmup=1m, seed=7] {
              # the base load
              load 40/s
              load 80/s from 3m to 3m5s  # a spike
              load 20/s flow "Refunds" from 1m to 2m

              fault Stripe down from 4m to 5m
              fault Search slow x10 from 6m to 7m
              fault Stripe errors 30% from 6m to 7m
              expect goodput >= 95% after 6m
              expect p99 "Checkout" <= 2s
              expect amplification Shop "pay" < 1.5
              expect recovers within 30s
              expect queue Q max 100
              # last
            }  # end
            alt [p=70%] {
              A -> B
            } else "b" [p=20%] {
              A -> C
            } else {
              A -> D
            }

            """
        #expect(format(messy) == canonical)
        #expect(format(canonical) == canonical)
        checkProperties(messy)
    }

    /// A scenario written carelessly: odd spacing, `;`, blank lines, comments, every kind of
    /// line, windows before flows, several spellings of each quantity.
    static func messyScenario(_ random: inout SplitMix64) -> String {
        func space() -> String { random.pick([" ", "  ", "\t", " "]) }
        func time() -> String { random.pick(["0s", "30s", "1m", "3m5s", "1.5m", "250ms", "1h30m", "2m0.5s"]) }
        func window() -> String { "from" + space() + time() + space() + "to" + space() + time() }
        func comparison() -> String { random.pick(["<=", "<", ">=", ">"]) }
        func line() -> String {
            switch random.below(9) {
            case 0: "load" + space() + random.pick(["40/s", "600/m", "7200/h", "0.5/s"])
            case 1: "load 5/s" + space() + window() + space() + "flow \"Refunds\""
            case 2: "load 5/s flow \"F\"" + space() + window()
            case 3: "fault" + space() + random.pick(["A", "B", "Stripe"]) + space()
                + random.pick(["down", "hang", "slow x10", "slow x1.5", "errors 30%", "capacity 25%"]) + space() + window()
            case 4: "expect goodput" + space() + comparison() + space() + "95%" + random.pick(["", " after 6m"])
            case 5: "expect" + space() + random.pick(["p50", "p90", "p95", "p99", "p999"]) + random.pick(["", " \"Checkout\""])
                + space() + comparison() + space() + "2s"
            case 6: "expect amplification" + random.pick(["", " \"pay\"", " Shop \"pay\""]) + space() + comparison() + " 1.5"
            case 7: "expect recovers within" + space() + time()
            default: "expect queue Q max" + space() + "100"
            }
        }
        var text = "\nscenario \"S\(random.below(1000))\"" + random.pick([" ", ""])
            + random.pick(["[duration=10m]", "[duration=1h, warmup=1m, seed=3]", "[\n  duration=3m5s,\n]"]) + space() + "{"
            + random.pick(["", "  # opening"]) + "\n"
        for _ in 0..<random.below(12) {
            text += String(repeating: " ", count: random.below(5)) + line()
            switch random.below(6) {
            case 0: text += "  # why"
            case 1: text += "; " + line()
            case 2: text += "\n"
            case 3: text += "\n# an own-line comment"
            default: break
            }
            text += "\n"
        }
        return text + "}" + random.pick(["", "  # closing"]) + "\n"
    }
}
