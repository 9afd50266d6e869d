import BatonModel
import BatonSyntax

/// Push delivery into a consumer that declares neither `concurrency` nor `rate-limit`.
public struct PushWithoutFlowControl: Rule {
    public init() {}
    public var descriptor: RuleDescriptor { Self.descriptor }

    public static let descriptor = RuleDescriptor(
        id: "push-without-flow-control",
        defaultSeverity: .warning,
        summary: "a push channel or a driver delivers into a consumer that declares neither `concurrency` nor `rate-limit`",
        rationale: """
            A polling consumer sets its own pace; a consumer that is pushed to does not. When a push \
            subscription or a driver holds the baton, the consumer is only safe if the pusher knows \
            how much it can take — a concurrency limit or a rate limit — otherwise a backlog is \
            delivered as fast as the broker can, and the consumer falls over exactly when the queue \
            was supposed to protect it.
            """,
        details: """
            Push deliveries are the interactions initiated by a `push` queue or topic, and those \
            initiated by a `driver` into another participant (`D -> C`, `D ->> C`, `D ~> C`). Fires \
            when the consumer is a service or external that declares neither `concurrency` nor \
            `rate-limit` (other kinds cannot declare them). Reported at each such delivery, with a \
            note at the consumer's declaration (where the fix goes).
            """,
        triggering: [
            RuleExample("""
                topic   Renditions [push, overflow=drop-oldest, delivery=at-most-once]
                service CdnPurger [idempotent]
                ↓Renditions ->> CdnPurger : RenditionReady
                ↓Renditions ->> CdnPurger : RenditionDeleted
                """),
            RuleExample("""
                driver  Pump [interval=500ms, batch=10]
                queue   AuditLog [ttl=24h, delivery=at-most-once]
                service AuditWriter [timeout=5s]
                Pump <- AuditLog : UploadRecorded [timeout=20s]
                ↓Pump -> AuditWriter : write batch
                """),
        ],
        nonTriggering: [
            RuleExample("""
                topic   Renditions [push, overflow=drop-oldest, delivery=at-most-once]
                service Indexer [idempotent, concurrency=10]
                driver  Pump [interval=500ms, batch=10]
                queue   AuditLog [ttl=24h, delivery=at-most-once]
                service AuditWriter [timeout=5s, rate-limit=100/s]
                Renditions ->> Indexer : RenditionReady
                Pump <- AuditLog : UploadRecorded [timeout=20s]
                Pump -> AuditWriter : write batch
                """),
        ])

    public func check(_ context: CheckContext, options: RuleOptionValues) -> [Finding] {
        let model = context.model
        var findings: [Finding] = []
        // Whether nothing bounds how fast the participant is pushed to.
        func unbounded(_ id: ParticipantID) -> Bool {
            let consumer = model.participants[id.rawValue]
            guard case .component = consumer.kind.role else { return false }
            return consumer.attributes.concurrency == nil && consumer.attributes.rateLimit == nil
        }
        let interactions = model.interactions
        // Asked once per participant rather than of a copy of it for every interaction.
        let pushes = model.participants.map { $0.isPushChannel || $0.kind.role == .connector }
        let isUnbounded = model.participants.indices.map { unbounded(ParticipantID($0)) }
        // The help and the note name the consumer alone: one of each per consumer, shared by
        // its findings.
        var help = PerParticipant<FindingText>(context)
        var notes = PerParticipant<[Diagnostic.Note]>(context)
        for id in context.interactions(where: { interactions[$0].arrow != .fetch && pushes[interactions[$0].from.rawValue] && isUnbounded[interactions[$0].to.rawValue] }) {
            // The participants are copied for the findings alone (the filter above tested them).
            let pusher = model.participants[model.interactions[id.rawValue].from.rawValue]
            let consumer = model.participants[model.interactions[id.rawValue].to.rawValue]
            let how = (pusher.kind.role == .connector ? "" : "push ") + "\(pusher.kind.rawValue) '\(pusher.name)'"
            findings.append(Finding(
                at: model.interactions[id.rawValue].span,
                "\(how) delivers \(context.operation(id)) to '\(consumer.name)', which declares neither concurrency nor rate-limit: nothing bounds how fast it is pushed to",
                notes: notes.value(for: consumer.id) { [.note("'\(consumer.name)' is declared here", at: consumer.span)] },
                help: help.value(for: consumer.id) {
                    "declare how much '\(consumer.name)' can take (concurrency=N or rate-limit=N/s), or let it fetch at its own pace ('\(consumer.name) <- ...')"
                }))
        }
        return findings
    }
}
