import BatonCheck
import BatonLanguageServer
import BatonSyntax
import Testing

@Suite struct HoverTests {
    static let design = """
        service Web [timeout=2s, availability=99.9%]
        service Orders "Order service" [timeout = 1s, availability=99%, owner=payments]
        store DB [availability=99.5%]
        queue Events
        Web -> ↓Orders : place [retries=2, backoff=exponential, jitter]
        Orders ↓-> DB : ↓save
        Orders ->> Events : placed
        # baton:ignore unused-participant, ↓fan-out -- aggregation
        service ↓Unused [↓timeout=3s]
        Web ↓->> Events : sent
        """

    @Test func participantShowsKindAttributesAndDerivedNumbers() throws {
        let design = Marked(Self.design)
        let hover = try #require(Hover.hover(design.analysis, index: design.index, at: design.cursor(0)))
        #expect(design.text(hover.span) == "Orders")
        let text = hover.markdown
        #expect(text.hasPrefix("service **Orders** — Order service"))
        #expect(text.contains("attributes: timeout=1s, availability=99%, owner=payments"))
        #expect(text.contains("owner: payments"))
        // 99% × 99.5% (DB, its one synchronous dependency) = 98.505%, shown to two decimals.
        #expect(text.contains("composite availability: 98.51% (its own 99% × 1 synchronous dependency: DB)"), "\(text)")
        #expect(text.contains("fan-out: 1 "))
        #expect(text.contains("sends asynchronously to 1 participant"))
        #expect(!text.contains("imported"))
    }

    @Test func interactionShowsAttemptsTimeoutAndWorstCaseWait() throws {
        let design = Marked(Self.design)
        // On the arrow of `Orders -> DB`, and on its label.
        let arrow = try #require(Hover.hover(design.analysis, index: design.index, at: design.cursor(1)))
        #expect(design.text(arrow.span) == "->")
        #expect(arrow.markdown.contains("sync call: Orders calls DB and waits for the reply"))
        #expect(arrow.markdown.contains("attempts: 1"))
        #expect(arrow.markdown.contains("timeout: none"))
        // Nested under nothing: a root call with no latency declared waits 0s.
        let label = try #require(Hover.hover(design.analysis, index: design.index, at: design.cursor(2)))
        #expect(design.text(label.span) == "save")
        #expect(label.markdown == arrow.markdown)
    }

    @Test func retriedCallMultipliesAttemptsByTheInheritedTimeout() throws {
        let design = Marked("""
            service Web [timeout=5s]
            service Orders [timeout=1s]
            Web ↓-> Orders : place [retries=2, backoff=exponential, jitter]
            Web ↓->> Orders : fire
            """)
        let hover = try #require(Hover.hover(design.analysis, index: design.index, at: design.cursor(0)))
        #expect(hover.markdown.contains("attempts: 3"), "\(hover.markdown)")
        #expect(hover.markdown.contains("timeout: 1s \\(the timeout of 'Orders'\\)"), "\(hover.markdown)")
        #expect(hover.markdown.contains("worst-case wait: 3 attempts × 1s timeout of 'Orders' = 3s"), "\(hover.markdown)")
        let send = try #require(Hover.hover(design.analysis, index: design.index, at: design.cursor(1)))
        #expect(send.markdown.contains("async send"))
        #expect(send.markdown.contains("worst-case wait: none"))
    }

    @Test func nestedCallShowsThePathThatWaitsForIt() throws {
        let design = Marked("""
            service Web [timeout=5s]
            service Orders
            service DB [latency=200ms]
            Web -> Orders : place [retries=1] {
              Orders ↓-> DB : save [timeout=300ms]
            }
            Web ↓-> Orders : again
            """)
        let inner = try #require(Hover.hover(design.analysis, index: design.index, at: design.cursor(0)))
        #expect(inner.markdown.contains("worst-case wait: 300ms"), "\(inner.markdown)")
        #expect(inner.markdown.contains("waited for through: Web \\-\\> Orders \\-\\> DB"), "\(inner.markdown)")
    }

    @Test func ruleIdInASuppressionShowsItsDescriptor() throws {
        let design = Marked(Self.design)
        let hover = try #require(Hover.hover(design.analysis, index: design.index, at: design.cursor(3)))
        #expect(design.text(hover.span) == "fan-out")
        #expect(hover.markdown.contains(FanOut.descriptor.summary))
        #expect(hover.markdown.contains(String(FanOut.descriptor.rationale.prefix(40))))
        #expect(hover.markdown.contains("/docs/rules.md#fan-out)"))
    }

    @Test func unknownRuleIdSuggestsTheClosest() throws {
        let design = Marked("service A\n# baton:ignore-file fan-ot↓\n")
        let hover = try #require(Hover.hover(design.analysis, index: design.index, at: design.cursor()))
        #expect(hover.markdown.contains("is not a rule"))
        #expect(hover.markdown.contains("`fan-out`"))
    }

    @Test func attributeKeyShowsItsMeaning() throws {
        let design = Marked(Self.design)
        let hover = try #require(Hover.hover(design.analysis, index: design.index, at: design.cursor(5)))
        #expect(design.text(hover.span) == "timeout")
        #expect(hover.markdown.contains("default timeout of sync interactions to it"))
        #expect(hover.markdown.contains("a duration such as"))
        let misplaced = Marked("client App [↓timeout=1s]")
        let wrong = try #require(Hover.hover(misplaced.analysis, index: misplaced.index, at: misplaced.cursor()))
        #expect(wrong.markdown.contains("not client"))
    }

    @Test func namesAndLabelsCannotInjectMarkup() throws {
        let design = Marked("""
            service ↓Web "*bold* [link](http://x.example) <img src=x> `code`"
            Web ↓-> Web : "<b>[x](y)</b> `z`"
            """)
        let participant = try #require(Hover.hover(design.analysis, index: design.index, at: design.cursor(0)))
        // Every character that could start markup comes with a backslash.
        #expect(participant.markdown.contains(#"— \*bold\* \[link\]\(http\://x\.example\) \<img src=x\> \`code\`"#),
                "\(participant.markdown)")
        let interaction = try #require(Hover.hover(design.analysis, index: design.index, at: design.cursor(1)))
        #expect(interaction.markdown.contains(#" : \<b\>\[x\]\(y\)\</b\> \`z\`"#), "\(interaction.markdown)")
    }

    @Test func importedParticipantSaysFromWhere() throws {
        let workspace = Workspace([
            "/repo/main.baton": "import \"lib/catalog.baton\"\nservice Web\nWeb -> ↓Orders : place\n",
            "/repo/lib/catalog.baton": "service Orders [timeout=1s]\n",
        ])
        let analysis = workspace.analysis(root: "/repo/main.baton")
        let hover = try #require(Hover.hover(analysis, index: SymbolIndex(analysis), at: workspace.cursor("/repo/main.baton", in: analysis)))
        #expect(hover.markdown.contains("imported from main.baton") == false)
        #expect(hover.markdown.contains("imported from lib/catalog\\.baton") || hover.markdown.contains("catalog\\.baton"), "\(hover.markdown)")
    }

    @Test func nothingOnWhitespaceOrKeywords() {
        let design = Marked("↓service A\n↓\n")
        #expect(Hover.hover(design.analysis, index: design.index, at: design.cursor(0)) == nil)
        #expect(Hover.hover(design.analysis, index: design.index, at: design.cursor(1)) == nil)
    }
}
