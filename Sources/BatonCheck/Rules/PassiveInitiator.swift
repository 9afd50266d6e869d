import BatonModel
import BatonSyntax

/// A store, or a queue/topic without `push`, on the left of an arrow: nothing drives it.
public struct PassiveInitiator: Rule {
    public init() {}
    public var descriptor: RuleDescriptor { Self.descriptor }

    public static let descriptor = RuleDescriptor(
        id: "passive-initiator",
        defaultSeverity: .error,
        summary: "a store, or a queue or topic without `push`, initiates an interaction",
        rationale: """
            The participant on the left of an arrow holds the baton: it must actively send, call or \
            poll. Stores and pull channels are passive on both sides (Hohpe's Source and Queue): they \
            wait to be called and have no thread of control of their own. A design where a database \
            "sends" its changes, or a queue "delivers" to a consumer that never polls, has an \
            interaction nobody drives, so in production nothing happens.
            """,
        details: """
            Fires for every interaction whose initiator is a `store`, or a `queue`/`topic` that does \
            not declare `push`. Points at the interaction.
            """,
        triggering: [
            RuleExample("""
                store   OrdersDb [timeout=200ms]
                service Search   [concurrency=4]
                ↓OrdersDb ->> Search : row changed
                """),
            RuleExample("""
                queue   Jobs [ttl=1h, dlq=JobsDLQ]
                queue   JobsDLQ [ttl=24h]
                service Worker [idempotent, concurrency=2]
                service Ops [idempotent]
                ↓Jobs ->> Worker : Job
                Ops <- JobsDLQ : failed job [timeout=5s]
                """),
        ],
        nonTriggering: [
            RuleExample("""
                store   OrdersDb [timeout=200ms]
                driver  Cdc [interval=1s]
                service Search [concurrency=4, timeout=1s]
                Cdc <- OrdersDb : change log
                Cdc -> Search : index document
                """),
            RuleExample("""
                topic   Events [push, ttl=1h]
                service Worker [idempotent, concurrency=2]
                Events ->> Worker : Event
                """),
        ])

    public func check(_ context: CheckContext, options: RuleOptionValues) -> [Finding] {
        var findings: [Finding] = []
        let participants = context.model.participants
        // Fields are read in place: binding each interaction copied its label, block and attributes.
        let interactions = context.model.interactions
        // Asked once per participant rather than of a copy of it for every interaction.
        let mayInitiate = participants.map(\.mayInitiate)
        let candidates = context.interactions(where: { !mayInitiate[interactions[$0].from.rawValue] })
        for id in candidates {
            let index = id.rawValue
            let initiator = participants[interactions[index].from.rawValue]
            let from = initiator.name
            let to = context.name(interactions[index].to)
            // Only an active participant can fetch instead: a store or a channel fetching would
            // be another passive initiator.
            let canFetch = participants[interactions[index].to.rawValue].kind.initiation == .always
            let fetch = "let '\(to)' fetch from it ('\(to) <- \(from)')"
            let what: String, help: String
            switch initiator.kind.initiation {
            case .withPush:
                what = "a \(initiator.kind.rawValue) without `push`"
                help = (canFetch ? fetch + ", " : "") + "declare `push` on '\(from)', or add a driver"
            case .never, .always:
                what = "a \(initiator.kind.rawValue)"
                help = (canFetch ? fetch + ", or " : "") + "add a driver that fetches from '\(from)' and delivers to '\(to)'"
            }
            findings.append(Finding(
                at: interactions[index].span,
                "'\(from)' is \(what), so nothing drives '\(context.describe(id))': '\(from)' only waits to be called",
                notes: [.note("'\(from)' is declared here", at: initiator.span)],
                help: FindingText(help)))
        }
        return findings
    }
}
