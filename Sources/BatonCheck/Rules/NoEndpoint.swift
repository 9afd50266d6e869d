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
        // Fields are read in place: binding each interaction copied its label, block and attributes.
        let interactions = context.model.interactions
        let candidates = context.interactions(where: {
            !participants[interactions[$0].to.rawValue].kind.mayBePassive
        })
        for id in candidates {
            let index = id.rawValue
            let passive = interactions[index].to.rawValue
            let kind = participants[passive].kind
            let to = participants[passive].name
            let from = context.name(interactions[index].from)
            let help: FindingText = kind.role == .origin
                ? "let '\(to)' fetch from a service it connects to ('\(to) <- ...'), for example through a push service or a long poll"
                : !participants[interactions[index].from.rawValue].kind.mayBePassive
                    ? "let '\(to)' initiate: '\(from)' writes to a channel that '\(to)' reads"
                    : "let '\(to)' initiate: it fetches ('\(to) <- \(from)') or '\(from)' writes to a channel that '\(to)' reads"
            findings.append(Finding(
                at: interactions[index].span,
                "'\(to)' is a \(kind.rawValue) and exposes no endpoint, so '\(from)' cannot initiate '\(context.describe(id))'",
                notes: [.note("'\(to)' is declared here", at: participants[passive].span)],
                help: help))
        }
        return findings
    }
}
