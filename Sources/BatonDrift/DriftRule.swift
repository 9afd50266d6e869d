import BatonSyntax

/// The findings of comparing a design with traces (`baton check --traces`), with their fixed
/// severities and what each asks the reader to do. They are listed in docs/traces.md; unlike the
/// design's rules they need traces, so they are not part of `baton rules` or the configuration.
public enum DriftRule: String, CaseIterable, Sendable {
    /// Seen in the traces, not in the design.
    case undeclaredInteraction = "undeclared-interaction"
    /// In the design, never seen over the traces' window.
    case unobservedInteraction = "unobserved-interaction"
    /// Designed async and observed sync, or the reverse.
    case kindDrift = "kind-drift"
    /// Observed p99 above the effective timeout, or mean far above the declared latency.
    case latencyDrift = "latency-drift"
    /// Observed retries per call above the declared `retries`.
    case retryDrift = "retry-drift"

    public var id: String { rawValue }

    /// An interaction that was not seen may just not have happened in the traces' window, so it
    /// informs; the others say the design and the running system disagree.
    public var severity: Severity {
        switch self {
        case .unobservedInteraction: .info
        case .undeclaredInteraction, .kindDrift, .latencyDrift, .retryDrift: .warning
        }
    }

    /// One line for listings (docs, `--help`).
    public var summary: String {
        switch self {
        case .undeclaredInteraction: "an interaction the traces show and the design does not declare"
        case .unobservedInteraction: "an interaction the design declares and the traces never show"
        case .kindDrift: "an interaction designed async and observed sync, or the reverse"
        case .latencyDrift: "observed p99 above the timeout, or observed mean more than 3× the declared latency"
        case .retryDrift: "more retries for one call observed than the design's retries allow"
        }
    }

    /// How to reconcile the design with the running system (`baton explain`).
    public var reconcile: String {
        switch self {
        case .undeclaredInteraction: "Add it to the flow it belongs to ('baton infer' writes the observed design to copy it from), or stop the system from making it."
        case .unobservedInteraction: "Remove it if the system no longer makes it, name the participant as the traces do (a display label is enough), or give traces that cover its flow."
        case .kindDrift: "Change the arrow ('->>' for a send, '->' or '<-' when the initiator waits), or change the code back."
        case .latencyDrift: "Raise the timeout, or set latency to the measured figure, so checks and simulations use it; or make the callee faster."
        case .retryDrift: "Declare retries=N so the worst-case arithmetic counts them, or make the caller retry less."
        }
    }

    /// How far above the declared `latency` the observed mean may go before it is drift: a
    /// design's latency is a mean handling time, and 3× is beyond what noise or a busy hour
    /// explains, while a p99 (4.6× the mean for exponential handling times, as the simulator
    /// draws them) would flag a design that is right.
    public static let latencyFactor = 3.0
}
