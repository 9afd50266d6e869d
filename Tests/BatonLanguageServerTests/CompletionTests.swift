import BatonCheck
import BatonLanguageServer
import BatonSyntax
import Testing

@Suite struct CompletionTests {
    func complete(_ text: String) -> (items: [CompletionItem], design: Marked) {
        let design = Marked(text)
        return (Completion.completions(design.analysis, at: design.cursor()), design)
    }

    func labels(_ text: String) -> [String] { complete(text).items.map(\.label) }

    @Test func participantAttributeKeysFollowTheKindTable() {
        let service = labels("service A [↓]")
        #expect(service.contains("timeout"))
        #expect(service.contains("concurrency"))
        #expect(!service.contains("dlq"))
        #expect(service == service.sorted())
        let queue = labels("queue Q [↓]")
        #expect(queue.contains("dlq"))
        #expect(!queue.contains("idempotent"))
        // Keys already written are left out, before and after the cursor.
        let rest = labels("service A [timeout=1s, ↓, idempotent]")
        #expect(!rest.contains("timeout"))
        #expect(!rest.contains("idempotent"))
        #expect(rest.contains("latency"))
        let items = complete("service A [↓]").items
        #expect(items.first { $0.label == "timeout" }?.insertText == "timeout=")
        #expect(items.first { $0.label == "idempotent" }?.insertText == nil)
        #expect(items.allSatisfy { $0.kind == .attributeKey })
    }

    @Test func interactionKeysWhileTypingAKey() throws {
        let (items, design) = complete("service A\nservice B\nA -> B : x [ret↓")
        #expect(items.map(\.label).contains("retries"))
        #expect(items.map(\.label).contains("reply-to"))
        #expect(!items.map(\.label).contains("dlq"))
        let span = try #require(items.first?.replaceSpan)
        #expect(design.text(span) == "ret")
        // Across lines too, the list never closed.
        #expect(labels("service A\nA -> A [\n  timeout=1s,\n  ↓").contains("backoff"))
    }

    @Test func valuesAfterAKey() {
        #expect(labels("service A\nA -> A [backoff=↓]") == ["exponential", "fixed", "none"])
        #expect(labels("queue Q [overflow=↓") == ["backpressure", "drop-newest", "drop-oldest", "reject"])
        #expect(labels("queue Q [capacity=↓]") == ["unbounded"])
        #expect(labels("service A\nA -> A [retries=↓]") == ["unbounded"])
        #expect(labels("service A [timeout=↓]").contains("250ms"))
        #expect(labels("service A [availability=99↓]").contains("99.9%"))
        // dlq= names point-to-point channels other than the queue itself; reply-to= channels.
        let design = "queue Dead\ntopic News\nservice S\nqueue Q [dlq=↓]\n"
        #expect(labels(design) == ["Dead"])
        #expect(labels("queue Replies\ntopic News\nservice S\nS -> S : x [reply-to=↓]") == ["News", "Replies"])
        #expect(complete(design).items.allSatisfy { $0.kind == .participant })
        // Teams already named, quoted when they are not a plain word.
        #expect(labels("service A [owner=payments]\nservice B [owner=\"Team Y\"]\nservice C [owner=↓]") == ["Team Y", "payments"])
        #expect(complete("service A [owner=\"Team Y\"]\nservice C [owner=↓]").items.first?.insertText == "\"Team Y\"")
        // Nothing after a flag or a complete value.
        #expect(labels("service A [idempotent ↓]").isEmpty)
        #expect(labels("service A [timeout=1s ↓]").isEmpty)
    }

    @Test func ruleIdsInSuppressions() throws {
        let all = labels("service A\n# baton:ignore ↓")
        #expect(all == Rules.descriptors.map(\.id).sorted())
        let more = labels("service A\n# baton:ignore fan-out, ↓")
        #expect(!more.contains("fan-out"))
        #expect(more.count == all.count - 1)
        let (items, design) = complete("service A # baton:ignore-file retry-w↓ith")
        #expect(items.first { $0.label == "retry-without-backoff" }?.detail == RetryWithoutBackoff.descriptor.summary)
        let span = try #require(items.first?.replaceSpan)
        #expect(design.text(span) == "retry-with")
        // Not in the reason, not in other comments, not in strings.
        #expect(labels("service A\n# baton:ignore fan-out -- because ↓").isEmpty)
        #expect(labels("service A\n# a comment ↓").isEmpty)
        #expect(labels("service A \"# baton:ignore ↓").isEmpty)
        #expect(labels("# baton:ignore↓").isEmpty)
    }

    @Test func statementStartOffersKeywordsKindsAndNames() {
        let items = complete("service Web\nqueue Events\n↓\n").items
        let labels = items.map(\.label)
        for word in ["service", "queue", "flow", "group", "import", "title", "scenario", "loop", "note", "Web", "Events"] {
            #expect(labels.contains(word), "\(word)")
        }
        for word in ["else", "and", "over", "unbounded"] { #expect(!labels.contains(word), "\(word)") }
        #expect(items.first { $0.label == "service" }?.kind == .participantKind)
        #expect(items.first { $0.label == "flow" }?.kind == .keyword)
        #expect(items.first { $0.label == "Web" }?.kind == .participant)
        // Grouped (kinds, names, keywords), each group sorted; sortText keeps that order.
        #expect(items.map(\.sortText) == items.map(\.sortText).sorted())
        #expect(Array(labels.prefix(7)) == ["client", "driver", "external", "queue", "service", "store", "topic"])
        #expect(Array(labels[7...8]) == ["Events", "Web"])
    }

    @Test func blocksNarrowTheStatementStart() {
        let flow = labels("service Web\nflow \"F\" {\n  ↓\n}\n")
        #expect(flow.contains("Web"))
        #expect(flow.contains("alt"))
        #expect(!flow.contains("service"))
        #expect(!flow.contains("flow"))
        let group = labels("group G {\n  ↓\n}\n")
        #expect(group.contains("service"))
        #expect(group.contains("group"))
        #expect(!group.contains("flow"))
        let scenario = labels("service Web\nscenario \"S\" [duration=1m] {\n  ↓\n}\n")
        #expect(scenario == ["load", "fault", "expect"])
        // Back at the top level after the block closes.
        #expect(labels("group G {\n service A\n}\n↓").contains("flow"))
    }

    @Test func namesAfterAnArrowEvenInBrokenText() throws {
        #expect(labels("service Web\nservice Orders\nWeb -> ↓") == ["Orders", "Web"])
        #expect(labels("service Web\nservice Orders\nWeb ->> ↓") == ["Orders", "Web"])
        #expect(labels("service Web\nservice Orders\nWeb <- ↓") == ["Orders", "Web"])
        #expect(labels("service Web\nservice Orders\nWeb ~> ↓") == ["Orders", "Web"])
        // Half-typed, with an error before and the declaration after.
        let (items, design) = complete("service Web\nWeb -> Or↓\nservice Orders\nflow { oops")
        #expect(items.map(\.label) == ["Orders", "Web"])
        let span = try #require(items.first?.replaceSpan)
        #expect(design.text(span) == "Or")
        #expect(labels("service A\nservice B\nnote over A, ↓") == ["A", "B"])
        // Not after a label.
        #expect(labels("service A\nA -> A : text ↓").isEmpty)
        #expect(labels("service A\nA -> A : \"str↓").isEmpty)
    }

    @Test func scenarioLines() {
        let design = "service Web\nqueue Q\nscenario \"S\" [duration=1m] {\n  fault ↓"
        #expect(labels(design) == ["Q", "Web"])
        #expect(labels("service Web\nscenario \"S\" [duration=1m] {\n  fault Web ↓") == ["down", "hang", "slow", "errors", "capacity"])
        #expect(labels("service Web\nscenario \"S\" [duration=1m] {\n  expect ↓").contains("goodput"))
        #expect(labels("service Web\nqueue Q\nscenario \"S\" [duration=1m] {\n  expect queue ↓") == ["Q"])
        #expect(labels("scenario \"S\" [↓]") == ["duration", "seed", "warmup"])
    }

    @Test func fragmentAndFlowLists() {
        #expect(labels("service A\nloop [↓] {\n}") == ["times"])
        #expect(labels("service A\nalt [↓] {\n}") == ["p"])
        #expect(labels("service A\nalt {\n} else [↓] {\n}") == ["p"])
        #expect(labels("flow \"F\" [↓]") == ["description"])
        #expect(labels("group G [↓]") == ["owner"])
    }
}
