import BatonCheck

/// One command as the shell completion scripts see it: its options with what their values
/// complete to, and its operands in order. Built from the `CommandSpec` that `--help` prints, so
/// the scripts cannot drift from the help.
struct CommandCompletion: Equatable, Sendable {
    struct Option: Equatable, Sendable {
        var name: String
        var short: String?
        var help: String
        /// Nil for a flag; what the value completes to otherwise.
        var value: ValueCompletion?
        /// The placeholder (`OUT`), for shells that show one.
        var valueName: String?
        var repeatable: Bool
    }

    struct Operand: Equatable, Sendable {
        var name: String
        var value: ValueCompletion
        var optional: Bool
        /// `PATH...`: this operand and every one after it.
        var repeats: Bool
    }

    var name: String
    var summary: String
    var options: [Option]
    var operands: [Operand]

    /// The options that take a value, long and short names alike: the shells skip the word after
    /// them when they count operands.
    var valueOptionNames: [String] {
        options.filter { $0.value != nil }.flatMap { option in [option.short, option.name].compactMap { $0 } }
    }

    /// The shells Baton writes completion scripts for, in the order the help lists them.
    static let shells = CompletionShell.allCases.map(\.rawValue)

    /// Every command of `specs`, with operand placeholders read through the rule catalog and
    /// the command list.
    static func all(_ specs: [CommandSpec]) -> [CommandCompletion] {
        let rules = Rules.descriptors.map(\.id) + CompileErrorDocumentation.all.map(\.code)
        let operandTable = ValueCompletion.operandPlaceholders(commands: specs.map(\.name), shells: shells, rules: rules)
        return specs.map { spec in
            CommandCompletion(
                name: spec.name, summary: spec.summary,
                options: (spec.options + [CommandSpec.helpOption]).map(option),
                operands: operandWords(usage: spec.usage, command: spec.name).map { word in
                    Operand(name: word.name, value: operandTable[word.name] ?? literal(word.name), optional: word.optional,
                            repeats: word.repeats)
                })
        }
    }

    static func option(_ spec: OptionSpec) -> Option {
        var value: ValueCompletion?
        if let choices = spec.choices {
            value = .words(choices)
        } else if let valueName = spec.valueName {
            value = ValueCompletion.optionPlaceholders[valueName] ?? .anything
        }
        return Option(name: spec.name, short: spec.short, help: spec.help, value: value, valueName: spec.valueName,
                      repeatable: spec.repeatable)
    }

    /// A lower-case word of a usage line is typed as it is (`supports`); anything else unknown
    /// is free text.
    static func literal(_ word: String) -> ValueCompletion {
        word.allSatisfy(\.isLowercase) ? .words([word]) : .anything
    }

    /// The operands of a usage line, in order: the words after `baton NAME` that are not
    /// options or option groups (`[OPTIONS]`, `[--format text|json]`), up to a note in
    /// parentheses or a redirection. `[X]` is optional and `X...` repeats.
    static func operandWords(usage: String, command: String) -> [(name: String, optional: Bool, repeats: Bool)] {
        let words = usage.split(separator: " ").map(String.init)
        guard words.count >= 2, words[0] == "baton", words[1] == command else { return [] }
        var operands: [(name: String, optional: Bool, repeats: Bool)] = []
        var depth = 0
        var inOptionGroup = false
        for word in words.dropFirst(2) {
            if word.hasPrefix("(") || word.hasPrefix("<") || word.hasPrefix(">") { break }
            if word.hasPrefix("[") {
                depth += 1
                inOptionGroup = word.dropFirst().hasPrefix("-") || word == "[OPTIONS]"
            }
            // `X...`, `[X...]` and `[X]...` all repeat.
            let trailing = word.hasSuffix("...") && word.dropLast(3).hasSuffix("]")
            let core = trailing ? String(word.dropLast(3)) : word
            let bare = String(core.drop { $0 == "[" }.reversed().drop { $0 == "]" }.reversed())
            let repeats = trailing || bare.hasSuffix("...")
            let name = bare.hasSuffix("...") ? String(bare.dropLast(3)) : bare
            if !name.isEmpty, !inOptionGroup, !name.hasPrefix("-") {
                operands.append((name, depth > 0, repeats))
            }
            if core.hasSuffix("]") {
                depth -= core.reversed().prefix { $0 == "]" }.count
                if depth <= 0 {
                    depth = 0
                    inOptionGroup = false
                }
            }
        }
        return operands
    }
}

/// The shells `baton completions SHELL` writes a script for.
enum CompletionShell: String, CaseIterable, Sendable {
    case bash, zsh, fish
}
