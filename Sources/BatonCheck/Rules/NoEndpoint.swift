import BatonModel
import BatonSyntax

/// A client or driver as the passive end: it exposes no endpoint to be called.
public struct NoEndpoint: Rule {
    public init() {}
    public var descriptor: RuleDescriptor { Self.descriptor }

    public static let descriptor = RuleDescriptor(
        id: "no-endpoint",
        defaultSeverity: .error,
        summary: "a `client` or a `driver` is the passive end of an interaction",
        rationale: """
            A client (browser, mobile app, CLI) and a driver (poller, pump) are active elements: they \
            call out, but nobody can call in. Drawing an arrow *to* one hides the mechanism that would \
            actually carry the data — a long poll, a push service, a socket the client opened — and \
            with it who holds the baton and what happens when the client is offline.
            """,
        details: """
            Fires for every interaction whose passive end (right-hand side) is a `client` or a \
            `driver`. Points at the interaction.
            """,
        triggering: [
            RuleExample("""
                service  Notifier
                client   MobileApp
                ↓Notifier ->> MobileApp : order shipped
                """),
            RuleExample("""
                service Orders [timeout=1s]
                driver  Pump [interval=1s]
                ↓Orders -> Pump : wake up
                """),
        ],
        nonTriggering: [
            RuleExample("""
                service  Notifier
                external PushService [timeout=1s]
                client   MobileApp
                Notifier -> PushService : order shipped [circuit-breaker]
                MobileApp <- PushService : notifications [circuit-breaker]
                """),
        ])

    public func check(_ context: CheckContext, options: RuleOptionValues) -> [Finding] {
        var findings: [Finding] = []
        let participants = context.model.participants
        let candidates = context.interactions(where: {
            !participants[$0.to.rawValue].kind.mayBePassive
        })
        for id in candidates {
            let interaction = context.model[id]
            let passive = context.model[interaction.to]
            let to = passive.name
            let from = context.name(interaction.from)
            let help = passive.kind.role == .origin
                ? "let '\(to)' fetch from a service it connects to ('\(to) <- ...'), for example through a push service or a long poll"
                : !context.model[interaction.from].kind.mayBePassive
                    ? "let '\(to)' initiate: '\(from)' writes to a channel that '\(to)' reads"
                    : "let '\(to)' initiate: it fetches ('\(to) <- \(from)') or '\(from)' writes to a channel that '\(to)' reads"
            findings.append(Finding(
                at: interaction.span,
                "'\(to)' is a \(passive.kind.rawValue) and exposes no endpoint, so '\(from)' cannot initiate '\(context.describe(interaction.id))'",
                notes: [.init("'\(to)' is declared here", at: passive.span)],
                help: help))
        }
        return findings
    }
}
