// What the commands that write files do with links, read-only files and their own inputs, run
// as a user would. (The writer itself is tested in BatonCommandLineTests/AtomicWriteTests.)

import BatonTestSupport
import Foundation
import Testing

@Suite struct OutputSafetyTests {
    static let library = "service Lib [timeout=1s]\n"
    static let main = "import \"lib.baton\"\nservice Main\nMain -> Lib : x\n"
    static let messy = "service A;service B\nA->B:x\n"
    static let document = "# Doc\n\n```baton\nimport \"lib.baton\"\nservice X\nX -> Lib : y\n```\n"

    let directory: URL

    init() throws {
        directory = try makeTemporaryDirectory(["lib.baton": Self.library, "main.baton": Self.main, "messy.baton": Self.messy,
                                                "doc.md": Self.document], prefix: "baton-output")
    }

    func path(_ name: String) -> String { directory.appendingPathComponent(name).path }
    func read(_ name: String) -> String? {
        FileManager.default.contents(atPath: path(name)).map { String(decoding: $0, as: UTF8.self) }
    }
    func run(_ arguments: [String]) throws -> BatonExecutable.Result {
        try BatonExecutable.run(arguments, directory: directory)
    }
    func mode(_ name: String) -> Int {
        var status = stat()
        return lstat(path(name), &status) == 0 ? Int(status.st_mode & 0o7777) : -1
    }

    @Test func renderRefusesToWriteOverAFileItsInputImports() throws {
        let result = try run(["render", "main.baton", "--to", "svg", "-o", "lib.baton"])
        #expect(result.status == 2)
        #expect(result.standardError.contains("refusing to write over 'lib.baton': it is a design this run imports"))
        #expect(read("lib.baton") == Self.library)
    }

    @Test func renderRefusesTheInputUnderAnotherName() throws {
        #expect(symlink("main.baton", path("alias.svg")) == 0)
        #expect(link(path("main.baton"), path("hard.svg")) == 0)
        for name in ["alias.svg", "hard.svg", "./main.baton"] {
            let result = try run(["render", "main.baton", "--to", "svg", "-o", name])
            #expect(result.status == 2)
            #expect(result.standardError.contains("it is the input"), "\(name): \(result.standardError)")
        }
        #expect(read("main.baton") == Self.main)
    }

    @Test func markdownRefusesToWriteOverItsInputOrAFenceImport() throws {
        for (target, role) in [("doc.md", "the input document"), ("lib.baton", "a design this run imports")] {
            let result = try run(["markdown", "doc.md", "-o", target])
            #expect(result.status == 2)
            #expect(result.standardError.contains(role), "\(result.standardError)")
        }
        #expect(read("doc.md") == Self.document)
        #expect(read("lib.baton") == Self.library)
    }

    @Test func renderWritesThroughALinkAndKeepsIt() throws {
        try Data("old".utf8).write(to: URL(fileURLWithPath: path("real.svg")))
        #expect(chmod(path("real.svg"), 0o640) == 0)
        #expect(symlink("real.svg", path("out.svg")) == 0)
        let result = try run(["render", "main.baton", "-o", "out.svg"])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: path("out.svg")) == "real.svg")
        #expect(read("real.svg")?.hasPrefix("<svg") == true)
        #expect(mode("real.svg") == 0o640)
    }

    @Test func fmtWritesThroughALinkKeepingTheTargetsMode() throws {
        #expect(chmod(path("messy.baton"), 0o600) == 0)
        #expect(symlink("messy.baton", path("link.baton")) == 0)
        let result = try run(["fmt", "link.baton"])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: path("link.baton")) == "messy.baton")
        #expect(read("messy.baton") == "service  A\nservice  B\nA -> B : x\n")
        #expect(mode("messy.baton") == 0o600)
    }

    @Test func fmtRefusesAReadOnlyFileUnlessForcedAndGoesOnWithTheOthers() throws {
        try Data(Self.messy.utf8).write(to: URL(fileURLWithPath: path("other.baton")))
        #expect(chmod(path("messy.baton"), 0o444) == 0)
        let refused = try run(["fmt", "messy.baton", "other.baton"])
        #expect(refused.status == 2)
        #expect(refused.standardError.contains("refusing to replace 'messy.baton': it is read-only"))
        #expect(read("messy.baton") == Self.messy)
        #expect(read("other.baton") == "service  A\nservice  B\nA -> B : x\n")
        let forced = try run(["fmt", "--force", "messy.baton"])
        #expect(forced.status == 0, "\(forced.standardError)")
        #expect(read("messy.baton") == "service  A\nservice  B\nA -> B : x\n")
        #expect(mode("messy.baton") == 0o444)
    }

    @Test func fmtRefusesAHardLinkedFileRatherThanSplittingIt() throws {
        #expect(link(path("messy.baton"), path("twin.baton")) == 0)
        let result = try run(["fmt", "messy.baton"])
        #expect(result.status == 2)
        #expect(result.standardError.contains("2 hard links"))
        #expect(read("messy.baton") == Self.messy && read("twin.baton") == Self.messy)
    }

    @Test func markdownInPlaceWritesThroughALink() throws {
        #expect(symlink("doc.md", path("README.md")) == 0)
        let result = try run(["markdown", "--in-place", "README.md"])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: path("README.md")) == "doc.md")
        #expect(read("doc.md")?.contains("<picture>") == true)
    }

    @Test func standardOutputAndDevicesAreWrittenInPlace() throws {
        let stdout = try run(["render", "main.baton", "-o", "/dev/stdout"])
        #expect(stdout.status == 0, "\(stdout.standardError)")
        #expect(stdout.standardOutput.hasPrefix("<svg"))
        let null = try run(["render", "main.baton", "--to", "svg", "-o", "/dev/null"])
        #expect(null.status == 0, "\(null.standardError)")
        var status = stat()
        #expect(lstat("/dev/null", &status) == 0 && status.st_mode & S_IFMT == S_IFCHR, "/dev/null is still a device")
    }

    @Test func standardInputRedirectedFromAFileIsAnInputToo() throws {
        // `baton markdown - -o README.md < README.md` would replace the fences with pictures.
        for (arguments, file) in [(["markdown", "-", "-o", "doc.md"], "doc.md"), (["render", "-", "--to", "svg", "-o", "main.baton"], "main.baton")] {
            let process = Process()
            process.executableURL = BatonExecutable.url
            process.arguments = arguments
            process.currentDirectoryURL = directory
            process.standardInput = try FileHandle(forReadingFrom: URL(fileURLWithPath: path(file)))
            let errors = Pipe()
            process.standardError = errors
            try process.run()
            let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            #expect(process.terminationStatus == 2)
            #expect(message.contains("read as standard input"), "\(message)")
        }
        #expect(read("doc.md") == Self.document && read("main.baton") == Self.main)
    }

    @Test func aDirectoryLinkOutOfTheTreeIsNotFollowed() throws {
        // `baton fmt repo` with repo/vendor -> elsewhere must not rewrite files elsewhere.
        let outside = try makeTemporaryDirectory(["victim.baton": Self.messy], prefix: "baton-outside")
        defer { try? FileManager.default.removeItem(at: outside) }
        try FileManager.default.createDirectory(atPath: path("repo"), withIntermediateDirectories: true)
        try Data(Self.messy.utf8).write(to: URL(fileURLWithPath: path("repo/mine.baton")))
        #expect(symlink(outside.path, path("repo/vendor")) == 0)
        let result = try run(["fmt", "repo"])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardError.contains("not following 'repo/vendor': it is a symbolic link out of 'repo'"))
        #expect(read("repo/mine.baton") == "service  A\nservice  B\nA -> B : x\n")
        #expect(try String(contentsOf: outside.appendingPathComponent("victim.baton"), encoding: .utf8) == Self.messy)
    }

    @Test func namesThatAreNotUTF8AreRefusedNotReplaced() throws {
        // Swift would read the name with U+FFFD in it, which names another file.
        let shell = Process()
        shell.executableURL = URL(fileURLWithPath: "/bin/sh")
        shell.arguments = ["-c", """
            printf 'service A\\n' > "$(printf 'bad\\377.baton')"
            mkdir sub && cp "$(printf 'bad\\377.baton')" "sub/$(printf 'b\\376.baton')"
            '\(BatonExecutable.url.path)' fmt "$(printf 'bad\\377.baton')" 2>arg.txt; echo $? >> arg.txt
            '\(BatonExecutable.url.path)' check sub 2>walk.txt; echo $? >> walk.txt
            """]
        shell.currentDirectoryURL = directory
        try shell.run()
        shell.waitUntilExit()
        let argument = read("arg.txt") ?? ""
        #expect(argument.contains("is not valid UTF-8") && argument.hasSuffix("2\n"), "\(argument)")
        let walk = read("walk.txt") ?? ""
        #expect(walk.contains("its name is not UTF-8") && walk.hasSuffix("2\n"), "\(walk)")
    }
}
