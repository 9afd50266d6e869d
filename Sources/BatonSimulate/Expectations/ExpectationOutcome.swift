import BatonModel

/// Whether one `expect` line held.
public struct ExpectationOutcome: Hashable, Sendable {
    public var expectation: Expectation
    /// Held on the reported figures (the means, with replications).
    public var passed: Bool
    /// The measured value in the expectation's unit (a fraction for goodput, seconds for a
    /// percentile or `recovers within`, a ratio for amplification, messages for a queue);
    /// nil when there was nothing to measure (which fails the expectation).
    public var actual: Double?
    /// Share of the replications in which it held, 0…1 (1 or 0 for a single run).
    public var passedFraction: Double
    /// What was measured, as a phrase for reports: "p99 of 'Checkout' was 2.3s".
    public var explanation: String

    public init(expectation: Expectation, passed: Bool, actual: Double?, passedFraction: Double, explanation: String) {
        self.expectation = expectation
        self.passed = passed
        self.actual = actual
        self.passedFraction = passedFraction
        self.explanation = explanation
    }
}
