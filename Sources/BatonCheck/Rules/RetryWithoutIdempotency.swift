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
        for id in context.interactions(where: { $0.attributes.retriesAtAll }) {
            let interaction = context.model[id]
            let passive = context.model[interaction.to]
            guard interaction.arrow != .fetch, !interaction.attributes.idempotent, !passive.attributes.idempotent else { continue }
            let declarable = context.canDeclare("idempotent", on: passive.id)
            let neither = declarable ? "neither the interaction nor '\(passive.name)' is idempotent" : "the interaction is not idempotent"
            let declare = declarable
                ? "idempotent on the interaction or on '\(passive.name)'"
                : "idempotent on the interaction; a \(passive.kind.rawValue) cannot declare it"
            findings.append(Finding(
                at: interaction.span,
                "'\(context.name(interaction.from))' retries \(context.operation(interaction.id)) at '\(passive.name)', but \(neither): a retry after a lost reply performs it twice",
                notes: [.init("'\(passive.name)' is declared here", at: passive.span)],
                help: "make the operation idempotent and declare it (\(declare)), or remove the retries",
                fixes: AttributeFix.fix(adding: [.init("idempotent")], to: id, in: context,
                                        title: "declare the interaction idempotent")))
        }
        return findings
    }
}
