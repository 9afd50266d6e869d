import BatonJSON
import BatonTestSupport
import Foundation
import Testing

/// `baton diff` as users and CI jobs run it: two files, standard input, a git revision in a
/// throwaway repository; text, JSON (checked against its schema), Markdown (read by pandoc) and
/// the SVG diagram (read by xmllint); exit statuses 0, 1 and 2.
@Suite struct DiffCommandTests {
    static let old = """
        title "Checkout"
        client Shopper
        service Shop [timeout=5s]
        service Payments [timeout=2s]
        queue Legacy [ttl=1h]
        store Books
        Shopper -> Shop : checkout {
          Shop -> Payments : charge [retries=3]
          Shop <- Books : read stock [timeout=1s]
          Shop ->> Legacy : order placed
        }
        """
    static let new = """
        title "Checkout"
        client Shopper
        service Shop [timeout=5s]
        service Payments [timeout=1s]
        service Fraud [timeout=1s]
        store Ledger
        Shopper -> Shop : checkout {
          Shop -> Payments : charge [retries=3]
          Shop -> Fraud : score
          Shop <- Ledger : read stock [timeout=1s]
        }
        """
    /// The old design, written another way: comments, spacing, `5000ms` for `5s`.
    static let reformatted = """
        # Same meaning.
        title "Checkout"
        client   Shopper
        service  Shop      [timeout=5000ms]
        service  Payments  [timeout=2s]   # two seconds
        queue    Legacy    [ttl=60m]
        store    Books

        Shopper->Shop : checkout {
            Shop->Payments : charge [retries=3]
            Shop<-Books : read stock [timeout=1s]
            Shop->>Legacy : order placed
        }
        """

    static let schema = Golden.packageRoot().appendingPathComponent("schema/baton-diff.schema.json")

    static func directory() throws -> URL {
        try makeTemporaryDirectory(["old.baton": old, "new.baton": new, "reformatted.baton": reformatted,
                                    "broken.baton": "service A\nA -> Nobody : call\n"])
    }

    static func diff(_ arguments: [String], in directory: URL, input: String = "") throws -> BatonExecutable.Result {
        try BatonExecutable.run(["diff"] + arguments, input: Data(input.utf8), directory: directory)
    }

    // MARK: - Exit status

    @Test func equalDifferentAndBroken() throws {
        let directory = try Self.directory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let same = try Self.diff(["old.baton", "old.baton"], in: directory)
        #expect(same.status == 0)
        #expect(same.standardOutput == "diff old.baton old.baton\nno semantic differences\n")
        let reformatted = try Self.diff(["old.baton", "reformatted.baton"], in: directory)
        #expect(reformatted.status == 0, "reformatting and comments only: \(reformatted.standardOutput)")
        let different = try Self.diff(["old.baton", "new.baton"], in: directory)
        #expect(different.status == 1)
        #expect(different.standardError.isEmpty)
        // A design that does not compile is reported as check reports it, and the run fails with 2.
        let broken = try Self.diff(["old.baton", "broken.baton"], in: directory)
        #expect(broken.status == 2)
        #expect(broken.standardOutput.isEmpty)
        #expect(broken.standardError.contains("broken.baton:2:6: error[undeclared-name]: 'Nobody' is not declared"))
        #expect(broken.standardError.contains("baton: error: cannot compare: 1 design does not compile"))
        let missing = try Self.diff(["old.baton", "gone.baton"], in: directory)
        #expect(missing.status == 2)
        #expect(missing.standardError.contains("cannot read 'gone.baton': No such file or directory"))
    }

    @Test(arguments: [
        (["old.baton"], "baton diff compares two designs: give OLD and NEW"),
        (["old.baton", "new.baton", "x.baton"], "baton diff compares two designs, not 3"),
        (["-", "-"], "standard input can be one of the two designs, not both"),
        (["old.baton", "new.baton", "--theme", "dark"], "--theme applies to the diagram only"),
        (["old.baton", "new.baton", "--to", "svg", "--format", "json"], "--to svg draws the difference instead of reporting it"),
        (["old.baton", "new.baton", "--to", "svg", "--graph-limit", "0"], "'--graph-limit'"),
    ])
    func usageErrors(_ arguments: [String], message: String) throws {
        let directory = try Self.directory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = try Self.diff(arguments, in: directory)
        #expect(result.status == 2)
        #expect(result.standardOutput.isEmpty)
        #expect(result.standardError.contains(message), "\(result.standardError)")
    }

    // MARK: - Formats

    @Test func theTextReportOnAPairOfSamples() throws {
        let result = try BatonExecutable.run(["diff", "samples/retry-storm.baton", "samples/retry-storm-simulated.baton"],
                                             directory: Golden.packageRoot())
        #expect(result.status == 1)
        let text = result.standardOutput
        #expect(text.hasPrefix("diff samples/retry-storm.baton samples/retry-storm-simulated.baton\n\n~ title: Search: retries at every layer → Retry storm, simulated\n"))
        #expect(text.contains("\n  ~ service Search  samples/retry-storm-simulated.baton:27\n      latency: unset → 100ms\n      concurrency: unset → 1\n      timeout: 3s → unset\n      backlog: unset → 100\n"))
        #expect(text.contains("\n  - Gateway ->> Audit : SearchLogged  samples/retry-storm.baton:34\n"))
        #expect(text.contains("\n  resolved error[unbounded-retry] samples/retry-storm.baton:34:1: "))
        #expect(text.contains("\nNumbers that moved\n  fan-out  Search: 2 → 0\n"))
        #expect(text.hasSuffix("\ntitle changed; 2 participants added, 6 removed, 1 changed; 2 interactions added, 6 removed; "
                               + "2 flows added, 1 removed; 2 scenarios added; 1 new finding, 4 resolved; 1 number moved\n"))
        #expect(!text.contains("\u{1B}["), "no colour outside a terminal")
        let colored = try BatonExecutable.run(["diff", "--color", "always", "samples/retry-storm.baton", "samples/retry-storm-simulated.baton"],
                                              directory: Golden.packageRoot(), environment: ["NO_COLOR": ""])
        #expect(colored.standardOutput.contains("\u{1B}[32m+ client Hasty\u{1B}[0m"))
    }

    @Test func standardInputAsTheOldDesign() throws {
        let directory = try Self.directory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = try Self.diff(["-", "new.baton"], in: directory, input: Self.old)
        #expect(result.status == 1)
        #expect(result.standardOutput.hasPrefix("diff <stdin> new.baton\n"))
        #expect(result.standardOutput.contains("  > store Ledger (was Books)  new.baton:6\n"))
    }

    @Test(.requires(program: "python3"))
    func theJSONFollowsItsSchema() throws {
        let python = try ExternalProgram.requirePython(module: "jsonschema", package: "jsonschema>=4.17")
        let directory = try Self.directory()
        defer { try? FileManager.default.removeItem(at: directory) }
        var documents: [String] = []
        for pair in [["old.baton", "new.baton"], ["old.baton", "reformatted.baton"], ["new.baton", "old.baton"]] {
            let result = try Self.diff(["--format", "json"] + pair, in: directory)
            #expect(result.status == (pair[1] == "reformatted.baton" ? 0 : 1))
            documents.append(result.standardOutput)
        }
        let samples = try BatonExecutable.run(["diff", "--format", "json", "samples/retry-storm.baton", "samples/retry-storm-simulated.baton"],
                                              directory: Golden.packageRoot())
        documents.append(samples.standardOutput)
        try Self.validate(documents, python: python)
        let first = try JSONValue.parse(documents[0])
        let design = try #require(first["designs"]?.arrayValue?.first)
        #expect(design["participants"]?.arrayValue?.map { $0["change"]?.stringValue ?? "" } == ["changed", "added", "renamed", "removed"])
        #expect(try JSONValue.parse(documents[1])["equal"]?.boolValue == true)
    }

    /// A new finding's fingerprint is the one `baton check --format sarif` gives it: one
    /// definition (`Fingerprint.hash`), so a diff, code scanning and baselines agree.
    @Test func findingFingerprintsAreSARIFs() throws {
        let directory = try Self.directory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let diff = try JSONValue.parse(try Self.diff(["--format", "json", "old.baton", "new.baton"], in: directory).standardOutput)
        let sarif = try JSONValue.parse(try BatonExecutable.run(["check", "--format", "sarif", "new.baton"], directory: directory).standardOutput)
        let results = sarif["runs"]?.arrayValue?.first?["results"]?.arrayValue ?? []
        var sarifFingerprints: [String: String] = [:]
        for result in results {
            let message = result["message"]?["text"]?.stringValue?.components(separatedBy: "\nhelp: ").first ?? ""
            sarifFingerprints[message] = result["partialFingerprints"]?["primaryLocationLineHash"]?.stringValue
        }
        let new = diff["designs"]?.arrayValue?.first?["findings"]?["new"]?.arrayValue ?? []
        #expect(!new.isEmpty)
        for finding in new {
            let message = try #require(finding["message"]?.stringValue)
            #expect(finding["fingerprint"]?.stringValue == sarifFingerprints[message], "\(message)")
        }
    }

    /// Validates each document with Python's jsonschema against schema/baton-diff.schema.json
    /// (itself checked as a draft 2020-12 schema), and makes sure the schema can fail.
    static func validate(_ documents: [String], python: ExternalProgram) throws {
        let script = """
            import json, sys, jsonschema
            schema = json.load(open(sys.argv[1]))
            jsonschema.Draft202012Validator.check_schema(schema)
            validator = jsonschema.Draft202012Validator(schema)
            documents = json.load(sys.stdin)
            for text in documents:
                validator.validate(json.loads(text))
            broken = json.loads(documents[0])
            broken["designs"][0]["participants"][0]["change"] = "moved"
            if validator.is_valid(broken):
                sys.exit("the schema accepted an unknown change")
            print("ok", len(documents))
            """
        let input = try JSONSerialization.data(withJSONObject: documents)
        let result = try python.run(["-c", script, schema.path], input: input)
        #expect(result.status == 0, "\(result.standardError)")
        #expect(String(decoding: result.standardOutput, as: UTF8.self) == "ok \(documents.count)\n")
    }

    @Test(.requires(program: "pandoc"))
    func theMarkdownReadsAsTablesInPandoc() throws {
        let pandoc = try ExternalProgram.require("pandoc", package: "pandoc")
        let result = try BatonExecutable.run(["diff", "--format", "markdown", "samples/retry-storm.baton", "samples/retry-storm-simulated.baton"],
                                             directory: Golden.packageRoot())
        #expect(result.status == 1)
        let markdown = Data(result.standardOutput.utf8)
        let ast = try pandoc.run(["-f", "gfm", "-t", "json"], input: markdown)
        #expect(ast.status == 0, "\(ast.standardError)")
        let document = try JSONValue.parse(String(decoding: ast.standardOutput, as: UTF8.self))
        let blocks = document["blocks"]?.arrayValue ?? []
        let kinds = blocks.compactMap { $0["t"]?.stringValue }
        // Participants, interactions, flows, scenarios, findings, numbers: a heading and a table each.
        #expect(kinds.filter { $0 == "Table" }.count == 6, "\(kinds)")
        #expect(kinds.filter { $0 == "Header" }.count == 7)
        #expect(kinds.first == "Header")
        let html = try pandoc.run(["-f", "gfm", "-t", "html", "--wrap=none"], input: markdown)
        let page = String(decoding: html.standardOutput, as: UTF8.self)
        #expect(page.contains("<td>Gateway -&gt;&gt; Audit : SearchLogged</td>"), "escaped text reads as written")
        #expect(page.contains("<td>latency: — → 100ms<br>concurrency: — → 1<br>timeout: 3s → —<br>backlog: — → 100</td>"), "one line per attribute")
    }

    @Test(.requires(program: "xmllint"))
    func theDiagramIsValidSVGInBothThemes() throws {
        let xmllint = try ExternalProgram.require("xmllint", package: "libxml2-utils")
        let directory = try Self.directory()
        defer { try? FileManager.default.removeItem(at: directory) }
        for (theme, colors) in [("light", ["#1a7f37", "#cf222e", "#9a6700", "#59636e"]), ("dark", ["#3fb950", "#f85149", "#d29922", "#9198a1"])] {
            let result = try Self.diff(["old.baton", "new.baton", "--to", "svg", "--theme", theme, "-o", "diff-\(theme).svg"], in: directory)
            #expect(result.status == 1, "different designs: \(result.standardError)")
            #expect(result.standardOutput.isEmpty)
            let svg = try Data(contentsOf: directory.appendingPathComponent("diff-\(theme).svg"))
            let lint = try xmllint.run(["--noout", "-"], input: svg)
            #expect(lint.status == 0 && lint.standardError.isEmpty, "\(lint.standardError)")
            let text = String(decoding: svg, as: UTF8.self)
            for color in colors { #expect(text.contains("stroke=\"\(color)\""), "\(theme): \(color)") }
            #expect(text.contains("class=\"participant queue diff-removed\""))
            #expect(text.contains("class=\"participant service diff-added\""))
            #expect(text.contains(">Ledger (was Books)<"))
            #expect(text.contains(">Key: what changed from the old design to the new one<"))
        }
        // Never over an input.
        let overwrite = try Self.diff(["old.baton", "new.baton", "--to", "svg", "-o", "new.baton"], in: directory)
        #expect(overwrite.status == 2)
        #expect(try String(contentsOf: directory.appendingPathComponent("new.baton"), encoding: .utf8) == Self.new)
    }

    // MARK: - git

    /// A throwaway repository: `design.baton` and `other.baton` import `lib/shared.baton`,
    /// `alone.baton` and `gone.baton` import nothing. One commit, then the working tree changes.
    static func repository(git: ExternalProgram) throws -> URL {
        let directory = try makeTemporaryDirectory([
            "design.baton": "import \"lib/shared.baton\"\nclient App\nApp -> Shared : call\n",
            "other.baton": "import \"lib/shared.baton\"\nclient Web\nWeb -> Shared : page\n",
            "lib/shared.baton": "service Shared [timeout=1s]\nstore Cache\nShared <- Cache : read [timeout=1s]\n",
            "alone.baton": "service A\nservice B [timeout=1s]\nA -> B : call\n",
            "gone.baton": "service G\n",
        ], prefix: "baton-diff-git")
        try run(git, ["init", "-q"], in: directory)
        try run(git, ["add", "."], in: directory)
        try run(git, ["-c", "user.name=Baton", "-c", "user.email=baton@example.com", "commit", "-q", "-m", "first"], in: directory)
        return directory
    }

    @discardableResult
    static func run(_ git: ExternalProgram, _ arguments: [String], in directory: URL) throws -> String {
        let result = try git.run(arguments, in: directory, environment: ["GIT_CONFIG_NOSYSTEM": "1", "HOME": directory.path])
        #expect(result.status == 0, "git \(arguments): \(result.standardError)")
        return String(decoding: result.standardOutput, as: UTF8.self)
    }

    @Test(.requires(program: "git"))
    func gitComparesTheWorkingTreeWithARevisionImportsIncluded() throws {
        let git = try ExternalProgram.require("git", package: "git")
        let directory = try Self.repository(git: git)
        defer { try? FileManager.default.removeItem(at: directory) }
        // Nothing changed yet.
        let clean = try Self.diff(["--git", "HEAD", "design.baton"], in: directory)
        #expect(clean.status == 0, "\(clean.standardError)")
        #expect(clean.standardOutput == "diff HEAD:design.baton design.baton\nno semantic differences\n")
        // Only the imported file changes: the design changes with it, read at HEAD on one side.
        try Data("service Shared [timeout=3s]\n".utf8).write(to: directory.appendingPathComponent("lib/shared.baton"))
        let imported = try Self.diff(["--git", "HEAD", "design.baton"], in: directory)
        #expect(imported.status == 1, "\(imported.standardError)")
        #expect(imported.standardOutput.contains("  ~ service Shared  lib/shared.baton:1\n      timeout: 1s → 3s\n"), "\(imported.standardOutput)")
        // What the revision's import had is named by its place in the revision.
        #expect(imported.standardOutput.contains("  - store Cache  HEAD:lib/shared.baton:2\n"), "\(imported.standardOutput)")
        #expect(imported.standardOutput.contains("  - Shared <- Cache : read  HEAD:lib/shared.baton:3\n"))
        #expect(imported.standardOutput.contains("worst-case wait  App -> Shared : call: 1s → 3s"))
        // Without FILE: every design that changed, and every design importing one; deleted and
        // untracked ones compare with an empty design.
        try FileManager.default.removeItem(at: directory.appendingPathComponent("gone.baton"))
        try Data("service N\n".utf8).write(to: directory.appendingPathComponent("new.baton"))
        let all = try Self.diff(["--git", "HEAD"], in: directory)
        #expect(all.status == 1)
        let headers = all.standardOutput.split(separator: "\n").filter { $0.hasPrefix("diff ") }
        #expect(headers == [
            "diff HEAD:design.baton design.baton", "diff HEAD:gone.baton gone.baton", "diff HEAD:lib/shared.baton lib/shared.baton",
            "diff HEAD:new.baton new.baton", "diff HEAD:other.baton other.baton",
        ], "\(all.standardOutput)")
        #expect(all.standardOutput.contains("diff HEAD:gone.baton gone.baton\n\nParticipants\n  - service G  HEAD:gone.baton:1\n"))
        #expect(all.standardOutput.contains("diff HEAD:new.baton new.baton\n\nParticipants\n  + service N  new.baton:1\n"))
        // The JSON of a multi-design run follows the schema too.
        if ExternalProgram.find("python3")?.canImport(pythonModule: "jsonschema") == true || ExternalProgram.isCI {
            let python = try ExternalProgram.requirePython(module: "jsonschema", package: "jsonschema>=4.17")
            let json = try Self.diff(["--git", "HEAD", "--format", "json"], in: directory)
            try Self.validate([json.standardOutput], python: python)
            #expect(try JSONValue.parse(json.standardOutput)["designs"]?.arrayValue?.count == 5)
        }
        // From a subdirectory, paths are the user's.
        let sub = try BatonExecutable.run(["diff", "--git", "HEAD", "shared.baton"], directory: directory.appendingPathComponent("lib"))
        #expect(sub.status == 1)
        #expect(sub.standardOutput.hasPrefix("diff HEAD:lib/shared.baton shared.baton\n"))
    }

    @Test(.requires(program: "git"))
    func gitErrors() throws {
        let git = try ExternalProgram.require("git", package: "git")
        let directory = try Self.repository(git: git)
        defer { try? FileManager.default.removeItem(at: directory) }
        let unknown = try Self.diff(["--git", "no-such-branch", "design.baton"], in: directory)
        #expect(unknown.status == 2)
        #expect(unknown.standardError.contains("'no-such-branch' names no commit"))
        let option = try Self.diff(["--git=--output=x", "design.baton"], in: directory)
        #expect(option.status == 2)
        #expect(option.standardError.contains("is not a revision --git can compare with"))
        #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("x").path))
        // A revision whose design does not compile: reported, exit 2.
        try Data("service A\nA -> Nobody : call\n".utf8).write(to: directory.appendingPathComponent("alone.baton"))
        try Self.run(git, ["-c", "user.name=Baton", "-c", "user.email=baton@example.com", "commit", "-q", "-am", "broken"], in: directory)
        try Data("service A\nservice B [timeout=1s]\nA -> B : call\n".utf8).write(to: directory.appendingPathComponent("alone.baton"))
        let broken = try Self.diff(["--git", "HEAD", "alone.baton"], in: directory)
        #expect(broken.status == 2)
        #expect(broken.standardError.contains("HEAD:alone.baton:2:6: error[undeclared-name]"), "\(broken.standardError)")
        // Two revisions back it compiled, and it means what the working tree means.
        let fine = try Self.diff(["--git", "HEAD~1", "alone.baton"], in: directory)
        #expect(fine.status == 0, "\(fine.standardOutput)\(fine.standardError)")
        // Outside a repository.
        let outside = try makeTemporaryDirectory(["a.baton": "service A\n"])
        defer { try? FileManager.default.removeItem(at: outside) }
        let notARepository = try BatonExecutable.run(["diff", "--git", "HEAD", "a.baton"], directory: outside,
                                                     environment: ["GIT_CEILING_DIRECTORIES": outside.deletingLastPathComponent().path])
        #expect(notARepository.status == 2)
        #expect(notARepository.standardError.contains("is not in a git repository"))
    }
}
