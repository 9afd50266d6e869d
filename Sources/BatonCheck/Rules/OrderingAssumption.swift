import BatonModel
import BatonSyntax

/// An `ordered` consumption from a channel that does not keep order for it.
public struct OrderingAssumption: Rule {
    public init() {}
    public var descriptor: RuleDescriptor { Self.descriptor }

    public static let descriptor = RuleDescriptor(
        id: "ordering-assumption",
        defaultSeverity: .warning,
        summary: "an `ordered` consumer reads from a channel that does not keep order for it",
        rationale: """
            Message endpoints prefer in-order delivery, but messages don't. An unordered channel \
            reorders by design; a push subscription delivers through parallel workers; competing \
            consumers on one queue each see an arbitrary subset, so no single one of them sees the \
            sequence. A consumer that relies on order there works in testing and fails under load.
            """,
        details: """
            Fires at each interaction that declares `ordered` and consumes from a channel — a fetch \
            from it, or a delivery by a push channel — when the channel is `unordered` (the default), \
            or is a `push` channel, or has competing consumers. A `queue` gives each message to one \
            consumer, so all its consumptions compete, whoever makes them. A `topic` gives each \
            subscriber its own copy: different participants reading one topic do not compete, but \
            one participant consuming it in several places shares one subscription between them, \
            and those do. The message gives every reason that applies, and notes point at the \
            competing consumptions (the first 10, when there are more).
            """,
        triggering: [
            RuleExample("""
                topic   Renditions [push, order=per-key, overflow=drop-oldest, delivery=at-most-once]
                service Indexer [idempotent, concurrency=10]
                ↓Renditions ->> Indexer : RenditionReady [ordered]
                """),
            RuleExample("""
                queue   Audit [order=fifo, ttl=1h, delivery=at-most-once]
                service WriterA
                service WriterB
                ↓WriterA <- Audit : record [ordered, timeout=5s]
                WriterB <- Audit : record [timeout=5s]
                """),
            RuleExample("""
                queue   Audit [ttl=1h, delivery=at-most-once]
                service Writer
                ↓Writer <- Audit : record [ordered, timeout=5s]
                """),
            RuleExample("""
                topic   Prices [order=per-key, ttl=1h, delivery=at-most-once]
                service Pricing
                service Reports
                ↓Pricing <- Prices : price changed [ordered, timeout=5s]
                Pricing <- Prices : price changed [timeout=5s]
                Reports <- Prices : price changed [ordered, timeout=5s]
                """),
        ],
        nonTriggering: [
            RuleExample("""
                queue   Audit [order=fifo, ttl=1h, delivery=at-most-once]
                topic   Events [order=per-key, ttl=1h, delivery=at-most-once]
                service Writer
                Writer <- Audit : record [ordered, timeout=5s]
                Writer <- Events : event [ordered, timeout=5s]
                """),
            RuleExample("""
                topic   Prices [order=per-key, ttl=1h, delivery=at-most-once]
                service Pricing
                service Reports
                Pricing <- Prices : price changed [ordered, timeout=5s]
                Reports <- Prices : price changed [ordered, timeout=5s]
                """),
        ])

    public func check(_ context: CheckContext, options: RuleOptionValues) -> [Finding] {
        let model = context.model
        var findings: [Finding] = []
        for channel in model.participants {
            guard case .channel(let distribution) = channel.kind.role else { continue }
            let consumptions = context.consumptions(of: channel.id)
            guard consumptions.contains(where: { model.interactions[$0.rawValue].attributes.ordered }) else { continue }
            // A queue's consumptions all compete; a topic's only within one subscriber.
            let pointToPoint = distribution == .pointToPoint
            var bySubscriber: [ParticipantID: [InteractionID]] = [:]
            var queueConsumers: [ParticipantID] = []
            for id in consumptions {
                let consumer = context.consumer(of: id)
                if bySubscriber[consumer] == nil { queueConsumers.append(consumer) }
                bySubscriber[consumer, default: []].append(id)
            }
            for id in consumptions where model.interactions[id.rawValue].attributes.ordered {
                let consumer = context.consumer(of: id)
                var reasons: [String] = []
                if channel.attributes.effectiveOrder == .unordered {
                    reasons.append("'\(channel.name)' is unordered\(channel.attributes.order == nil ? " (the default)" : "")")
                }
                if channel.attributes.push {
                    reasons.append("'\(channel.name)' pushes through parallel deliveries")
                }
                var notes: [Diagnostic.Note] = [.note("'\(channel.name)' is declared here", at: channel.span)]
                // The consumptions sharing the messages with this one, this one included.
                let sharing = pointToPoint ? consumptions : bySubscriber[consumer] ?? [id]
                if sharing.count > 1 {
                    let consumers = pointToPoint ? queueConsumers : [consumer]
                    if consumers.count > 1 {
                        reasons.append("\(English.plural(consumers.count, "consumer")) compete for its messages (\(context.names(consumers)))")
                    } else {
                        let subscription = !pointToPoint ? ", which share one subscription and compete for its messages" : ", which compete for its messages"
                        reasons.append("'\(context.name(consumer))' consumes it in \(sharing.count) places\(subscription)")
                    }
                    // Built from the first few only: every ordered consumption of a busy queue
                    // has all the others as competitors.
                    let limit = Describe.listLimit
                    for other in sharing.lazy.filter({ $0 != id }).prefix(limit) {
                        notes.append(.note("a competing consumer: \(context.describe(other))", at: model[other].span))
                    }
                    if sharing.count - 1 > limit {
                        notes.append(.note("and \(sharing.count - 1 - limit) more competing consumers"))
                    }
                }
                guard !reasons.isEmpty else { continue }
                let name = context.name(consumer)
                findings.append(Finding(
                    at: model[id].span,
                    "'\(name)' relies on receiving \(context.operation(id)) in order, but \(Describe.list(reasons))",
                    notes: notes,
                    help: "make '\(name)' tolerate reordering (sequence numbers, idempotent upserts), or consume with a single fetcher from a channel declared order=fifo or order=per-key"))
            }
        }
        findings.sort { $0.span.start < $1.span.start }
        return findings
    }
}
