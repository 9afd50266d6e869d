import BatonSyntax

/// Every rule, in the order `baton rules` and `docs/rules.md` list them. Adding a rule
/// means adding its file under `Rules/` and one line here; nothing is discovered by reflection.
public enum Rules {
    public static let all: [any Rule] = [
        PassiveInitiator(),
        NoEndpoint(),
        PushMeetsPull(),
        CallbackWithoutRegistration(),
        SyncCycle(),
        SyncChainDepth(),
        MissingTimeout(),
        TimeoutInversion(),
        LatencyBudget(),
        AvailabilityBudget(),
        RetryWithoutBackoff(),
        UnboundedRetry(),
        RetryWithoutIdempotency(),
        RetryAmplification(),
        DuplicateDelivery(),
        QueueWithoutFlowControl(),
        PushWithoutFlowControl(),
        MissingDeadLetter(),
        OrderingAssumption(),
        AsyncReplyWithoutCorrelation(),
        ExternalWithoutBreaker(),
        SharedStore(),
        OrphanChannel(),
        FanOut(),
        UnusedParticipant(),
        IgnoredAttribute(),
    ]

    /// The descriptors of every configurable check: the rules, then `unused-suppression`.
    public static let descriptors: [RuleDescriptor] = all.map(\.descriptor) + [UnusedSuppression.descriptor]

    public static func descriptor(id: String) -> RuleDescriptor? {
        descriptors.first { $0.id == id }
    }

    /// "did you mean …?" for a mistyped rule id.
    public static func suggestion(for id: String) -> String? {
        Suggestion.closest(to: id, in: descriptors.map(\.id))
    }
}
