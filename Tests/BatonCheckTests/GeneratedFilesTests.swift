import BatonCheck
import BatonTestSupport
import Foundation
import Testing

/// Files generated from the rule descriptors and committed: `docs/rules.md` and the
/// configuration schema. Run with UPDATE_GOLDENS=1 to regenerate them, then review the diff.
struct GeneratedFilesTests {
    static let root = Golden.packageRoot()

    func checkCommitted(_ path: String, _ expected: String) throws {
        let url = Self.root.appendingPathComponent(path)
        if Golden.isUpdating {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(expected.utf8).write(to: url)
            return
        }
        let committed = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
        #expect(committed == expected, "\(path) is stale: run UPDATE_GOLDENS=1 swift test --filter GeneratedFilesTests and commit it")
    }

    @Test func rulesReferenceIsCurrent() throws {
        try checkCommitted("docs/rules.md", RuleDocumentation.markdown())
    }

    @Test func configurationSchemaIsCurrent() throws {
        try checkCommitted(ConfigurationSchema.path, ConfigurationSchema.text)
    }

    /// The README's overview counts the rules; the count is the catalog's.
    @Test func theReadmeCountsTheRules() throws {
        let readme = try String(contentsOf: Self.root.appendingPathComponent("README.md"), encoding: .utf8)
        #expect(readme.contains("\(Rules.all.count) rules on coupling"), "README.md should say \(Rules.all.count) rules")
    }

    @Test func theReferenceDocumentsEveryRule() {
        let markdown = RuleDocumentation.markdown()
        for descriptor in Rules.descriptors {
            #expect(markdown.contains("### \(descriptor.id)\n"))
        }
    }

    /// The schema accepts what the parser accepts and rejects what it rejects, checked by a
    /// real JSON Schema implementation (Python's jsonschema).
    @Test(.requires(program: "python3"))
    func schemaValidatesConfigurations() throws {
        let python = try ExternalProgram.require("python3", package: "python3")
        let probe = try python.run(["-c", "import jsonschema"])
        if probe.status != 0 {
            if ExternalProgram.isCI { Issue.record("python3 -c 'import jsonschema' failed: install python3-jsonschema"); return }
            try Test.cancel("skipped: the Python module jsonschema is missing (install python3-jsonschema)")
        }
        let valid = [
            #"{"rules": {"sync-chain-depth": {"severity": "error", "max": 4}, "fan-out": "off"}, "failOn": "warning"}"#,
            #"{"$schema": "schema/baton-config.schema.json", "rules": {"retry-amplification": {"max": 27.5}, "unused-suppression": "info"}}"#,
            #"{"baseline": "baton-baseline.json", "failOn": "warning"}"#,
            "{}",
        ]
        let invalid = [
            #"{"rules": {"fan-outt": "off"}}"#,
            #"{"rules": {"fan-out": {"maxx": 3}}}"#,
            #"{"rules": {"fan-out": {"max": 2.5}}}"#,
            #"{"rules": {"fan-out": {"max": 1e19}}}"#,
            #"{"rules": {"retry-amplification": {"max": 1000001}}}"#,
            #"{"rules": {"fan-out": "warn"}}"#,
            #"{"failOn": "never"}"#,
            #"{"rule": {}}"#,
            #"{"baseline": ""}"#,
            #"{"baseline": ["a.json"]}"#,
        ]
        let script = """
            import json, sys, jsonschema
            schema = json.load(open(sys.argv[1]))
            jsonschema.Draft202012Validator.check_schema(schema)
            validator = jsonschema.Draft202012Validator(schema)
            cases = json.load(sys.stdin)
            for text in cases["valid"]:
                validator.validate(json.loads(text))
            for text in cases["invalid"]:
                if validator.is_valid(json.loads(text)):
                    sys.exit("accepted an invalid configuration: " + text)
            print("ok")
            """
        let cases = try JSONSerialization.data(withJSONObject: ["valid": valid, "invalid": invalid])
        let schemaPath = Self.root.appendingPathComponent(ConfigurationSchema.path).path
        let result = try python.run(["-c", script, schemaPath], input: cases)
        #expect(result.status == 0, "\(result.standardError)")
        // And the parser agrees on every case.
        for text in valid { #expect(throws: Never.self) { try ConfigurationParser.parse(Array(text.utf8), path: "x") } }
        for text in invalid { #expect(throws: ConfigurationError.self) { try ConfigurationParser.parse(Array(text.utf8), path: "x") } }
    }
}
