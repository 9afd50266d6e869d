import BatonModel
import BatonSyntax

/// A sync call to an `external` without `circuit-breaker`.
public struct ExternalWithoutBreaker: Rule {
    public init() {}
    public var descriptor: RuleDescriptor { Self.descriptor }

    public static let descriptor = RuleDescriptor(
        id: "external-without-breaker",
        defaultSeverity: .warning,
        summary: "a synchronous call to an `external` participant has no `circuit-breaker`",
        rationale: """
            You do not control an external system's releases, capacity or outages, yet a synchronous \
            call makes its latency and availability yours. When it hangs, every caller's threads \
            pile up behind it. A circuit breaker stops calling after repeated failures, so the caller \
            fails fast (or degrades) instead of going down with the provider.
            """,
        details: """
            Fires for each sync call `->` whose passive end is an `external` and that does not declare \
            `circuit-breaker`. Fetches (`<-`) are not reported. Points at the call.
            """,
        triggering: [
            RuleExample("""
                service  Checkout [timeout=2s]
                external FraudScore [timeout=400ms]
                ↓Checkout -> FraudScore : score order
                """),
        ],
        nonTriggering: [
            RuleExample("""
                service  Checkout [timeout=2s]
                external FraudScore [timeout=400ms]
                service  Inventory [timeout=300ms]
                Checkout -> FraudScore : score order [circuit-breaker]
                Checkout -> Inventory : reserve stock
                """),
        ])

    public func check(_ context: CheckContext, options: RuleOptionValues) -> [Finding] {
        var findings: [Finding] = []
        for id in context.interactions(where: { $0.arrow == .call }) {
            let interaction = context.model[id]
            let passive = context.model[interaction.to]
            guard passive.kind == .external, !interaction.attributes.circuitBreaker else { continue }
            let caller = context.name(interaction.from)
            findings.append(Finding(
                at: interaction.span,
                "'\(caller)' calls the external '\(passive.name)' synchronously without a circuit breaker: when '\(passive.name)' hangs, '\(caller)' hangs with it",
                notes: [.init("'\(passive.name)' is declared external here", at: passive.span)],
                help: "add circuit-breaker to the call (and decide how '\(caller)' degrades while it is open), or make the interaction asynchronous"))
        }
        return findings
    }
}
