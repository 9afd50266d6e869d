import BatonCheck
import BatonSyntax
import Testing

struct ConfigurationTests {
    func parse(_ text: String) throws(ConfigurationError) -> Configuration {
        try ConfigurationParser.parse(Array(text.utf8), path: ".baton.json")
    }

    func failure(_ text: String) -> ConfigurationError? {
        do {
            _ = try parse(text)
            return nil
        } catch {
            return error
        }
    }

    @Test func theSpecExample() throws {
        let configuration = try parse("""
            {
              "rules": {
                "sync-chain-depth": { "severity": "error", "max": 4 },
                "fan-out": "off"
              },
              "failOn": "warning"
            }
            """)
        #expect(configuration.failOn == .warning)
        let depth = try #require(Rules.descriptor(id: "sync-chain-depth"))
        #expect(configuration.severity(of: depth) == .error)
        #expect(configuration.options(of: depth)[SyncChainDepth.max] == 4)
        let fanOut = try #require(Rules.descriptor(id: "fan-out"))
        #expect(configuration.severity(of: fanOut) == .off)
        #expect(configuration.options(of: fanOut)[FanOut.max] == 5)
    }

    @Test func optionsWithoutSeverityKeepTheDefaultSeverity() throws {
        let configuration = try parse(#"{"rules": {"retry-amplification": {"max": 27}}}"#)
        let rule = try #require(Rules.descriptor(id: "retry-amplification"))
        #expect(configuration.severity(of: rule) == .warning)
        #expect(configuration.options(of: rule)[RetryAmplification.max] == 27)
    }

    @Test func configuredSeverityAndOptionsReachTheFindings() {
        let source = """
            client  App
            service A [timeout=1s]
            service B [timeout=1s]
            App -> A : one {
              A -> B : two
            }
            """
        let configuration = Configuration(rules: ["sync-chain-depth": .init(severity: .error, options: ["max": 1])])
        let (_, diagnostics) = check(source, configuration: configuration)
        #expect(diagnostics.map(\.code) == ["sync-chain-depth"])
        #expect(diagnostics.map(\.severity) == [.error])
    }

    @Test(arguments: [
        (#"{"rules": {"fan-outt": "off"}}"#, 1, 12, "unknown rule 'fan-outt'", "did you mean 'fan-out'?"),
        (#"{"rules": {"fan-out": {"maxx": 3}}}"#, 1, 24, "unknown option 'maxx' for rule 'fan-out'", "did you mean 'max'?"),
        (#"{"rules": {"fan-out": {"max": "3"}}}"#, 1, 31, "option 'max' of 'fan-out' must be a number, not '3'", nil),
        (#"{"rules": {"fan-out": {"max": 2.5}}}"#, 1, 31, "option 'max' of 'fan-out' must be a whole number, not 2.5", nil),
        (#"{"rules": {"fan-out": "warn"}}"#, 1, 23, "'warn' is not a severity", "did you mean 'warning'?"),
        (#"{"rules": {"fan-out": true}}"#, 1, 23, "the setting of 'fan-out' (a severity or an object) must be an object, not a boolean", nil),
        ("{\n  \"failOn\": \"never\"\n}", 2, 13, "'failOn' must be one of 'error', 'warning', 'info', not 'never'", nil),
        (#"{"rule": {}}"#, 1, 2, "unknown key 'rule' in the configuration", "did you mean 'rules'?"),
        (#"{"rules": {"syntax": "off"}}"#, 1, 12, "'syntax' is a compile error, which cannot be configured", nil),
        (#"{"rules": {"fan-out": "off", "fan-out": "info"}}"#, 1, 12, "'fan-out' is given twice in 'rules'", nil),
        (#"{"rules": [1]}"#, 1, 11, "'rules' must be an object, not an array", nil),
        ("{\n  \"rules\": {,}\n}", 2, 13, "invalid JSON: expected a string key", nil),
        (#"{"baseline": 1}"#, 1, 14, "'baseline' must be the path of a baseline file, not a number", "for example"),
        (#"{"baselin": "b.json"}"#, 1, 2, "unknown key 'baselin' in the configuration", "did you mean 'baseline'?"),
    ] as [(String, Int, Int, String, String?)])
    func errorsSayWhereAndWhat(_ text: String, line: Int, column: Int, message: String, help: String?) throws {
        let error = try #require(failure(text))
        #expect(error.line == line)
        #expect(error.column == column)
        #expect(error.message == message)
        if let help { #expect(error.help?.hasPrefix(help) == true, "help: \(error.help ?? "nil")") }
        #expect(error.description.hasPrefix(".baton.json:\(line):\(column): "))
    }

    /// Numbers beyond an option's range are configuration errors at the value, quoted as
    /// written: none of them may reach a rule (where `Int(1e19)` used to trap).
    @Test(arguments: [
        (#"{"rules": {"fan-out": {"max": 1e19}}}"#, "option 'max' of 'fan-out' must be at most 1000000, not 1e19"),
        (#"{"rules": {"fan-out": {"max": 9223372036854775808}}}"#, "option 'max' of 'fan-out' must be at most 1000000, not 9223372036854775808"),
        (#"{"rules": {"sync-chain-depth": {"max": 1e308}}}"#, "option 'max' of 'sync-chain-depth' must be at most 1000000, not 1e308"),
        (#"{"rules": {"sync-chain-depth": {"max": 1e400}}}"#, "option 'max' of 'sync-chain-depth' must be at most 1000000, not 1e400"),
        (#"{"rules": {"retry-amplification": {"max": 1000000.5}}}"#, "option 'max' of 'retry-amplification' must be at most 1000000, not 1000000.5"),
        (#"{"rules": {"fan-out": {"max": -1e400}}}"#, "option 'max' of 'fan-out' must be at least 0, not -1e400"),
        (#"{"rules": {"fan-out": {"max": -1}}}"#, "option 'max' of 'fan-out' must be at least 0, not -1"),
    ] as [(String, String)])
    func numbersOutOfRangeAreErrorsAtTheValue(_ text: String, message: String) throws {
        let error = try #require(failure(text))
        #expect(error.message == message)
        #expect(error.line == 1)
        #expect(error.column == text.distance(from: text.startIndex, to: try #require(text.range(of: "\"max\": ")).upperBound) + 1)
        #expect(error.help?.hasPrefix("allowed: ") == true, "help: \(error.help ?? "nil")")
    }

    /// Literals and keys of any length are quoted by their beginning: a 401-digit number was
    /// echoed whole.
    @Test(arguments: [
        (#"{"rules": {"fan-out": {"max": 1"# + String(repeating: "0", count: 400) + "}}}",
         "option 'max' of 'fan-out' must be at most 1000000, not 1" + String(repeating: "0", count: 19) + "…"),
        (#"{"rules": {"fan-out": {"max": -1"# + String(repeating: "0", count: 400) + "}}}",
         "option 'max' of 'fan-out' must be at least 0, not -1" + String(repeating: "0", count: 18) + "…"),
        (#"{"rules": {"fan-out": {"max": 2.5"# + String(repeating: "0", count: 400) + "}}}",
         "option 'max' of 'fan-out' must be a whole number, not 2.5" + String(repeating: "0", count: 17) + "…"),
        (#"{"rules": {"fan-out": {"max": -1.7976931348623e308}}}"#,
         "option 'max' of 'fan-out' must be at least 0, not -1.7976931348623e308"),
        (#"{"rules": {""# + String(repeating: "x", count: 1_000) + #"": "off"}}"#,
         "unknown rule '" + String(repeating: "x", count: 40) + "…'"),
        (#"{"rules": {"fan-out": ""# + String(repeating: "w", count: 1_000) + #""}}"#,
         "'" + String(repeating: "w", count: 40) + "…' is not a severity"),
        (#"{"failOn": ""# + String(repeating: "e", count: 1_000) + #""}"#,
         "'failOn' must be one of 'error', 'warning', 'info', not '" + String(repeating: "e", count: 40) + "…'"),
        (#"{"rules": {"fan-out": {""# + String(repeating: "m", count: 1_000) + #"": 1}}}"#,
         "unknown option '" + String(repeating: "m", count: 40) + "…' for rule 'fan-out'"),
        (#"{"rules": {"async-reply-without-correlatoin": "off"}}"#, "unknown rule 'async-reply-without-correlatoin'"),
    ] as [(String, String)])
    func longLiteralsAreQuotedByTheirBeginning(_ text: String, message: String) throws {
        let error = try #require(failure(text))
        #expect(error.message == message)
    }

    @Test func theLargestAllowedValuesAreAccepted() throws {
        let configuration = try parse(#"{"rules": {"fan-out": {"max": 1000000}, "retry-amplification": {"max": 1e6}, "sync-chain-depth": {"max": 1}}}"#)
        let fanOut = try #require(Rules.descriptor(id: "fan-out"))
        #expect(configuration.options(of: fanOut)[FanOut.max] == 1_000_000)
    }

    /// A `Configuration` built in code skips the parser: the rules must still not trap on
    /// values no whole number can hold.
    @Test(arguments: [1e19, 9_223_372_036_854_775_808, 1e308, .infinity, -.infinity, .nan, -1e19])
    func rulesSurviveAnyOptionValue(_ value: Double) {
        let source = """
            client  App
            service A [timeout=1s]
            service B [timeout=1s, retries=2]
            App -> A : one {
              A -> B : two [retries=2]
            }
            """
        for id in ["fan-out", "sync-chain-depth", "retry-amplification"] {
            let configuration = Configuration(rules: [id: .init(options: ["max": value])])
            _ = check(source, configuration: configuration)
        }
    }

    @Test func schemaKeyIsAllowed() throws {
        let configuration = try parse(#"{"$schema": "../schema/baton-config.schema.json", "rules": {}}"#)
        #expect(configuration.rules.isEmpty)
    }

    /// The baseline is kept as written; `baton check` resolves it against the file's directory.
    @Test func baselineIsAPath() throws {
        let configuration = try parse(#"{"baseline": "ci/baton-baseline.json", "failOn": "warning"}"#)
        #expect(configuration.baseline == "ci/baton-baseline.json")
        #expect(configuration.failOn == .warning)
        #expect(try parse("{}").baseline == nil)
    }
}
