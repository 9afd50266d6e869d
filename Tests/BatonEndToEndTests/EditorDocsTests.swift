import BatonJSON
import BatonTestSupport
import Foundation
import Testing

/// Every configuration snippet in docs/editors.md is valid in its language, checked by a real
/// parser where the machine has one: Lua by Neovim's (LuaJIT) `loadfile`, TOML by python3's
/// `tomllib`, JSON by Baton's own parser, JavaScript by `node --check`; Emacs Lisp, for which
/// no reader is installed, at least has balanced parentheses and closed strings. The Neovim
/// setup on the page is the file the headless check runs (integrations/neovim/baton.lua).
@Suite struct EditorDocsTests {
    static let root = Golden.packageRoot()

    /// The fenced blocks of the page with their info string's first word, in page order.
    static func blocks(language: String) throws -> [String] {
        let page = try String(contentsOf: root.appendingPathComponent("docs/editors.md"), encoding: .utf8)
        var result: [String] = []
        var current: [Substring]?
        var currentLanguage = ""
        for line in page.split(separator: "\n", omittingEmptySubsequences: false) {
            if current == nil, line.hasPrefix("```") {
                currentLanguage = String(line.dropFirst(3).split(separator: " ").first ?? "")
                current = []
            } else if current != nil, line == "```" {
                if currentLanguage == language, let lines = current { result.append(lines.joined(separator: "\n") + "\n") }
                current = nil
            } else {
                current?.append(line)
            }
        }
        return result
    }

    func write(_ snippets: [String], extension fileExtension: String) throws -> (URL, [URL]) {
        let directory = try makeTemporaryDirectory(prefix: "baton-editor-docs")
        let files = try snippets.enumerated().map { index, text in
            let url = directory.appendingPathComponent("snippet-\(index).\(fileExtension)")
            try Data(text.utf8).write(to: url)
            return url
        }
        return (directory, files)
    }

    @Test func theNeovimSetupOnThePageIsTheOneTheCheckRuns() throws {
        let file = try String(contentsOf: Self.root.appendingPathComponent("integrations/neovim/baton.lua"), encoding: .utf8)
        #expect(try Self.blocks(language: "lua").contains(file), "docs/editors.md must show integrations/neovim/baton.lua verbatim")
    }

    @Test(.requires(program: "nvim"))
    func luaBlocksCompile() throws {
        let nvim = try ExternalProgram.require("nvim", package: "neovim")
        let snippets = try Self.blocks(language: "lua")
        #expect(snippets.count >= 2, "the 0.11 and the 0.8 setups")
        let (directory, files) = try write(snippets, extension: "lua")
        defer { try? FileManager.default.removeItem(at: directory) }
        // loadfile compiles without running: a syntax error is its second result.
        let checker = directory.appendingPathComponent("check.lua")
        try Data("""
            local failed = false
            for path in string.gmatch(os.getenv('LUA_SNIPPETS'), '[^\\n]+') do
              local chunk, err = loadfile(path)
              if not chunk then io.stderr:write(err .. '\\n'); failed = true end
            end
            if failed then vim.cmd('cquit') else vim.cmd('qall!') end
            """.utf8).write(to: checker)
        let output = try nvim.run(["--headless", "-u", "NONE", "-i", "NONE", "-n", "-c", "luafile \(checker.path)"],
                                  environment: ["LUA_SNIPPETS": files.map(\.path).joined(separator: "\n")])
        #expect(output.status == 0, "\(output.standardError)")
        // The checker itself must be able to fail.
        let broken = directory.appendingPathComponent("broken.lua")
        try Data("vim.lsp.config('baton', {\n".utf8).write(to: broken)
        let failing = try nvim.run(["--headless", "-u", "NONE", "-i", "NONE", "-n", "-c", "luafile \(checker.path)"],
                                   environment: ["LUA_SNIPPETS": broken.path])
        #expect(failing.status != 0)
    }

    @Test(.requires(program: "python3"))
    func tomlBlocksParse() throws {
        let python = try ExternalProgram.require("python3", package: "python3")
        let snippets = try Self.blocks(language: "toml")
        #expect(snippets.count >= 4, "Helix, and Zed's extension.toml, config.toml and Cargo.toml")
        let (directory, files) = try write(snippets, extension: "toml")
        defer { try? FileManager.default.removeItem(at: directory) }
        let output = try python.run(["-c", """
            import sys, tomllib
            for path in sys.argv[1:]:
                with open(path, "rb") as f:
                    tomllib.load(f)
            """] + files.map(\.path))
        #expect(output.status == 0, "\(output.standardError)")
        let helix = try #require(snippets.first { $0.contains("[[language]]") })
        #expect(helix.contains("[language-server.baton-lsp]") && helix.contains("args = [\"lsp\"]"))
    }

    @Test func jsonBlocksParse() throws {
        let snippets = try Self.blocks(language: "json")
        #expect(!snippets.isEmpty)
        for snippet in snippets {
            #expect(throws: Never.self, "\(snippet)") { try JSONValue.parse(snippet) }
        }
        let sublime = try #require(snippets.first { $0.contains("\"clients\"") })
        let client = try JSONValue.parse(sublime)["clients"]?["baton"]
        #expect(client?["selector"] == .string("source.baton"))
        #expect(client?["command"] == .array([.string("baton"), .string("lsp")]))
    }

    @Test(.requires(program: "node"))
    func javascriptBlocksParse() throws {
        let node = try ExternalProgram.require("node", package: "nodejs")
        let snippets = try Self.blocks(language: "js")
        #expect(!snippets.isEmpty)
        let (directory, files) = try write(snippets, extension: "mjs")
        defer { try? FileManager.default.removeItem(at: directory) }
        for file in files {
            let output = try node.run(["--check", file.path])
            #expect(output.status == 0, "\(output.standardError)")
        }
    }

    @Test func elispBlocksAreBalanced() throws {
        let snippets = try Self.blocks(language: "elisp")
        #expect(!snippets.isEmpty)
        for snippet in snippets {
            #expect(Self.elispProblem(snippet) == nil, "\(Self.elispProblem(snippet) ?? "")\n\(snippet)")
            #expect(snippet.contains("eglot-server-programs") && snippet.contains("(define-derived-mode baton-mode"))
        }
        // The checker catches what it is for.
        #expect(Self.elispProblem("(a (b)") != nil)
        #expect(Self.elispProblem("(a \"b)\"") != nil)
        #expect(Self.elispProblem("(a))") != nil)
        #expect(Self.elispProblem("(a ?\\( ?\\) \"\\\"(\" ; )\n)") == nil)
    }

    /// Why `text` is not balanced Emacs Lisp, or nil: parentheses and brackets nest and close,
    /// strings close; comments, strings and character literals (`?\(`) do not count.
    static func elispProblem(_ text: String) -> String? {
        var stack: [Character] = []
        var characters = Array(text)[...]
        while let character = characters.popFirst() {
            switch character {
            case ";":
                while let next = characters.first, next != "\n" { characters.removeFirst() }
            case "\"":
                var closed = false
                while let next = characters.popFirst() {
                    if next == "\\" { _ = characters.popFirst() } else if next == "\"" { closed = true; break }
                }
                if !closed { return "a string is not closed" }
            case "?":
                if characters.popFirst() == "\\" { _ = characters.popFirst() }
            case "(", "[":
                stack.append(character == "(" ? ")" : "]")
            case ")", "]":
                guard stack.popLast() == character else { return "an unexpected \(character)" }
            default:
                break
            }
        }
        return stack.isEmpty ? nil : "\(stack.count) unclosed"
    }
}
