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
            whose `slo` is higher, with a note at its least available dependency.
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
        var findings: [Finding] = []
        for participant in model.participants {
            guard let slo = participant.attributes.slo else { continue }
            let composite = availability[participant.id]
            guard Describe.exceeds(slo, composite) else { continue }
            let dependencies = availability.dependencies(of: participant.id)
            var factors: [String] = []
            if let own = participant.attributes.availability {
                factors.append("\(participant.name) \(Describe.percent(own))")
            }
            var weakest: Participant?
            for dependency in dependencies {
                let other = model[dependency]
                guard let value = other.attributes.availability else { continue }
                factors.append("\(other.name) \(Describe.percent(value))")
                if value < (weakest?.attributes.availability ?? 1) { weakest = other }
            }
            let product = factors.isEmpty ? "" : " (\(factors.joined(separator: " × ")))"
            var notes: [Diagnostic.Note] = []
            var help = "add redundancy, or make some of these dependencies asynchronous or optional, or lower the slo"
            if let weakest, let value = weakest.attributes.availability {
                notes.append(.init("the least available dependency: '\(weakest.name)' at \(Describe.percent(value))", at: weakest.span))
                help = "make the call to '\(weakest.name)' asynchronous or optional (or add redundancy), or lower the slo"
            }
            findings.append(Finding(
                at: participant.span,
                "composite availability of '\(participant.name)' is \(Describe.percent(composite, distinctFrom: slo)) < slo \(Describe.percent(slo))\(product)",
                notes: notes, help: help))
        }
        return findings
    }
}
