import BatonModel
import BatonSyntax

/// The steps in a sync interaction's block can take longer than its timeout allows.
public struct TimeoutInversion: Rule {
    public init() {}
    public var descriptor: RuleDescriptor { Self.descriptor }

    public static let descriptor = RuleDescriptor(
        id: "timeout-inversion",
        defaultSeverity: .warning,
        summary: "the synchronous steps in a call's block can wait longer than the call's timeout",
        rationale: """
            Timeouts must shrink from the outside in. When what a call waits for (its nested calls, \
            one after the other, with their retries) may take longer than its caller is willing to \
            wait, the caller gives up while the work goes on: the late answer is thrown away, the \
            calls below keep loading the system for a request nobody waits for any more, and the \
            caller's own retry starts the whole tree again.
            """,
        details: """
            For each sync interaction with a timeout (its own `timeout`, else its passive end's), \
            compares that timeout with the worst-case wait of its whole block, as for `latency-budget`: \
            sequential steps add up, `par` and `alt` take their slowest branch, `loop` multiplies by \
            `times`, and each nested sync interaction counts attempts × its timeout when it has one, \
            else attempts × (latency + its own block); async steps cost nothing. The timeout bounds \
            one attempt, so the enclosing call's retries do not count, and its passive end's \
            `latency` (a typical figure, not a worst case) is not added. Fires once per enclosing \
            call, at the nested interaction where the running wait first passes the timeout, with a \
            note at the enclosing call; nothing fires when the enclosing call has no timeout (that \
            is `missing-timeout`).
            """,
        triggering: [
            RuleExample("""
                client  Browser
                service Storefront
                service Checkout [timeout=2s, idempotent]
                Browser -> Storefront : POST /checkout [timeout=3s] {
                  ↓Storefront -> Checkout : placeOrder [retries=1, backoff=exponential, jitter]
                }
                """),
            RuleExample("""
                client  Web
                service Orders
                service Stock    [timeout=600ms]
                service Payments [timeout=600ms]
                service Mail     [timeout=600ms]
                Web -> Orders : place order [timeout=1s] {
                  Orders -> Stock : reserve
                  ↓Orders -> Payments : charge
                  Orders -> Mail : confirm
                }
                """),
            RuleExample("""
                client  Web
                service Cart
                store   Prices [timeout=100ms]
                Web -> Cart : view cart [timeout=1s] {
                  loop "each line" [times=20] {
                    ↓Cart <- Prices : price
                  }
                }
                """),
            RuleExample("""
                service Search  [timeout=3s]
                service Ranking [latency=4s]
                service Gateway
                Gateway -> Search : query {
                  opt "personalised" {
                    ↓Search -> Ranking : rank hits
                  }
                }
                """),
        ],
        nonTriggering: [
            RuleExample("""
                client  Browser
                service Storefront
                service Checkout [timeout=1s, idempotent]
                Browser -> Storefront : POST /checkout [timeout=3s] {
                  Storefront -> Checkout : placeOrder [retries=1, backoff=exponential, jitter]
                }
                """),
            RuleExample("""
                client  Web
                service Orders
                service Stock    [timeout=600ms]
                service Payments [timeout=600ms]
                Web -> Orders : place order [timeout=1s] {
                  par {
                    Orders -> Stock : reserve
                  } and {
                    Orders -> Payments : charge
                  }
                }
                """),
            RuleExample("""
                client  Browser
                service Storefront
                service Checkout [timeout=5s]
                Browser -> Storefront : POST /checkout {
                  Storefront -> Checkout : placeOrder
                }
                """),
        ])

    public func check(_ context: CheckContext, options: RuleOptionValues) -> [Finding] {
        let model = context.model
        var findings: [Finding] = []
        let interactions = model.interactions
        for parent in context.interactions(where: { interactions[$0].arrow.isSynchronous && interactions[$0].block != nil }) {
            // The timeout's text is made only for a finding: most blocks fit their timeout.
            guard let limit = context.timeout(of: parent), let block = model[parent].block else { continue }
            let total = context.waits.cost(of: block, in: model)
            guard Describe.exceeds(total, limit) else { continue }
            let crossing = Self.crossing(in: block, after: 0, limit: limit, context)
                ?? Self.lastWaiting(in: block, context).map { ($0, 0.0) }
            guard let (nested, before) = crossing, let limitText = context.describeTimeout(parent) else { continue }
            let caller = context.name(model[parent].from)
            let parentText = context.describe(parent)
            let earlier: FindingText = before > 0 ? " after \(Describe.duration(before)) of earlier steps" : ""
            findings.append(Finding(
                at: model[nested].span,
                "worst-case wait \(Describe.duration(total)) of the block of '\(parentText)' exceeds its timeout \(limitText): '\(context.describe(nested))' waits \(context.explainWait(nested))\(earlier)",
                notes: [.note("'\(caller)' gives up after \(limitText) here: \(parentText)", at: model[parent].span)],
                help: "shorten the timeouts or retries of the steps in this block, run independent calls in `par`, or give the enclosing call a timeout longer than everything it waits for"))
        }
        return findings
    }

    /// The sync interaction at which the running worst-case wait of `steps`, starting from
    /// `elapsed`, first exceeds `limit`, with the wait before it. Loops are entered at the
    /// iteration that crosses; `alt` and `par` at their slowest branch.
    ///
    /// Its own recursion rather than `Model.walk`: it enters one branch of a fragment (the
    /// slowest, or a loop's crossing iteration), with a running sum that each kind of fragment
    /// advances differently, and stops at the first crossing.
    static func crossing(in steps: [Step], after elapsed: Double, limit: Double,
                         _ context: CheckContext) -> (InteractionID, Double)? {
        var elapsed = elapsed
        for step in steps {
            switch step {
            case .interaction(let id):
                let wait = context.waits[id] ?? 0
                if Describe.exceeds(elapsed + wait, limit) { return (id, elapsed) }
                elapsed += wait
            case .fragment(let fragment):
                let costs = fragment.branches.map { context.waits.cost(of: $0.steps, in: context.model) }
                guard let slowest = costs.indices.max(by: { costs[$0] < costs[$1] }) else { continue }
                let cost = costs[slowest]
                if fragment.kind == .loop {
                    let times = Double(fragment.times)
                    if cost > 0, Describe.exceeds(elapsed + times * cost, limit) {
                        // The first iteration that does not fit (the next one too, in case
                        // rounding put the division a hair short).
                        let fitting = ((limit - elapsed) / cost).rounded(.down)
                        let first = min(max(fitting, 0), times - 1)
                        for iteration in [first, first + 1] where iteration < times {
                            if let found = crossing(in: fragment.branches[0].steps, after: elapsed + iteration * cost,
                                                    limit: limit, context) {
                                return found
                            }
                        }
                        return nil
                    }
                    elapsed += times * cost
                } else {
                    if Describe.exceeds(elapsed + cost, limit) {
                        return crossing(in: fragment.branches[slowest].steps, after: elapsed, limit: limit, context)
                    }
                    elapsed += cost
                }
            case .note:
                break
            }
        }
        return nil
    }

    /// The last sync interaction with a wait in `steps` (through fragments), for the rare case
    /// where rounding hides the crossing.
    static func lastWaiting(in steps: [Step], _ context: CheckContext) -> InteractionID? {
        var last: InteractionID?
        context.model.forEachInteraction(in: steps, enteringBlocks: false) { id in
            if (context.waits[id] ?? 0) > 0 { last = id }
        }
        return last
    }
}
