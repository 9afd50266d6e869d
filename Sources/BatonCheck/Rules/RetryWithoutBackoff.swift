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
        // Fields are read in place: binding each interaction copied its label and block.
        let interactions = context.model.interactions
        for id in context.interactions(where: { Self.retries(interactions[$0].attributes.retries) && (interactions[$0].attributes.backoff != .exponential || !interactions[$0].attributes.jitter) }) {
            let backoff = interactions[id.rawValue].attributes.backoff
            let needsJitter = !interactions[id.rawValue].attributes.jitter
            // What is missing, and the fix adding it: one of three, each made once.
            let missing: String
            let fix: (add: [AttributeFix.Attribute], title: String)
            if backoff != .exponential {
                let jitter = needsJitter ? " and without jitter" : ""
                let text: FindingText = backoff.map { "exponential backoff (it has backoff=\($0.rawValue))\(jitter)" } ?? "exponential backoff\(jitter)"
                missing = text.string
                fix = needsJitter ? Self.addBoth : Self.addBackoff
            } else {
                missing = "jitter"
                fix = Self.addJitter
            }
            let retries = interactions[id.rawValue].attributes.retries?.description ?? "0"
            findings.append(Finding(
                at: interactions[id.rawValue].span,
                "'\(context.name(interactions[id.rawValue].from))' retries '\(context.describe(id))' (retries=\(retries)) without \(missing)",
                help: "add backoff=exponential and jitter, so retries spread out instead of arriving in synchronised waves",
                fixes: AttributeFix.fix(adding: fix.add, to: id, in: context, title: fix.title)))
        }
        return findings
    }

    /// `InteractionAttributes.retriesAtAll` of the attributes' `retries`, which a filter reads
    /// without copying the attributes (their texts) to ask them.
    static func retries(_ retries: Bound?) -> Bool {
        switch retries {
        case nil, .count(0): false
        default: true
        }
    }

    /// The attributes a fix adds and its title, shared by every finding that misses the same.
    static let addBoth = titled([.init("backoff", "exponential"), .init("jitter")])
    static let addBackoff = titled([.init("backoff", "exponential")])
    static let addJitter = titled([.init("jitter")])

    private static func titled(_ add: [AttributeFix.Attribute]) -> (add: [AttributeFix.Attribute], title: String) {
        (add, AttributeFix.title(add))
    }
}
