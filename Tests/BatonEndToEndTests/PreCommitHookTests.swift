import BatonTestSupport
import Foundation
import Testing

/// `.pre-commit-hooks.yaml`, used by the real pre-commit (from PyPI) in a throwaway git
/// repository, with the built `baton` on PATH: the configuration of docs/ci.md installs the
/// hooks, and `git commit` runs them.
@Suite(.serialized) struct PreCommitHookTests {
    static let root = Golden.packageRoot()

    /// git and pre-commit with a clean slate: no user or system git configuration (signing,
    /// hook paths), a fixed identity, pre-commit's cache in `home`, and the built baton first on PATH.
    struct Tools {
        let git: ExternalProgram
        let preCommit: ExternalProgram
        let environment: [String: String]

        init(home: URL) throws {
            git = try ExternalProgram.require("git", package: "git")
            preCommit = try ExternalProgram.require("pre-commit", package: "pre-commit==4.7.0 (pip)")
            let globalConfiguration = home.appendingPathComponent("gitconfig")
            try Data("[init]\n\tdefaultBranch = main\n".utf8).write(to: globalConfiguration)
            let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
            environment = [
                "PATH": BatonExecutable.url.deletingLastPathComponent().path + ":" + path,
                "PRE_COMMIT_HOME": home.appendingPathComponent("pre-commit-cache").path,
                "GIT_CONFIG_GLOBAL": globalConfiguration.path,
                "GIT_CONFIG_NOSYSTEM": "1",
                "GIT_AUTHOR_NAME": "Baton Tests", "GIT_AUTHOR_EMAIL": "tests@example.org",
                "GIT_COMMITTER_NAME": "Baton Tests", "GIT_COMMITTER_EMAIL": "tests@example.org",
                "NO_COLOR": "1",
            ]
        }

        @discardableResult
        func git(_ arguments: [String], in directory: URL) throws -> (status: Int32, output: String) {
            let result = try git.run(arguments, in: directory, environment: environment)
            return (result.status, String(decoding: result.standardOutput, as: UTF8.self) + result.standardError)
        }

        func preCommit(_ arguments: [String], in directory: URL) throws -> (status: Int32, output: String) {
            let result = try preCommit.run(arguments, in: directory, environment: environment)
            return (result.status, String(decoding: result.standardOutput, as: UTF8.self) + result.standardError)
        }
    }

    /// The pre-commit configuration shown in docs/ci.md.
    static func documentedConfiguration() throws -> String {
        let blocks = try GitHubActionTests.yamlBlocks("docs/ci.md").filter {
            GitHubActionTests.classify($0) == .preCommitConfiguration($0)
        }
        try #require(blocks.count == 1, "docs/ci.md shows one pre-commit configuration")
        return blocks[0]
    }

    /// A git repository holding this package's `.pre-commit-hooks.yaml`, committed: what
    /// pre-commit clones for `repo:` and `rev:`. Returns its path and the commit.
    static func hookRepository(_ tools: Tools, in home: URL) throws -> (path: String, revision: String) {
        let repository = home.appendingPathComponent("hooks")
        try FileManager.default.createDirectory(at: repository, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: root.appendingPathComponent(".pre-commit-hooks.yaml"),
                                         to: repository.appendingPathComponent(".pre-commit-hooks.yaml"))
        try #require(try tools.git(["init", "--quiet"], in: repository).status == 0)
        try tools.git(["add", ".pre-commit-hooks.yaml"], in: repository)
        let committed = try tools.git(["commit", "--quiet", "-m", "hooks"], in: repository)
        try #require(committed.status == 0, "\(committed.output)")
        let revision = try tools.git(["rev-parse", "HEAD"], in: repository).output.trimmingCharacters(in: .whitespacesAndNewlines)
        return (repository.path, revision)
    }

    @Test(.requires(program: "pre-commit"), .requires(program: "git"))
    func theManifestAndTheDocumentedConfigurationAreValid() throws {
        let home = try makeTemporaryDirectory(prefix: "baton-pre-commit")
        defer { try? FileManager.default.removeItem(at: home) }
        let tools = try Tools(home: home)
        let manifest = try tools.preCommit(["validate-manifest", Self.root.appendingPathComponent(".pre-commit-hooks.yaml").path], in: home)
        #expect(manifest.status == 0, "\(manifest.output)")
        let configuration = home.appendingPathComponent("config.yaml")
        try Data(try Self.documentedConfiguration().utf8).write(to: configuration)
        let validated = try tools.preCommit(["validate-config", configuration.path], in: home)
        #expect(validated.status == 0, "\(validated.output)")
        let hooks = try String(contentsOf: Self.root.appendingPathComponent(".pre-commit-hooks.yaml"), encoding: .utf8)
        #expect(hooks.contains("- id: baton-check\n") && hooks.contains("- id: baton-fmt\n"))
        #expect(hooks.components(separatedBy: #"files: \.baton$"#).count == 3, "both hooks take .baton files")
    }

    @Test(.requires(program: "pre-commit"), .requires(program: "git"))
    func theHooksGuardCommits() throws {
        let home = try makeTemporaryDirectory(prefix: "baton-pre-commit")
        defer { try? FileManager.default.removeItem(at: home) }
        let tools = try Tools(home: home)
        let hooks = try Self.hookRepository(tools, in: home)

        // The user's repository, configured as docs/ci.md says (pointing at the hooks above).
        let repository = home.appendingPathComponent("designs")
        try FileManager.default.createDirectory(at: repository, withIntermediateDirectories: true)
        try #require(try tools.git(["init", "--quiet"], in: repository).status == 0)
        let configuration = try Self.documentedConfiguration()
            .replacingOccurrences(of: "https://github.com/baton-lang/baton", with: hooks.path)
            .replacingOccurrences(of: #"rev: v[0-9.]+"#, with: "rev: \(hooks.revision)", options: .regularExpression)
        #expect(configuration.contains(hooks.revision))
        try Data(configuration.utf8).write(to: repository.appendingPathComponent(".pre-commit-config.yaml"))
        let installed = try tools.preCommit(["install"], in: repository)
        try #require(installed.status == 0, "\(installed.output)")

        func write(_ name: String, _ text: String) throws {
            try Data(text.utf8).write(to: repository.appendingPathComponent(name))
        }
        func read(_ name: String) throws -> String {
            try String(contentsOf: repository.appendingPathComponent(name), encoding: .utf8)
        }
        func commit(_ files: [String], _ message: String) throws -> (status: Int32, output: String) {
            try tools.git(["add"] + files, in: repository)
            return try tools.git(["commit", "-m", message], in: repository)
        }
        /// Takes a refused file out of the index and the work tree, as a user who gives up on it would.
        func drop(_ name: String) throws {
            let removed = try tools.git(["rm", "--cached", "--quiet", name], in: repository)
            #expect(removed.status == 0, "\(removed.output)")
            try FileManager.default.removeItem(at: repository.appendingPathComponent(name))
        }
        func commits() throws -> Int {
            let log = try tools.git(["rev-list", "--count", "HEAD"], in: repository)
            return log.status == 0 ? Int(log.output.trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0 : 0
        }

        // A good, formatted design passes both hooks.
        let good = "service  Shop  [timeout=1s]\nservice  Stock [timeout=1s]\n\nShop -> Stock : reserve\n"
        try write("good.baton", good)
        let first = try commit([".pre-commit-config.yaml", "good.baton"], "a good design")
        #expect(first.status == 0, "\(first.output)")
        #expect(first.output.contains("baton check") && first.output.contains("Passed"), "the hooks ran: \(first.output)")
        #expect(try commits() == 1)

        // A finding at error level blocks the commit.
        try write("cycle.baton", "service  Shop  [timeout=1s]\nservice  Stock [timeout=1s]\n\nShop -> Stock : reserve {\n  Stock -> Shop : price\n}\n")
        let cycle = try commit(["cycle.baton"], "a cycle")
        #expect(cycle.status != 0)
        #expect(cycle.output.contains("cycle.baton:5:3: error[sync-cycle]"), "\(cycle.output)")
        #expect(try commits() == 1)
        try drop("cycle.baton")

        // So does a compile error.
        try write("broken.baton", "service Shop\nShp -> Shop : x\n")
        let broken = try commit(["broken.baton"], "a typo")
        #expect(broken.status != 0)
        #expect(broken.output.contains("broken.baton:2:1: error[undeclared-name]"), "\(broken.output)")
        #expect(try commits() == 1)
        try drop("broken.baton")

        // The documented configuration fails on warnings too (args: [--fail-on, warning]).
        try write("warning.baton", "service  Shop\nservice  Stock\n\nShop -> Stock : reserve\n")
        let warned = try commit(["warning.baton"], "a warning")
        #expect(warned.status != 0)
        #expect(warned.output.contains("warning.baton:4:1: warning[missing-timeout]"), "\(warned.output)")
        try drop("warning.baton")
        #expect(try commits() == 1)

        // An unformatted design is formatted, and the commit stops for you to look.
        let messy = "service Shop [timeout=1s];service Stock [timeout=1s]\nShop->Stock:count # how many\n"
        try write("messy.baton", messy)
        let unformatted = try commit(["messy.baton"], "a messy design")
        #expect(unformatted.status != 0)
        #expect(unformatted.output.contains("baton fmt") && unformatted.output.contains("files were modified by this hook"), "\(unformatted.output)")
        let formatted = try read("messy.baton")
        #expect(formatted == "service  Shop  [timeout=1s]\nservice  Stock [timeout=1s]\nShop -> Stock : count  # how many\n", "\(unformatted.output)")
        let formattedByBaton = try BatonExecutable.run(["fmt", "-"], input: Data(messy.utf8))
        #expect(formatted == formattedByBaton.standardOutput)
        #expect(try commits() == 1)
        let again = try commit(["messy.baton"], "a formatted design")
        #expect(again.status == 0, "\(again.output)")
        #expect(try commits() == 2)
    }
}
