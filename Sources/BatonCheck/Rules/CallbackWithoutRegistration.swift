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

    public func check(_ context: CheckContext, options: RuleOptionValues) -> [Finding] {
        let model = context.model
        // Fields are read in place: binding each interaction copied its label, block and attributes.
        let interactions = model.interactions
        let callbacks = context.interactions(where: { interactions[$0].arrow == .callback })
        guard !callbacks.isEmpty else { return [] }
        // Whether the participant called back by each callback initiates anything towards its
        // initiator, answered one called-back participant at a time: `towards[p] == b` marks that
        // `b` initiates an interaction towards `p`. No set of every (initiator, passive end) pair
        // of the design is hashed (that cost more than the rest of the rule).
        let byCalledBack = callbacks.indices.sorted {
            (interactions[callbacks[$0].rawValue].to, $0) < (interactions[callbacks[$1].rawValue].to, $1)
        }
        var towards = Array(repeating: -1, count: model.participants.count)
        var registered = Array(repeating: false, count: callbacks.count)
        var marked = -1
        for position in byCalledBack {
            let callback = callbacks[position].rawValue
            let b = interactions[callback].to.rawValue
            if b != marked {
                for id in context.initiated[b] { towards[interactions[id.rawValue].to.rawValue] = b }
                marked = b
            }
            registered[position] = towards[interactions[callback].from.rawValue] == b
        }
        var findings: [Finding] = []
        // The note names the initiator alone: one per initiator, shared by its findings.
        var notes = PerParticipant<[Diagnostic.Note]>(context)
        for (position, id) in callbacks.enumerated() where !registered[position] {
            let index = id.rawValue
            let from = interactions[index].from
            let a = context.name(from)
            let b = context.name(interactions[index].to)
            findings.append(Finding(
                at: interactions[index].span,
                "'\(a)' calls back '\(b)', but '\(b)' never initiates any interaction towards '\(a)': nothing registers the endpoint",
                notes: notes.value(for: from) { [.note("'\(a)' is declared here", at: model.participants[from.rawValue].span)] },
                help: "model the registration, for example '\(b) -> \(a) : register endpoint', or make it a plain call ('\(a) -> \(b)') if '\(a)' knows '\(b)' anyway"))
        }
        return findings
    }
}
