import BatonJSON
import BatonTestSupport
import Foundation
import Testing

/// The VS Code extension in integrations/vscode: its own unit tests (Node's test runner, a fake
/// `vscode` module and a fake language server, then the real `baton lsp`), and the .vsix that scripts/package-vscode.sh
/// builds, read back as VS Code reads it.
///
/// Node and python3 are real clients here: missing, they skip the tests on a laptop and fail
/// them under `CI=true` (`.ci/run` installs both).
@Suite struct VSCodeExtensionTests {
    static let root = Golden.packageRoot()

    @Test(.requires(program: "node"))
    func extensionUnitTestsPass() throws {
        let node = try ExternalProgram.require("node", package: "nodejs")
        // BATON_PATH turns on test/real-server.test.js: the extension's client against this build's `baton lsp`.
        let output = try node.run(["--test", "integrations/vscode/test/"], in: Self.root,
                                  environment: ["BATON_PATH": BatonExecutable.url.path])
        let report = String(decoding: output.standardOutput, as: UTF8.self) + output.standardError
        #expect(output.status == 0, "node --test integrations/vscode/test/ exited with \(output.status):\n\(report)")
        #expect(report.contains("\n# fail 0\n"), "\(report)")
        #expect(report.contains("\n# skipped 0\n") && report.contains("ok") && report.contains("the client drives the real baton lsp"),
                "the test against the real server did not run:\n\(report)")
        // Guards against a run that finds no tests: the suites hold dozens.
        let passed = report.split(separator: "\n").first { $0.hasPrefix("# pass ") }.flatMap { Int($0.dropFirst("# pass ".count)) }
        #expect((passed ?? 0) >= 40, "expected the extension's tests to run, got: \(passed.map(String.init) ?? "no summary")")
    }

    /// What the archive holds, as python3's zipfile (and so VS Code's unzip) reads it.
    struct ArchiveSummary {
        var names: [String]
        var grammarPath: String
        var grammarScope: String
        var manifestIdentity: [String: String]
        var contentTypes: [String]
    }

    func summarise(_ vsix: URL, python: ExternalProgram) throws -> ArchiveSummary {
        let script = """
            import json, sys, zipfile, xml.etree.ElementTree as ET
            with zipfile.ZipFile(sys.argv[1]) as z:
                bad = z.testzip()
                if bad: sys.exit("corrupt entry " + bad)
                names = z.namelist()
                package = json.loads(z.read("extension/package.json"))
                path = package["contributes"]["grammars"][0]["path"]
                grammar_entry = "extension/" + path[2:] if path.startswith("./") else "extension/" + path
                grammar = json.loads(z.read(grammar_entry)) if grammar_entry in names else {}
                ns = {"v": "http://schemas.microsoft.com/developer/vsx-schema/2011"}
                identity = ET.fromstring(z.read("extension.vsixmanifest")).find("v:Metadata/v:Identity", ns).attrib
                types = ET.fromstring(z.read("[Content_Types].xml"))
                print(json.dumps({"names": names, "grammarEntry": grammar_entry, "scope": grammar.get("scopeName", ""),
                                  "identity": dict(sorted(identity.items())),
                                  "types": [t.attrib["Extension"] for t in types]}))
            """
        let output = try python.run(["-c", script, vsix.path])
        #expect(output.status == 0, "\(output.standardError)")
        let json = try JSONValue.parse(String(decoding: output.standardOutput, as: UTF8.self))
        var identity: [String: String] = [:]
        for (key, value) in json["identity"]?.objectValue ?? [] { identity[key] = value.stringValue }
        return ArchiveSummary(
            names: json["names"]?.arrayValue?.compactMap(\.stringValue) ?? [],
            grammarPath: json["grammarEntry"]?.stringValue ?? "",
            grammarScope: json["scope"]?.stringValue ?? "",
            manifestIdentity: identity,
            contentTypes: json["types"]?.arrayValue?.compactMap(\.stringValue) ?? [])
    }

    @Test(.requires(program: "python3"))
    func packagingBuildsAValidDeterministicVsix() throws {
        let python = try ExternalProgram.require("python3", package: "python3")
        let bash = try ExternalProgram.require("bash", package: "bash")
        let directory = try makeTemporaryDirectory(prefix: "baton-vsix")
        defer { try? FileManager.default.removeItem(at: directory) }
        let script = Self.root.appendingPathComponent("scripts/package-vscode.sh").path

        let first = try bash.run([script, directory.appendingPathComponent("one").path])
        #expect(first.status == 0, "\(first.standardError)")
        let printed = String(decoding: first.standardOutput, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        let vsix = URL(fileURLWithPath: printed)
        #expect(vsix.lastPathComponent == "baton-0.1.0.vsix")
        #expect(FileManager.default.fileExists(atPath: vsix.path), "the script printed \(printed)")

        let summary = try summarise(vsix, python: python)
        for name in ["extension.vsixmanifest", "[Content_Types].xml", "extension/package.json", "extension/README.md",
                     "extension/language-configuration.json", "extension/src/extension.js", "extension/src/client.js",
                     "extension/src/jsonrpc.js", "extension/src/convert.js", "extension/src/preview.js"] {
            #expect(summary.names.contains(name), "\(name) is missing from \(summary.names)")
        }
        #expect(summary.names == summary.names.sorted(), "entries are sorted")
        #expect(!summary.names.contains { $0.contains("/test/") }, "tests are not packaged")
        // package.json's grammar path names a file in the archive: the project's grammar itself.
        #expect(summary.names.contains(summary.grammarPath), "\(summary.grammarPath) is not in the archive")
        #expect(summary.grammarScope == "source.baton")
        let packaged = try Data(contentsOf: Self.root.appendingPathComponent("grammar/baton.tmLanguage.json"))
        let unzipped = try python.run(["-c", "import sys, zipfile; sys.stdout.buffer.write(zipfile.ZipFile(sys.argv[1]).read(sys.argv[2]))", vsix.path, summary.grammarPath])
        #expect(unzipped.standardOutput == packaged, "the packaged grammar is grammar/baton.tmLanguage.json byte for byte")
        #expect(summary.manifestIdentity == ["Id": "baton", "Language": "en-US", "Publisher": "baton-lang", "Version": "0.1.0"])
        #expect(summary.contentTypes == [".js", ".json", ".md", ".vsixmanifest"])

        let second = try bash.run([script, directory.appendingPathComponent("two").path])
        let again = URL(fileURLWithPath: String(decoding: second.standardOutput, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
        #expect(try Data(contentsOf: again) == Data(contentsOf: vsix), "two builds give the same bytes")
    }
}
