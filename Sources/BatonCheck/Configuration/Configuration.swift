import BatonSyntax

/// The settings of `.baton.json` (docs/configuration.md): per-rule severity and options, the lowest
/// severity that fails a run, and the baseline of known findings. An empty configuration means every rule at its defaults.
public struct Configuration: Sendable, Hashable {
    public struct RuleSetting: Sendable, Hashable {
        /// Nil keeps the rule's default severity.
        public var severity: Severity?
        /// Option values by name (only lookups; never iterated for output).
        public var options: [String: Double]

        public init(severity: Severity? = nil, options: [String: Double] = [:]) {
            self.severity = severity
            self.options = options
        }
    }

    /// Settings by rule id.
    public var rules: [String: RuleSetting]
    /// Nil means the default (`error`), unless the command line says otherwise.
    public var failOn: Severity?
    /// The file it was read from, for messages; nil for the built-in defaults.
    public var path: String?
    /// The baseline `baton check` compares with (`--baseline` overrides it), as written:
    /// relative to the configuration file's directory.
    public var baseline: String?

    public init(rules: [String: RuleSetting] = [:], failOn: Severity? = nil, path: String? = nil, baseline: String? = nil) {
        self.rules = rules
        self.failOn = failOn
        self.path = path
        self.baseline = baseline
    }

    public static let defaults = Configuration()

    public func severity(of descriptor: RuleDescriptor) -> Severity {
        rules[descriptor.id]?.severity ?? descriptor.defaultSeverity
    }

    public func options(of descriptor: RuleDescriptor) -> RuleOptionValues {
        RuleOptionValues(configured: rules[descriptor.id]?.options ?? [:])
    }

    /// The configuration file's name, looked up from each input's directory upwards.
    public static let fileName = ".baton.json"
}

/// A mistake in a configuration file: where it is, what is wrong, and how to fix it.
public struct ConfigurationError: Error, Sendable, Hashable, CustomStringConvertible {
    public var path: String
    public var line: Int?
    public var column: Int?
    public var message: String
    public var help: String?

    public init(path: String, line: Int? = nil, column: Int? = nil, message: String, help: String? = nil) {
        self.path = path
        self.line = line
        self.column = column
        self.message = message
        self.help = help
    }

    /// `path:line:column: message`
    public var description: String {
        var location = path
        if let line, let column { location += ":\(line):\(column)" }
        return "\(location): \(message)"
    }
}
