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
        // Only requests with a block and no correlation are copied out of the model.
        for id in context.interactions(where: { ($0.arrow == .send || $0.arrow == .callback) && $0.block != nil && $0.attributes.correlation == nil }) {
            let request = context.model[id]
            guard let block = request.block else { continue }
            var replies: [InteractionID] = []
            // The steps directly in the block, through fragments: nested blocks hold new requests.
            model.forEachInteraction(in: block, enteringBlocks: false) { replies.append($0) }
            for id in replies {
                let reply = model[id]
                guard reply.from == request.to, reply.arrow == .send || reply.arrow == .callback, reply.attributes.correlation == nil,
                      reply.to == request.from || (request.attributes.replyTo != nil && reply.to == request.attributes.replyTo)
                else { continue }
                let a = context.name(request.from)
                let b = context.name(request.to)
                let route = reply.to == request.from ? "directly" : "through the reply-to channel '\(context.name(reply.to))'"
                findings.append(Finding(
                    at: reply.span,
                    "'\(b)' replies to \(context.operation(request.id)) from '\(a)' \(route), but neither the request nor the reply declares a correlation identifier",
                    notes: [.init("the request: \(context.describe(request.id))", at: request.span)],
                    help: "carry a correlation identifier: correlation=<id> on the request or on the reply"))
            }
        }
        return findings
    }
}
