import BatonModel
import BatonSyntax

/// A declared participant that takes part in nothing.
public struct UnusedParticipant: Rule {
    public init() {}
    public var descriptor: RuleDescriptor { Self.descriptor }

    public static let descriptor = RuleDescriptor(
        id: "unused-participant",
        defaultSeverity: .warning,
        summary: "a declared participant takes part in no interaction and is named by no attribute",
        rationale: """
            A participant that appears in the design but in none of its flows is either a leftover \
            (the system was retired, the diagram was not) or a missing flow. Both mislead the reader \
            about what talks to what.
            """,
        details: """
            Fires at the declaration of each participant of the checked file that is neither end of \
            any interaction and is not named by a `dlq` or `reply-to` attribute (a `note over` it does \
            not count). Participants declared in imported files are never reported: a design may use \
            any subset of a catalogue.
            """,
        triggering: [
            RuleExample("""
                client  Web
                service Subscriptions [timeout=1s]
                ↓service LegacyBilling "Old billing monolith"
                Web -> Subscriptions : subscribe
                """),
        ],
        nonTriggering: [
            RuleExample("""
                client  Web
                service Subscriptions [timeout=1s]
                queue   Events [ttl=1h, dlq=EventsDLQ]
                queue   EventsDLQ [ttl=1h]
                Web -> Subscriptions : subscribe
                Subscriptions ->> Events : Subscribed
                """),
        ])

    public func check(_ context: CheckContext, options: RuleOptionValues) -> [Finding] {
        var findings: [Finding] = []
        for participant in context.model.participants where !participant.isImported {
            let index = participant.id.rawValue
            guard context.initiated[index].isEmpty, context.received[index].isEmpty,
                  !context.namedByAttribute[index] else { continue }
            findings.append(Finding(
                at: participant.span,
                "\(participant.kind.rawValue) '\(participant.name)' takes part in no interaction",
                help: "remove the declaration, or add the interactions it takes part in"))
        }
        return findings
    }
}
