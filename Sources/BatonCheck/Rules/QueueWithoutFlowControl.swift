import BatonModel
import BatonSyntax

/// A queue or topic with neither `overflow` nor `ttl`.
public struct QueueWithoutFlowControl: Rule {
    public init() {}
    public var descriptor: RuleDescriptor { Self.descriptor }

    public static let descriptor = RuleDescriptor(
        id: "queue-without-flow-control",
        defaultSeverity: .warning,
        summary: "a `queue` or `topic` declares neither `overflow` nor `ttl`",
        rationale: """
            Queues invert control flow but require flow control. The sender and the receiver no longer \
            set each other's pace, so when consumers fall behind the queue grows — and "unbounded" \
            only means nobody set a limit. Without a policy for a full queue (back-pressure, dropping, \
            rejecting) or an expiry for stale messages, an outage turns into a backlog that takes \
            longer to drain than the outage lasted, full of work nobody wants any more.
            """,
        details: """
            Fires at the declaration of each `queue` and `topic` that has neither `overflow` nor \
            `ttl` (`capacity` alone is not flow control: it does not say what happens when full).
            """,
        triggering: [
            RuleExample("""
                ↓queue   EmailQ [capacity=unbounded, delivery=at-most-once]
                service Billing
                service Mailer
                Billing ->> EmailQ : SendInvoice
                Mailer <- EmailQ : SendInvoice [timeout=5s]
                """),
        ],
        nonTriggering: [
            RuleExample("""
                queue   EmailQ [overflow=backpressure, delivery=at-most-once]
                topic   Events [ttl=24h, delivery=at-most-once]
                service Billing
                service Mailer
                Billing ->> EmailQ : SendInvoice
                Mailer <- EmailQ : SendInvoice [timeout=5s]
                Billing ->> Events : InvoiceSent
                Mailer <- Events : InvoiceSent [timeout=5s]
                """),
        ])

    public func check(_ context: CheckContext, options: RuleOptionValues) -> [Finding] {
        var findings: [Finding] = []
        for channel in context.model.participants where channel.kind.isChannel {
            guard channel.attributes.overflow == nil, channel.attributes.ttl == nil else { continue }
            let capacity = channel.attributes.capacity.map { " (capacity=\($0) says how much it holds, not what happens when it is full)" } ?? ""
            findings.append(Finding(
                at: channel.span,
                "\(channel.kind.rawValue) '\(channel.name)' declares no flow control: neither overflow nor ttl\(capacity)",
                help: "declare what happens when consumers fall behind: overflow=backpressure|reject|drop-oldest|drop-newest, and/or a ttl for stale messages"))
        }
        return findings
    }
}
