import BatonModel
import BatonSyntax

/// Retries at several layers of one call tree multiply.
public struct RetryAmplification: Rule {
    public init() {}
    public var descriptor: RuleDescriptor { Self.descriptor }

    /// How far the attempts along one call path may multiply.
    public static let max = RuleOptionKey<Double>("max", summary: "the largest allowed product of attempts along one call path", default: 10, minimum: 1)

    public static let descriptor = RuleDescriptor(
        id: "retry-amplification",
        defaultSeverity: .warning,
        summary: "the attempts along a synchronous call path multiply beyond `max`",
        rationale: """
            When every layer of a call tree retries on its own, the attempts multiply: three layers \
            that each try three times send 27 requests to the bottom of the stack for one user \
            action — exactly when that bottom layer is already failing. Retry at one layer (usually \
            the one closest to the user) and let the others fail fast.
            """,
        details: """
            attempts = retries + 1. Multiplies the attempts of the sync interactions on each call-tree \
            path, root first, and fires at the interaction where the product first exceeds `max`, \
            with notes at the retrying interactions above it (the first 10, on a very deep path, \
            whose message then shortens the path and the product the same way). An unbounded retry \
            makes the product unbounded, so it fires this rule as well as `unbounded-retry`.
            """,
        options: [max.option],
        triggering: [
            RuleExample("""
                client  App
                service Gateway [timeout=10s, idempotent]
                service Search  [timeout=3s, idempotent]
                service Ranking [timeout=500ms, idempotent]
                App -> Gateway : search [retries=2, backoff=exponential, jitter] {
                  Gateway -> Search : query [retries=2, backoff=exponential, jitter] {
                    ↓Search -> Ranking : rank hits [retries=3, backoff=exponential, jitter]
                  }
                }
                """),
            RuleExample("""
                client  App
                service Gateway [timeout=10s, idempotent]
                service Search  [timeout=3s, idempotent]
                App -> Gateway : search [retries=1, backoff=exponential, jitter] {
                  ↓Gateway -> Search : query [retries=unbounded, backoff=exponential, jitter]
                }
                """),
            RuleExample("""
                service Gateway [timeout=10s, idempotent]
                service Search  [timeout=3s, idempotent]
                ↓Gateway -> Search : query [retries=unbounded, backoff=exponential, jitter]
                """),
        ],
        nonTriggering: [
            RuleExample("""
                client  App
                service Gateway [timeout=10s, idempotent]
                service Search  [timeout=3s, idempotent]
                service Ranking [timeout=500ms, idempotent]
                App -> Gateway : search [retries=2, backoff=exponential, jitter] {
                  Gateway -> Search : query [retries=2, backoff=exponential, jitter] {
                    Search -> Ranking : rank hits
                  }
                }
                """),
            RuleExample("""
                service Gateway [timeout=10s, idempotent]
                service Search  [timeout=3s, idempotent]
                queue   Audit   [overflow=reject]
                Gateway ->> Audit : logged [retries=unbounded, backoff=exponential, jitter]
                """),
        ])

    public func check(_ context: CheckContext, options: RuleOptionValues) -> [Finding] {
        let model = context.model
        let max = options[Self.max]
        let products = context.attemptProducts
        var findings: [Finding] = []
        let interactions = model.interactions
        for id in context.interactions(where: { interactions[$0].arrow.isSynchronous }) {
            let total = products[id] ?? 1
            let above = context.syncParent[id.rawValue].flatMap { products[$0] } ?? 1
            guard Describe.exceeds(total, max), !Describe.exceeds(above, max) else { continue }
            let path = context.syncPath(to: id)
            let factors = path.map { Describe.attempts(model[$0].attributes.attempts) }.filter { $0 != "1" }
            let limit = Describe.listLimit
            let product = factors.prefix(limit).joined(separator: " × ") + (factors.count > limit ? " × \(factors.count - limit) more" : "")
            let notes = Describe.notes(path.dropLast().filter { model[$0].attributes.attempts > 1 },
                                       rest: { "and \($0) more retrying interactions above" }) { id in
                .note("\(Describe.attempts(model[id].attributes.attempts)) attempts here: \(context.describe(id))", at: model[id].span)
            }
            findings.append(Finding(
                at: model.interactions[id.rawValue].span,
                "attempts multiply to \(Describe.attempts(total)) along \(context.chain(path)) (\(product); max \(Describe.number(max)))",
                notes: notes,
                help: "retry at one layer only (usually the one closest to the user) and let the layers below fail fast"))
        }
        return findings
    }
}
