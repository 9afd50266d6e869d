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
            reads `-` as standard input. Options go after the command (`baton check --format json x`);
            Baton has none of its own but `--help` and `--version`, and says so when one comes first.

            **Streams.** A write error on standard output (a full disk, a closed descriptor) is reported as
            `cannot write standard output: …` with exit status 2; when the reader of a pipe goes away
            (`baton check … | head`), Baton stops quietly with status 141, as SIGPIPE would end it, whether
            or not the parent ignores that signal. Inputs are regular files or pipes of at most 256 MiB;
            a device (`/dev/zero`) or a directory as standard input is refused with exit status 2.
            A path that cannot be read is reported with the reason (`Permission denied`, `Too many levels
            of symbolic links`, a link to nothing, a directory where a file is wanted), and so is a design
            below a directory argument: one that cannot be read, a link to nothing or a named pipe called
            `*.baton` stops the run with exit status 2 instead of being left out unseen.

            **Files Baton writes** (`fmt`, `render -o`, `markdown`, the images of `pandoc`) are replaced
            atomically: the bytes go to a temporary file created exclusively beside the target (a link or
            file planted at its name is never followed), which is synced and renamed over the target. A
            replaced file keeps its permission bits, and its owner and group where the process may set
            them (set-user-id and set-group-id bits are dropped when the owner changes). A symbolic link
            is written through — its target is replaced, the link stays — and a link to nothing is
            refused. A file with several hard links is refused (replacing it would split the links), so is
            a read-only file unless `--force` is given, and so is any file the run read: `render -o` and
            `markdown -o` never replace their input or a design it imports.

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
