import BatonModel
import BatonSyntax

/// One store accessed by participants of two or more owners.
public struct SharedStore: Rule {
    public init() {}
    public var descriptor: RuleDescriptor { Self.descriptor }

    public static let descriptor = RuleDescriptor(
        id: "shared-store",
        defaultSeverity: .warning,
        summary: "a `store` is accessed by participants of two or more different owners",
        rationale: """
            A database shared between teams is an interface nobody designed: every table and column \
            is part of it, so any schema change needs every owner to agree, and one team's load or \
            locks become everybody's outage. Give the store one owner and let the others go through \
            that owner's API or events.
            """,
        details: """
            A participant's owner is its own `owner`, else the nearest enclosing group's; participants \
            without an owner are not counted. Fires at the store's declaration when the participants \
            at the other end of its interactions (either direction) have two or more distinct owners, \
            with one note per owner at its first access (the first 10 owners, when there are more).
            """,
        triggering: [
            RuleExample("""
                group Growth [owner=growth] {
                  service Subscriptions [timeout=1s]
                }
                service Renewals [owner=billing, timeout=30s]
                ↓store CustomerDb [timeout=200ms]
                Subscriptions -> CustomerDb : insert subscription
                Renewals <- CustomerDb : subscriptions due
                """),
        ],
        nonTriggering: [
            RuleExample("""
                group Growth [owner=growth] {
                  service Subscriptions [timeout=1s]
                  service Renewals [timeout=30s]
                  store   CustomerDb [timeout=200ms]
                }
                service Reporting
                Subscriptions -> CustomerDb : insert subscription
                Renewals <- CustomerDb : subscriptions due
                Reporting <- CustomerDb : nightly export
                """),
        ])

    public func check(_ context: CheckContext, options: RuleOptionValues) -> [Finding] {
        let model = context.model
        var findings: [Finding] = []
        for store in model.participants where store.kind.role == .store {
            let accesses = (context.initiated[store.id.rawValue] + context.received[store.id.rawValue]).sorted()
            var owners: [(owner: String, participant: ParticipantID, access: InteractionID)] = []
            var ownerSet = Set<String>()
            for id in accesses {
                let from = model.interactions[id.rawValue].from
                let other = from == store.id ? model.interactions[id.rawValue].to : from
                guard let owner = model.participants[other.rawValue].owner, ownerSet.insert(owner).inserted else { continue }
                owners.append((owner, other, id))
            }
            guard owners.count >= 2 else { continue }
            var accessors: [ParticipantID] = []
            var seen = Set<ParticipantID>()
            for id in accesses {
                let from = model.interactions[id.rawValue].from
                let other = from == store.id ? model.interactions[id.rawValue].to : from
                if model.participants[other.rawValue].owner != nil, seen.insert(other).inserted { accessors.append(other) }
            }
            let described = Describe.list(accessors) { "'\(context.name($0))' (\(model[$0].owner ?? ""))" }
            findings.append(Finding(
                at: store.span,
                "store '\(store.name)' is shared by \(owners.count) owners: \(described)",
                notes: Describe.notes(owners, rest: { "and \($0) more owners" }) {
                    .note("owner '\($0.owner)' accesses it here: \(context.describe($0.access))", at: model[$0.access].span)
                },
                help: "give '\(store.name)' one owner and let the other teams use that owner's API or events instead of its tables"))
        }
        return findings
    }
}
