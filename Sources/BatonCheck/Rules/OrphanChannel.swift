import BatonModel
import BatonSyntax

/// A channel that is written but never read, or read but never written.
public struct OrphanChannel: Rule {
    public init() {}
    public var descriptor: RuleDescriptor { Self.descriptor }

    public static let descriptor = RuleDescriptor(
        id: "orphan-channel",
        defaultSeverity: .warning,
        summary: "a channel is written but never read, or read but never written",
        rationale: """
            A channel decouples its writers from its readers, which also makes it easy to lose one \
            side: messages pile up in a queue nobody consumes (a dead-letter queue nobody watches is \
            the classic), or a consumer polls a queue nothing feeds. Either way the design shows a \
            flow that does not happen.
            """,
        details: """
            A channel is written when some interaction carries data into it (`X ->> Q`, `X -> Q`, \
            `X ~> Q`) or when it is some channel's `dlq`; it is read when data leaves it (`C <- Q`, or \
            a delivery it initiates). Fires at the declaration when exactly one of the two holds; a \
            channel with neither is `unused-participant`'s.
            """,
        triggering: [
            RuleExample("""
                queue   Fulfil [overflow=backpressure, dlq=FulfilDLQ]
                ↓queue   FulfilDLQ [ttl=336h]
                service Shop [timeout=1s]
                service Warehouse [idempotent]
                Shop ->> Fulfil : ShipOrder
                Warehouse <- Fulfil : ShipOrder [timeout=20s]
                """),
            RuleExample("""
                ↓queue   Orders [ttl=1h, delivery=at-most-once]
                service Billing
                Billing <- Orders : OrderPlaced [timeout=5s]
                """),
        ],
        nonTriggering: [
            RuleExample("""
                queue   Fulfil [overflow=backpressure, dlq=FulfilDLQ]
                queue   FulfilDLQ [ttl=336h]
                service Shop [timeout=1s]
                service Warehouse [idempotent]
                service Ops [idempotent]
                Shop ->> Fulfil : ShipOrder
                Warehouse <- Fulfil : ShipOrder [timeout=20s]
                Ops <- FulfilDLQ : failed order [timeout=5s]
                """),
        ])

    public func check(_ context: CheckContext, options: RuleOptionValues) -> [Finding] {
        let model = context.model
        var findings: [Finding] = []
        // The first participant naming each channel as its dead-letter queue, found in one pass.
        var deadLetterOwner: [ParticipantID?] = Array(repeating: nil, count: model.participants.count)
        for participant in model.participants {
            if let dlq = participant.attributes.dlq, deadLetterOwner.indices.contains(dlq.rawValue),
               deadLetterOwner[dlq.rawValue] == nil {
                deadLetterOwner[dlq.rawValue] = participant.id
            }
        }
        for channel in model.participants where channel.kind.isChannel {
            // Only the first write and the first read matter, and only whether there are any:
            // no sorted list of every interaction touching the channel is made.
            var firstWrite: InteractionID?
            var firstRead: InteractionID?
            for list in [context.initiated[channel.id.rawValue], context.received[channel.id.rawValue]] {
                for id in list {
                    // Fields are read in place: binding each interaction copied it whole.
                    let index = id.rawValue
                    let fetches = model.interactions[index].arrow == .fetch
                    let source = fetches ? model.interactions[index].to : model.interactions[index].from
                    let target = fetches ? model.interactions[index].from : model.interactions[index].to
                    if target == channel.id, firstWrite.map({ id < $0 }) ?? true { firstWrite = id }
                    if source == channel.id, firstRead.map({ id < $0 }) ?? true { firstRead = id }
                }
            }
            let isDeadLetter = context.isDeadLetterChannel[channel.id.rawValue]
            let written = firstWrite != nil || isDeadLetter
            let read = firstRead != nil
            guard written != read else { continue }
            if written {
                let how = firstWrite.map { "written by \(context.describe($0))" } ?? "a dead-letter queue"
                var notes: [Diagnostic.Note] = []
                if let first = firstWrite {
                    notes.append(.note("written here: \(context.describe(first))", at: model[first].span))
                } else if let ownerID = deadLetterOwner[channel.id.rawValue] {
                    let owner = model[ownerID]
                    notes.append(.note("'\(channel.name)' is the dead-letter queue of '\(owner.name)'", at: owner.attributes.spans["dlq"] ?? owner.span))
                }
                findings.append(Finding(
                    at: channel.span,
                    "\(channel.kind.rawValue) '\(channel.name)' is written (\(how)) but nobody reads it: its messages pile up unseen",
                    notes: notes,
                    help: "add the consumer that reads it ('Consumer <- \(channel.name)'), or remove the channel"))
            } else if let first = firstRead {
                findings.append(Finding(
                    at: channel.span,
                    "\(channel.kind.rawValue) '\(channel.name)' is read (\(context.describe(first))) but nothing writes to it",
                    notes: [.note("read here: \(context.describe(first))", at: model[first].span)],
                    help: "add the producer that writes to it ('Producer ->> \(channel.name)'), or remove the channel"))
            }
        }
        return findings
    }
}
