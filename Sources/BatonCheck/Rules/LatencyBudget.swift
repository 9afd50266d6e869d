import BatonModel
import BatonSyntax

/// A sync interaction whose worst-case wait exceeds its `budget`.
public struct LatencyBudget: Rule {
    public init() {}
    public var descriptor: RuleDescriptor { Self.descriptor }

    public static let descriptor = RuleDescriptor(
        id: "latency-budget",
        defaultSeverity: .error,
        summary: "a synchronous interaction's worst-case wait exceeds its `budget`",
        rationale: """
            A `budget` is a promise about how long the initiator can be kept waiting end to end. \
            Synchronous calls add up: every call in the block, every loop iteration and every retry \
            is time the initiator spends blocked. When the worst case the design allows is longer than \
            the budget, the promise only holds while nothing goes wrong.
            """,
        details: """
            worst-case wait = attempts × timeout when a timeout is known (on the interaction, else on \
            its passive end); otherwise attempts × (latency + the worst-case waits of the sync \
            interactions in its block, with `par`/`alt` taking their slowest branch and `loop` \
            multiplying by `times`). Fires at the interaction that declares the budget.
            """,
        triggering: [
            RuleExample("""
                client   Analyst
                service  Reports [latency=400ms]
                store    Warehouse [timeout=500ms]
                external Fx [timeout=300ms]
                ↓Analyst -> Reports : daily report [budget=3s, latency=900ms] {
                  loop [times=4] {
                    Reports <- Warehouse : region totals
                  }
                  par {
                    Reports -> Fx : rates [circuit-breaker]
                  } and {
                    Reports <- Warehouse : targets
                  }
                }
                """),
            RuleExample("""
                client  App
                service Api [timeout=2s, idempotent]
                ↓App -> Api : search [retries=2, backoff=exponential, jitter, budget=5s]
                """),
        ],
        nonTriggering: [
            RuleExample("""
                client  Analyst
                service Reports [latency=400ms]
                store   Warehouse [timeout=500ms]
                Analyst -> Reports : weekly report [timeout=2.5s, retries=1, backoff=exponential, jitter, idempotent, budget=6s] {
                  Reports <- Warehouse : weekly totals
                }
                """),
            RuleExample("""
                client  Analyst
                service Reports [latency=400ms]
                store   Warehouse [timeout=500ms]
                Analyst -> Reports : report [budget=1.4s, latency=400ms] {
                  alt "cached" {
                    Reports <- Warehouse : cached totals
                  } else "fresh" {
                    Reports <- Warehouse : fresh totals [timeout=1s]
                  }
                }
                """),
        ])

    public func check(_ context: CheckContext, options: RuleOptionValues) -> [Finding] {
        var findings: [Finding] = []
        // Fields are read in place: binding each interaction copied its label, block and attributes.
        let interactions = context.model.interactions
        for id in context.interactions(where: { interactions[$0].arrow.isSynchronous && interactions[$0].attributes.budget != nil }) {
            guard let budget = interactions[id.rawValue].attributes.budget, let wait = context.waits[id],
                  Describe.exceeds(wait, budget) else { continue }
            findings.append(Finding(
                at: interactions[id.rawValue].span,
                "worst-case wait \(Describe.duration(wait)) of '\(context.describe(id))' exceeds its budget \(Describe.duration(budget)): \(context.explainWait(id))",
                help: "set a timeout that fits the budget, cut retries or sequential calls, or run independent calls in `par`"))
        }
        return findings
    }
}
