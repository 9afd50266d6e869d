// `make install`, run for real into a temporary PREFIX (and a DESTDIR staging tree) with the
// binary the tests run: the binary, the manual pages and the completions land where man, bash,
// zsh and fish look for them, and `make uninstall` takes them away again.

import BatonTestSupport
import Foundation
import Testing

@Suite struct InstallTests {
    /// The files `make install` puts under PREFIX, by path below it.
    static func expectedFiles() throws -> [String] {
        let commands = try BatonExecutable.run(["man", "--list"]).standardOutput.split(separator: "\n")
        return ["bin/baton", "share/man/man1/baton.1"] + commands.map { "share/man/man1/baton-\($0).1" } + [
            "share/bash-completion/completions/baton",
            "share/zsh/site-functions/_baton",
            "share/fish/vendor_completions.d/baton.fish",
        ]
    }

    /// Every regular file below `directory`, as paths relative to it, sorted.
    static func files(below directory: URL) -> [String] {
        let base = directory.standardizedFileURL.resolvingSymlinksInPath().path
        guard let enumerator = FileManager.default.enumerator(atPath: base) else { return [] }
        var files: [String] = []
        for case let path as String in enumerator {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: base + "/" + path, isDirectory: &isDirectory), !isDirectory.boolValue {
                files.append(path)
            }
        }
        return files.sorted()
    }

    static func make(_ arguments: [String]) throws -> ExternalProgram.Output {
        let make = try ExternalProgram.require("make", package: "make")
        return try make.run(["--no-print-directory", "-C", Golden.packageRoot().path] + arguments,
                            environment: ["SOURCE_DATE_EPOCH": ManPageTests.epoch])
    }

    @Test(.requires(program: "make"))
    func installsBinaryPagesAndCompletionsUnderPrefix() throws {
        let directory = try makeTemporaryDirectory(prefix: "baton-install")
        defer { try? FileManager.default.removeItem(at: directory) }
        let prefix = directory.appendingPathComponent("prefix")
        let install = try Self.make(["install", "PREFIX=\(prefix.path)", "BATON=\(BatonExecutable.url.path)"])
        #expect(install.status == 0, "\(install.standardError)")
        #expect(Self.files(below: prefix) == (try Self.expectedFiles()).sorted())

        // The binary is the one given, executable; the other files are readable, not executable.
        let installed = prefix.appendingPathComponent("bin/baton")
        #expect(FileManager.default.contents(atPath: installed.path) == FileManager.default.contents(atPath: BatonExecutable.url.path))
        let binaryMode = try FileManager.default.attributesOfItem(atPath: installed.path)[.posixPermissions] as? Int
        #expect(binaryMode == 0o755)
        let pageMode = try FileManager.default.attributesOfItem(atPath: prefix.appendingPathComponent("share/man/man1/baton.1").path)[.posixPermissions] as? Int
        #expect(pageMode == 0o644)

        // Each generated file is what the binary prints (with the same SOURCE_DATE_EPOCH).
        let environment = ["SOURCE_DATE_EPOCH": ManPageTests.epoch]
        let generated: [(String, [String])] = [
            ("share/man/man1/baton.1", ["man"]),
            ("share/man/man1/baton-render.1", ["man", "render"]),
            ("share/man/man1/baton-completions.1", ["man", "completions"]),
            ("share/bash-completion/completions/baton", ["completions", "bash"]),
            ("share/zsh/site-functions/_baton", ["completions", "zsh"]),
            ("share/fish/vendor_completions.d/baton.fish", ["completions", "fish"]),
        ]
        for (path, arguments) in generated {
            let expected = try BatonExecutable.run(arguments, environment: environment).standardOutputBytes
            #expect(FileManager.default.contents(atPath: prefix.appendingPathComponent(path).path) == expected, "\(path)")
        }

        // The installed binary runs from its new place.
        let version = try ExternalProgram(name: "baton", url: installed).run(["--version"])
        #expect(String(decoding: version.standardOutput, as: UTF8.self) == (try BatonExecutable.run(["--version"])).standardOutput)

        let uninstall = try Self.make(["uninstall", "PREFIX=\(prefix.path)"])
        #expect(uninstall.status == 0, "\(uninstall.standardError)")
        #expect(Self.files(below: prefix).isEmpty)
    }

    /// man finds the installed pages through the PREFIX's share/man, as it would under /usr/local.
    @Test(.requires(program: "make"), .requires(program: "man"))
    func manFindsTheInstalledPages() throws {
        let man = try ExternalProgram.require("man", package: "man-db")
        let directory = try makeTemporaryDirectory(prefix: "baton-install")
        defer { try? FileManager.default.removeItem(at: directory) }
        let prefix = directory.appendingPathComponent("prefix")
        #expect(try Self.make(["install", "PREFIX=\(prefix.path)", "BATON=\(BatonExecutable.url.path)"]).status == 0)
        for page in ["baton", "baton-render", "baton-check"] {
            let output = try man.run(["-M", prefix.appendingPathComponent("share/man").path, page],
                                     environment: ["MANPAGER": "cat", "PAGER": "cat", "MANWIDTH": "80", "LANG": "C.UTF-8"])
            #expect(output.status == 0, "man \(page): \(output.standardError)")
            #expect(String(decoding: output.standardOutput, as: UTF8.self).contains(page.uppercased() + "(1)"))
        }
    }

    /// DESTDIR stages the files for a package: everything goes below it, at PREFIX's paths.
    @Test(.requires(program: "make"))
    func destdirStagesUnderPrefix() throws {
        let directory = try makeTemporaryDirectory(prefix: "baton-install")
        defer { try? FileManager.default.removeItem(at: directory) }
        let stage = directory.appendingPathComponent("stage")
        let install = try Self.make(["install", "DESTDIR=\(stage.path)", "PREFIX=/usr", "BATON=\(BatonExecutable.url.path)"])
        #expect(install.status == 0, "\(install.standardError)")
        #expect(Self.files(below: stage) == (try Self.expectedFiles()).map { "usr/" + $0 }.sorted())
    }

    /// Without a built binary, install says what to do instead of building as root.
    @Test(.requires(program: "make"))
    func installWithoutABinarySaysToBuildFirst() throws {
        let directory = try makeTemporaryDirectory(prefix: "baton-install")
        defer { try? FileManager.default.removeItem(at: directory) }
        let install = try Self.make(["install", "PREFIX=\(directory.path)", "BATON=\(directory.path)/missing/baton"])
        #expect(install.status != 0)
        #expect(install.standardError.contains("run 'make' first, or pass BATON=path/to/baton"))
        #expect(Self.files(below: directory).isEmpty)
    }
}
