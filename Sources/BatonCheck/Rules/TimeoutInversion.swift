import BatonModel
import BatonSyntax

/// A nested sync interaction can take longer than the call that waits for it allows.
public struct TimeoutInversion: Rule {
    public init() {}
    public var descriptor: RuleDescriptor { Self.descriptor }

    public static let descriptor = RuleDescriptor(
        id: "timeout-inversion",
        defaultSeverity: .warning,
        summary: "a nested synchronous interaction can wait longer than the timeout of the call enclosing it",
        rationale: """
            Timeouts must shrink from the outside in. When a nested call (with its retries) may take \
            longer than its caller is willing to wait, the caller gives up while the work goes on: \
            the late answer is thrown away, the retries below keep loading the system for a request \
            nobody waits for any more, and the caller's own retry starts the whole tree again.
            """,
        details: """
            For each sync interaction directly inside the block of another sync interaction (through \
            fragments), compares its worst-case wait (see language.md: attempts × timeout when a timeout is \
            known, else attempts × (latency + its block)) with the enclosing interaction's timeout \
            (its own `timeout`, else its passive end's). Fires at the nested interaction, with a note \
            at the enclosing one; nothing fires when the enclosing call has no timeout (that is \
            `missing-timeout`).
            """,
        triggering: [
            RuleExample("""
                client  Browser
                service Storefront
                service Checkout [timeout=2s, idempotent]
                Browser -> Storefront : POST /checkout [timeout=3s] {
                  ↓Storefront -> Checkout : placeOrder [retries=1, backoff=exponential, jitter]
                }
                """),
            RuleExample("""
                service Search  [timeout=3s]
                service Ranking [latency=4s]
                service Gateway
                Gateway -> Search : query {
                  opt "personalised" {
                    ↓Search -> Ranking : rank hits
                  }
                }
                """),
        ],
        nonTriggering: [
            RuleExample("""
                client  Browser
                service Storefront
                service Checkout [timeout=1s, idempotent]
                Browser -> Storefront : POST /checkout [timeout=3s] {
                  Storefront -> Checkout : placeOrder [retries=1, backoff=exponential, jitter]
                }
                """),
            RuleExample("""
                client  Browser
                service Storefront
                service Checkout [timeout=5s]
                Browser -> Storefront : POST /checkout {
                  Storefront -> Checkout : placeOrder
                }
                """),
        ])

    public func check(_ context: CheckContext, options: RuleOptionValues) -> [Finding] {
        let model = context.model
        var findings: [Finding] = []
        for id in context.interactions(where: { $0.isSynchronous }) {
            let interaction = context.model[id]
            guard let parent = context.syncParent[interaction.id.rawValue],
                  let limit = context.describeTimeout(parent),
                  let wait = context.waits[interaction.id],
                  Describe.exceeds(wait, limit.seconds) else { continue }
            let caller = context.name(model[parent].from)
            findings.append(Finding(
                at: interaction.span,
                "worst-case wait \(Describe.duration(wait)) of '\(context.describe(interaction.id))' exceeds the enclosing timeout \(Describe.duration(limit.seconds)): \(context.explainWait(interaction.id))",
                notes: [.init("'\(caller)' gives up after \(limit.text) here: \(context.describe(parent))", at: model[parent].span)],
                help: "shorten the timeout or the retries of this interaction, or give the enclosing call a longer timeout than everything it waits for"))
        }
        return findings
    }
}
