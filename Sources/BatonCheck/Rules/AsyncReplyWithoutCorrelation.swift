import BatonModel
import BatonSyntax

/// A reply to an async request where neither request nor reply declares a correlation id.
public struct AsyncReplyWithoutCorrelation: Rule {
    public init() {}
    public var descriptor: RuleDescriptor { Self.descriptor }

    public static let descriptor = RuleDescriptor(
        id: "async-reply-without-correlation",
        defaultSeverity: .warning,
        summary: "a reply to an asynchronous request carries no correlation identifier",
        rationale: """
            An asynchronous requester does not wait on a call stack, so when a reply arrives nothing \
            ties it to the request that caused it. With several requests in flight (or several \
            requester instances) replies come back in any order; without a Correlation Identifier \
            the requester cannot tell which request a reply answers.
            """,
        details: """
            A request is `A ->> B` or `A ~> B`. A reply is a step in the request's block in which B \
            sends (`->>` or `~>`) directly to A, or to the request's `reply-to` channel; a sync call \
            back (`B -> A`) is a new request, not a reply. Fires \
            at the reply when neither the request nor the reply declares `correlation`, with a note at \
            the request.
            """,
        triggering: [
            RuleExample("""
                service Quotes
                service Inventory
                Quotes ->> Inventory : StockCheck {
                  ↓Inventory ->> Quotes : StockLevel
                }
                """),
            RuleExample("""
                service Quotes
                queue   Replies [delivery=at-most-once, ttl=30s]
                service Pricing
                Quotes ->> Pricing : PriceRequest [reply-to=Replies] {
                  ↓Pricing ->> Replies : PriceQuote
                }
                Quotes <- Replies : PriceQuote [timeout=5s]
                """),
        ],
        nonTriggering: [
            RuleExample("""
                service Quotes
                queue   Replies [delivery=at-most-once, ttl=30s]
                service Pricing
                service Inventory
                Quotes ->> Pricing : PriceRequest [reply-to=Replies, correlation=quoteId] {
                  Pricing ->> Replies : PriceQuote
                }
                Quotes ->> Inventory : StockCheck {
                  Inventory ->> Quotes : StockLevel [correlation=checkId]
                }
                Quotes <- Replies : PriceQuote [timeout=5s]
                """),
            RuleExample("""
                service Quotes [timeout=1s]
                service Inventory
                Quotes ->> Inventory : StockCheck {
                  Inventory -> Quotes : lookupCustomer
                }
                """),
        ])

    public func check(_ context: CheckContext, options: RuleOptionValues) -> [Finding] {
        let model = context.model
        var findings: [Finding] = []
        // Fields are read in place: binding each interaction copied its label, block and attributes.
        let interactions = model.interactions
        for id in context.interactions(where: { (interactions[$0].arrow == .send || interactions[$0].arrow == .callback) && interactions[$0].block != nil && interactions[$0].attributes.correlation == nil }) {
            let request = id.rawValue
            guard let block = interactions[request].block else { continue }
            var replies: [InteractionID] = []
            // The steps directly in the block, through fragments: nested blocks hold new requests.
            model.forEachInteraction(in: block, enteringBlocks: false) { replies.append($0) }
            let requester = interactions[request].from
            let replyTo = interactions[request].attributes.replyTo
            for reply in replies {
                let index = reply.rawValue
                let to = interactions[index].to
                guard interactions[index].from == interactions[request].to,
                      interactions[index].arrow == .send || interactions[index].arrow == .callback,
                      interactions[index].attributes.correlation == nil,
                      to == requester || (replyTo != nil && to == replyTo)
                else { continue }
                let a = context.name(requester)
                let b = context.name(interactions[request].to)
                let route = to == requester ? "directly" : "through the reply-to channel '\(context.name(to))'"
                findings.append(Finding(
                    at: interactions[index].span,
                    "'\(b)' replies to \(context.operation(id)) from '\(a)' \(route), but neither the request nor the reply declares a correlation identifier",
                    notes: [.note("the request: \(context.describe(id))", at: interactions[request].span)],
                    help: "carry a correlation identifier: correlation=<id> on the request or on the reply"))
            }
        }
        return findings
    }
}
