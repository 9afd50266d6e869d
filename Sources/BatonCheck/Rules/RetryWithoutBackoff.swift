import BatonModel
import BatonSyntax

/// Retries without exponential backoff, or without jitter.
public struct RetryWithoutBackoff: Rule {
    public init() {}
    public var descriptor: RuleDescriptor { Self.descriptor }

    public static let descriptor = RuleDescriptor(
        id: "retry-without-backoff",
        defaultSeverity: .warning,
        summary: "an interaction retries without `backoff=exponential`, or without `jitter`",
        rationale: """
            Retries are selfish: they add load exactly when the callee is already struggling. Without \
            exponential backoff they keep hammering at full rate; without jitter every client that \
            failed at the same moment retries at the same moment, turning one blip into synchronised \
            waves. Retry logic is one of the most common ways a distributed system takes itself down.
            """,
        details: """
            Fires for each interaction with `retries` above 0 (or `unbounded`) that lacks \
            `backoff=exponential`, `jitter`, or both; the message says which is missing. Points at the \
            interaction.
            """,
        fixes: ["add what is missing of `backoff=exponential` and `jitter` to the interaction (replacing another `backoff`)"],
        triggering: [
            RuleExample("""
                service Search  [timeout=3s]
                service Ranking [timeout=1s, idempotent]
                ↓Search -> Ranking : rank hits [retries=3, backoff=fixed]
                """),
            RuleExample("""
                service Search  [timeout=3s]
                service Ranking [timeout=1s, idempotent]
                ↓Search -> Ranking : rank hits [retries=3, backoff=exponential]
                """),
        ],
        nonTriggering: [
            RuleExample("""
                service Search  [timeout=3s]
                service Ranking [timeout=1s, idempotent]
                Search -> Ranking : rank hits [retries=3, backoff=exponential, jitter]
                Search -> Ranking : warm up [retries=0]
                """),
        ])

    public func check(_ context: CheckContext, options: RuleOptionValues) -> [Finding] {
        var findings: [Finding] = []
        for id in context.interactions(where: { $0.attributes.retriesAtAll }) {
            let interaction = context.model[id]
            let attributes = interaction.attributes
            var missing: [String] = []
            if attributes.backoff != .exponential {
                missing.append(attributes.backoff.map { "exponential backoff (it has backoff=\($0.rawValue))" } ?? "exponential backoff")
            }
            if !attributes.jitter { missing.append("jitter") }
            var add: [AttributeFix.Attribute] = []
            if attributes.backoff != .exponential { add.append(.init("backoff", "exponential")) }
            if !attributes.jitter { add.append(.init("jitter")) }
            guard !missing.isEmpty else { continue }
            let retries = attributes.retries?.description ?? "0"
            findings.append(Finding(
                at: interaction.span,
                "'\(context.name(interaction.from))' retries '\(context.describe(interaction.id))' (retries=\(retries)) without \(missing.joined(separator: " and without "))",
                help: "add backoff=exponential and jitter, so retries spread out instead of arriving in synchronised waves",
                fixes: AttributeFix.fix(adding: add, to: id, in: context)))
        }
        return findings
    }
}
