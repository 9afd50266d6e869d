import BatonModel
import BatonSyntax

/// A sync call or fetch to an `external` without `circuit-breaker`.
public struct ExternalWithoutBreaker: Rule {
    public init() {}
    public var descriptor: RuleDescriptor { Self.descriptor }

    public static let descriptor = RuleDescriptor(
        id: "external-without-breaker",
        defaultSeverity: .warning,
        summary: "a synchronous call or fetch to an `external` participant has no `circuit-breaker`",
        rationale: """
            You do not control an external system's releases, capacity or outages, yet waiting for it \
            synchronously — calling it or polling it — makes its latency and availability yours. When \
            it hangs, every caller's threads pile up behind it. A circuit breaker stops calling after \
            repeated failures, so the caller fails fast (or degrades) instead of going down with the \
            provider.
            """,
        details: """
            Fires for each sync interaction — a call `->` or a fetch `<-` — whose passive end is an \
            `external` and that does not declare `circuit-breaker`. Points at the interaction.
            """,
        fixes: ["add `circuit-breaker` to the interaction"],
        triggering: [
            RuleExample("""
                service  Checkout [timeout=2s]
                external FraudScore [timeout=400ms]
                ↓Checkout -> FraudScore : score order
                """),
            RuleExample("""
                service  Rates [timeout=2s]
                external Ecb "European Central Bank" [timeout=1s]
                ↓Rates <- Ecb : daily reference rates
                """),
        ],
        nonTriggering: [
            RuleExample("""
                service  Checkout [timeout=2s]
                external FraudScore [timeout=400ms]
                service  Inventory [timeout=300ms]
                Checkout -> FraudScore : score order [circuit-breaker]
                Checkout <- FraudScore : score model version [circuit-breaker]
                Checkout -> Inventory : reserve stock
                """),
            RuleExample("""
                service  Checkout [timeout=2s]
                external Analytics
                Checkout ->> Analytics : order placed
                """),
        ])

    public func check(_ context: CheckContext, options: RuleOptionValues) -> [Finding] {
        var findings: [Finding] = []
        let participants = context.model.participants
        // Fields are read in place: binding each interaction (or participant) copied its
        // label, block and attributes.
        let interactions = context.model.interactions
        // The help names the initiator and says call or fetch; the note names the external.
        // One of each per participant, shared by their findings.
        var callHelp = PerParticipant<FindingText>(context)
        var fetchHelp = PerParticipant<FindingText>(context)
        var notes = PerParticipant<[Diagnostic.Note]>(context)
        for id in context.interactions(where: {
            interactions[$0].arrow.isSynchronous && !interactions[$0].attributes.circuitBreaker && participants[interactions[$0].to.rawValue].kind.role == .component(owned: false)
        }) {
            let index = id.rawValue
            let passive = interactions[index].to
            let external = participants[passive.rawValue].name
            let from = interactions[index].from
            let initiator = context.name(from)
            let fetches = interactions[index].arrow == .fetch
            let what = fetches ? "fetches from" : "calls"
            let help = fetches
                ? fetchHelp.value(for: from) { Self.help(noun: "fetch", initiator: initiator) }
                : callHelp.value(for: from) { Self.help(noun: "call", initiator: initiator) }
            findings.append(Finding(
                at: interactions[index].span,
                "'\(initiator)' \(what) the external '\(external)' synchronously without a circuit breaker: when '\(external)' hangs, '\(initiator)' hangs with it",
                notes: notes.value(for: passive) { [.note("'\(external)' is declared external here", at: participants[passive.rawValue].span)] },
                help: help,
                fixes: AttributeFix.fix(adding: [.init("circuit-breaker")], to: id, in: context, title: Self.fixTitle)))
        }
        return findings
    }

    /// The help of a finding about a call (or fetch) by `initiator`.
    private static func help(noun: String, initiator: String) -> FindingText {
        "add circuit-breaker to the \(noun) (and decide how '\(initiator)' degrades while it is open), or make the interaction asynchronous"
    }

    /// The fix's title, one text shared by every finding (what `AttributeFix.title` writes).
    static let fixTitle = AttributeFix.title([.init("circuit-breaker")])
}
