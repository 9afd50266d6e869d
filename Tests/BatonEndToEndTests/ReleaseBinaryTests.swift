// The binary people install, as scripts/build-release.sh builds it: it must run on a machine
// with no Swift toolchain. A release build takes minutes, so the tests never build it: .ci/run
// builds it once and names it in BATON_RELEASE_BINARY. Without the variable these tests skip on
// a laptop and fail under CI=true, like a missing external program.

import BatonTestSupport
import Foundation
import Testing

/// The path in BATON_RELEASE_BINARY, if any.
enum ReleaseBinary {
    static var path: String? {
        ProcessInfo.processInfo.environment["BATON_RELEASE_BINARY"].flatMap { $0.isEmpty ? nil : $0 }
    }
}

@Suite(.enabled("needs BATON_RELEASE_BINARY (the path scripts/build-release.sh prints); with CI=true its absence is a failure") {
    ExternalProgram.isCI || ReleaseBinary.path != nil
})
struct ReleaseBinaryTests {

    struct NotBuilt: Error, CustomStringConvertible {
        var description: String
    }

    /// The release binary, copied alone into a fresh directory: nothing that sits beside it in
    /// the build tree (where `$ORIGIN` would find a library) comes along.
    static func isolatedBinary() throws -> (binary: URL, directory: URL) {
        guard let path = ReleaseBinary.path else {
            throw NotBuilt(description: "BATON_RELEASE_BINARY is not set; run BATON_RELEASE_BINARY=\"$(scripts/build-release.sh)\" swift test")
        }
        guard FileManager.default.isExecutableFile(atPath: path) else {
            throw NotBuilt(description: "BATON_RELEASE_BINARY is '\(path)', which is not an executable file")
        }
        let directory = try makeTemporaryDirectory(["design.baton": "client Shopper\nservice Shop\nShopper -> Shop : pay\n"],
                                                   prefix: "baton-release")
        let binary = directory.appendingPathComponent("bin/baton")
        try FileManager.default.createDirectory(at: binary.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: URL(fileURLWithPath: path), to: binary)
        return (binary, directory)
    }

    /// Runs the binary under `env -i`: no PATH (so no toolchain), no LD_LIBRARY_PATH, no HOME.
    static func runBare(_ binary: URL, _ arguments: [String], in directory: URL) throws -> ExternalProgram.Output {
        let env = ExternalProgram(name: "env", url: URL(fileURLWithPath: "/usr/bin/env"))
        return try env.run(["-i", binary.path] + arguments, in: directory)
    }

    /// Under `env -i`, the release binary prints the same bytes as the debug build the other
    /// tests run: its version, the findings of `check` and the SVG of `render`.
    @Test func runsWithoutTheToolchainAndAgreesWithTheDebugBuild() throws {
        let (binary, directory) = try Self.isolatedBinary()
        defer { try? FileManager.default.removeItem(at: directory) }
        let version = try Self.runBare(binary, ["--version"], in: directory)
        #expect(version.status == 0, "\(version.standardError)")
        #expect(String(decoding: version.standardOutput, as: UTF8.self) == (try BatonExecutable.run(["--version"])).standardOutput)
        #expect(String(decoding: version.standardOutput, as: UTF8.self).hasPrefix("baton "))

        let check = try Self.runBare(binary, ["check", "design.baton"], in: directory)
        let expected = try BatonExecutable.run(["check", "design.baton"], directory: directory)
        #expect(check.status == expected.status)
        #expect(String(decoding: check.standardOutput, as: UTF8.self) == expected.standardOutput)
        #expect(expected.standardOutput.contains("warning[missing-timeout]"))

        let render = try Self.runBare(binary, ["render", "design.baton"], in: directory)
        #expect(render.status == 0, "\(render.standardError)")
        #expect(render.standardOutput == (try BatonExecutable.run(["render", "design.baton"], directory: directory)).standardOutputBytes)
        #expect(String(decoding: render.standardOutput, as: UTF8.self).hasPrefix("<svg"))

        let completions = try Self.runBare(binary, ["completions", "bash"], in: directory)
        #expect(completions.status == 0)
        #expect(String(decoding: completions.standardOutput, as: UTF8.self).contains("complete -F _baton baton"))
    }

    /// `env -i` alone proves less than it seems: a binary linked against the toolchain's shared
    /// libraries finds them through its run path whatever the environment says. So the
    /// toolchain's runtime directory is hidden too, under an empty tmpfs in a private mount
    /// namespace (unshare, as an unprivileged user may): there the debug build cannot start —
    /// which shows the hiding works — and the release binary runs.
    @Test func runsWithTheToolchainHidden() throws {
        let unshare = try ExternalProgram.require("unshare", package: "util-linux")
        let ldd = try ExternalProgram.require("ldd", package: "libc-bin")
        let (binary, directory) = try Self.isolatedBinary()
        defer { try? FileManager.default.removeItem(at: directory) }
        // Where the debug build loads the Swift runtime from: TOOLCHAIN/usr/lib/swift/linux.
        let debugLibraries = String(decoding: try ldd.run([BatonExecutable.url.path]).standardOutput, as: UTF8.self)
        let core = try #require(debugLibraries.firstMatch(of: /libswiftCore\.so => (\S+)/).map { String($0.output.1) },
                                "the debug build loads libswiftCore.so: \(debugLibraries)")
        let runtime = URL(fileURLWithPath: core).deletingLastPathComponent().deletingLastPathComponent().path
        let hide = ["--mount", "--map-root-user", "sh", "-c", #"mount -t tmpfs none "$1" && shift && exec env -i "$@""#, "sh", runtime]

        let debug = try unshare.run(hide + [BatonExecutable.url.path, "--version"], in: directory)
        if debug.standardError.hasPrefix("unshare:") {
            // The kernel or the container forbids user namespaces: nothing to learn here.
            try Test.cancel("skipped: unshare cannot make a mount namespace here: \(debug.standardError)")
        }
        #expect(debug.status == 127, "the debug build started with \(runtime) hidden: \(debug.standardError)")
        #expect(debug.standardError.contains("libswift"), "\(debug.standardError)")

        let release = try unshare.run(hide + [binary.path, "--version"], in: directory)
        #expect(release.status == 0, "\(release.standardError)")
        #expect(String(decoding: release.standardOutput, as: UTF8.self) == (try BatonExecutable.run(["--version"])).standardOutput)
        let check = try unshare.run(hide + [binary.path, "check", "design.baton"], in: directory)
        #expect(String(decoding: check.standardOutput, as: UTF8.self).contains("warning[missing-timeout]"), "\(check.standardError)")
    }

    /// ldd lists no Swift library — the runtime, Foundation, Dispatch and the blocks runtime
    /// are inside the binary — and nothing it cannot find.
    @Test func loadsNoSwiftLibrary() throws {
        let ldd = try ExternalProgram.require("ldd", package: "libc-bin")
        let (binary, directory) = try Self.isolatedBinary()
        defer { try? FileManager.default.removeItem(at: directory) }
        let output = try ldd.run([binary.path], environment: ["LD_LIBRARY_PATH": ""])
        let libraries = String(decoding: output.standardOutput, as: UTF8.self)
        #expect(output.status == 0, "\(output.standardError)")
        #expect(libraries.contains("libc.so"), "ldd read the binary: \(libraries)")
        for swift in ["libswift", "libFoundation", "lib_Foundation", "libdispatch", "libBlocksRuntime", "libicu"] {
            #expect(!libraries.contains(swift), "the release binary loads \(swift) at run time:\n\(libraries)")
        }
        #expect(!libraries.contains("not found"), "\(libraries)")
    }

    /// The binary exports `main` and none of its Swift functions (scripts/exported-symbols.map):
    /// the runtime searched every exported name on each start.
    @Test func exportsNoSwiftSymbol() throws {
        let readelf = try ExternalProgram.require("readelf", package: "binutils")
        let (binary, directory) = try Self.isolatedBinary()
        defer { try? FileManager.default.removeItem(at: directory) }
        let symbols = String(decoding: try readelf.run(["--dyn-syms", "-W", binary.path]).standardOutput, as: UTF8.self)
        // Defined (not UND) global names: the columns are Num, Value, Size, Type, Bind, Vis, Ndx, Name.
        let exported = symbols.split(separator: "\n").compactMap { line -> Substring? in
            let columns = line.split(separator: " ")
            guard columns.count >= 8, columns[4] == "GLOBAL", columns[6] != "UND" else { return nil }
            return columns[7]
        }
        #expect(exported.contains { $0.hasPrefix("main") }, "\(exported.prefix(20))")
        let swift = exported.filter { $0.hasPrefix("$s") }.count
        #expect(swift == 0, "Swift symbols exported: \(swift)")
    }

    /// What the binary asks the dynamic linker for is what a glibc system always has — and what
    /// the Dockerfile's distroless "cc" image provides — and its run path leads into no toolchain.
    @Test func needsOnlyTheCLibrariesTheImageHas() throws {
        let readelf = try ExternalProgram.require("readelf", package: "binutils")
        let (binary, directory) = try Self.isolatedBinary()
        defer { try? FileManager.default.removeItem(at: directory) }
        let dynamic = String(decoding: try readelf.run(["-d", binary.path]).standardOutput, as: UTF8.self)
        let needed = dynamic.split(separator: "\n").filter { $0.contains("(NEEDED)") }
            .compactMap { line in line.firstMatch(of: /\[([^\]]+)\]/).map { String($0.output.1) } }
        #expect(!needed.isEmpty, "\(dynamic)")
        let system: Set = ["libc.so.6", "libm.so.6", "libstdc++.so.6", "libgcc_s.so.1", "libpthread.so.0", "libdl.so.2",
                           "librt.so.1", "libutil.so.1", "ld-linux-x86-64.so.2", "ld-linux-aarch64.so.1"]
        #expect(needed.allSatisfy(system.contains), "needs \(needed.filter { !system.contains($0) })")
        for line in dynamic.split(separator: "\n") where line.contains("RPATH") || line.contains("RUNPATH") {
            #expect(line.hasSuffix("[$ORIGIN]"), "a run path outside the binary's directory: \(line)")
        }
    }

    /// Stripped: no symbol table (debug sections and symbols make up a third of an unstripped build).
    @Test func isStripped() throws {
        let readelf = try ExternalProgram.require("readelf", package: "binutils")
        let (binary, directory) = try Self.isolatedBinary()
        defer { try? FileManager.default.removeItem(at: directory) }
        let sections = String(decoding: try readelf.run(["-S", "-W", binary.path]).standardOutput, as: UTF8.self)
        #expect(sections.contains(".text"), "readelf read the sections")
        #expect(!sections.contains(".symtab"), "the release binary still has its symbol table")
        #expect(!sections.contains(".debug_info"))
    }
}
