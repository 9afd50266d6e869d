import BatonSyntax
import BatonTestSupport
import Foundation
import Testing

@Suite struct ParserTests {
    func parse(_ text: String) -> ParseResult {
        BatonParser.parse(SourceFile(id: FileID(0), path: "t.baton", text: text))
    }

    func dump(_ text: String) -> String {
        let source = SourceFile(id: FileID(0), path: "t.baton", text: text)
        let result = BatonParser.parse(source)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.message))")
        return SyntaxDump.dump(result.syntax, source: source)
    }

    @Test func interactionWithLabelAttributesAndBlock() {
        #expect(dump("A -> B : pay now [timeout=5s, jitter] {\n  B ->> Q : Paid\n}\n") == """
            A -> B label(free)="pay now" @1:1-1:38
              attr timeout = duration 5s @1:19-1:29
              attr jitter @1:31-1:37
              block @1:39-3:2
                B ->> Q label(free)="Paid" @2:3-2:17

            """)
    }

    @Test func elseAndAndMayFollowOnTheNextLine() {
        let result = parse("alt \"ok\" {\n  A -> B\n}\nelse \"no\" {\n  A -> C\n}\npar {\n  A ->> B\n}\nand {\n  A ->> C\n}\nA -> D\n")
        #expect(result.diagnostics.isEmpty)
        guard result.syntax.statements.count == 3,
              case .step(.fragment(let alt)) = result.syntax.statements[0],
              case .step(.fragment(let par)) = result.syntax.statements[1]
        else {
            Issue.record("unexpected statements: \(result.syntax.statements)")
            return
        }
        #expect(alt.branches.map { $0.label?.value } == ["ok", "no"])
        #expect(par.branches.count == 2)
    }

    /// `{` on the line after its head (a C habit): one error that says where it belongs, and
    /// the block is still parsed as the head's, so its steps are kept.
    @Test(arguments: [
        ("A -> B : x\n{\n  B -> C : y\n}\n", "interaction", "A -> B : x {"),
        ("A -> B [timeout=1s]\n\n{\n  B -> C : y\n}\n", "interaction", "A -> B [timeout=1s] {"),
        ("flow \"F\"\n{\n  B -> C : y\n}\n", "flow", "flow \"F\" {"),
        ("loop \"again\"\n{\n  B -> C : y\n}\n", "'loop'", "loop \"again\" {"),
        ("group G\n{\n  service C\n}\n", "group", "group G {"),
    ])
    func aBraceOnTheNextLineIsOneErrorAndTheBlockIsKept(text: String, what: String, fixed: String) throws {
        let result = parse(text)
        #expect(result.diagnostics.map(\.message) == ["'{' must be on the same line as its \(what)"])
        #expect(result.diagnostics.first?.help == "a block starts on the same line as its \(what): \(fixed)")
        #expect(result.syntax.statements.count == 1)
        #expect(parse(text.replacing(try Regex(#"\n+\{"#), with: " {")).diagnostics.isEmpty)
    }

    @Test func aBraceAfterADeclarationIsStillAnError() {
        let result = parse("service A\n{\n}\n")
        #expect(result.diagnostics.map(\.message) == ["expected a statement, found '{'"])
    }

    @Test func oneLineBlocksAndSemicolons() {
        let result = parse("par { A ->> B : x } and { B ->> A : y }; A -> B; B -> A\n")
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.message))")
        #expect(result.syntax.statements.count == 3)
    }

    @Test func attributesMaySpanLinesAndEndWithAComma() {
        let result = parse("service A [\n  timeout=2s,\n  idempotent,\n]\n")
        #expect(result.diagnostics.isEmpty)
        guard case .declaration(let declaration) = result.syntax.statements.first else {
            Issue.record("not a declaration")
            return
        }
        #expect(declaration.attributes?.attributes.map(\.key) == ["timeout", "idempotent"])
    }

    @Test func aMissingBracketEndsTheListAtTheLineBreak() {
        let result = parse("service A [timeout=2s\nservice B\n")
        #expect(result.diagnostics.map(\.message) == ["missing ']' to close the attribute list"])
        #expect(result.syntax.statements.count == 2)
    }

    @Test func groupsHoldDeclarationsOnly() {
        let result = parse("group G {\n  service A\n  A -> B\n  group H { store S }\n}\n")
        #expect(result.diagnostics.map(\.message) == ["a group holds participant declarations and groups only"])
        guard case .group(let group) = result.syntax.statements.first else {
            Issue.record("not a group")
            return
        }
        #expect(group.members.count == 2)
    }

    @Test func declarationsInsideFlowsAreReportedAndSkipped() {
        let result = parse("flow \"F\" {\n  service A\n  A -> B\n}\n")
        #expect(result.diagnostics.count == 1)
        #expect(result.diagnostics.first?.message.contains("top level") == true)
    }

    @Test func diagnosticsComeInSourceOrderWithOneErrorPerStatement() {
        let result = parse("A -> \nB C D E\n-> -> ->\nA -> B\n")
        #expect(result.diagnostics.count == 3)
        #expect(result.diagnostics.map(\.span.start) == result.diagnostics.map(\.span.start).sorted())
    }

    @Test func samplesMatchTheirGoldenSyntaxDumps() throws {
        let samples = Golden.packageRoot().appendingPathComponent("samples")
        let names = try FileManager.default.contentsOfDirectory(atPath: samples.path).filter { $0.hasSuffix(".baton") }.sorted()
        #expect(names.count >= 6)
        for name in names {
            let bytes = Array(try Data(contentsOf: samples.appendingPathComponent(name)))
            let source = SourceFile(id: FileID(0), path: name, bytes: bytes)
            let result = BatonParser.parse(source)
            #expect(result.diagnostics.isEmpty, "\(name): \(result.diagnostics.map(\.message))")
            try Golden.check(SyntaxDump.dump(result.syntax, source: source), "ast/\(name).txt")
        }
    }

    // MARK: - Unquoted labels with braces

    /// `GET /orders/{id}` as a free-text label: the label stops at `{`, which opens a block. The
    /// user gets one error, at that brace, with the label quoted as the fix, and nothing else
    /// about that line.
    @Test(arguments: [
        ("client Web\nservice Api\nWeb -> Api : GET /orders/↓{id}?expand=lines\n", #""GET /orders/{id}?expand=lines""#),
        ("Web -> Api : GET /orders/↓{id} [timeout=1s]\n", #""GET /orders/{id}""#),
        ("Web -> Api : GET /orders/↓{order-id}/lines  # list the lines\n", #""GET /orders/{order-id}/lines""#),
        ("note over Api : see /orders/↓{id}\nA -> B\n", #""see /orders/{id}""#),
    ])
    func anUnquotedLabelWithABraceGetsAHintToQuoteIt(_ marked: String, _ quoted: String) throws {
        let design = MarkedText(marked)
        let result = parse(design.text)
        #expect(result.diagnostics.map(\.span.start) == design.offsets, "\(result.diagnostics.map(\.message))")
        let diagnostic = try #require(result.diagnostics.first)
        #expect(diagnostic.code == CompileError.syntax)
        #expect(diagnostic.message.hasPrefix("an unquoted label stops at '{'"))
        #expect(diagnostic.help == "if '{' belongs to the label, quote the whole label: \(quoted)")
    }

    /// A block that really starts after a label keeps its ordinary errors.
    @Test func aBlockAfterALabelKeepsItsOwnErrors() {
        let spaced = parse("A -> B : run { B -> : x }\n")
        #expect(spaced.diagnostics.map(\.message) == ["expected the participant at the other end, found ':'"])
        let valid = parse("A -> B : run{\n  B -> C : x\n}\nA -> B : /orders/{ B -> C : y }\n")
        #expect(valid.diagnostics.isEmpty, "\(valid.diagnostics.map(\.message))")
    }
}
