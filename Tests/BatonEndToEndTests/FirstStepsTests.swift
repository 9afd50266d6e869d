// What a newcomer runs into in the first hour, each tried the way they would try it (options
// typed before the command, a brace on its own line, a number out of range, a path that is not
// a readable design), and the message that says what is wrong and what to do instead.

import BatonTestSupport
import Foundation
import Testing

@Suite struct FirstStepsTests {
    static let design = "service A\nservice B\nA -> B : x\n"

    // MARK: - Options before the command

    /// Baton has no options of its own: ones typed before the command belong after it, and the
    /// message shows the command line that way round.
    @Test(arguments: [
        (["--format", "json", "check", "x.baton"], "options go after the command: baton check --format json x.baton"),
        (["-o", "out.svg", "render", "my design.baton"], "options go after the command: baton render -o out.svg 'my design.baton'"),
        (["--color", "never", "fmt", "--check", "a.baton"], "options go after the command: baton fmt --color never --check a.baton"),
    ])
    func optionsBeforeTheCommandAreShownAfterIt(_ arguments: [String], _ message: String) throws {
        let result = try BatonExecutable.run(arguments)
        #expect(result.status == 2)
        #expect(result.standardError.hasPrefix("baton: error: \(message)\n"), "\(result.standardError)")
        #expect(!result.standardError.contains("unknown command"))
    }

    /// An option no command has is still named as the problem, and where options go is said too.
    @Test func anOptionNoCommandHasIsNamed() throws {
        let verbose = try BatonExecutable.run(["--verbose", "check", "x.baton"])
        #expect(verbose.status == 2)
        #expect(verbose.standardError.hasPrefix(
            "baton: error: unknown option '--verbose' for 'baton check' (and options go after the command)\n"))
        let alone = try BatonExecutable.run(["--verbose"])
        #expect(alone.status == 2)
        #expect(alone.standardError.hasPrefix("baton: error: unknown option '--verbose': options go after the command\n"))
        #expect(alone.standardError.contains("baton COMMAND [OPTIONS] [PATH...]"))
    }

    @Test func helpBeforeTheCommandShowsTheCommandsHelp() throws {
        let result = try BatonExecutable.run(["--help", "render"])
        #expect(result.status == 0)
        #expect(result.standardOutput.contains("Usage: baton render [OPTIONS] [FILE]"))
    }

    // MARK: - A brace on its own line

    @Test func aBraceOnTheNextLineSaysWhereItBelongs() throws {
        let text = "service A\nservice B\nservice C\nA -> B : x\n{\n  B -> D : y\n}\n"
        let result = try BatonExecutable.run(["check", "-"], input: Data(text.utf8))
        #expect(result.status == 1)
        #expect(result.standardError.isEmpty)
        #expect(result.standardOutput.contains("<stdin>:5:1: error[syntax]: '{' must be on the same line as its interaction"))
        #expect(result.standardOutput.contains("= help: a block starts on the same line as its interaction: A -> B : x {"))
        // The block is read as the interaction's: the undeclared D inside it is found too.
        #expect(result.standardOutput.contains("<stdin>:6:8: error[undeclared-name]"))
        #expect(result.standardOutput.contains("2 errors in 1 file"))
    }

    // MARK: - Numbers out of range

    /// Attribute values name the bound they cross: "at most" when too large, "at least" when
    /// too small, and a fraction is not a count whatever its size.
    @Test(arguments: [
        ("service A [availability=150%]", "'availability' must be at most 100%, not 150%"),
        ("service A [availability=0%]", "'availability' must be above 0%, not 0%"),
        ("service A [concurrency=0]", "'concurrency' must be at least 1, not 0"),
        ("service A [concurrency=1000000000000]", "'concurrency' must be at most 999999999999"),
        ("queue Q [capacity=0]", "'capacity' must be at least 1, not 0"),
        ("queue Q [capacity=2.5]", "'capacity' takes a whole number or 'unbounded', not 2.5"),
    ])
    func attributeBoundsAreTheOnesCrossed(_ declaration: String, _ message: String) throws {
        let result = try BatonExecutable.run(["check", "-"], input: Data((declaration + "\n").utf8))
        #expect(result.status == 1)
        #expect(result.standardOutput.contains("error[invalid-attribute-value]: \(message)\n"), "\(result.standardOutput)")
    }

    // MARK: - Paths that cannot be read

    func directory(_ files: [String: String] = ["d/a.baton": design]) throws -> URL {
        try makeTemporaryDirectory(files, prefix: "baton-first-steps")
    }

    /// A directory given to a command that takes one file points to `baton check`.
    @Test(arguments: ["render", "metrics", "dump"])
    func aDirectoryForOneFileSaysWhatToGive(_ command: String) throws {
        let root = try directory()
        defer { try? FileManager.default.removeItem(at: root) }
        let result = try BatonExecutable.run([command, "d"], directory: root)
        #expect(result.status == 2)
        #expect(result.standardError == """
            baton: error: cannot read 'd': it is a directory
              help: give a .baton file, or check every design below it with: baton check d

            """)
    }

    @Test func aSymbolicLinkLoopOrALinkToNothingSaysSo() throws {
        let root = try directory()
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent("loop1").path, withDestinationPath: "loop2")
        try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent("loop2").path, withDestinationPath: "loop1")
        try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent("gone.baton").path, withDestinationPath: "moved.baton")
        for command in ["check", "render", "fmt"] {
            let loop = try BatonExecutable.run([command, "loop1"], directory: root)
            #expect(loop.status == 2)
            #expect(loop.standardError.hasPrefix("baton: error: cannot read 'loop1': Too many levels of symbolic links\n"), "\(command)")
            let gone = try BatonExecutable.run([command, "gone.baton"], directory: root)
            #expect(gone.status == 2)
            #expect(gone.standardError.hasPrefix(
                "baton: error: cannot read 'gone.baton': it is a symbolic link to 'moved.baton', which does not exist\n"), "\(command)")
        }
        let missing = try BatonExecutable.run(["check", "nowhere.baton"], directory: root)
        #expect(missing.standardError.hasPrefix("baton: error: cannot read 'nowhere.baton': No such file or directory\n"))
    }

    /// Below a directory, a design that cannot be read is an error that names it — never
    /// skipped, which would leave it unchecked without a word.
    @Test func aDesignBelowADirectoryThatCannotBeReadIsNamed() throws {
        let root = try directory()
        defer { try? FileManager.default.removeItem(at: root) }
        let sub = root.appendingPathComponent("d/sub")
        try FileManager.default.createDirectory(at: sub, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: sub.appendingPathComponent("x.baton").path, withDestinationPath: "nowhere")
        let link = try BatonExecutable.run(["check", "d"], directory: root)
        #expect(link.status == 2)
        #expect(link.standardError.hasPrefix(
            "baton: error: cannot read 'd/sub/x.baton': it is a symbolic link to 'nowhere', which does not exist\n"))
        try FileManager.default.removeItem(at: sub.appendingPathComponent("x.baton"))

        #expect(mkfifo(sub.appendingPathComponent("pipe.baton").path, 0o644) == 0)
        let fifo = try BatonExecutable.run(["check", "d"], directory: root)
        #expect(fifo.status == 2)
        #expect(fifo.standardError == """
            baton: error: cannot read 'd/sub/pipe.baton': it is a named pipe (FIFO), not a regular file
              help: below a directory Baton reads regular files only; name it on the command line to read it anyway

            """)
        // Named on the command line, a pipe is read as `cat` reads it: waiting for its writer.
        let pipe = sub.appendingPathComponent("pipe.baton").path
        let written = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            let descriptor = open(pipe, O_WRONLY)
            let design = Array("service A [timeout=1s]\nservice B [timeout=1s, idempotent]\nA -> B : x\n".utf8)
            _ = design.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
            close(descriptor)
            written.signal()
        }
        let named = try BatonExecutable.run(["check", "d/sub/pipe.baton"], directory: root)
        #expect(written.wait(timeout: .now() + 30) == .success)
        #expect(named.status == 0, "\(named.standardError)")
        #expect(named.standardOutput.contains("1 file"), "\(named.standardOutput)")
        // Anything else that is broken but is no design is none of Baton's business.
        try FileManager.default.removeItem(at: sub.appendingPathComponent("pipe.baton"))
        try FileManager.default.createSymbolicLink(atPath: sub.appendingPathComponent("notes.txt").path, withDestinationPath: "nowhere")
        let fine = try BatonExecutable.run(["check", "d"], directory: root)
        #expect(fine.status == 0, "\(fine.standardError)")
    }

    @Test func anImportThatCannotBeReadSaysWhy() throws {
        let root = try directory(["main.baton": "import \"lib\"\nimport \"loop.baton\"\nimport \"gone.baton\"\n" + Self.design,
                                  "lib/x.baton": "service C\n"])
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent("loop.baton").path, withDestinationPath: "loop.baton")
        try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent("gone.baton").path, withDestinationPath: "moved.baton")
        let result = try BatonExecutable.run(["check", "main.baton"], directory: root)
        #expect(result.status == 1)
        #expect(result.standardOutput.contains("error[import-not-found]: cannot read imported file 'lib': it is a directory\n"))
        #expect(result.standardOutput.contains(
            "error[import-not-found]: cannot read imported file 'loop.baton': Too many levels of symbolic links\n"))
        #expect(result.standardOutput.contains(
            "error[import-not-found]: cannot read imported file 'gone.baton': it is a symbolic link to"), "\(result.standardOutput)")
    }

    @Test func aConfigurationThatCannotBeReadSaysWhy() throws {
        let root = try directory(["a.baton": Self.design, "conf/.baton.json": "{}"])
        defer { try? FileManager.default.removeItem(at: root) }
        let given = try BatonExecutable.run(["check", "--config", "conf", "a.baton"], directory: root)
        #expect(given.status == 2)
        #expect(given.standardError == """
            baton: error: invalid configuration: conf: cannot read the configuration file: it is a directory
              help: give the .baton.json file itself, not its directory

            """)
        // A .baton.json found on the way up that is a link to nothing is not silently ignored.
        try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent(".baton.json").path,
                                                   withDestinationPath: "shared/.baton.json")
        let dangling = try BatonExecutable.run(["check", "a.baton"], directory: root)
        #expect(dangling.status == 2)
        #expect(dangling.standardError.contains(
            ".baton.json: cannot read the configuration file: it is a symbolic link to 'shared/.baton.json', which does not exist"),
                "\(dangling.standardError)")
    }
}
