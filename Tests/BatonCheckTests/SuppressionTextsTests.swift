@testable import BatonCheck
import BatonSyntax
import Testing

/// The texts of the suppressions a report shows are made once per rule and indentation and
/// found again by where the rule's id is stored (`SuppressionFix.Texts`): whatever the order,
/// each is the text made for its own rule and indentation. Rules with short ids (held in the
/// string) and long ones, the same id in strings stored apart, indentations of spaces and tabs
/// longer than a key holds, and more keys than slots, so that some are replaced and made again.
struct SuppressionTextsTests {
    static func expected(_ rule: String, _ indentation: String) -> (title: String, comment: String) {
        ("suppress this \(rule) finding with a # baton:ignore comment",
         indentation + "# baton:ignore \(rule) -- \(SuppressionFix.reasonPlaceholder)\n")
    }

    @Test func eachRuleAndIndentationGetsItsOwnTexts() {
        let long = "callback-without-registration"
        let rules = ["fan-out", "sync-cycle", "missing-timeout", long, "retry-without-idempotency",
                     "push-without-flow-control", String(decoding: Array(long.utf8), as: UTF8.self)]
            + (0..<20).map { "rule-number-\($0)-with-a-long-id" }
        let indentations = ["", " ", "  ", "\t", "\t ", "    ", "        ", "         ", "\t\t\t\t\t\t\t\t\t"]
        // Each indentation starts a line of the file, before a statement.
        var text = ""
        var starts: [Int] = []
        for indentation in indentations {
            starts.append(text.utf8.count)
            text += indentation + "A -> B : x\n"
        }
        var sources = SourceMap()
        let file = sources.add(path: "t.baton", bytes: Array(text.utf8))
        var texts = SuppressionFix.Texts()
        var random = 17
        for _ in 0..<3_000 {
            random = (random &* 1_103_515_245 &+ 12_345) & 0x7FFF_FFFF
            let rule = rules[random % rules.count]
            let line = (random / rules.count) % indentations.count
            let made = texts.texts(rule: rule, lineStart: starts[line], in: sources[file])
            let expected = Self.expected(rule, indentations[line])
            #expect(made.title == expected.title && made.comment == expected.comment, "\(rule) at line \(line)")
        }
    }

    @Test func theFixInsertsTheCommentAtTheLineStart() throws {
        var sources = SourceMap()
        let file = sources.add(path: "t.baton", bytes: Array("service A\nservice B\nA -> B : x {\n  B -> A : y\n}\n".utf8))
        var diagnostic = Diagnostic(code: "fan-out", severity: .warning, message: "m", span: Span(file: file, start: 35, end: 45))
        #expect(diagnostic.allFixes(in: sources).isEmpty)
        diagnostic.suppressionLineStart = 33
        let fix = try #require(SuppressionFix.fix(for: diagnostic, in: sources))
        #expect(fix.isSuppression && fix.safety == .unsafe)
        #expect(fix.title == Self.expected("fan-out", "").title)
        #expect(Array(fix.edits) == [TextEdit.insert(Self.expected("fan-out", "  ").comment, at: 33, in: file)])
        #expect(diagnostic.allFixes(in: sources) == [fix])
    }
}
