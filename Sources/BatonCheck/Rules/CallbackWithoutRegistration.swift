import BatonModel
import BatonSyntax

/// `A ~> B` while B never initiates anything towards A: nobody gave A the endpoint.
public struct CallbackWithoutRegistration: Rule {
    public init() {}
    public var descriptor: RuleDescriptor { Self.descriptor }

    public static let descriptor = RuleDescriptor(
        id: "callback-without-registration",
        defaultSeverity: .error,
        summary: "`A ~> B` while B never initiates any interaction towards A",
        rationale: """
            A callback inverts control: B hands A an endpoint ("don't call us, we'll call you") and A \
            uses it later. That registration is a real dependency of B on A — it has to happen, be \
            kept current and be removed — so a design that shows the callback but not the \
            registration hides how the endpoint got there and who must change when it moves.
            """,
        details: """
            The registration is any interaction initiated by B towards A anywhere in the model (a \
            call, a send, a fetch or a callback, in any flow). Fires once per callback without one, at \
            the callback.
            """,
        triggering: [
            RuleExample("""
                external Marketplace
                service  Webhooks [idempotent, rate-limit=50/s]
                ↓Marketplace ~> Webhooks : order cancelled
                """),
        ],
        nonTriggering: [
            RuleExample("""
                external Carrier [timeout=2s]
                service  Webhooks [idempotent, rate-limit=50/s]
                flow "Registration" {
                  Webhooks -> Carrier : register endpoint [idempotent, circuit-breaker]
                }
                Carrier ~> Webhooks : parcel status changed
                """),
        ])

    private struct Pair: Hashable {
        var from: ParticipantID
        var to: ParticipantID
    }

    public func check(_ context: CheckContext, options: RuleOptionValues) -> [Finding] {
        let model = context.model
        var initiatedTowards = Set<Pair>()
        for index in model.interactions.indices {
            initiatedTowards.insert(Pair(from: model.interactions[index].from, to: model.interactions[index].to))
        }
        var findings: [Finding] = []
        for id in context.interactions(where: { $0.arrow == .callback }) {
            let callback = context.model[id]
            guard !initiatedTowards.contains(Pair(from: callback.to, to: callback.from)) else { continue }
            let a = context.name(callback.from)
            let b = context.name(callback.to)
            findings.append(Finding(
                at: callback.span,
                "'\(a)' calls back '\(b)', but '\(b)' never initiates any interaction towards '\(a)': nothing registers the endpoint",
                notes: [.init("'\(a)' is declared here", at: model[callback.from].span)],
                help: "model the registration, for example '\(b) -> \(a) : register endpoint', or make it a plain call ('\(a) -> \(b)') if '\(a)' knows '\(b)' anyway"))
        }
        return findings
    }
}
