import BatonModel
import BatonSyntax

/// An at-least-once channel with consumers but no dead-letter queue.
public struct MissingDeadLetter: Rule {
    public init() {}
    public var descriptor: RuleDescriptor { Self.descriptor }

    public static let descriptor = RuleDescriptor(
        id: "missing-dead-letter",
        defaultSeverity: .warning,
        summary: "an `at-least-once` channel with consumers has no `dlq`",
        rationale: """
            A channel that redelivers until a consumer succeeds needs somewhere to put the message \
            that never succeeds. Without a Dead Letter Channel a poison message is redelivered \
            forever, blocks ordered queues, burns consumer capacity and hides the failure; with one, \
            the failure becomes a visible, countable, replayable signal.
            """,
        details: """
            Fires at the declaration of each queue or topic that delivers at least once (the default), \
            has consumers (fetchers, or push deliveries) and declares no `dlq`. A channel that is \
            itself some channel's `dlq` is exempt.
            """,
        fixes: ["add `dlq=<Name>DLQ` to the channel and declare `queue <Name>DLQ` on the line after it (a free name: `<Name>DLQ2`, … when taken); who reads it is still yours to add"],
        triggering: [
            RuleExample("""
                ↓queue   EmailQ [overflow=backpressure]
                service Billing
                service Mailer [idempotent]
                Billing ->> EmailQ : SendInvoice
                Mailer <- EmailQ : SendInvoice [timeout=5s]
                """),
        ],
        nonTriggering: [
            RuleExample("""
                queue   EmailQ [overflow=backpressure, dlq=EmailDLQ]
                queue   EmailDLQ [ttl=336h]
                service Billing
                service Mailer [idempotent]
                service Ops [idempotent]
                Billing ->> EmailQ : SendInvoice
                Mailer <- EmailQ : SendInvoice [timeout=5s]
                Ops <- EmailDLQ : failed invoice [timeout=5s]
                """),
            RuleExample("""
                queue   Quotes [overflow=reject, delivery=at-most-once]
                service Pricing
                Pricing <- Quotes : PriceRequest [timeout=1s]
                """),
        ])

    public func check(_ context: CheckContext, options: RuleOptionValues) -> [Finding] {
        var findings: [Finding] = []
        for channel in context.model.participants where channel.kind.isChannel {
            guard channel.attributes.effectiveDelivery == .atLeastOnce, channel.attributes.dlq == nil,
                  !context.isDeadLetterChannel[channel.id.rawValue] else { continue }
            let consumers = context.consumptions(of: channel.id).map(context.consumer(of:))
            guard !consumers.isEmpty else { continue }
            var distinct: [ParticipantID] = []
            var seen = Set<ParticipantID>()
            for consumer in consumers where seen.insert(consumer).inserted { distinct.append(consumer) }
            findings.append(Finding(
                at: channel.span,
                "\(channel.kind.rawValue) '\(channel.name)' delivers at least once to \(context.names(distinct)) but has no dead-letter queue: a message that always fails is redelivered forever",
                help: "declare a dead-letter queue (dlq=\(channel.name)DLQ, with max-receives=N) and somebody who reads it",
                fixes: Self.fix(channel.id, context)))
        }
        return findings
    }

    /// `dlq=NameDLQ` on the channel and `queue NameDLQ` on the next line, aligned as `baton fmt`
    /// aligns a run of declarations (a channel that was alone in its run joins one, so its
    /// kind is padded too).
    static func fix(_ channel: ParticipantID, _ context: CheckContext) -> [Fix] {
        guard let source = context.fixSource else { return [] }
        let participant = context.model[channel]
        var name = participant.name + "DLQ"
        var suffix = 2
        while source.isDeclared(name) {
            name = participant.name + "DLQ\(suffix)"
            suffix += 1
        }
        let file = participant.span.file
        var edits = Array(AttributeFix.edits(adding: [.init("dlq", name)], to: channel, in: context))
        let kindWidth = ParticipantKind.allCases.map(\.rawValue.count).max() ?? 0
        let keyword = ParticipantKind.queue.rawValue
        let declaration = source.indentation(at: participant.span.start, in: file) + keyword
            + String(repeating: " ", count: max(1, kindWidth + 1 - keyword.count)) + name
        let next = source.nextLineStart(after: participant.span.end, in: file)
        let line = next.needsBreak ? "\n" + declaration : declaration + "\n"
        if let (syntax, run) = source.declaration(participant.span), run.count == 1 {
            let kind = syntax.kind.rawValue
            let gap = Span(file: file, start: syntax.kindSpan.end, end: syntax.name.span.start)
            edits.append(TextEdit(gap, String(repeating: " ", count: max(1, kindWidth + 1 - kind.count))))
        }
        // The list and the new line both go at the very end of a file without a final newline.
        if let index = edits.firstIndex(where: { $0.span.isEmpty && $0.span.start == next.offset }) {
            edits[index].replacement += line
        } else {
            edits.append(.insert(line, at: next.offset, in: file))
        }
        return [Fix("add dlq=\(name) and declare the queue \(name)", safety: .unsafe, edits: edits)]
    }
}
