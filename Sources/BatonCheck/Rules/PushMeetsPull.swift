import BatonModel
import BatonSyntax

/// A pushes m to B and B also fetches m from A: two active ends ("two noses").
public struct PushMeetsPull: Rule {
    public init() {}
    public var descriptor: RuleDescriptor { Self.descriptor }

    public static let descriptor = RuleDescriptor(
        id: "push-meets-pull",
        defaultSeverity: .error,
        summary: "A pushes a message to B and B also fetches it from A: two active ends",
        rationale: """
            Every interaction needs one active and one passive end. When A pushes a message to B \
            *and* B polls A for the same message, both ends want to hold the baton — Hohpe's "two \
            noses pointing at each other". Either B receives the message twice, or one of the two \
            mechanisms is dead code that nobody dares to remove. The element that connects two active \
            ends is a queue: A sends into it, B fetches from it, and each side keeps its own pace.
            """,
        details: """
            Fires when `A ->> B : m` or `A -> B : m` and `B <- A : m` both occur anywhere in the model \
            (messages match by label; two unlabelled interactions match too), and neither A nor B is \
            a queue or topic. Points at the fetch, with a note at the push.
            """,
        triggering: [
            RuleExample("""
                service Orders  [timeout=1s]
                service Billing [timeout=1s]
                Orders ->> Billing : OrderPlaced
                ↓Billing <- Orders : OrderPlaced
                """),
        ],
        nonTriggering: [
            RuleExample("""
                service Orders  [timeout=1s]
                queue   OrderQ  [ttl=1h, dlq=OrderDLQ]
                queue   OrderDLQ [ttl=24h]
                service Billing [idempotent]
                Orders ->> OrderQ : OrderPlaced
                Billing <- OrderQ : OrderPlaced [timeout=5s]
                Billing <- OrderDLQ : failed [timeout=5s]
                """),
            RuleExample("""
                service Orders  [timeout=1s]
                service Billing [timeout=1s]
                Orders ->> Billing : OrderPlaced
                Billing <- Orders : order details
                """),
        ])

    private struct Key: Hashable {
        var source: ParticipantID
        var target: ParticipantID
        var label: String?
    }

    /// Who pushes to whom, without the message: hashing two numbers is cheap, so only the
    /// pushes between two participants that also fetch from each other are keyed by label.
    private struct Pair: Hashable {
        var source: ParticipantID
        var target: ParticipantID
    }

    public func check(_ context: CheckContext, options: RuleOptionValues) -> [Finding] {
        let model = context.model
        func isChannel(_ id: ParticipantID) -> Bool { model[id].kind.isChannel }
        let interactions = model.interactions
        // Fields are read in place: binding each interaction copied its label, block and attributes.
        let fetches = context.interactions(where: { interactions[$0].arrow == .fetch }).filter {
            !isChannel(model.interactions[$0.rawValue].from) && !isChannel(model.interactions[$0.rawValue].to)
        }
        guard !fetches.isEmpty else { return [] }
        // B <- A : m pairs with A ->> B : m.
        let fetched = Set(fetches.map { Pair(source: model.interactions[$0.rawValue].to, target: model.interactions[$0.rawValue].from) })
        var pushes: [Key: InteractionID] = [:]
        for id in context.interactions(where: { interactions[$0].arrow == .send || interactions[$0].arrow == .call }) {
            let index = id.rawValue
            let from = model.interactions[index].from
            let to = model.interactions[index].to
            guard fetched.contains(Pair(source: from, target: to)), !isChannel(from), !isChannel(to) else { continue }
            let key = Key(source: from, target: to, label: model.interactions[index].label)
            if pushes[key] == nil { pushes[key] = id }
        }
        var findings: [Finding] = []
        for id in fetches {
            let index = id.rawValue
            let source = model.interactions[index].to
            let target = model.interactions[index].from
            guard let push = pushes[Key(source: source, target: target, label: model.interactions[index].label)] else { continue }
            let a = context.name(source)
            let b = context.name(target)
            findings.append(Finding(
                at: model.interactions[index].span,
                "'\(a)' pushes \(context.operation(push)) to '\(b)', and '\(b)' also fetches it from '\(a)': two active ends",
                notes: [.note("'\(a)' pushes it here: \(context.describe(push))", at: model[push].span)],
                help: "put a queue between them: '\(a)' sends into it and '\(b)' fetches from it; or keep only one of the two interactions"))
        }
        return findings
    }
}
