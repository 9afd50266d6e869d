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
        for id in context.interactions(where: {
            RetryWithoutBackoff.retries(interactions[$0].attributes.retries) && interactions[$0].arrow != .fetch && !interactions[$0].attributes.idempotent
                && !participants[interactions[$0].to.rawValue].attributes.idempotent
        }) {
            let index = id.rawValue
            let passive = interactions[index].to
            let name = participants[passive.rawValue].name
            let declarable = context.canDeclare("idempotent", on: passive)
            let neither = declarable ? "neither the interaction nor '\(name)' is idempotent" : "the interaction is not idempotent"
            let declare = declarable
                ? "idempotent on the interaction or on '\(name)'"
                : "idempotent on the interaction; a \(participants[passive.rawValue].kind.rawValue) cannot declare it"
            findings.append(Finding(
                at: interactions[index].span,
                "'\(context.name(interactions[index].from))' retries \(context.operation(id)) at '\(name)', but \(neither): a retry after a lost reply performs it twice",
                notes: [.note("'\(name)' is declared here", at: participants[passive.rawValue].span)],
                help: "make the operation idempotent and declare it (\(declare)), or remove the retries",
                fixes: AttributeFix.fix(adding: [.init("idempotent")], to: id, in: context,
                                        title: "declare the interaction idempotent")))
        }
        return findings
    }
}
