import BatonModel
import BatonSyntax

/// An interaction attribute that the language accepts where it is written but that means nothing
/// there: `timeout` or `budget` on an async interaction, `ordered` where no channel is consumed,
/// `backoff-base` or `backoff-cap` where no retry waits for them.
public struct IgnoredAttribute: Rule {
    public init() {}
    public var descriptor: RuleDescriptor { Self.descriptor }

    public static let descriptor = RuleDescriptor(
        id: "ignored-attribute",
        defaultSeverity: .warning,
        summary: "an interaction declares `timeout`, `budget`, `ordered`, `backoff-base` or `backoff-cap` where it has no effect",
        rationale: """
            An attribute that is accepted but has no effect is a silent misunderstanding. \
            `timeout=2s` on `A ->> Q` reads as a promise that the send gives up after two seconds, \
            but the sender never waits, so nothing is bounded and the timeout and latency rules do \
            not look at it. `ordered` on a send reads as if the messages arrived in order, but order \
            is decided where a consumer takes them from a channel. `backoff-base=1s` on a call \
            that never retries reads as if failures were retried gently, when they are not retried \
            at all. Saying so shows the reader which guarantee the design does not have.
            """,
        details: """
            Fires at the attribute: `timeout` and `budget` on an asynchronous interaction (`->>`, \
            `~>`: the initiator does not wait); `ordered` on an interaction that does not consume \
            from a channel — only a fetch from a queue or topic and a delivery by a `push` channel \
            do, and `ordering-assumption` checks those. `backoff-base` and `backoff-cap` (the delays \
            `baton simulate` waits between retries) on a send (`->>`: it is handed to its channel, \
            not retried with backoff), on an interaction without `retries`, with `backoff=none`, \
            and `backoff-cap` with `backoff=fixed` (every retry waits `backoff-base`; only \
            exponential delays grow up to a cap). An interaction initiated by a queue or topic \
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
            RuleExample("""
                service Orders [timeout=1s, idempotent]
                service Ledger [timeout=1s, idempotent]
                queue   Billing [ttl=1h, delivery=at-most-once]
                service Invoicer
                Orders -> Ledger : append entry [↓backoff-base=1s]
                Orders -> Ledger : read entries [retries=2, backoff=none, ↓backoff-cap=5s]
                Orders -> Ledger : check entry [retries=2, backoff=fixed, backoff-base=1s, ↓backoff-cap=5s]
                Orders ->> Billing : OrderPlaced [retries=2, ↓backoff-base=1s]
                Invoicer <- Billing : OrderPlaced [timeout=5s]
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
            RuleExample("""
                external Psp [idempotent]
                service  Shop [idempotent, rate-limit=50/s]
                Shop -> Psp : charge [timeout=1s, retries=3, backoff=exponential, jitter, circuit-breaker,
                                      backoff-base=200ms, backoff-cap=5s]
                Psp ~> Shop : payment succeeded [retries=5, backoff=exponential, jitter, backoff-base=1s, backoff-cap=1m]
                """),
        ])

    public func check(_ context: CheckContext, options: RuleOptionValues) -> [Finding] {
        let model = context.model
        var findings: [Finding] = []
        let interactions = model.interactions
        let candidates = context.interactions(where: {
            !interactions[$0].arrow.isSynchronous && (interactions[$0].attributes.timeout != nil || interactions[$0].attributes.budget != nil) || interactions[$0].attributes.ordered
                || interactions[$0].attributes.backoffBase != nil || interactions[$0].attributes.backoffCap != nil
        })
        for id in candidates {
            let interaction = model[id]
            let attributes = interaction.attributes
            let from = context.name(interaction.from)
            let to = context.name(interaction.to)
            let what = context.describe(id)
            func report(_ key: String, _ message: FindingText, help: FindingText) {
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
            for key in ["backoff-base", "backoff-cap"] where attributes.spans[key] != nil {
                if let reason = Self.backoffIgnored(key, interaction, what: what) { report(key, FindingText(reason.message), help: FindingText(reason.help)) }
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

    /// Why a declared `backoff-base` or `backoff-cap` waits for nothing, if it does.
    static func backoffIgnored(_ key: String, _ interaction: Interaction, what: String) -> (message: String, help: String)? {
        let attributes = interaction.attributes
        if interaction.arrow == .send {
            return ("'\(key)' has no effect on '\(what)': a send is handed to its channel, not retried with backoff",
                    "remove \(key); backoff applies to calls, fetches and callbacks")
        }
        if !attributes.retriesAtAll {
            return ("'\(key)' has no effect on '\(what)': it does not retry, so there is no delay between retries",
                    "remove \(key), or declare retries=N if it retries")
        }
        if attributes.backoff == Backoff.none {
            return ("'\(key)' has no effect on '\(what)': with backoff=none it retries at once",
                    "remove \(key), or declare backoff=exponential")
        }
        if attributes.backoff == .fixed, key == "backoff-cap" {
            return ("'backoff-cap' has no effect on '\(what)': with backoff=fixed every retry waits backoff-base, so nothing grows to a cap",
                    "remove backoff-cap, or declare backoff=exponential")
        }
        return nil
    }
}
