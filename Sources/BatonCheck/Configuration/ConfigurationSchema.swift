import BatonJSON
import BatonSyntax

/// The JSON Schema (draft 2020-12) of `.baton.json`, generated from the rule descriptors so it
/// can never disagree with what `ConfigurationParser` accepts. Committed as
/// `schema/baton-config.schema.json`; a test fails when the committed file is stale.
public enum ConfigurationSchema {
    public static let path = "schema/baton-config.schema.json"

    public static func json(_ descriptors: [RuleDescriptor] = Rules.descriptors) -> JSONValue {
        let severity = JSONValue.object([("$ref", .string("#/$defs/severity"))])
        let rules = descriptors.map { descriptor -> (String, JSONValue) in
            var properties: [(String, JSONValue)] = [("severity", severity)]
            for option in descriptor.options {
                properties.append((option.name, .object([
                    ("description", .string(option.summary)),
                    ("type", .string(option.isInteger ? "integer" : "number")),
                    ("minimum", .double(option.minimum)),
                    ("maximum", .double(option.maximum)),
                    ("default", .double(option.defaultValue)),
                ])))
            }
            let description = "\(RuleDocumentation.plain(descriptor.summary)) (default: \(descriptor.defaultSeverity.rawValue))"
            return (descriptor.id, .object([
                ("description", .string(description)),
                ("anyOf", .array([
                    severity,
                    .object([
                        ("type", .string("object")),
                        ("properties", .object(properties)),
                        ("additionalProperties", .bool(false)),
                    ]),
                ])),
            ]))
        }
        return .object([
            ("$schema", .string("https://json-schema.org/draft/2020-12/schema")),
            ("$id", .string("https://github.com/baton-lang/baton/schema/baton-config.schema.json")),
            ("title", .string("Baton configuration (.baton.json)")),
            ("description", .string("Severities and options of the lint rules of 'baton check', the lowest severity that fails a run, and the baseline of known findings. Generated from the rule descriptors; see docs/configuration.md.")),
            ("type", .string("object")),
            ("properties", .object([
                ("$schema", .object([("type", .string("string"))])),
                ("rules", .object([
                    ("description", .string("Per rule: a severity, or an object with an optional severity and the rule's options.")),
                    ("type", .string("object")),
                    ("properties", .object(rules)),
                    ("additionalProperties", .bool(false)),
                ])),
                ("failOn", .object([
                    ("description", .string("The lowest severity that makes 'baton check' exit with 1 (default: error). --fail-on overrides it.")),
                    ("enum", .array(Severity.failLevels.map { .string($0.rawValue) })),
                ])),
                ("baseline", .object([
                    ("description", .string("A baseline file of known findings (written by 'baton check --write-baseline'), relative to this file: 'baton check' reports only findings not in it. --baseline overrides it, --no-baseline ignores it.")),
                    ("type", .string("string")),
                    ("minLength", .int(1)),
                ])),
            ])),
            ("additionalProperties", .bool(false)),
            ("$defs", .object([
                ("severity", .object([("enum", .array(Severity.allCases.map { .string($0.rawValue) }))])),
            ])),
        ])
    }

    /// The committed file's text.
    public static var text: String { json().serialized(pretty: true) + "\n" }
}
