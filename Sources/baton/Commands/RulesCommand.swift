import BatonCheck
import BatonDrift
import BatonJSON

/// `baton rules`: every rule with its default severity and summary.
enum RulesCommand {
    static let spec = CommandSpec(
        name: "rules",
        summary: "List the lint rules with their default severity",
        usage: "baton rules [--format \(RulesFormat.choiceList)]",
        discussion: """
            'markdown' prints the rule reference (docs/rules.md is generated this way); 'json' prints
            each rule's id, default severity, summary and options. 'baton explain RULE' tells more.
            """,
        options: [
            .choice("--format", "FORMAT", RulesFormat.self, "output format"),
        ],
        examples: ["baton rules", "baton rules --format markdown > docs/rules.md"])

    static func run(_ arguments: ParsedArguments) -> Int32 {
        guard arguments.positional.isEmpty else {
            return Terminal.fail("'baton rules' takes no arguments", help: "to read about one rule: baton explain \(arguments.positional[0])")
        }
        switch arguments.choice("--format", RulesFormat.self) {
        case .markdown:
            Terminal.write(RuleDocumentation.markdown())
        case .json:
            let rules = Rules.descriptors.map { descriptor -> JSONValue in
                .object([
                    ("id", .string(descriptor.id)),
                    ("defaultSeverity", .string(descriptor.defaultSeverity.rawValue)),
                    ("summary", .string(RuleDocumentation.plain(descriptor.summary))),
                    ("options", .array(descriptor.options.map { option in
                        .object([("name", .string(option.name)), ("default", .double(option.defaultValue)),
                                 ("summary", .string(option.summary))])
                    })),
                ])
            }
            Terminal.write(JSONValue.object([("version", .int(1)), ("rules", .array(rules))]).serialized() + "\n")
        case .text:
            Terminal.write(RuleDocumentation.table())
        }
        return Terminal.Exit.success
    }
}

/// `baton explain RULE`: a rule's rationale, options, examples and how to suppress it.
enum ExplainCommand {
    static let spec = CommandSpec(
        name: "explain",
        summary: "Explain a rule: why it matters, its options, bad and good examples",
        usage: "baton explain RULE",
        options: [],
        examples: ["baton explain sync-cycle"])

    static func run(_ arguments: ParsedArguments) -> Int32 {
        guard arguments.positional.count == 1, let id = arguments.positional.first else {
            return Terminal.fail("'baton explain' takes one rule id", help: "baton explain sync-cycle; 'baton rules' lists them")
        }
        if let descriptor = Rules.descriptor(id: id) {
            Terminal.write(RuleDocumentation.explanation(descriptor))
            return Terminal.Exit.success
        }
        if let entry = CompileErrorDocumentation.all.first(where: { $0.code == id }) {
            Terminal.write("\(entry.code) (compile error)\n\(entry.summary)\n\n\(CompileErrorDocumentation.policy)\n")
            return Terminal.Exit.success
        }
        if let drift = DriftRule(rawValue: id) {
            Terminal.write("\(drift.id) (drift, \(drift.severity.rawValue): baton check --traces)\n\(drift.summary)\n\n\(drift.reconcile)\n\n"
                           + "docs/traces.md, section 9, says how a design and its traces are compared.\n")
            return Terminal.Exit.success
        }
        var help = "run 'baton rules' for the list"
        if let suggestion = Rules.suggestion(for: id) { help = "did you mean '\(suggestion)'? " + help }
        return Terminal.fail("unknown rule '\(id)'", help: help)
    }
}
