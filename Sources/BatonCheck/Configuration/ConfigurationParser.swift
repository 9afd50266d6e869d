import BatonJSON
import BatonSyntax

/// Reads `.baton.json` strictly: unknown keys, rule ids and options, and values of the wrong
/// type are errors with a position and, where one is close, a "did you mean". A configuration
/// that is silently half-applied is worse than none.
public enum ConfigurationParser {
    static let topLevelKeys = ["$schema", "rules", "failOn", "baseline"]
    static let severities = Severity.allCases.map(\.rawValue)
    static let failLevels = Severity.failLevels.map(\.rawValue)

    public static func parse(_ bytes: [UInt8], path: String) throws(ConfigurationError) -> Configuration {
        let document: JSONDocument
        do {
            document = try JSONDocument.parse(bytes)
        } catch {
            throw ConfigurationError(path: path, line: error.line, column: error.column,
                                     message: "invalid JSON: \(error.message)")
        }
        var reader = Reader(document: document, path: path)
        return try reader.configuration()
    }

    private struct Reader {
        let document: JSONDocument
        let path: String

        func fail(key pointer: [String], _ message: String, help: String? = nil) -> ConfigurationError {
            let location = document.keyLocation(JSONDocument.pointer(pointer))
            return ConfigurationError(path: path, line: location?.line, column: location?.column, message: message, help: help)
        }

        func fail(value pointer: [String], _ message: String, help: String? = nil) -> ConfigurationError {
            let location = document.valueLocation(JSONDocument.pointer(pointer))
            return ConfigurationError(path: path, line: location?.line, column: location?.column, message: message, help: help)
        }

        func didYouMean(_ word: String, in candidates: [String], otherwise: String) -> String {
            // "warn" is short for "warning": a prefix is as good a hint as a typo.
            let prefixed = word.count >= 3 ? candidates.first { $0.hasPrefix(word) } : nil
            if let suggestion = prefixed ?? Suggestion.closest(to: word, in: candidates) { return "did you mean '\(suggestion)'? \(otherwise)" }
            return otherwise
        }

        /// Members of an object, rejecting keys given twice.
        func members(_ value: JSONValue, at pointer: [String], what: String) throws(ConfigurationError) -> [(String, JSONValue)] {
            guard let members = value.objectValue else {
                throw fail(value: pointer, "\(what) must be an object, not \(Self.typeName(value))")
            }
            var seen = Set<String>()
            for (key, _) in members where !seen.insert(key).inserted {
                // The recorded location is the first occurrence; say which key, not where the second is.
                throw fail(key: pointer + [key], "'\(Self.excerpt(key))' is given twice in \(what)", help: "keep one of them")
            }
            return members
        }

        mutating func configuration() throws(ConfigurationError) -> Configuration {
            var configuration = Configuration(path: path)
            for (key, value) in try members(document.value, at: [], what: "the configuration") {
                switch key {
                case "$schema":
                    guard value.stringValue != nil else { throw fail(value: [key], "'$schema' must be a string") }
                case "failOn":
                    guard let text = value.stringValue, let level = Severity(rawValue: text), Self.contains(ConfigurationParser.failLevels, text) else {
                        throw fail(value: [key], "'failOn' must be one of \(Self.quoted(ConfigurationParser.failLevels)), not \(Self.show(value))",
                                   help: value.stringValue.map { didYouMean($0, in: ConfigurationParser.failLevels, otherwise: "") }.flatMap { $0.isEmpty ? nil : $0 })
                    }
                    configuration.failOn = level
                case "baseline":
                    guard let text = value.stringValue, !text.isEmpty else {
                        throw fail(value: [key], "'baseline' must be the path of a baseline file, not \(Self.show(value))",
                                   help: "for example \"baseline\": \"baton-baseline.json\" (relative to this file; baton check --write-baseline writes one)")
                    }
                    configuration.baseline = text
                case "rules":
                    for (id, setting) in try members(value, at: [key], what: "'rules'") {
                        configuration.rules[id] = try rule(id, setting)
                    }
                default:
                    throw fail(key: [key], "unknown key '\(Self.excerpt(key))' in the configuration",
                               help: didYouMean(key, in: ConfigurationParser.topLevelKeys, otherwise: "allowed: \(ConfigurationParser.topLevelKeys.joined(separator: ", "))"))
                }
            }
            return configuration
        }

        func rule(_ id: String, _ value: JSONValue) throws(ConfigurationError) -> Configuration.RuleSetting {
            let pointer = ["rules", id]
            guard let descriptor = Rules.descriptor(id: id) else {
                if CompileError.isCompileError(id) {
                    throw fail(key: pointer, "'\(id)' is a compile error, which cannot be configured",
                               help: "compile errors are always errors; fix the design instead")
                }
                throw fail(key: pointer, "unknown rule '\(Self.excerpt(id))'",
                           help: didYouMean(id, in: Rules.descriptors.map(\.id), otherwise: "run 'baton rules' for the list"))
            }
            if let text = value.stringValue {
                return Configuration.RuleSetting(severity: try severity(text, at: pointer))
            }
            var setting = Configuration.RuleSetting()
            let optionNames = descriptor.options.map(\.name)
            for (key, member) in try members(value, at: pointer, what: "the setting of '\(id)' (a severity or an object)") {
                if key == "severity" {
                    guard let text = member.stringValue else {
                        throw fail(value: pointer + [key], "'severity' must be one of \(Self.quoted(ConfigurationParser.severities)), not \(Self.show(member))")
                    }
                    setting.severity = try severity(text, at: pointer + [key])
                    continue
                }
                guard let option = descriptor.options.first(where: { $0.name == key }) else {
                    let allowed = (["severity"] + optionNames).joined(separator: ", ")
                    throw fail(key: pointer + [key], "unknown option '\(Self.excerpt(key))' for rule '\(id)'",
                               help: didYouMean(key, in: ["severity"] + optionNames, otherwise: "'\(id)' takes: \(allowed)"))
                }
                setting.options[key] = try number(member, of: option, rule: id, at: pointer + [key])
            }
            return setting
        }

        /// An option's value, within the option's range. Out-of-range messages quote the number
        /// as written: `1e400` does not fit a `Double` at all (it reads as infinity), and
        /// `9223372036854775808` would otherwise be shown rounded. A literal of more than
        /// `numberExcerpt` characters is cut: a 401-digit number was echoed whole.
        func number(_ value: JSONValue, of option: RuleOption, rule id: String, at pointer: [String]) throws(ConfigurationError) -> Double {
            let name = "option '\(option.name)' of '\(id)'"
            let range = "\(LiteralFormat.number(option.minimum)) to \(LiteralFormat.number(option.maximum))"
            guard case .number(let written) = value, let number = value.numberValue, !number.isNaN else {
                throw fail(value: pointer, "\(name) must be a number, not \(Self.show(value))",
                           help: "for example \"\(option.name)\": \(LiteralFormat.number(option.defaultValue))")
            }
            let literal = Self.excerpt(written, limit: Self.numberExcerpt)
            if number < option.minimum {
                throw fail(value: pointer, "\(name) must be at least \(LiteralFormat.number(option.minimum)), not \(literal)",
                           help: "allowed: \(range)")
            }
            if number > option.maximum {
                throw fail(value: pointer, "\(name) must be at most \(LiteralFormat.number(option.maximum)), not \(literal)",
                           help: "allowed: \(range)")
            }
            if option.isInteger, number != number.rounded() {
                throw fail(value: pointer, "\(name) must be a whole number, not \(literal)")
            }
            return number
        }

        func severity(_ text: String, at pointer: [String]) throws(ConfigurationError) -> Severity {
            guard let severity = Severity(rawValue: text) else {
                throw fail(value: pointer, "'\(Self.excerpt(text))' is not a severity",
                           help: didYouMean(text, in: ConfigurationParser.severities, otherwise: "use one of: \(ConfigurationParser.severities.joined(separator: ", "))"))
            }
            return severity
        }

        static func typeName(_ value: JSONValue) -> String {
            switch value {
            case .null: "null"
            case .bool: "a boolean"
            case .number: "a number"
            case .string: "a string"
            case .array: "an array"
            case .object: "an object"
            }
        }

        static func show(_ value: JSONValue) -> String {
            if let text = value.stringValue { return "'\(excerpt(text))'" }
            return typeName(value)
        }

        /// The characters of a number literal a message quotes: `9223372036854775808` and
        /// `-1.7976931348623e308` fit.
        static let numberExcerpt = 20
        /// The characters of a key or a string a message quotes: more than the longest rule id.
        static let textExcerpt = 40

        /// `text` as a message quotes it: whole up to `limit` characters, else its first `limit`
        /// and "…", so that a message stays a line whatever the file holds.
        static func excerpt(_ text: String, limit: Int = textExcerpt) -> String {
            guard text.count > limit else { return text }
            return String(text.prefix(limit)) + "…"
        }

        static func quoted(_ values: [String]) -> String { values.map { "'\($0)'" }.joined(separator: ", ") }
        static func contains(_ values: [String], _ value: String) -> Bool { values.contains(value) }
    }
}
