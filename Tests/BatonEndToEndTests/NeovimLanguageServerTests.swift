import BatonJSON
import BatonTestSupport
import Foundation
import Testing

/// The Neovim setup of docs/editors.md (integrations/neovim/baton.lua), run headless by
/// integrations/neovim/lsp-diagnostics.lua: Neovim's own LSP client starts the server for a
/// design and prints the diagnostics it publishes.
///
/// Against a fake server (integrations/vscode/test/fake-server.js) it runs today. Against
/// `baton lsp` it runs as soon as the binary has that command: it is skipped only while
/// `baton lsp --help` answers "unknown command 'lsp'", never for a missing Neovim under
/// `CI=true`.
@Suite struct NeovimLanguageServerTests {
    static let root = Golden.packageRoot()

    /// Whether the built `baton` has no `lsp` command yet (the only reason to skip).
    static var batonLacksLsp: Bool {
        guard let result = try? BatonExecutable.run(["lsp", "--help"]) else { return false }
        return result.status != 0 && result.standardError.contains("unknown command 'lsp'")
    }

    static func integer(_ value: JSONValue?) -> Int? {
        value?.numberValue.map { Int($0) }
    }

    struct Reported: Hashable {
        var line: Int
        var code: String
    }

    /// Runs the check script; returns its exit status, the diagnostics and standard error.
    func neovimDiagnostics(design: URL, baton: URL) throws -> (status: Int32, diagnostics: [JSONValue], standardError: String) {
        let nvim = try ExternalProgram.require("nvim", package: "neovim")
        let scratch = try makeTemporaryDirectory(prefix: "baton-nvim")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let script = Self.root.appendingPathComponent("integrations/neovim/lsp-diagnostics.lua")
        let output = try nvim.run(["--headless", "-u", "NONE", "-i", "NONE", "-n", "-c", "luafile \(script.path)"],
                                  in: Self.root,
                                  environment: [
                                      "BATON_LSP_DESIGN": design.path,
                                      "BATON_PATH": baton.path,
                                      "BATON_LSP_TIMEOUT_MS": "30000",
                                      // Neovim's LSP log and state go to the scratch directory.
                                      "XDG_CACHE_HOME": scratch.path,
                                      "XDG_STATE_HOME": scratch.path,
                                      "XDG_DATA_HOME": scratch.path,
                                  ])
        let lines = String(decoding: output.standardOutput, as: UTF8.self).split(separator: "\n")
        let diagnostics = try lines.map { try JSONValue.parse(String($0)) }
        return (output.status, diagnostics, output.standardError)
    }

    @Test(.requires(program: "nvim"), .requires(program: "node"))
    func theSetupShowsAServersDiagnostics() throws {
        let node = try ExternalProgram.require("node", package: "nodejs")
        let directory = try makeTemporaryDirectory(["design.baton": "service Shop\nShop -> Ghost : pay # café ☕\n"], prefix: "baton-nvim-fake")
        defer { try? FileManager.default.removeItem(at: directory) }
        let server = Self.root.appendingPathComponent("integrations/vscode/test/fake-server.js").path
        let baton = directory.appendingPathComponent("baton")
        try Data("#!/bin/sh\nexec '\(node.url.path)' '\(server)' \"$@\"\n".utf8).write(to: baton)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: baton.path)

        let result = try neovimDiagnostics(design: directory.appendingPathComponent("design.baton"), baton: baton)
        #expect(result.status == 0, "\(result.standardError)")
        let diagnostic = try #require(result.diagnostics.first, "\(result.standardError)")
        #expect(result.diagnostics.count == 1)
        #expect(diagnostic["line"] == .int(2))
        #expect(diagnostic["column"] == .int(9))
        #expect(diagnostic["severity"] == .string("error"))
        #expect(diagnostic["code"] == .string("undeclared-name"))
        #expect(diagnostic["related"] == .int(1))
    }

    @Test(.requires(program: "nvim"))
    func theCheckFailsWhenNoDiagnosticsCome() throws {
        let directory = try makeTemporaryDirectory(["design.baton": "service Shop\n", "baton": "#!/bin/sh\nexit 3\n"], prefix: "baton-nvim-none")
        defer { try? FileManager.default.removeItem(at: directory) }
        let baton = directory.appendingPathComponent("baton")
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: baton.path)
        let nvim = try ExternalProgram.require("nvim", package: "neovim")
        let output = try nvim.run(["--headless", "-u", "NONE", "-i", "NONE", "-n", "-c",
                                   "luafile \(Self.root.appendingPathComponent("integrations/neovim/lsp-diagnostics.lua").path)"],
                                  environment: ["BATON_LSP_DESIGN": directory.appendingPathComponent("design.baton").path,
                                                "BATON_PATH": baton.path, "BATON_LSP_TIMEOUT_MS": "1500",
                                                "XDG_CACHE_HOME": directory.path, "XDG_STATE_HOME": directory.path])
        #expect(output.status != 0)
        #expect(output.standardError.contains("no diagnostics published"), "\(output.standardError)")
    }

    @Test(.disabled(if: batonLacksLsp, "baton has no lsp command yet"), .requires(program: "nvim"))
    func theSetupShowsBatonLspDiagnostics() throws {
        let design = Self.root.appendingPathComponent("samples/retry-storm.baton")
        let check = try BatonExecutable.run(["check", "--format", "json", design.path])
        let expected = Set(try JSONValue.parse(check.standardOutput)["diagnostics"]?.arrayValue?.compactMap { finding -> Reported? in
            guard let line = Self.integer(finding["line"]), let code = finding["code"]?.stringValue else { return nil }
            return Reported(line: line, code: code)
        } ?? [])
        #expect(!expected.isEmpty, "the sample has findings")

        let result = try neovimDiagnostics(design: design, baton: BatonExecutable.url)
        #expect(result.status == 0, "\(result.standardError)")
        let reported = Set(result.diagnostics.compactMap { diagnostic -> Reported? in
            guard let line = Self.integer(diagnostic["line"]), let code = diagnostic["code"]?.stringValue else { return nil }
            return Reported(line: line, code: code)
        })
        // Every finding of `baton check` reaches the editor, at its line, with its rule id.
        #expect(expected.isSubset(of: reported), "missing: \(expected.subtracting(reported)); got \(result.diagnostics)")
    }
}
