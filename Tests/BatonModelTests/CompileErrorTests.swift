import BatonModel
import BatonSyntax
import BatonTestSupport
import Testing

/// Every compile error, written as source with `↓` where the error must point.
@Suite struct CompileErrorTests {
    /// Compiles `marked` and expects exactly one diagnostic per marker, starting there, with `code`.
    func expect(_ marked: String, _ code: String, messageContains: String? = nil,
                sourceLocation: SourceLocation = #_sourceLocation) {
        let text = MarkedText(marked)
        let compilation = Compiler.compile(SourceInput(displayPath: "test.baton", resolvedPath: "/t/test.baton",
                                                       bytes: Array(text.text.utf8)))
        let starts = compilation.diagnostics.map(\.span.start)
        #expect(starts == text.offsets, "diagnostics: \(compilation.diagnostics.map { "\($0.code)@\($0.span.start): \($0.message)" })",
                sourceLocation: sourceLocation)
        for diagnostic in compilation.diagnostics {
            #expect(diagnostic.code == code, "\(diagnostic.code): \(diagnostic.message)", sourceLocation: sourceLocation)
            #expect(diagnostic.severity == .error, sourceLocation: sourceLocation)
            if let messageContains {
                #expect(diagnostic.message.contains(messageContains) || (diagnostic.help ?? "").contains(messageContains),
                        "\(diagnostic.message) / \(diagnostic.help ?? "")", sourceLocation: sourceLocation)
            }
        }
    }

    @Test func syntaxErrors() {
        expect("service A\nservice B\nA ↓B\n", CompileError.syntax, messageContains: "arrow")
        expect("↓servce Shop\n", CompileError.syntax, messageContains: "did you mean 'service'")
        expect("service ↓loop\n", CompileError.syntax, messageContains: "keyword")
        expect("service A\nservice B\nA -> B [timeout=2s ↓retries=1]\n", CompileError.syntax, messageContains: "','")
        expect("service A\nservice B\nA -> B ↓[timeout=2s\nA -> B\n", CompileError.syntax, messageContains: "missing ']'")
        expect("service A\nservice B\nA -> B : ↓\"open\n", CompileError.syntax, messageContains: "unterminated")
        expect("service A [timeout=↓2x]\n", CompileError.syntax, messageContains: "durations use ms, s, m or h")
        expect("service A [timeout=↓2sec]\n", CompileError.syntax, messageContains: "did you mean '2s'")
        expect("service A\nservice B\nA -> B {\n  B -> A\n↓", CompileError.syntax, messageContains: "missing '}'")
        expect("↓}\n", CompileError.syntax)
        expect("service A\nflow ↓Checkout { }\n", CompileError.syntax, messageContains: "flow \"Checkout\"")
        expect("service A\nservice B\nalt { A -> B } ↓and { A -> B }\n", CompileError.syntax, messageContains: "else")
        expect("title ↓Card\n", CompileError.syntax, messageContains: "quoted")
        expect("service S ↓[]\n", CompileError.syntax, messageContains: "cannot be empty")
        expect("service ↓1A\nservice B\n", CompileError.syntax, messageContains: "names start with a letter")
        expect("service A\nservice B\nA -> B ↓\"x\"", CompileError.syntax, messageContains: "line break")
    }

    @Test func oneErrorPerBrokenStatementAndTheRestStillChecked() {
        let marked = MarkedText("""
            service A
            service B
            A ↓B C D
            A -> B : fine
            service ↓-> B
            A -> ↓Nope
            """)
        let compilation = Compiler.compile(SourceInput(displayPath: "t", resolvedPath: "/t", bytes: Array(marked.text.utf8)))
        #expect(compilation.diagnostics.map(\.span.start) == marked.offsets)
        #expect(compilation.diagnostics.map(\.code) == [CompileError.syntax, CompileError.syntax, CompileError.undeclaredName])
        #expect(compilation.model.interactions.map(\.label) == ["fine"])
    }

    @Test func undeclaredName() {
        expect("service Orders\n↓Ordrs -> Orders : x\n", CompileError.undeclaredName, messageContains: "did you mean 'Orders'")
        expect("group G { service A }\nservice B\nB -> ↓G : x\n", CompileError.undeclaredName, messageContains: "group")
        expect("queue Q [dlq=↓Missing]\n", CompileError.undeclaredName)
        expect("service A\nnote over A, ↓Z : hi\n", CompileError.undeclaredName)
        // One error per name, however often it is used.
        expect("service A\nA -> ↓X\nA -> X\nA -> X\n", CompileError.undeclaredName, messageContains: "declare it")
    }

    @Test func duplicateDeclaration() {
        expect("service A\nqueue ↓A\n", CompileError.duplicateDeclaration, messageContains: "declared twice")
        expect("group A { }\nservice ↓A\n", CompileError.duplicateDeclaration)
        expect("flow \"F\" { }\nflow ↓\"F\" { }\n", CompileError.duplicateDeclaration)
        expect("title \"Shop\"\nservice A\nA -> A : x\n↓flow \"Shop\" { }\n", CompileError.duplicateDeclaration, messageContains: "default flow")
    }

    @Test func unknownAttribute() {
        expect("service A [↓retry=2]\n", CompileError.unknownAttribute, messageContains: "allowed here")
        expect("service A\nservice B\nA -> B [↓retry=2]\n", CompileError.unknownAttribute, messageContains: "did you mean 'retries'")
        expect("service A [↓push]\n", CompileError.unknownAttribute, messageContains: "queue, topic")
        expect("client C [↓timeout=1s]\n", CompileError.unknownAttribute)
        expect("service A\nopt [↓times=2] { }\n", CompileError.unknownAttribute)
    }

    @Test func invalidAttributeValue() {
        expect("queue Q [delivery=↓atleastonce]\n", CompileError.invalidAttributeValue, messageContains: "did you mean 'at-least-once'")
        expect("service A [timeout=↓5]\n", CompileError.invalidAttributeValue, messageContains: "timeout=5s")
        expect("service A [availability=↓0.999]\n", CompileError.invalidAttributeValue, messageContains: "99.9%")
        expect("service A [availability=↓120%]\n", CompileError.invalidAttributeValue)
        // Numbers past what a count can hold name the bound, instead of "not a whole number".
        expect("service A\nservice B\nA -> B [retries=↓9223372036854775808]\n", CompileError.invalidAttributeValue, messageContains: "must be at most 999999999999")
        expect("service A [concurrency=↓99999999999999999999999]\n", CompileError.invalidAttributeValue, messageContains: "must be at most 999999999999")
        expect("service A\nservice B\nloop [times=↓1000000000000] { A -> B }\n", CompileError.invalidAttributeValue, messageContains: "must be at most 999999999999")
        expect("service A [concurrency=↓0]\n", CompileError.invalidAttributeValue)
        expect("service A\nservice B\nA -> B [retries=↓1.5]\n", CompileError.invalidAttributeValue)
        expect("service S\nqueue Q [dlq=↓S]\n", CompileError.invalidAttributeValue, messageContains: "service")
        expect("queue Q [↓dlq=Q]\n", CompileError.invalidAttributeValue, messageContains: "own dead-letter")
        expect("service A [timeout=1s, ↓timeout=2s]\n", CompileError.invalidAttributeValue, messageContains: "twice")
        expect("service A [idempotent=↓yes]\n", CompileError.invalidAttributeValue)
    }

    @Test func misplacedStep() {
        expect("""
            service A
            service B
            service C
            A -> B : outer {
              ↓C -> A : wrong
              B -> C : right
              opt {
                ↓A -> C : alsoWrong
              }
            }
            """, CompileError.misplacedStep, messageContains: "only 'B' may initiate")
    }

    @Test func nestingTooDeep() {
        let depth = BatonParser.defaultMaxDepth
        let source = "service A\nservice B\n" + String(repeating: "opt {\n", count: depth) + "opt { A -> B }\n"
            + String(repeating: "}\n", count: depth) + "A -> B : after\n"
        let compilation = Compiler.compile(SourceInput(displayPath: "t", resolvedPath: "/t", bytes: Array(source.utf8)))
        #expect(compilation.diagnostics.map(\.code) == [CompileError.nestingTooDeep])
        // It points at the brace one level too deep, and parsing goes on after the skipped block.
        let tooDeep = source.utf8.count - "{ A -> B }\n".utf8.count - depth * 2 - "A -> B : after\n".utf8.count
        #expect(compilation.diagnostics.first?.span.start == tooDeep)
        #expect(compilation.model.interactions.map(\.label) == ["after"])
    }

    @Test func hostileNestingNeverOverflowsTheStack() {
        let source = "service A\nservice B\n" + String(repeating: "A -> B {\n", count: 100_000)
        let compilation = Compiler.compile(SourceInput(displayPath: "t", resolvedPath: "/t", bytes: Array(source.utf8)))
        #expect(compilation.diagnostics.contains { $0.code == CompileError.nestingTooDeep })
    }

    @Test func invalidEncoding() {
        var bytes = Array("service A\nservice B\nA -> B : caf".utf8)
        bytes += [0xC3]  // truncated sequence
        bytes += Array(" ok\nservice C".utf8) + [0x00] + Array("\n".utf8)
        let compilation = Compiler.compile(SourceInput(displayPath: "t", resolvedPath: "/t", bytes: bytes))
        #expect(compilation.diagnostics.map(\.code) == [CompileError.invalidEncoding, CompileError.invalidEncoding])
        #expect(compilation.model.participants.map(\.name) == ["A", "B", "C"])
    }
}
