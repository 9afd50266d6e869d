import BatonModel
import BatonSyntax

/// An interaction attribute that the language accepts where it is written but that means nothing
/// there: `timeout` or `budget` on an async interaction, `ordered` where no channel is consumed.
public struct IgnoredAttribute: Rule {
    public init() {}
    public var descriptor: RuleDescriptor { Self.descriptor }

    public static let descriptor = RuleDescriptor(
        id: "ignored-attribute",
        defaultSeverity: .warning,
        summary: "an interaction declares `timeout`, `budget` or `ordered` where it has no effect",
        rationale: """
            An attribute that is accepted but has no effect is a silent misunderstanding. \
            `timeout=2s` on `A ->> Q` reads as a promise that the send gives up after two seconds, \
            but the sender never waits, so nothing is bounded and the timeout and latency rules do \
            not look at it. `ordered` on a send reads as if the messages arrived in order, but order \
            is decided where a consumer takes them from a channel. Saying so shows the reader which \
            guarantee the design does not have.
            """,
        details: """
            Fires at the attribute: `timeout` and `budget` on an asynchronous interaction (`->>`, \
            `~>`: the initiator does not wait); `ordered` on an interaction that does not consume \
            from a channel — only a fetch from a queue or topic and a delivery by a `push` channel \
            do, and `ordering-assumption` checks those. An interaction initiated by a queue or topic \
            without `push` is `passive-initiator`'s finding and is not reported here.
            """,
        triggering: [
            RuleExample("""
                service Orders
                queue   Billing [ttl=1h, delivery=at-most-once]
                service Invoicer
                Orders ->> Billing : OrderPlaced [↓timeout=2s, ↓budget=5s]
                Invoicer <- Billing : OrderPlaced [timeout=5s]
                """),
            RuleExample("""
                external Psp
                service  Shop [idempotent, rate-limit=50/s]
                Shop -> Psp : register webhook [timeout=1s, circuit-breaker]
                Psp ~> Shop : payment succeeded [↓timeout=1s]
                """),
            RuleExample("""
                service Orders
                queue   Billing [order=fifo, ttl=1h, delivery=at-most-once]
                service Invoicer
                Orders ->> Billing : OrderPlaced [↓ordered]
                Invoicer <- Billing : OrderPlaced [timeout=5s]
                """),
            RuleExample("""
                service Orders [timeout=1s]
                service Ledger [timeout=1s]
                Orders -> Ledger : append entry [↓ordered]
                """),
        ],
        nonTriggering: [
            RuleExample("""
                service Orders
                queue   Billing [order=fifo, ttl=1h, delivery=at-most-once]
                topic   Events [push, order=per-key, ttl=1h, delivery=at-most-once]
                service Invoicer
                service Indexer [concurrency=4]
                Orders ->> Billing : OrderPlaced
                Invoicer <- Billing : OrderPlaced [timeout=5s, budget=6s, ordered]
                Orders ->> Events : OrderPlaced
                Events ->> Indexer : OrderPlaced [ordered]
                """),
        ])

    public func check(_ context: CheckContext, options: RuleOptionValues) -> [Finding] {
        let model = context.model
        var findings: [Finding] = []
        let candidates = context.interactions(where: {
            !$0.isSynchronous && ($0.attributes.timeout != nil || $0.attributes.budget != nil) || $0.attributes.ordered
        })
        for id in candidates {
            let interaction = model[id]
            let attributes = interaction.attributes
            let from = context.name(interaction.from)
            let to = context.name(interaction.to)
            let what = context.describe(id)
            func report(_ key: String, _ message: String, help: String) {
                findings.append(Finding(at: attributes.spans[key] ?? interaction.span, message, help: help))
            }
            if !interaction.isSynchronous {
                let how = interaction.arrow == .callback ? "calls back '\(to)'" : "sends to '\(to)'"
                let sync = "or make it a sync call ('\(from) -> \(to)') if '\(from)' waits for an answer"
                if attributes.timeout != nil {
                    report("timeout", "'timeout' has no effect on '\(what)': '\(from)' \(how) without waiting, so there is nothing to time out",
                           help: "remove timeout, \(sync)")
                }
                if attributes.budget != nil {
                    report("budget", "'budget' has no effect on '\(what)': '\(from)' \(how) without waiting, so there is no wait to budget",
                           help: "remove budget, \(sync)")
                }
            }
            guard attributes.ordered, !model[interaction.from].kind.isChannel else { continue }
            // A fetch from a channel is a consumption (ordering-assumption's concern).
            if interaction.arrow == .fetch, model[interaction.to].kind.isChannel { continue }
            let target = model[interaction.dataTarget]
            if target.kind.isChannel {
                report("ordered", "'ordered' has no effect on '\(what)': order matters where '\(target.name)' is consumed, not where messages are written to it",
                       help: "declare ordered on the consumer's fetch ('Consumer <- \(target.name)'), and order=fifo or order=per-key on '\(target.name)' if it keeps order")
            } else {
                report("ordered", "'ordered' has no effect on '\(what)': only a consumer of a queue or topic can rely on its order, and this interaction consumes from neither",
                       help: "remove ordered, or send the messages through a channel declared order=fifo or order=per-key and mark the consumer's fetch ordered")
            }
        }
        return findings
    }
}
