/// `scenario "Provider outage" [duration=10m, warmup=1m] { … }`: an offered load, injected
/// faults and expected outcomes under which `baton simulate` executes the design.
///
/// Every quantity keeps its span, so the model builder can say which number is out of range
/// and the formatter can print it as written.
public struct ScenarioSyntax: Hashable, Sendable {
    public var name: StringLiteral
    public var attributes: AttributeListSyntax?
    public var lines: [ScenarioLineSyntax]
    /// From `scenario` to the end of its attributes (what diagnostics underline).
    public var span: Span
    /// From `scenario` to the closing brace.
    public var fullSpan: Span
}

/// One line of a scenario.
public enum ScenarioLineSyntax: Hashable, Sendable {
    case load(LoadSyntax)
    case fault(FaultSyntax)
    case expect(ExpectSyntax)

    public var span: Span {
        switch self {
        case .load(let load): load.span
        case .fault(let fault): fault.span
        case .expect(let expect): expect.span
        }
    }
}

/// A number as written: its decoded value (seconds for durations, per second for rates, 30 for
/// `30%`) and where it stands.
public struct QuantitySyntax: Hashable, Sendable {
    public var value: Double
    public var span: Span
    public init(value: Double, span: Span) {
        self.value = value
        self.span = span
    }
}

/// `from 3m to 3m5s`: offsets from the start of the scenario.
public struct WindowSyntax: Hashable, Sendable {
    public var from: QuantitySyntax
    public var to: QuantitySyntax
    /// From `from` to the end of the second time.
    public var span: Span
}

/// `load 40/s [flow "Refunds"] [from 3m to 4m]`
public struct LoadSyntax: Hashable, Sendable {
    /// Arrivals per second.
    public var rate: QuantitySyntax
    public var flow: StringLiteral?
    public var window: WindowSyntax?
    public var span: Span
}

/// `fault Stripe down from 4m to 5m`
public struct FaultSyntax: Hashable, Sendable {
    public enum Effect: Hashable, Sendable {
        case down
        case hang
        /// `slow x10`: the factor (its span covers the `x`).
        case slow(QuantitySyntax)
        /// `errors 30%`: the percentage, 30.
        case errors(QuantitySyntax)
        /// `capacity 25%`: the percentage, 25.
        case capacity(QuantitySyntax)

        /// The word that names the effect.
        public var keyword: String {
            switch self {
            case .down: "down"
            case .hang: "hang"
            case .slow: "slow"
            case .errors: "errors"
            case .capacity: "capacity"
            }
        }
    }

    public var participant: Identifier
    public var effect: Effect
    /// From the effect's word to the end of its quantity.
    public var effectSpan: Span
    public var window: WindowSyntax
    public var span: Span
}

/// `<=`, `<`, `>=`, `>` in an `expect` line.
public enum ComparisonOperator: String, Hashable, Sendable, CaseIterable {
    case lessOrEqual = "<="
    case less = "<"
    case greaterOrEqual = ">="
    case greater = ">"
}

public struct ComparisonSyntax: Hashable, Sendable {
    public var comparison: ComparisonOperator
    public var span: Span
}

/// `expect …`: an outcome `baton simulate --check` verifies.
public struct ExpectSyntax: Hashable, Sendable {
    public enum Measure: Hashable, Sendable {
        /// `goodput >= 95% [after 6m]`
        case goodput(ComparisonSyntax, percent: QuantitySyntax, after: QuantitySyntax?)
        /// `p99 ["Checkout"] <= 2s`: the percentile's word (`p99`) as written.
        case percentile(Identifier, flow: StringLiteral?, ComparisonSyntax, seconds: QuantitySyntax)
        /// `amplification [[Initiator] "label"] <= 1.5`
        case amplification(initiator: Identifier?, label: StringLiteral?, ComparisonSyntax, value: QuantitySyntax)
        /// `recovers within 30s`
        case recovers(within: QuantitySyntax)
        /// `queue Orders max 100`
        case queueMax(Identifier, max: QuantitySyntax)
    }

    /// The percentiles an `expect` line may name, and the fraction each stands for.
    public static let percentiles: [(word: String, fraction: Double)] = [
        ("p50", 0.5), ("p90", 0.9), ("p95", 0.95), ("p99", 0.99), ("p999", 0.999),
    ]

    public var measure: Measure
    /// The whole line, from `expect` on.
    public var span: Span
}
