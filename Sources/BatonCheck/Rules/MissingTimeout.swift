import BatonModel
import BatonSyntax

/// A sync interaction with no timeout on it or on its passive end.
public struct MissingTimeout: Rule {
    public init() {}
    public var descriptor: RuleDescriptor { Self.descriptor }

    public static let descriptor = RuleDescriptor(
        id: "missing-timeout",
        defaultSeverity: .warning,
        summary: "a synchronous interaction has no timeout, on it or on its passive end",
        rationale: """
            A caller that waits without a timeout waits as long as the slowest failure mode of the \
            callee: a hung connection holds its thread, its caller's thread, and so on up the chain. \
            The timeout is the first failure-handling tool of any synchronous call, and the number \
            every other budget (retries, latency, the enclosing call's own timeout) is computed from.
            """,
        details: """
            Fires for each `->` and `<-` that has no `timeout` and whose passive end declares no \
            `timeout` either. Points at the interaction.
            """,
        fixes: ["add `timeout=` to the interaction: one and a half times what one attempt waits for (its `latency`, else its passive end's, plus the worst-case wait of its block), rounded up to a readable duration such as `600ms` or `1500ms`, `1s` when nothing it waits for has a known duration; inside the block of a caller with a timeout, at most this call's share of that budget (what the rest of the block leaves, divided by its attempts, rounded down), so the fix does not start a `timeout-inversion`"],
        triggering: [
            RuleExample("""
                client  Analyst
                service Reports [latency=400ms]
                ↓Analyst -> Reports : daily report
                """),
            RuleExample("""
                service Reports [timeout=2s]
                store   Warehouse
                ↓Reports <- Warehouse : totals
                """),
        ],
        nonTriggering: [
            RuleExample("""
                client  Analyst
                service Reports [timeout=2s]
                store   Warehouse
                Analyst -> Reports : daily report {
                  Reports <- Warehouse : totals [timeout=500ms]
                }
                """),
        ])

    public func check(_ context: CheckContext, options: RuleOptionValues) -> [Finding] {
        var findings: [Finding] = []
        let model = context.model
        // Fields are read in place (`interactions[index].from`): binding each interaction to a
        // constant, or handing it to a function (`WorstCaseWaits.timeout`), copied its label,
        // block and attributes.
        let interactions = model.interactions
        // The help names the passive end alone: one text per participant, shared by its findings.
        var help = PerParticipant<FindingText>(context)
        // The fix's title ("add timeout=1s") made once per suggested duration, of which a design
        // has few: made for every finding, it was a sixth of the rule's time.
        var titles: [String: String] = [:]
        for id in context.interactions(where: {
            interactions[$0].arrow.isSynchronous && interactions[$0].attributes.timeout == nil && model.participants[interactions[$0].to.rawValue].attributes.timeout == nil
        }) {
            let index = id.rawValue
            let passive = interactions[index].to
            let from = context.name(interactions[index].from)
            let to = context.name(passive)
            let verb = interactions[index].arrow == .fetch ? "fetches from" : "calls"
            let timeout = Self.suggestedTimeout(id, context).text
            let add: [AttributeFix.Attribute] = [.init("timeout", timeout)]
            let title: String
            if let made = titles[timeout] {
                title = made
            } else {
                title = AttributeFix.title(add)
                titles[timeout] = title
            }
            findings.append(Finding(
                at: interactions[index].span,
                "'\(from)' \(verb) '\(to)' synchronously without a timeout: it waits as long as '\(to)' takes, or forever",
                help: help.value(for: passive) {
                    context.canDeclare("timeout", on: passive)
                        ? "add [timeout=...] to the interaction, or declare a default timeout on '\(to)'"
                        : "add [timeout=...] to the interaction"
                },
                fixes: AttributeFix.fix(adding: add, to: id, in: context, title: title)))
        }
        return findings
    }

    /// What a fix proposes when nothing the interaction waits for has a known duration.
    static let defaultTimeout = 1.0

    /// The timeout a fix proposes: one and a half times the wait of one attempt (a typical
    /// latency is not a worst case, so it gets headroom), rounded up to a readable duration.
    /// It is at least the block's worst-case wait, so it does not start a `timeout-inversion`
    /// inside; and when the call sits in the block of a caller with a timeout, it is at most
    /// this call's share of that budget — what the rest of the block leaves, divided by its
    /// attempts, rounded down — so it does not start one outside either (when the budget
    /// leaves that much room).
    static func suggestedTimeout(_ id: InteractionID, _ context: CheckContext) -> (seconds: Double, text: String) {
        let model = context.model
        let interactions = model.interactions
        let index = id.rawValue
        let latency = interactions[index].attributes.latency ?? model.participants[interactions[index].to.rawValue].attributes.latency ?? 0
        let wait = latency + context.waits.cost(of: interactions[index].block ?? [], in: model)
        let derived = wait > 0 && wait.isFinite ? ReadableDuration.roundingUp(wait * 1.5) : ReadableDuration.roundingUp(defaultTimeout)
        let attempts = interactions[index].attributes.attempts
        guard let parentID = interactions[index].parent, attempts.isFinite,
              let budget = context.timeout(of: parentID) else { return derived }
        let others = context.waits.cost(of: interactions[parentID.rawValue].block ?? [], in: model) - (context.waits[id] ?? 0)
        let share = (budget - others) / attempts
        guard share.isFinite, share >= wait, share < derived.seconds,
              let fitted = ReadableDuration.roundingDown(share), fitted.seconds >= wait else { return derived }
        return fitted
    }
}
