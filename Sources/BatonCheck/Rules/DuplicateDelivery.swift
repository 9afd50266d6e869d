import BatonModel
import BatonSyntax

/// An at-least-once channel delivers to a consumer whose operation is not idempotent.
public struct DuplicateDelivery: Rule {
    public init() {}
    public var descriptor: RuleDescriptor { Self.descriptor }

    public static let descriptor = RuleDescriptor(
        id: "duplicate-delivery",
        defaultSeverity: .warning,
        summary: "an `at-least-once` channel delivers to a consumer whose operation is not idempotent",
        rationale: """
            At-least-once delivery (the default of real brokers, and of Baton channels) means a \
            message can arrive again: after a consumer crash, a lost acknowledgement or a visibility \
            timeout. A consumer that is not an Idempotent Receiver processes the duplicate as new \
            work — the order ships twice, the invoice is mailed twice.
            """,
        details: """
            Channels deliver at least once unless they declare `delivery`. The consumers of a channel \
            are the participants that fetch from it (`C <- Q`) and, for a `push` channel, the \
            passive ends of its deliveries (`Q ->> C`, `Q -> C`, `Q ~> C`). A consumer's operation is \
            idempotent when the consuming interaction declares `idempotent` or the consumer does \
            (a driver, store, queue or topic cannot declare it, so mark its interaction). Fires at \
            each consuming interaction that is not, with a note at the channel.
            """,
        fixes: ["declare the consuming interaction `idempotent` (only right when handling a message twice is harmless)"],
        triggering: [
            RuleExample("""
                queue   Fulfil [overflow=backpressure, dlq=FulfilDLQ]
                queue   FulfilDLQ [ttl=336h]
                service Shop [timeout=1s]
                service Warehouse
                service Ops [idempotent]
                Shop ->> Fulfil : ShipOrder
                ↓Warehouse <- Fulfil : ShipOrder [timeout=20s]
                Ops <- FulfilDLQ : failed [timeout=5s]
                """),
            RuleExample("""
                topic   Events [push, ttl=1h, dlq=EventsDLQ]
                queue   EventsDLQ [ttl=336h]
                service Mailer [concurrency=2]
                service Ops [idempotent]
                ↓Events ->> Mailer : SendInvoice
                Ops <- EventsDLQ : failed [timeout=5s]
                """),
            RuleExample("""
                queue   Uploads [ttl=1h, dlq=UploadsDLQ]
                queue   UploadsDLQ [ttl=336h, delivery=at-most-once]
                service Ops
                driver  Pump [interval=1s]
                ↓Pump <- Uploads : upload recorded [timeout=20s]
                Ops <- UploadsDLQ : failed [timeout=5s]
                """),
        ],
        nonTriggering: [
            RuleExample("""
                queue   Fulfil [overflow=backpressure, dlq=FulfilDLQ]
                queue   FulfilDLQ [ttl=336h]
                service Warehouse
                service Packer [idempotent]
                service Ops [idempotent]
                Warehouse <- Fulfil : ShipOrder [timeout=20s, idempotent]
                Packer <- Fulfil : ShipOrder [timeout=20s]
                Ops <- FulfilDLQ : failed [timeout=5s]
                """),
            RuleExample("""
                queue   Quotes [delivery=at-most-once, ttl=30s]
                service Pricing
                Pricing <- Quotes : PriceRequest [timeout=1s]
                """),
        ])

    public func check(_ context: CheckContext, options: RuleOptionValues) -> [Finding] {
        let model = context.model
        var findings: [Finding] = []
        // The help names the consumer alone: one text per consumer, shared by its findings.
        var help = PerParticipant<FindingText>(context)
        for channel in model.participants where channel.kind.isChannel && channel.attributes.effectiveDelivery == .atLeastOnce {
            // The channel's note, made once for all of its findings, in one array they share.
            var notes: [Diagnostic.Note]?
            for id in context.consumptions(of: channel.id) {
                // Read in place first: only the consumers that fire are copied.
                guard !model.interactions[id.rawValue].attributes.idempotent,
                      !model.participants[context.consumer(of: id).rawValue].attributes.idempotent else { continue }
                let consumer = model[context.consumer(of: id)]
                let channelNotes = notes ?? [.note("'\(channel.name)' is declared here (delivery=\(channel.attributes.effectiveDelivery.rawValue)\(channel.attributes.delivery == nil ? " by default" : ""))", at: channel.span)]
                notes = channelNotes
                findings.append(Finding(
                    at: model.interactions[id.rawValue].span,
                    "'\(channel.name)' delivers at least once, but '\(consumer.name)' handles \(context.operation(id)) without being idempotent: a redelivered message is processed twice",
                    notes: channelNotes,
                    help: help.value(for: consumer.id) {
                        let declare = context.canDeclare("idempotent", on: consumer.id)
                            ? "idempotent on the interaction or on '\(consumer.name)'"
                            : "idempotent on the interaction; a \(consumer.kind.rawValue) cannot declare it"
                        return "make '\(consumer.name)' an idempotent receiver and declare it (\(declare)), or deduplicate by message id"
                    },
                    fixes: AttributeFix.fix(adding: [.init("idempotent")], to: id, in: context,
                                            title: "declare the interaction idempotent")))
            }
        }
        findings.sort { $0.span.start < $1.span.start }
        return findings
    }
}
