/// The value of an option that names one of a closed set (`--format json`), as an enum: its cases
/// are the option's choices, so parsing, "did you mean" and the help's `(text|json|…)` and
/// default all come from them, and a command switches over the case instead of comparing
/// strings — a value cannot be offered without being handled, nor handled without being offered.
protocol OptionChoice: CaseIterable, RawRepresentable, Sendable where RawValue == String {
    /// The value when the option is not given.
    static var standard: Self { get }
}

extension OptionChoice {
    /// The names of the cases, in declaration order: `text|json|sarif|github`, for usage lines.
    static var choiceList: String { allCases.map(\.rawValue).joined(separator: "|") }
}

extension OptionSpec {
    /// `--format FORMAT` whose values are the cases of `Choice`; the help says which is the default.
    static func choice<Choice: OptionChoice>(_ name: String, _ valueName: String, _ type: Choice.Type,
                                             _ help: String) -> OptionSpec {
        value(name, valueName, choices: Choice.allCases.map(\.rawValue), "\(help) (default \(Choice.standard.rawValue))")
    }
}

extension ParsedArguments {
    /// The option's case, or the standard one when it was not given. The parser has already
    /// refused any value that names no case.
    func choice<Choice: OptionChoice>(_ name: String, _ type: Choice.Type) -> Choice {
        value(name).flatMap(Choice.init(rawValue:)) ?? Choice.standard
    }
}
