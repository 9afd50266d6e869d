/// The `--format` of `baton check`: one case per diagnostic report. Its cases drive the option's
/// parsing, "did you mean" and help (see `OptionChoice`).
enum CheckFormat: String, OptionChoice {
    case text
    case json
    case sarif
    case github

    static let standard = CheckFormat.text
}

/// The `--format` of `baton rules`.
enum RulesFormat: String, OptionChoice {
    case text
    case json
    /// The rule reference; docs/rules.md is generated this way.
    case markdown

    static let standard = RulesFormat.text
}

/// The `--format` of `baton metrics`.
enum MetricsFormat: String, OptionChoice {
    case text
    case json

    static let standard = MetricsFormat.text
}

/// The `--format` of `baton simulate`: the report (text, JSON, or the time series as CSV), or,
/// with `--check`, the failed expectations as diagnostics in the formats of `baton check`.
enum SimulateFormat: String, OptionChoice {
    case text
    case json
    /// The time series; a report only.
    case csv
    /// Diagnostics of `--check` only.
    case sarif
    case github

    static let standard = SimulateFormat.text
}

/// The `--format` of `baton diff`.
enum DiffFormat: String, OptionChoice {
    case text
    case json
    /// For a pull-request comment.
    case markdown

    static let standard = DiffFormat.text
}
