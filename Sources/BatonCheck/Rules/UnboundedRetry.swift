import BatonModel
import BatonSyntax

/// `retries=unbounded`.
public struct UnboundedRetry: Rule {
    public init() {}
    public var descriptor: RuleDescriptor { Self.descriptor }

    public static let descriptor = RuleDescriptor(
        id: "unbounded-retry",
        defaultSeverity: .error,
        summary: "an interaction retries without limit (`retries=unbounded`)",
        rationale: """
            A retry that never gives up never reports the failure either: work piles up behind a \
            dependency that is down, every client keeps adding load to it, and recovery has to push \
            through the whole backlog. Retries need a bound, and what happens after the last attempt \
            (a dead-letter queue, an alert, a compensation) belongs in the design.
            """,
        details: "Fires for each interaction with `retries=unbounded`, at the interaction.",
        fixes: ["bound the retries with `retries=3`"],
        triggering: [
            RuleExample("""
                service Gateway [timeout=1s]
                service Audit [idempotent]
                ↓Gateway ->> Audit : SearchLogged [retries=unbounded, backoff=exponential, jitter]
                """),
        ],
        nonTriggering: [
            RuleExample("""
                service Gateway [timeout=1s]
                service Audit [idempotent]
                Gateway ->> Audit : SearchLogged [retries=5, backoff=exponential, jitter]
                """),
        ])

    public func check(_ context: CheckContext, options: RuleOptionValues) -> [Finding] {
        var findings: [Finding] = []
        // Fields are read in place: binding each interaction copied its label, block and attributes.
        let interactions = context.model.interactions
        for id in context.interactions(where: { interactions[$0].attributes.retries == .unbounded }) {
            let index = id.rawValue
            findings.append(Finding(
                at: interactions[index].span,
                "'\(context.name(interactions[index].from))' retries '\(context.describe(id))' without limit: when '\(context.name(interactions[index].to))' is down the attempts never stop",
                help: "bound the retries (retries=N) and decide what happens after the last one: a dead-letter queue, an alert or a compensation",
                fixes: AttributeFix.fix(adding: [.init("retries", "3")], to: id, in: context, title: "bound the retries: retries=3")))
        }
        return findings
    }
}
