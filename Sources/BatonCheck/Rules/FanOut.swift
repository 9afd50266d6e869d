import BatonModel
import BatonSyntax

/// A participant that calls or fetches from more than `max` distinct participants synchronously.
public struct FanOut: Rule {
    public init() {}
    public var descriptor: RuleDescriptor { Self.descriptor }

    /// How many distinct participants one may depend on synchronously.
    public static let max = RuleOptionKey<Int>("max", summary: "the largest allowed number of distinct synchronous dependencies", default: 5, minimum: 0)

    public static let descriptor = RuleDescriptor(
        id: "fan-out",
        defaultSeverity: .info,
        summary: "a participant calls or fetches from more than `max` distinct participants synchronously",
        rationale: """
            Each synchronous dependency adds its latency tail and its failure modes to the caller's; \
            with many of them the caller's worst case is the worst of all, and its availability the \
            product of theirs. A wide fan-out is sometimes the right trade-off (an aggregating \
            gateway), so this is information for a conscious decision, not an error.
            """,
        details: """
            fan-out(P) = the number of distinct participants P reaches with sync calls `->` and sync \
            fetches `<-` together (a participant both called and fetched from counts once; async \
            sends and callbacks do not count). Fires at the declaration of each participant whose \
            fan-out exceeds `max`, with a note at the first interaction to each dependency (the \
            first 10 dependencies, when there are more).
            """,
        options: [max.option],
        triggering: [
            RuleExample("""
                ↓service Gateway [timeout=2s]
                service A [timeout=1s]
                service B [timeout=1s]
                service C [timeout=1s]
                Gateway -> A : a
                Gateway -> B : b
                Gateway <- C : c
                """, options: [max.set(to: 2)]),
        ],
        nonTriggering: [
            RuleExample("""
                service Gateway [timeout=2s]
                service A [timeout=1s]
                service B [timeout=1s]
                Gateway -> A : a
                Gateway -> A : a again
                Gateway <- B : b
                Gateway -> B : b again
                """, options: [max.set(to: 2)]),
        ])

    public func check(_ context: CheckContext, options: RuleOptionValues) -> [Finding] {
        let model = context.model
        let max = options[Self.max]
        var findings: [Finding] = []
        // `firstSeenBy[q] == p`: participant p's outgoing calls have reached q already (one
        // array for every participant rather than a set hashed for each).
        var firstSeenBy = Array(repeating: -1, count: model.participants.count)
        // Participants are read in place: binding each one copied its name and attributes.
        for index in model.participants.indices where context.syncGraph.successors[index].count > max {
            let participant = model.participants[index]
            // The first interaction to each dependency.
            var first: [InteractionID] = []
            first.reserveCapacity(context.syncGraph.successors[index].count)
            for id in context.syncGraph.outgoing[index] {
                let to = model.interactions[id.rawValue].to.rawValue
                guard firstSeenBy[to] != index else { continue }
                firstSeenBy[to] = index
                first.append(id)
            }
            let limit = Describe.listLimit
            let listed = FindingText.joined(first.prefix(limit).lazy.map { context.name(model.interactions[$0.rawValue].to) },
                                            separator: ", ", suffix: first.count > limit ? " and \(first.count - limit) more" : "")
            findings.append(Finding(
                at: participant.span,
                "'\(participant.name)' depends synchronously on \(English.plural(first.count, "participant")) (max \(max)): \(listed)",
                notes: Describe.notes(first, rest: { "and \($0) more dependencies" }) { .init(context.describe($0), at: model[$0].span) },
                help: "if this is intended aggregation, raise max for this rule; otherwise make some of these calls asynchronous or move them behind a participant that owns them"))
        }
        return findings
    }
}
