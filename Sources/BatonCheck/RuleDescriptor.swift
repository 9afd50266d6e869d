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
    /// The options its `RuleOptionKey`s carry (`[max.option]`), in the order they are documented.
    public var options: [RuleOption]
    /// The fixes its findings offer, one line each (`baton explain`, docs/rules.md), besides
    /// the "suppress this finding" fix every finding offers. Every triggering example is
    /// checked with them: applying each one removes the finding.
    public var fixes: [String]
    /// Designs that must produce findings exactly at their `↓` markers.
    public var triggering: [RuleExample]
    /// Designs that must produce no finding of this rule.
    public var nonTriggering: [RuleExample]

    public init(id: String, defaultSeverity: Severity, summary: String, rationale: String, details: String,
                options: [RuleOption] = [], fixes: [String] = [], triggering: [RuleExample], nonTriggering: [RuleExample]) {
        self.id = id
        self.defaultSeverity = defaultSeverity
        self.summary = summary
        self.rationale = rationale
        self.details = details
        self.options = options
        self.fixes = fixes
        self.triggering = triggering
        self.nonTriggering = nonTriggering
    }
}

/// A numeric rule option such as `max`: what `.baton.json`, its schema and the documentation say
/// about it. Rules declare theirs as a `RuleOptionKey`, which carries one of these.
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

/// A rule option as its rule reads it: declared once, as a static of the rule, listed in the
/// descriptor (`options: [max.option]`) and read as `options[Self.max]` — an `Int` for a
/// whole-number option, a `Double` otherwise. The name is written only in the declaration, so
/// a misspelt option is a compile error, not a silent default.
///
///     public static let max = RuleOptionKey<Int>("max", summary: "…", default: 5, minimum: 0)
public struct RuleOptionKey<Value: Sendable>: Sendable {
    /// What `.baton.json`, its schema and the documentation say about the option.
    public let option: RuleOption
    /// The value a rule reads for a configured number.
    private let read: @Sendable (Double) -> Value
    /// The configured number for a value (for an example's setting).
    private let write: @Sendable (Value) -> Double

    private init(_ option: RuleOption, read: @escaping @Sendable (Double) -> Value,
                 write: @escaping @Sendable (Value) -> Double) {
        self.option = option
        self.read = read
        self.write = write
    }

    /// The option's value for a configured number (the configuration file's name → number).
    func value(_ number: Double) -> Value { read(number) }

    /// This option set to `value`, for a rule example.
    public func set(to value: Value) -> RuleExample.Setting {
        RuleExample.Setting(name: option.name, value: write(value))
    }
}

extension RuleOptionKey where Value == Int {
    /// A whole-number option (a count).
    public init(_ name: String, summary: String, default defaultValue: Int, minimum: Int,
                maximum: Int = Int(RuleOption.defaultMaximum)) {
        self.init(RuleOption(name: name, summary: summary, defaultValue: Double(defaultValue), minimum: Double(minimum),
                             maximum: Double(maximum), isInteger: true),
                  read: Self.wholeNumber, write: { Double($0) })
    }

    /// The value as a whole number, for rules that compare it with counts.
    ///
    /// The configuration parser keeps options within their range, but these values can also
    /// come from a library user's `Configuration`; `Int(Double)` traps on NaN, infinities and
    /// anything beyond `Int`, so the value is clamped to ±`Int32.max` first (no design has
    /// counts anywhere near that, and a rule may still add 1 without overflowing).
    static func wholeNumber(_ value: Double) -> Int {
        if value.isNaN { return 0 }
        let bound = Double(Int32.max)
        return Int(Swift.min(Swift.max(value, -bound), bound).rounded(.down))
    }
}

extension RuleOptionKey where Value == Double {
    /// An option that may take fractions (a product of attempts, a ratio).
    public init(_ name: String, summary: String, default defaultValue: Double, minimum: Double,
                maximum: Double = RuleOption.defaultMaximum) {
        self.init(RuleOption(name: name, summary: summary, defaultValue: defaultValue, minimum: minimum,
                             maximum: maximum, isInteger: false),
                  read: { $0 }, write: { $0 })
    }
}

/// A design in Baton notation, with `↓` where a finding must start (triggering examples).
public struct RuleExample: Sendable, Hashable {
    /// One option value an example is checked with; made by `RuleOptionKey.set(to:)`, so its
    /// name is a declared option's.
    public struct Setting: Sendable, Hashable {
        public let name: String
        public let value: Double

        fileprivate init(name: String, value: Double) {
            self.name = name
            self.value = value
        }
    }

    public var source: String
    /// Option values to check this example with, by option name (the defaults otherwise).
    public private(set) var options: [String: Double]

    public init(_ source: String, options settings: [Setting] = []) {
        self.source = source
        var options: [String: Double] = [:]
        for setting in settings { options[setting.name] = setting.value }
        self.options = options
    }

    /// The source without markers.
    public var text: String { source.filter { $0 != "↓" } }
}

/// The option values a rule runs with: configured values, else the options' defaults.
public struct RuleOptionValues: Sendable, Hashable {
    /// Configured values by option name (only lookups; never iterated for output).
    private var configured: [String: Double]

    public init(configured: [String: Double] = [:]) {
        self.configured = configured
    }

    public subscript<Value>(option: RuleOptionKey<Value>) -> Value {
        option.value(configured[option.option.name] ?? option.option.defaultValue)
    }
}
