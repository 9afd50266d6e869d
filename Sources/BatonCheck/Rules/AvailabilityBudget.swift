import BatonModel
import BatonSyntax

/// A participant whose composite availability is below its `slo`.
public struct AvailabilityBudget: Rule {
    public init() {}
    public var descriptor: RuleDescriptor { Self.descriptor }

    public static let descriptor = RuleDescriptor(
        id: "availability-budget",
        defaultSeverity: .error,
        summary: "a participant's composite availability is below its `slo`",
        rationale: """
            A participant that waits synchronously for others is up only when all of them are up: \
            availabilities multiply along the sync dependency graph. Promising callers more than \
            the product of your synchronous dependencies is promising something the architecture \
            cannot deliver; the fix is structural (redundancy, caching, asynchronous or optional \
            calls), not operational.
            """,
        details: """
            composite availability(P) = availability(P) × the availability of every participant \
            reachable from P through sync interactions, each counted once, cycles included; \
            undeclared availability counts as 100%. Fires at the declaration of each participant \
            whose `slo` is higher, with a note at its least available dependency. The message \
            lists the factors of the product, the participant's own first; past 10 of them, the 10 \
            least available (lowest first, which are the ones worth fixing) and the product of \
            the others.
            """,
        triggering: [
            RuleExample("""
                client  App
                ↓service Gateway [timeout=2s, availability=99.99%, slo=99.9%]
                service Recs    [timeout=400ms, availability=99.5%]
                App -> Gateway : page {
                  Gateway -> Recs : recommendations
                }
                """),
            RuleExample("""
                ↓service A [timeout=1s, availability=99.9%, slo=99.9%]
                service B [timeout=1s, availability=99.95%]
                A -> B : one
                B -> A : back
                """),
        ],
        nonTriggering: [
            RuleExample("""
                client  App
                service Gateway [timeout=2s, availability=99.99%, slo=99.9%]
                service Recs    [timeout=400ms, availability=99.5%]
                queue   RecsJobs [ttl=1m, delivery=at-most-once]
                App -> Gateway : page {
                  Gateway ->> RecsJobs : RecommendLater
                }
                Recs <- RecsJobs : RecommendLater
                """),
        ])

    public func check(_ context: CheckContext, options: RuleOptionValues) -> [Finding] {
        let model = context.model
        guard model.participants.contains(where: { $0.attributes.slo != nil }) else { return [] }
        let availability = CompositeAvailability(model, graph: context.syncGraph)
        let declared = model.participants.map(\.attributes.availability)
        var findings: [Finding] = []
        for participant in model.participants {
            guard let slo = participant.attributes.slo else { continue }
            let composite = availability[participant.id]
            guard Describe.exceeds(slo, composite) else { continue }
            // The participant's own availability, then its dependencies' in declaration order.
            var factors: [(participant: ParticipantID, value: Double)] = []
            if let own = participant.attributes.availability { factors.append((participant.id, own)) }
            var weakest: (participant: ParticipantID, value: Double)?
            for dependency in availability.dependencies(of: participant.id) {
                guard let value = declared[dependency.rawValue] else { continue }
                factors.append((dependency, value))
                if value < (weakest?.value ?? 1) { weakest = (dependency, value) }
            }
            let product = factors.isEmpty ? "" : " (\(Self.product(factors, context)))"
            var notes: [Diagnostic.Note] = []
            var help: FindingText = "add redundancy, or make some of these dependencies asynchronous or optional, or lower the slo"
            if let (id, value) = weakest {
                let weakest = model[id]
                notes.append(.note("the least available dependency: '\(weakest.name)' at \(Describe.percent(value))", at: weakest.span))
                help = "make the call to '\(weakest.name)' asynchronous or optional (or add redundancy), or lower the slo"
            }
            findings.append(Finding(
                at: participant.span,
                "composite availability of '\(participant.name)' is \(Describe.percent(composite, distinctFrom: slo)) < slo \(Describe.percent(slo))\(product)",
                notes: notes, help: help))
        }
        return findings
    }

    /// `A 99.9% × B 99.5%`: every factor, or past `Describe.listLimit` of them the least
    /// available ones, lowest first (ties in the order given), and the product of the others.
    static func product(_ factors: [(participant: ParticipantID, value: Double)], _ context: CheckContext) -> String {
        func factor(_ index: Int) -> String {
            "\(context.name(factors[index].participant)) \(Describe.percent(factors[index].value))"
        }
        let limit = Describe.listLimit
        guard factors.count > limit else { return factors.indices.map(factor).joined(separator: " × ") }
        // The `limit` lowest, kept sorted: one pass, however long the list.
        var lowest: [Int] = []
        for index in factors.indices {
            if lowest.count == limit, let last = lowest.last, factors[index].value >= factors[last].value { continue }
            let position = lowest.firstIndex { factors[index].value < factors[$0].value } ?? lowest.count
            lowest.insert(index, at: position)
            if lowest.count > limit { lowest.removeLast() }
        }
        var shown = Array(repeating: false, count: factors.count)
        for index in lowest { shown[index] = true }
        var others = 1.0
        for index in factors.indices where !shown[index] { others *= factors[index].value }
        return (lowest.map(factor) + ["the other \(factors.count - limit) at \(Describe.percent(others, distinctFrom: 1))"])
            .joined(separator: " × ")
    }
}
