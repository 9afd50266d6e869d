/// Declares a command's options once; parsing, validation, "did you mean" and `--help` all
/// come from it.
struct OptionSpec: Sendable {
    var name: String
    var short: String?
    /// The placeholder shown in help; nil for a flag without a value.
    var valueName: String?
    /// Allowed values, when the value is a choice.
    var choices: [String]?
    var help: String
    var repeatable = false

    static func flag(_ name: String, short: String? = nil, _ help: String) -> OptionSpec {
        OptionSpec(name: name, short: short, valueName: nil, choices: nil, help: help)
    }

    /// `--import-root DIR`, shared by every command that compiles designs.
    static let importRoot = value("--import-root", "DIR", repeatable: true,
                                  "also allow imports from below DIR (default: the file's own directory)")

    /// `--force`, shared by every command that writes files: replace read-only files too.
    static let force = flag("--force", "replace an output file even when it is read-only")

    /// `--color WHEN` for the text diagnostics of a command.
    static func color(_ help: String) -> OptionSpec {
        value("--color", "WHEN", choices: ["auto", "always", "never"], help)
    }

    static func value(_ name: String, short: String? = nil, _ valueName: String, choices: [String]? = nil,
                      repeatable: Bool = false, _ help: String) -> OptionSpec {
        OptionSpec(name: name, short: short, valueName: valueName, choices: choices, help: help, repeatable: repeatable)
    }
}

struct CommandSpec: Sendable {
    var name: String
    var summary: String
    var usage: String
    var discussion: String = ""
    var options: [OptionSpec]
    var examples: [String] = []

    static let helpOption = OptionSpec.flag("--help", short: "-h", "show this help")

    var helpText: String {
        var out = "\(summary)\n\nUsage: \(usage)\n"
        if !discussion.isEmpty { out += "\n\(discussion)\n" }
        let all = options + [Self.helpOption]
        out += "\nOptions:\n"
        let rows = all.map { option -> (String, String) in
            var left = option.short.map { "\($0), " } ?? "    "
            left += option.name
            if let valueName = option.valueName { left += " \(valueName)" }
            var right = option.help
            if let choices = option.choices { right += " (\(choices.joined(separator: "|")))" }
            return (left, right)
        }
        let width = (rows.map(\.0.count).max() ?? 0) + 2
        for (left, right) in rows {
            out += "  " + left + String(repeating: " ", count: width - left.count) + right + "\n"
        }
        if !examples.isEmpty {
            out += "\nExamples:\n"
            for example in examples { out += "  \(example)\n" }
        }
        return out
    }
}

/// The result of parsing a command line against a `CommandSpec`.
struct ParsedArguments: Sendable {
    var positional: [String] = []
    /// Options in the order given (repeatable options appear several times).
    var options: [(name: String, value: String?)] = []

    func has(_ name: String) -> Bool { options.contains { $0.name == name } }
    /// The last value given for an option.
    func value(_ name: String) -> String? { options.last { $0.name == name }?.value }
    func values(_ name: String) -> [String] { options.filter { $0.name == name }.compactMap(\.value) }
    /// The `-o` file; nil for standard output (no `-o`, `-o -`, or `-o /dev/stdout`, which would
    /// otherwise be written through /proc as whatever standard output happens to be).
    var outputPath: String? {
        value("--output").flatMap { $0 == "-" || $0 == "/dev/stdout" ? nil : $0 }
    }
    /// The `--import-root` directories, as absolute paths.
    var importRoots: [String] { values("--import-root").map(FileReader.absolute) }
}

struct UsageError: Error, Sendable {
    var message: String
    var help: String?
}

extension CommandSpec {
    func parse(_ arguments: [String]) throws(UsageError) -> ParsedArguments {
        var parsed = ParsedArguments()
        var index = 0
        var onlyPositional = false
        let all = options + [Self.helpOption]
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            if onlyPositional || argument == "-" || !argument.hasPrefix("-") {
                parsed.positional.append(argument)
                continue
            }
            if argument == "--" {
                onlyPositional = true
                continue
            }
            var name = argument
            var inlineValue: String?
            if argument.hasPrefix("--"), let equals = argument.firstIndex(of: "=") {
                name = String(argument[..<equals])
                inlineValue = String(argument[argument.index(after: equals)...])
            }
            guard let option = all.first(where: { $0.name == name || $0.short == name }) else {
                var help = "run 'baton \(self.name) --help' for the options"
                if let suggestion = Suggestion.closest(to: name, in: all.map(\.name)) {
                    help = "did you mean '\(suggestion)'? " + help
                }
                throw UsageError(message: "unknown option '\(name)' for 'baton \(self.name)'", help: help)
            }
            guard option.valueName != nil else {
                if inlineValue != nil { throw UsageError(message: "'\(option.name)' takes no value") }
                parsed.options.append((option.name, nil))
                continue
            }
            let value: String
            if let inlineValue {
                value = inlineValue
            } else {
                guard index < arguments.count else {
                    throw UsageError(message: "'\(option.name)' needs a value: \(option.valueName ?? "")")
                }
                value = arguments[index]
                index += 1
            }
            if let choices = option.choices, !choices.contains(value) {
                var help = "use one of: \(choices.joined(separator: ", "))"
                if let suggestion = Suggestion.closest(to: value, in: choices) { help = "did you mean '\(suggestion)'? " + help }
                throw UsageError(message: "'\(value)' is not a valid value for '\(option.name)'", help: help)
            }
            if !option.repeatable, parsed.has(option.name) {
                throw UsageError(message: "'\(option.name)' is given twice")
            }
            parsed.options.append((option.name, value))
        }
        return parsed
    }
}

import Baton
import BatonSyntax
