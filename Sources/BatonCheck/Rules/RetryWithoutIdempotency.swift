import BatonModel
import BatonSyntax

/// Retries into an operation that is not idempotent.
public struct RetryWithoutIdempotency: Rule {
    public init() {}
    public var descriptor: RuleDescriptor { Self.descriptor }

    public static let descriptor = RuleDescriptor(
        id: "retry-without-idempotency",
        defaultSeverity: .error,
        summary: "an interaction retries an operation that is not idempotent",
        rationale: """
            A timeout cannot tell a lost request from a lost reply. When the caller retries after a \
            lost reply, the callee performs the operation twice: the card is charged twice, the \
            parcel shipped twice. Retrying is safe only into an idempotent operation (an Idempotent \
            Receiver), and the design should say so where it retries.
            """,
        details: """
            Fires for each interaction with `retries` above 0 (or `unbounded`) unless it is a fetch \
            (`<-`, a read), it declares `idempotent`, or its passive end declares `idempotent`. Points \
            at the interaction. Only services, externals and clients can declare `idempotent` \
            themselves; for a store, queue or topic the help suggests the interaction.
            """,
        fixes: ["declare the interaction `idempotent` (only right when the operation really is)"],
        triggering: [
            RuleExample("""
                service  Shop [timeout=2s]
                external Stripe [timeout=1s]
                ↓Shop -> Stripe : createPayment [retries=2, backoff=exponential, jitter, circuit-breaker]
                """),
            RuleExample("""
                service Shop [timeout=2s]
                store   Orders [timeout=200ms]
                ↓Shop -> Orders : insert order [retries=2, backoff=exponential, jitter]
                """),
        ],
        nonTriggering: [
            RuleExample("""
                service  Shop [timeout=2s]
                external Stripe [timeout=1s, idempotent]
                external Catalog [timeout=1s]
                Shop -> Stripe : createPayment [retries=2, backoff=exponential, jitter, circuit-breaker]
                Shop -> Catalog : upsert item [retries=2, backoff=exponential, jitter, circuit-breaker, idempotent]
                Shop <- Catalog : list items [retries=2, backoff=exponential, jitter, circuit-breaker]
                """),
            RuleExample("""
                service Shop [timeout=2s]
                store   Orders [timeout=200ms]
                Shop -> Orders : upsert order [retries=2, backoff=exponential, jitter, idempotent]
                """),
        ])

    public func check(_ context: CheckContext, options: RuleOptionValues) -> [Finding] {
        var findings: [Finding] = []
        let participants = context.model.participants
        // Fields are read in place: binding each interaction copied its label, block and attributes.
        let interactions = context.model.interactions
        // The help and the note name the passive end alone: one of each per participant,
        // shared by its findings (and the help of an end that cannot declare `idempotent`, by
        // every finding about its kind).
        var help = PerParticipant<FindingText>(context)
        var notes = PerParticipant<[Diagnostic.Note]>(context)
        for id in context.interactions(where: {
            RetryWithoutBackoff.retries(interactions[$0].attributes.retries) && interactions[$0].arrow != .fetch && !interactions[$0].attributes.idempotent
                && !participants[interactions[$0].to.rawValue].attributes.idempotent
        }) {
            let index = id.rawValue
            let passive = interactions[index].to
            let name = participants[passive.rawValue].name
            let declarable = context.canDeclare("idempotent", on: passive)
            let neither: FindingText = declarable ? "neither the interaction nor '\(name)' is idempotent" : "the interaction is not idempotent"
            findings.append(Finding(
                at: interactions[index].span,
                "'\(context.name(interactions[index].from))' retries \(context.operation(id)) at '\(name)', but \(neither): a retry after a lost reply performs it twice",
                notes: notes.value(for: passive) { [.note("'\(name)' is declared here", at: participants[passive.rawValue].span)] },
                help: declarable
                    ? help.value(for: passive) { "make the operation idempotent and declare it (idempotent on the interaction or on '\(name)'), or remove the retries" }
                    : Self.undeclarableHelp[participants[passive.rawValue].kind, default: Self.undeclarable(participants[passive.rawValue].kind)],
                fixes: AttributeFix.fix(adding: [.init("idempotent")], to: id, in: context,
                                        title: "declare the interaction idempotent")))
        }
        return findings
    }

    /// The help when the passive end cannot declare `idempotent`: it names its kind alone, so
    /// each kind's text is made once and shared by every finding (thousands of calls to stores).
    static let undeclarableHelp = Dictionary(uniqueKeysWithValues: ParticipantKind.allCases.map { ($0, undeclarable($0)) })

    static func undeclarable(_ kind: ParticipantKind) -> FindingText {
        "make the operation idempotent and declare it (idempotent on the interaction; a \(kind.rawValue) cannot declare it), or remove the retries"
    }
}
