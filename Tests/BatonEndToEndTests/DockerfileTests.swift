// The Dockerfile, read as text: no Docker engine runs here (nor in CI), so the image is never
// built by the tests. What can be checked without one is checked: the build stage runs the
// release script that exists, the final stage holds the one binary and nothing else, runs it as
// an unprivileged user, and is the image whose libraries ReleaseBinaryTests checks against.

import BatonTestSupport
import Foundation
import Testing

@Suite struct DockerfileTests {
    struct Instruction {
        var keyword: String
        var arguments: String
    }

    /// The Dockerfile's stages, each a list of instructions (comments dropped, continued lines
    /// joined), and the ARGs before the first FROM.
    static func stages() throws -> (arguments: [Instruction], stages: [[Instruction]]) {
        let text = try String(contentsOf: Golden.packageRoot().appendingPathComponent("Dockerfile"), encoding: .utf8)
        var logical: [String] = []
        var pending = ""
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix("#") || (trimmed.isEmpty && pending.isEmpty) { continue }
            if trimmed.hasSuffix("\\") {
                pending += trimmed.dropLast() + " "
            } else {
                logical.append(pending + trimmed)
                pending = ""
            }
        }
        var global: [Instruction] = []
        var stages: [[Instruction]] = []
        for line in logical where !line.isEmpty {
            let parts = line.split(separator: " ", maxSplits: 1)
            let instruction = Instruction(keyword: parts[0].uppercased(), arguments: parts.count > 1 ? String(parts[1]) : "")
            if instruction.keyword == "FROM" { stages.append([]) }
            if stages.isEmpty { global.append(instruction) } else { stages[stages.count - 1].append(instruction) }
        }
        return (global, stages)
    }

    @Test func buildsWithTheReleaseScriptOnTheOfficialSwiftImage() throws {
        let (global, stages) = try Self.stages()
        #expect(stages.count == 2, "a build stage and a final stage")
        let build = try #require(stages.first)
        let from = build.first?.arguments ?? ""
        #expect(from.hasPrefix("swift:${SWIFT_VERSION}-bookworm AS build"), "\(from)")
        let version = global.first { $0.keyword == "ARG" && $0.arguments.hasPrefix("SWIFT_VERSION=") }?.arguments.dropFirst("SWIFT_VERSION=".count)
        #expect(version.map { $0.wholeMatch(of: /6\.\d+/) != nil } == true, "SWIFT_VERSION is a Swift 6 release: \(version ?? "none")")
        // Every script the build runs is in the repository and executable.
        let runs = build.filter { $0.keyword == "RUN" }.map(\.arguments).joined(separator: " ")
        #expect(runs.contains("scripts/build-release.sh"))
        let scripts = runs.matches(of: /scripts\/[\w.-]+/).map { String($0.output) }
        #expect(!scripts.isEmpty)
        for script in scripts {
            #expect(FileManager.default.isExecutableFile(atPath: Golden.packageRoot().appendingPathComponent(script).path), "\(script)")
        }
    }

    @Test func theFinalStageHoldsOnlyTheBinaryAndRunsItUnprivileged() throws {
        let stages = try Self.stages().stages
        let final = try #require(stages.last)
        let from = final.first?.arguments ?? ""
        // distroless "cc": glibc, libstdc++ and libgcc_s (what ReleaseBinaryTests allows the
        // binary to need), Debian 12 like the build stage; no shell, no package manager.
        #expect(from == "gcr.io/distroless/cc-debian12:nonroot", "\(from)")
        #expect(!final.contains { $0.keyword == "RUN" || $0.keyword == "ADD" }, "the final stage runs nothing and adds nothing")
        let copies = final.filter { $0.keyword == "COPY" }
        #expect(copies.count == 1)
        #expect(copies.first?.arguments == "--from=build /out/baton /usr/local/bin/baton")
        let user = final.last { $0.keyword == "USER" }?.arguments ?? "root"
        #expect(!["root", "0", "0:0"].contains(user) && !user.hasPrefix("0:"), "runs as \(user)")
        #expect(final.contains { $0.keyword == "ENTRYPOINT" && $0.arguments == #"["/usr/local/bin/baton"]"# })
        // The build stage puts the binary where the final stage takes it from.
        let build = try #require(stages.first)
        #expect(build.contains { $0.keyword == "RUN" && $0.arguments.contains("/out/baton") })
    }

    /// The build context leaves out build products and git's files (a multi-gigabyte .build
    /// would otherwise be sent to the engine, and a host build could leak into the image).
    @Test func theContextLeavesOutBuildProducts() throws {
        let ignore = try String(contentsOf: Golden.packageRoot().appendingPathComponent(".dockerignore"), encoding: .utf8)
        let patterns = Set(ignore.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.hasPrefix("#") })
        #expect(patterns.contains(".build"))
        #expect(patterns.contains(".git"))
        #expect(!patterns.contains("Sources") && !patterns.contains("scripts") && !patterns.contains("Package.swift"))
    }
}
