import Baton
import BatonCheck
import BatonModel
import BatonSyntax
import BatonTestSupport
import Testing

/// Every triggering example of a rule also tests the rule's fixes: each fix, applied alone,
/// removes the finding it belongs to, leaves a design that compiles, and leaves a formatted
/// example formatted; and the "suppress this finding" fix, always last, silences it.
struct RuleFixTests {
    @Test("each fix removes its finding and keeps the design compiling and formatted",
          arguments: Rules.descriptors.map(\.id))
    func fixesRemoveTheirFinding(_ id: String) throws {
        let descriptor = try #require(Rules.descriptor(id: id))
        for example in descriptor.triggering {
            let text = example.text
            let (_, found) = findings(of: id, in: text, options: example.options)
            let formatted = Self.format(text) == text
            for finding in found {
                let edits = finding.fixes.filter { !$0.isSuppression }
                #expect(edits.isEmpty == descriptor.fixes.isEmpty,
                        "\(id): the descriptor documents fixes exactly when findings carry them\n\(text)")
                for fix in edits {
                    let fixed = Self.apply(fix, to: text)
                    let (compilation, after) = findings(of: id, in: fixed, options: example.options)
                    #expect(!compilation.hasErrors, "\(id): '\(fix.title)' broke the design: \(compilation.diagnostics.map(\.message))\n\(fixed)")
                    #expect(after.count == found.count - 1, "\(id): '\(fix.title)' left the finding\n\(fixed)")
                    if formatted {
                        #expect(Self.format(fixed) == fixed, "\(id): '\(fix.title)' left the file unformatted\n\(fixed)")
                    } else {
                        #expect(Self.format(Self.format(fixed)) == Self.format(fixed))
                    }
                }
            }
        }
    }

    @Test("every rule finding can be suppressed by its last fix, which check --fix never takes",
          arguments: Rules.all.map(\.descriptor.id))
    func suppressionFix(_ id: String) throws {
        let descriptor = try #require(Rules.descriptor(id: id))
        for example in descriptor.triggering {
            let text = example.text
            let (compiled, found) = findings(of: id, in: text, options: example.options)
            for finding in found {
                // The finding holds where the comment goes; the fix is made from it.
                #expect(finding.fixes.allSatisfy { !$0.isSuppression })
                let fixes = finding.allFixes(in: compiled.sources)
                #expect(fixes.count == finding.fixes.count + 1)
                let suppress = try #require(fixes.last, "\(id): no suppression fix\n\(text)")
                #expect(suppress.isSuppression && suppress.safety == .unsafe)
                #expect(suppress.title == "suppress this \(id) finding with a # baton:ignore comment")
                let fixed = Self.apply(suppress, to: text)
                #expect(fixed.contains("# baton:ignore \(id) -- "))
                let configuration = Configuration(rules: [id: .init(options: example.options)])
                let (compilation, diagnostics) = check(fixed, configuration: configuration)
                #expect(!compilation.hasErrors)
                // One comment covers every finding of the rule on its statement.
                #expect(diagnostics.filter { $0.code == id }.count < found.count, "\(id): still reported\n\(fixed)")
                #expect(!diagnostics.contains { $0.code == UnusedSuppression.descriptor.id }, "\(fixed)")
            }
        }
    }

    @Test func unusedSuppressionFixesAreSafe() throws {
        for example in UnusedSuppression.descriptor.triggering {
            let (_, found) = findings(of: UnusedSuppression.descriptor.id, in: example.text)
            for finding in found {
                #expect(finding.fixes.count == 1)
                #expect(finding.fixes.allSatisfy { $0.safety == .safe && !$0.isSuppression })
            }
        }
    }

    /// The fixed text after applying the first fix of every unused-suppression finding.
    func removingUnused(_ source: String) -> String {
        let (_, found) = findings(of: UnusedSuppression.descriptor.id, in: source)
        let fixes = found.compactMap(\.fixes.first)
        return String(decoding: TextEdits.apply(fixes, to: Array(source.utf8), file: FileID(0)).bytes, as: UTF8.self)
    }

    @Test func unusedSuppressionsAreRemovedByLineByCommentOrById() {
        let design = "service A\nservice B [timeout=1s]\n"
        #expect(removingUnused(design + "  # baton:ignore missing-timeout -- stale\nA -> B : x\n") == design + "A -> B : x\n")
        #expect(removingUnused(design + "A -> B : x  # baton:ignore missing-timeout -- stale\n") == design + "A -> B : x\n")
        let external = "service  A\nexternal B [timeout=1s]\n"
        #expect(removingUnused(external + "# baton:ignore external-without-breaker, missing-timeout -- x\nA -> B : x\n")
                == external + "# baton:ignore external-without-breaker -- x\nA -> B : x\n")
        #expect(removingUnused(external + "# baton:ignore missing-timeout, external-without-breaker -- x\nA -> B : x\n")
                == external + "# baton:ignore external-without-breaker -- x\nA -> B : x\n")
    }

    /// The timeout a missing-timeout fix writes, where the call is the first finding's.
    func suggestedTimeout(_ text: String) throws -> String {
        let (_, found) = findings(of: MissingTimeout.descriptor.id, in: text)
        let fix = try #require(found.first?.fixes.first)
        let edit = try #require(fix.edits.first)
        return edit.replacement
    }

    @Test func aSuggestedTimeoutFitsTheCallersBudget() throws {
        // Four attempts inside Shop's 2s: each may take 500ms, not the 1s used without a budget.
        let inside = """
            client   Browser
            service  Shop   [timeout=2s]
            external Stripe [idempotent]
            Browser -> Shop : checkout {
              Shop -> Stripe : charge [retries=3, backoff=exponential, jitter, circuit-breaker]
            }
            """
        #expect(try suggestedTimeout(inside).contains("timeout=500ms"))
        let fixed = Self.apply(try #require(findings(of: MissingTimeout.descriptor.id, in: inside).1.first?.fixes.first), to: inside)
        let (compilation, diagnostics) = check(fixed, configuration: .defaults)
        #expect(!compilation.hasErrors)
        #expect(!diagnostics.contains { $0.code == TimeoutInversion.descriptor.id }, "\(fixed)")

        // A sibling's wait leaves less: 2s − 1200ms over two attempts is 400ms.
        let sibling = inside.replacingOccurrences(of: "  Shop -> Stripe : charge [retries=3,",
                                                  with: "  Shop -> Ledger : post [timeout=1200ms]\n  Shop -> Stripe : charge [retries=1,")
            .replacingOccurrences(of: "external Stripe [idempotent]", with: "external Stripe [idempotent]\nstore    Ledger")
        #expect(try suggestedTimeout(sibling).contains("timeout=400ms"))

        // Outside any budget, or when the budget has no room, the wait of one attempt decides.
        #expect(try suggestedTimeout("service A\nservice B [latency=300ms]\nA -> B : x\n").contains("timeout=500ms"))
        let overBudget = inside.replacingOccurrences(of: "external Stripe [idempotent]", with: "external Stripe [idempotent, latency=3s]")
        #expect(try suggestedTimeout(overBudget).contains("timeout=5s"))
    }

    static func apply(_ fix: Fix, to text: String) -> String {
        let applied = TextEdits.apply([fix], to: Array(text.utf8), file: FileID(0))
        return String(decoding: applied.bytes, as: UTF8.self)
    }

    static func format(_ text: String) -> String {
        Formatter.format(SourceFile(id: FileID(0), path: "t.baton", text: text)).text ?? ""
    }
}
