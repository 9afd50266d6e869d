@testable import baton
import BatonJSON
import BatonTestSupport
import Foundation
import Testing

/// `baton check` run as a user and a CI job would: exit codes, formats, stdin, directories.
@Suite struct CheckCommandTests {
    static let broken = "service Orders\nOrdrs -> Orders : x\n"

    @Test func aCleanFileExitsZero() throws {
        let directory = try makeTemporaryDirectory(["ok.baton": "service A [timeout=1s]\nservice B [timeout=1s]\nA -> B : x\n"])
        let result = try BatonExecutable.run(["check", "ok.baton", "--format", "json"], directory: directory)
        #expect(result.status == 0, "\(result.standardOutput)\(result.standardError)")
        let json = try JSONValue.parse(result.standardOutput)
        #expect(json["version"] == .int(1))
        #expect(json["summary"]?["errors"] == .int(0))
    }

    @Test func compileErrorsExitOneWithTheSpecTextFormat() throws {
        let directory = try makeTemporaryDirectory(["bad.baton": Self.broken])
        let result = try BatonExecutable.run(["check", "bad.baton"], directory: directory)
        #expect(result.status == 1)
        #expect(result.standardOutput.hasPrefix("""
            bad.baton:2:1: error[undeclared-name]: 'Ordrs' is not declared
              |
            2 | Ordrs -> Orders : x
              | ^^^^^
              = help: did you mean 'Orders'?
            """))
        #expect(result.standardOutput.hasSuffix("1 error in 1 file\n"))
        #expect(!result.standardOutput.contains("\u{1B}["), "no colour when not a terminal")
    }

    @Test func jsonFormatFollowsTheContract() throws {
        let directory = try makeTemporaryDirectory(["bad.baton": "service A\nservice A\n"])
        let result = try BatonExecutable.run(["check", "--format=json", "bad.baton"], directory: directory)
        #expect(result.status == 1)
        let json = try JSONValue.parse(result.standardOutput)
        let diagnostic = try #require(json["diagnostics"]?.arrayValue?.first)
        #expect(diagnostic.objectValue?.map(\.0).prefix(9) == ["file", "line", "column", "endLine", "endColumn", "severity", "code", "message", "notes"])
        #expect(diagnostic["file"] == .string("bad.baton"))
        #expect(diagnostic["line"] == .int(2))
        #expect(diagnostic["column"] == .int(9))
        #expect(diagnostic["endColumn"] == .int(10))
        #expect(diagnostic["code"] == .string("duplicate-declaration"))
        let note = try #require(diagnostic["notes"]?.arrayValue?.first)
        #expect(note["line"] == .int(1))
        #expect(note["column"] == .int(9))
        #expect(json["summary"] == .object([("files", .int(1)), ("errors", .int(1)), ("warnings", .int(0)), ("infos", .int(0))]))
    }

    @Test func standardInputIsNamedStdin() throws {
        let result = try BatonExecutable.run(["check", "-"], input: Data(Self.broken.utf8))
        #expect(result.status == 1)
        #expect(result.standardOutput.hasPrefix("<stdin>:2:1: error[undeclared-name]"))
    }

    @Test func directoriesAreSearchedInSortedOrder() throws {
        let directory = try makeTemporaryDirectory([
            "designs/b.baton": Self.broken,
            "designs/a/nested.baton": Self.broken,
            "designs/notes.txt": "not a design",
            "designs/.hidden/x.baton": Self.broken,
        ])
        let result = try BatonExecutable.run(["check", "designs", "--format", "json"], directory: directory)
        let json = try JSONValue.parse(result.standardOutput)
        let files = json["diagnostics"]?.arrayValue?.compactMap { $0["file"]?.stringValue }
        #expect(files == ["designs/a/nested.baton", "designs/b.baton"])
        #expect(json["summary"]?["files"] == .int(2))
    }

    @Test func problemsInASharedImportAreReportedOnce() throws {
        let directory = try makeTemporaryDirectory([
            "a.baton": "import \"shared.baton\"\n",
            "b.baton": "import \"shared.baton\"\n",
            "shared.baton": "service\n",
        ])
        let result = try BatonExecutable.run(["check", "a.baton", "b.baton", "--format", "json"], directory: directory)
        let json = try JSONValue.parse(result.standardOutput)
        #expect(json["diagnostics"]?.arrayValue?.count == 1)
    }

    /// An availability-budget finding at each of 2,000 participants of a sync chain: each used
    /// to list every factor of its product (10,000 participants printed 757 MB); now each
    /// finding is a few lines, whatever the length of the chain.
    @Test func findingsOnALongChainGrowWithTheDesignNotItsSquare() throws {
        let count = 2_000
        let design = (0..<count).map { "service S\($0) [timeout=1s, availability=99%, slo=99.9%]" }
            + (1..<count).map { "S\($0 - 1) -> S\($0) : next" }
        let directory = try makeTemporaryDirectory(["chain.baton": design.joined(separator: "\n") + "\n"])
        let result = try BatonExecutable.run(["check", "chain.baton"], directory: directory)
        #expect(result.status == 1)
        let findings = result.standardOutput.components(separatedBy: "error[availability-budget]").count - 1
        #expect(findings == count)
        #expect(result.standardOutputBytes.count < 1_000 * count, "\(result.standardOutputBytes.count) bytes")
    }

    @Test(arguments: [
        (["check"], "no input"),
        (["check", "missing.baton"], "cannot read 'missing.baton': No such file or directory"),
        (["check", "--formt", "json", "x.baton"], "did you mean '--format'"),
        (["check", "--format", "yaml", "x.baton"], "not a valid value"),
        (["check", "--format", "sarf", "x.baton"], "did you mean 'sarif'?"),
        (["chekc", "x.baton"], "did you mean 'check'"),
    ])
    func invocationMistakesExitTwo(arguments: [String], message: String) throws {
        let directory = try makeTemporaryDirectory(["empty/readme.txt": "no designs here"])
        let result = try BatonExecutable.run(arguments, directory: directory)
        #expect(result.status == 2)
        #expect(result.standardError.contains(message), "\(result.standardError)")
    }

    /// Each `--format` reaches a report of its own: the same findings come out differently in
    /// every format, with the same exit status.
    @Test func everyFormatHasItsOwnReport() throws {
        let directory = try makeTemporaryDirectory(["bad.baton": Self.broken])
        var reports: [String] = []
        for format in CheckFormat.allCases {
            let result = try BatonExecutable.run(["check", "--format", format.rawValue, "bad.baton"], directory: directory)
            #expect(result.status == 1, "\(format): \(result.standardError)")
            #expect(result.standardOutput.contains("undeclared-name"), "\(format): \(result.standardOutput)")
            reports.append(result.standardOutput)
        }
        #expect(Set(reports).count == CheckFormat.allCases.count)
        let standard = try BatonExecutable.run(["check", "bad.baton"], directory: directory)
        #expect(standard.standardOutput == reports[CheckFormat.allCases.firstIndex(of: CheckFormat.standard) ?? 0])
    }

    @Test func aDirectoryWithoutDesignsIsAnInvocationError() throws {
        let directory = try makeTemporaryDirectory(["empty/readme.txt": "no designs here"])
        let result = try BatonExecutable.run(["check", "empty"], directory: directory)
        #expect(result.status == 2)
        #expect(result.standardError.contains("no .baton files found"))
    }

    @Test func helpAndVersion() throws {
        let help = try BatonExecutable.run(["check", "--help"])
        #expect(help.status == 0)
        #expect(help.standardOutput.contains("Usage: baton check"))
        #expect(help.standardOutput.contains("--fail-on"))
        let version = try BatonExecutable.run(["--version"])
        #expect(version.standardOutput.hasPrefix("baton "))
        let overview = try BatonExecutable.run(["--help"])
        #expect(overview.standardOutput.contains("check"))
    }

    @Test func colourIsForcedOnlyWhenAskedAndNeverWithNoColor() throws {
        let directory = try makeTemporaryDirectory(["bad.baton": Self.broken])
        let forced = try BatonExecutable.run(["check", "--color", "always", "bad.baton"], directory: directory, environment: ["NO_COLOR": ""])
        #expect(forced.standardOutput.contains("\u{1B}[31m") || forced.standardOutput.contains("\u{1B}[1;31m"))
        let auto = try BatonExecutable.run(["check", "bad.baton"], directory: directory, environment: ["NO_COLOR": ""])
        #expect(!auto.standardOutput.contains("\u{1B}["))
        let noColor = try BatonExecutable.run(["check", "--color", "always", "bad.baton"], directory: directory, environment: ["NO_COLOR": "1"])
        #expect(!noColor.standardOutput.contains("\u{1B}["), "NO_COLOR wins over --color always")
    }
}

/// Imports stay inside the allowed directories even through symbolic links.
@Suite struct ImportConfinementTests {
    /// Real links, as a user makes them: `top.baton` → `designs/main.baton`, which imports
    /// `lib.baton` both directly and through `alias.baton` → `lib.baton` and a linked directory.
    /// One file is loaded once (no duplicate-declaration), the imports come from `designs/`
    /// (not the link's directory, which has a decoy `lib.baton`), and messages keep the name
    /// the user typed for the root and name the imports from where they really are.
    @Test func linkedFilesAndDirectoriesAreOneFile() throws {
        let base = try makeTemporaryDirectory([
            "designs/main.baton": "import \"lib.baton\"\nimport \"alias.baton\"\nimport \"shared/common.baton\"\nimport \"same/common.baton\"\nclient App\nApp -> Lib : call [timeout=1s]\n",
            "designs/lib.baton": "service Lib [timeout=2s]\n",
            "designs/shared/common.baton": "service Common [timeout=2s]\n",
            "lib.baton": "this is not the lib you are looking for\n",
        ])
        let designs = base.appendingPathComponent("designs")
        try FileManager.default.createSymbolicLink(atPath: designs.appendingPathComponent("alias.baton").path, withDestinationPath: "lib.baton")
        try FileManager.default.createSymbolicLink(atPath: designs.appendingPathComponent("same").path, withDestinationPath: "shared")
        try FileManager.default.createSymbolicLink(atPath: base.appendingPathComponent("top.baton").path, withDestinationPath: "designs/main.baton")

        for root in ["designs/main.baton", "top.baton"] {
            let result = try BatonExecutable.run(["check", root, "--format", "json"], directory: base)
            let codes = try JSONValue.parse(result.standardOutput)["diagnostics"]?.arrayValue?.compactMap { $0["code"]?.stringValue }
            #expect(codes?.contains("duplicate-declaration") == false, "\(root): \(result.standardOutput)")
            #expect(codes?.contains("import-not-found") == false, "\(root): \(result.standardOutput)")
            #expect(codes?.contains("syntax") == false, "\(root): \(result.standardOutput)")
        }

        // An error in the imported file names it where it really is.
        try Data("service Lib [timeout=2s]\nLib -> Ghost : x\n".utf8).write(to: designs.appendingPathComponent("lib.baton"))
        let broken = try BatonExecutable.run(["check", "top.baton"], directory: base)
        #expect(broken.status == 1)
        #expect(broken.standardOutput.hasPrefix("designs/lib.baton:2:8: error[undeclared-name]"), "\(broken.standardOutput)")
        #expect(broken.standardOutput.components(separatedBy: "error[").count == 2, "reported once, not once per name")
    }

    @Test func symbolicLinksCannotLeadOutside() throws {
        let base = try makeTemporaryDirectory(["outside/secret.baton": "service Secret\n"])
        let project = base.appendingPathComponent("project")
        let outside = base.appendingPathComponent("outside")
        try FileManager.default.createDirectory(at: project, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(at: project.appendingPathComponent("link.baton"),
                                                   withDestinationURL: outside.appendingPathComponent("secret.baton"))
        try FileManager.default.createSymbolicLink(at: project.appendingPathComponent("dir"), withDestinationURL: outside)
        try Data("import \"link.baton\"\nimport \"dir/secret.baton\"\n".utf8).write(to: project.appendingPathComponent("main.baton"))
        let result = try BatonExecutable.run(["check", "main.baton", "--format", "json"], directory: project)
        #expect(result.status == 1)
        #expect(result.standardOutput.components(separatedBy: "\"import-not-found\"").count == 3)
        #expect(result.standardOutput.contains("lies outside"))
        // Allowing the directory makes both links fine.
        let allowed = try BatonExecutable.run(["check", "main.baton", "--import-root", outside.path], directory: project)
        #expect(!allowed.standardOutput.contains("import-not-found"), "\(allowed.standardOutput)")
    }

    /// `import "a/a/…/x.baton"` 1,500 directories down, and one that is missing there: each used
    /// to cost a `realpath` per component per question, four questions an import — minutes.
    @Test(.timeLimit(.minutes(1))) func anImportThroughDeepDirectoriesIsQuick() throws {
        let nested = Array(repeating: "a", count: 1_500).joined(separator: "/")
        let directory = try makeTemporaryDirectory([
            "main.baton": "import \"\(nested)/x.baton\"\nclient C\nC -> X : go [timeout=1s]\n",
            "\(nested)/x.baton": "service X [timeout=1s]\n",
            "missing.baton": "import \"\(nested)/y.baton\"\n",
        ], prefix: "baton-deep")
        defer { try? FileManager.default.removeItem(at: directory) }
        let found = try BatonExecutable.run(["check", "main.baton"], directory: directory)
        #expect(found.status == 0, "\(found.standardOutput)\(found.standardError)")
        let missing = try BatonExecutable.run(["check", "missing.baton"], directory: directory)
        #expect(missing.status == 1)
        #expect(missing.standardOutput.contains("error[import-not-found]: cannot read imported file"), "\(missing.standardOutput)")
    }
}

@Suite struct DirectoryArgumentTests {
    @Test func designsBelowADirectoryMayImportFromAnywhereInsideIt() throws {
        let directory = try makeTemporaryDirectory([
            "proj/common.baton": "service Common [timeout=1s]\n",
            "proj/sub/leaf.baton": "import \"../common.baton\"\nclient C\nC -> Common : x\n",
        ])
        let result = try BatonExecutable.run(["check", "proj", "--format", "json"], directory: directory)
        #expect(!result.standardOutput.contains("import-not-found"), "\(result.standardOutput)")
        // Named on its own, the file keeps to its own directory.
        let alone = try BatonExecutable.run(["check", "proj/sub/leaf.baton"], directory: directory)
        #expect(alone.standardOutput.contains("import-not-found"))
    }

    @Test func aSymbolicLinkLoopIsWalkedOnce() throws {
        let directory = try makeTemporaryDirectory(["designs/a/x.baton": "client C\n"])
        try FileManager.default.createSymbolicLink(at: directory.appendingPathComponent("designs/a/again"),
                                                   withDestinationURL: directory.appendingPathComponent("designs"))
        let result = try BatonExecutable.run(["check", "designs", "--format", "json"], directory: directory)
        #expect(result.standardOutput.contains("\"files\": 1"), "\(result.standardOutput)")
    }
}
