import BatonTestSupport
import Foundation
import Testing

/// docs/cli.md is the `--help` of every command, so the reference can never drift from the
/// binary. `UPDATE_GOLDENS=1 swift test` rewrites it.
@Suite struct CommandReferenceTests {
    static func reference() throws -> String {
        let overview = try BatonExecutable.run(["--help"]).standardOutput
        let commands = overview.split(separator: "\n").drop { !$0.hasPrefix("Commands:") }.dropFirst()
            .prefix { $0.hasPrefix("  ") }.compactMap { $0.split(separator: " ").first.map(String.init) }
        var text = """
            # Command-line reference

            <!-- Generated from `baton COMMAND --help` by Tests/BatonEndToEndTests/CommandReferenceTests.swift;
                 run `UPDATE_GOLDENS=1 swift test` after changing a command. -->

            Exit status, for every command: **0** success; **1** the input is at fault (findings at or above
            the fail level, compile errors, `fmt --check` or `markdown --check` found changes); **2** the
            invocation is at fault (usage, configuration or I/O error, no input matched). Every command
            reads `-` as standard input.

            ```text
            \(overview.trimmingCharacters(in: .newlines))
            ```

            """
        for command in commands {
            let help = try BatonExecutable.run([command, "--help"])
            #expect(help.status == 0, "baton \(command) --help")
            text += "\n## baton \(command)\n\n```text\n\(help.standardOutput.trimmingCharacters(in: .newlines))\n```\n"
        }
        return text
    }

    @Test func referenceMatchesTheBinary() throws {
        let url = Golden.packageRoot().appendingPathComponent("docs/cli.md")
        let actual = try Self.reference()
        if Golden.isUpdating {
            try Data(actual.utf8).write(to: url)
            return
        }
        let committed = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
        #expect(committed == actual, "docs/cli.md is stale; run UPDATE_GOLDENS=1 swift test")
    }

    @Test func everyCommandHasExamplesAndEveryOptionIsExplained() throws {
        let reference = try Self.reference()
        for section in reference.components(separatedBy: "\n## baton ").dropFirst() {
            let name = section.prefix { $0 != "\n" }
            #expect(section.contains("Usage: baton \(name)"), "\(name)")
            #expect(section.contains("Examples:"), "baton \(name) --help has no examples")
        }
    }
}
