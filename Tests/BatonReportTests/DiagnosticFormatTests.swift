import Baton
import BatonCheck
import BatonJSON
import BatonReport
import BatonSyntax
import BatonTestSupport
import Foundation
import Testing

/// SARIF and GitHub annotations, checked field by field against what GitHub requires.
struct DiagnosticFormatTests {
    static let source = """
        service Orders  [timeout=1s]
        service Billing [timeout=1s]
        external Stripe [timeout=1s]

        Orders -> Billing : createInvoice
        Billing -> Orders : getOrder
        Orders -> Stripe : "charge, now: 100%"
        """

    static func reported(_ source: String = source, path: String = "designs/checkout.baton") -> [ReportedDiagnostic] {
        let compilation = Baton.compile(source: source, path: path)
        return Baton.check(compilation).map { ReportedDiagnostic($0, sources: compilation.sources) }
    }

    static func sarif(_ diagnostics: [ReportedDiagnostic], workingDirectory: String = "/work/repo",
                      omitted: [OmittedErrors] = []) -> String {
        SARIFReporter.report(diagnostics, tool: .init(name: "baton", version: "0.1.0", informationURI: "https://example.org/baton"),
                             workingDirectory: workingDirectory, omitted: omitted)
    }

    @Test func sarifHasEverythingGitHubCodeScanningNeeds() throws {
        let diagnostics = Self.reported()
        #expect(diagnostics.map(\.code) == ["sync-cycle", "external-without-breaker"])
        let log = try JSONValue.parse(Self.sarif(diagnostics))
        #expect(log["$schema"]?.stringValue?.hasSuffix("sarif-schema-2.1.0.json") == true)
        #expect(log["version"]?.stringValue == "2.1.0")
        let runs = try #require(log["runs"]?.arrayValue)
        #expect(runs.count == 1)
        let run = runs[0]
        #expect(run["columnKind"]?.stringValue == "unicodeCodePoints")
        let driver = try #require(run["tool"]?["driver"])
        #expect(driver["name"]?.stringValue == "baton")
        #expect(driver["semanticVersion"]?.stringValue == "0.1.0")
        #expect(driver["informationUri"]?.stringValue == "https://example.org/baton")
        let rules = try #require(driver["rules"]?.arrayValue)
        #expect(rules.count == Rules.descriptors.count + CompileErrorDocumentation.all.count)
        for rule in rules {
            #expect(rule["id"]?.stringValue?.isEmpty == false)
            #expect(rule["shortDescription"]?["text"]?.stringValue?.isEmpty == false)
            #expect(rule["fullDescription"]?["text"]?.stringValue?.isEmpty == false)
            #expect(rule["help"]?["text"]?.stringValue?.isEmpty == false)
            #expect(rule["help"]?["markdown"]?.stringValue?.isEmpty == false)
            #expect(["error", "warning", "note"].contains(rule["defaultConfiguration"]?["level"]?.stringValue ?? ""))
        }
        let results = try #require(run["results"]?.arrayValue)
        #expect(results.count == 2)
        let cycle = results[0]
        #expect(cycle["ruleId"]?.stringValue == "sync-cycle")
        let index = try #require(cycle["ruleIndex"]?.numberValue.map(Int.init))
        #expect(rules[index]["id"]?.stringValue == "sync-cycle")
        #expect(cycle["level"]?.stringValue == "error")
        #expect(cycle["message"]?["text"]?.stringValue?.hasPrefix("synchronous call cycle: Orders -> Billing -> Orders") == true)
        let location = try #require(cycle["locations"]?.arrayValue?.first?["physicalLocation"])
        #expect(location["artifactLocation"]?["uri"]?.stringValue == "designs/checkout.baton")
        #expect(location["artifactLocation"]?["uriBaseId"]?.stringValue == "%SRCROOT%")
        let region = try #require(location["region"])
        #expect(region["startLine"]?.numberValue == 6)
        #expect(region["startColumn"]?.numberValue == 1)
        #expect(region["endLine"]?.numberValue == 6)
        #expect(region["endColumn"]?.numberValue == 29)
        let related = try #require(cycle["relatedLocations"]?.arrayValue)
        #expect(related.first?["physicalLocation"]?["region"]?["startLine"]?.numberValue == 5)
        #expect(related.first?["message"]?["text"]?.stringValue == "Orders -> Billing : createInvoice")
        let fingerprint = try #require(cycle["partialFingerprints"]?["primaryLocationLineHash"]?.stringValue)
        #expect(fingerprint.range(of: "^[0-9a-f]{16}:1$", options: .regularExpression) != nil)
    }

    /// A note in the finding's own file shares its URI; one in another file has its own, even
    /// when the two paths are one text in two Unicode forms (two files on disk).
    @Test func notesInOtherFilesHaveTheirOwnURI() throws {
        var cycle = try #require(Self.reported().first { $0.code == "sync-cycle" })
        let note = try #require(cycle.notes.first)
        cycle.file = "designs/caf\u{E9}.baton"
        cycle.notes = [note, note]
        cycle.notes[0].file = "designs/cafe\u{301}.baton"
        cycle.notes[1].file = cycle.file
        let log = try JSONValue.parse(Self.sarif([cycle]))
        let result = try #require(log["runs"]?.arrayValue?.first?["results"]?.arrayValue?.first)
        let related = try #require(result["relatedLocations"]?.arrayValue)
        let uris = related.map { $0["physicalLocation"]?["artifactLocation"]?["uri"]?.stringValue }
        #expect(uris.prefix(2) == ["designs/cafe%CC%81.baton", "designs/caf%C3%A9.baton"])
        #expect(result["locations"]?.arrayValue?.first?["physicalLocation"]?["artifactLocation"]?["uri"]?.stringValue
            == "designs/caf%C3%A9.baton")
    }

    @Test func fingerprintsSurviveLineShiftsButNotChanges() throws {
        func fingerprints(_ source: String) throws -> [String] {
            let log = try JSONValue.parse(Self.sarif(Self.reported(source)))
            return (log["runs"]?.arrayValue?.first?["results"]?.arrayValue ?? []).compactMap {
                $0["partialFingerprints"]?["primaryLocationLineHash"]?.stringValue
            }
        }
        let original = try fingerprints(Self.source)
        let shifted = try fingerprints("# a new comment\n\n" + Self.source.replacingOccurrences(of: "Orders -> Billing", with: "Orders  ->  Billing"))
        #expect(original == shifted)
        // What `baton fmt` may change (spaces where the source had none, trailing comments) does not count.
        let squeezed = try fingerprints(Self.source.replacingOccurrences(of: "Billing -> Orders : getOrder", with: "Billing->Orders:getOrder  # why"))
        #expect(original == squeezed)
        let changed = try fingerprints(Self.source.replacingOccurrences(of: "getOrder", with: "getOrderLines"))
        #expect(original[0] != changed[0])
        #expect(original[1] == changed[1])
    }

    /// The statement part of a fingerprint: no whitespace, comments or block, but strings as written.
    @Test(arguments: [
        ("Orders -> Billing : charge", "Orders->Billing:charge"),
        ("Orders->Billing  :  charge   # a comment\n", "Orders->Billing:charge"),
        ("Shopper -> Shop : pay [timeout=5s] {\n  Shop -> Stripe : createPayment\n}", "Shopper->Shop:pay[timeout=5s]"),
        (#"Orders -> Stripe : "charge { now #1 }" [timeout=1s]"#, #"Orders->Stripe:"charge { now #1 }"[timeout=1s]"#),
        (#"A -> B : "say \"hi { \" " {"#, #"A->B:"say \"hi { \" ""#),
        ("service  Orders  [timeout=1s,\n                  retries=2]", "serviceOrders[timeout=1s,retries=2]"),
    ])
    func statementKeysIgnoreLayout(_ text: String, _ key: String) {
        #expect(Fingerprint.statementKey(text) == key)
    }

    @Test func identicalStatementsAreNumberedInOrder() {
        let source = "service A\nservice B\nservice C\nA -> B : x\nA -> B : x\nA -> C : x\n"
        let diagnostics = Self.reported(source)
        let fingerprints = Fingerprint.numbered(diagnostics) { $0.file }
        let timeouts = zip(diagnostics, fingerprints).filter { $0.0.code == "missing-timeout" }.map(\.1)
        #expect(timeouts.count == 3)
        #expect(timeouts.map { $0.suffix(2) } == [":1", ":2", ":1"])
        #expect(timeouts[0].prefix(16) == timeouts[1].prefix(16))
        #expect(timeouts[0].prefix(16) != timeouts[2].prefix(16))
    }

    @Test func sarifCarriesFixesButNotSuppressions() throws {
        let log = try JSONValue.parse(Self.sarif(Self.reported()))
        let results = try #require(log["runs"]?.arrayValue?.first?["results"]?.arrayValue)
        let breaker = try #require(results.first { $0["ruleId"] == .string("external-without-breaker") })
        let fixes = try #require(breaker["fixes"]?.arrayValue)
        #expect(fixes.count == 1, "the suppression fix is left out")
        #expect(fixes[0]["description"]?["text"] == .string("add circuit-breaker"))
        let change = try #require(fixes[0]["artifactChanges"]?.arrayValue?.first)
        #expect(change["artifactLocation"]?["uri"] == .string("designs/checkout.baton"))
        let replacement = try #require(change["replacements"]?.arrayValue?.first)
        // `Orders -> Stripe : "charge, now: 100%"` is 38 columns long: the list goes in at column 39 of line 7.
        #expect(replacement["deletedRegion"] == .object([("startLine", .int(7)), ("startColumn", .int(39)),
                                                         ("endLine", .int(7)), ("endColumn", .int(39))]))
        #expect(replacement["insertedContent"]?["text"] == .string(" [circuit-breaker]"))
    }

    @Test func relativeURIs() {
        #expect(SARIFReporter.relativeURI("/work/repo/designs/a b.baton", workingDirectory: "/work/repo") == "designs/a%20b.baton")
        #expect(SARIFReporter.relativeURI("./designs/x.baton", workingDirectory: "/work/repo") == "designs/x.baton")
        #expect(SARIFReporter.relativeURI("<stdin>", workingDirectory: "/") == "%3Cstdin%3E")
        #expect(SARIFReporter.relativeURI("désign.baton", workingDirectory: "/") == "d%C3%A9sign.baton")
    }

    @Test(.requires(program: "python3"))
    func sarifValidatesAgainstTheOfficialSchema() throws {
        let python = try ExternalProgram.require("python3", package: "python3")
        if try python.run(["-c", "import jsonschema"]).status != 0 {
            if ExternalProgram.isCI { Issue.record("the Python module jsonschema is missing: install python3-jsonschema"); return }
            try Test.cancel("skipped: the Python module jsonschema is missing (install python3-jsonschema)")
        }
        let schema = Golden.fixturesDirectory().appendingPathComponent("sarif/sarif-schema-2.1.0.json").path
        let script = """
            import json, sys, jsonschema
            schema = json.load(open(sys.argv[1]))
            jsonschema.Draft4Validator(schema).validate(json.load(sys.stdin))
            print("ok")
            """
        // The third report is capped: its invocation says how many errors it leaves out.
        let capped = [OmittedErrors(file: "designs/checkout.baton", count: 5)]
        for (diagnostics, omitted) in [(Self.reported(), []), ([], []), (Self.reported(), capped)] {
            let result = try python.run(["-c", script, schema], input: Data(Self.sarif(diagnostics, omitted: omitted).utf8))
            #expect(result.status == 0, "\(result.standardError)")
        }
    }

    // MARK: GitHub annotations

    @Test func annotationsCarryPositionsAndTitle() {
        let lines = GitHubReporter.report(Self.reported(), files: 1).split(separator: "\n").map(String.init)
        #expect(lines[0].hasPrefix("::error file=designs/checkout.baton,line=6,col=1,endLine=6,endColumn=29,title=baton (sync-cycle)::synchronous call cycle: Orders -> Billing -> Orders%0Anote: Orders -> Billing : createInvoice at designs/checkout.baton:5:1%0Ahelp: "))
        #expect(lines[1].hasPrefix("::warning file=designs/checkout.baton,line=7,col=1,"))
        #expect(lines.last == "1 error, 1 warning in 1 file")
    }

    @Test func infoBecomesNotice() {
        let source = """
            service G [timeout=1s]
            service A [timeout=1s]
            G -> A : a
            """
        let compilation = Baton.compile(source: source, path: "x.baton")
        let configuration = Configuration(rules: ["fan-out": .init(severity: .info, options: ["max": 0])])
        let reported = Baton.check(compilation, configuration: configuration).map { ReportedDiagnostic($0, sources: compilation.sources) }
        #expect(GitHubReporter.annotation(reported[0]).hasPrefix("::notice file=x.baton,line=1,"))
    }

    @Test(arguments: [
        ("plain", "plain", "plain"),
        ("100%", "100%25", "100%25"),
        ("a\r\nb", "a%0D%0Ab", "a%0D%0Ab"),
        ("a: b, c", "a: b, c", "a%3A b%2C c"),
        ("%0A", "%250A", "%250A"),
        ("ünï%cödé:\n😀,", "ünï%25cödé:%0A😀,", "ünï%25cödé%3A%0A😀%2C"),
        ("", "", ""),
    ])
    func escaping(_ text: String, data: String, property: String) {
        #expect(GitHubReporter.escapeData(text) == data)
        #expect(GitHubReporter.escapeProperty(text) == property)
    }

    @Test func propertiesAreEscapedInFileNames() {
        let reported = Self.reported(path: "odd, name: x.baton")
        #expect(GitHubReporter.annotation(reported[0]).hasPrefix("::error file=odd%2C name%3A x.baton,line=6,"))
    }

    @Test func multiLineSpansDropColumns() {
        let source = """
            service A
            service B
            A -> B : call [latency=1s,
                           budget=2s]
            """
        let compilation = Baton.compile(source: source, path: "m.baton")
        let reported = Baton.check(compilation).map { ReportedDiagnostic($0, sources: compilation.sources) }
        let annotation = GitHubReporter.annotation(reported[0])
        #expect(annotation.hasPrefix("::warning file=m.baton,line=3,endLine=4,title=baton (missing-timeout)::"))
    }
}
