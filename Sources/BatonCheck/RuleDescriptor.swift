import BatonSyntax

/// Everything about a rule except its logic: the single source for `baton rules`,
/// `baton explain`, `docs/rules.md`, SARIF rule metadata, the configuration schema and the
/// example tests.
public struct RuleDescriptor: Sendable {
    /// Stable kebab-case id, used in configuration, suppressions and every output format.
    public var id: String
    public var defaultSeverity: Severity
    /// One line: what the rule reports.
    public var summary: String
    /// Why it matters, in terms of control flow and coupling (Markdown allowed: `code`).
    public var rationale: String
    /// How it decides and where its findings point, including the team's readings of open points.
    public var details: String
    public var options: [RuleOption]
    /// Designs that must produce findings exactly at their `↓` markers.
    public var triggering: [RuleExample]
    /// Designs that must produce no finding of this rule.
    public var nonTriggering: [RuleExample]

    public init(id: String, defaultSeverity: Severity, summary: String, rationale: String, details: String,
                options: [RuleOption] = [], triggering: [RuleExample], nonTriggering: [RuleExample]) {
        self.id = id
        self.defaultSeverity = defaultSeverity
        self.summary = summary
        self.rationale = rationale
        self.details = details
        self.options = options
        self.triggering = triggering
        self.nonTriggering = nonTriggering
    }
}

/// A numeric rule option such as `max`.
public struct RuleOption: Sendable, Hashable {
    /// The largest value any option accepts unless it says otherwise. Every option is a count or
    /// a product of counts in a design someone can read, so a million is far beyond any sensible
    /// threshold, and a bound this size keeps every value exact as a `Double` and safe to convert
    /// to `Int` (a committed `"max": 1e19` must be a configuration error, not a crash in CI).
    public static let defaultMaximum = 1_000_000.0

    public var name: String
    public var summary: String
    public var defaultValue: Double
    public var minimum: Double
    public var maximum: Double
    /// Whether only whole numbers are allowed.
    public var isInteger: Bool

    public init(name: String, summary: String, defaultValue: Double, minimum: Double,
                maximum: Double = RuleOption.defaultMaximum, isInteger: Bool) {
        self.name = name
        self.summary = summary
        self.defaultValue = defaultValue
        self.minimum = minimum
        self.maximum = maximum
        self.isInteger = isInteger
    }
}

/// A design in Baton notation, with `↓` where a finding must start (triggering examples).
public struct RuleExample: Sendable, Hashable {
    public var source: String
    /// Option values to check this example with (the defaults otherwise).
    public var options: [String: Double]

    public init(_ source: String, options: [String: Double] = [:]) {
        self.source = source
        self.options = options
    }

    /// The source without markers.
    public var text: String { source.filter { $0 != "↓" } }
}

/// The option values a rule runs with: configured values, else the descriptor's defaults.
public struct RuleOptionValues: Sendable, Hashable {
    private var values: [String: Double]
    private var defaults: [String: Double]

    public init(_ descriptor: RuleDescriptor, configured: [String: Double] = [:]) {
        var defaults: [String: Double] = [:]
        for option in descriptor.options { defaults[option.name] = option.defaultValue }
        self.defaults = defaults
        self.values = configured
    }

    public subscript(name: String) -> Double { values[name] ?? defaults[name] ?? 0 }

    /// The option as a whole number, for rules that compare it with counts.
    ///
    /// The configuration parser keeps options within their range, but these values can also
    /// come from a library user's `Configuration`; `Int(Double)` traps on NaN, infinities and
    /// anything beyond `Int`, so the value is clamped to ±`Int32.max` first (no design has
    /// counts anywhere near that, and a rule may still add 1 without overflowing).
    public func wholeNumber(_ name: String) -> Int {
        let value = self[name]
        if value.isNaN { return 0 }
        let bound = Double(Int32.max)
        return Int(Swift.min(Swift.max(value, -bound), bound).rounded(.down))
    }
}
