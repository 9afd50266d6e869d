// The hostile inputs of the hardening work, each run under a hard cap on memory (prlimit's
// address-space limit): a regression that builds a copy per error, a quadratic table or an
// unbounded layout then fails here — the process is refused its memory and dies — instead of
// running a CI machine out of memory. Time is not asserted (machines are noisy); the
// benchmark, scripts/bench-scale.sh, prints it.

import BatonTestSupport
import BatonWorkload
import Foundation
import Testing

@Suite(.requires(program: "prlimit")) struct ResourceBoundTests {
    /// What every case must fit in: a debug build of Baton, 1 GiB of address space.
    static let addressSpace = 1 << 30

    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var file: String
        var arguments: [String]
        /// Exit statuses that are a correct answer for this input.
        var statuses: Set<Int32>
        var testDescription: String { name }
    }

    /// The designs, built by hand rather than by the workload generator (which is slow in a
    /// debug build): each is the smallest shape that used to hurt.
    static func design(_ file: String) -> String {
        switch file {
        case "attributes.baton":
            return "service Api [" + String(repeating: "timeout=1s,", count: 100_000) + "\n"
        case "duplicates.baton":
            return "service Api [" + Array(repeating: "timeout=1s", count: 3_000).joined(separator: ", ") + "]\n"
        case "oneline.baton":
            return (0..<40_000).map { "service S\($0)" }.joined(separator: "; ") + "\n"
        case "chain.baton":
            // Every participant reaches every later one: composite availability's worst case.
            let count = 20_000
            let declarations = (0..<count).map { "service S\($0) [availability=99.9%]" }
            let calls = (1..<count).map { "S\($0 - 1) -> S\($0) : next [timeout=1s]" }
            return (declarations + calls).joined(separator: "\n") + "\n"
        case "dense.baton":
            var random = SplitMix64(seed: 5)
            let declarations = (0..<300).map { "service S\($0)" }
            let calls = (0..<60_000).map { _ in "S\(random.below(300)) ->> S\(random.below(300)) : m\(random.below(40))" }
            return (declarations + calls).joined(separator: "\n") + "\n"
        case "nested.baton":
            return "service A\nservice B\n" + String(repeating: "loop {\n", count: 10_000) + String(repeating: "}\n", count: 10_000)
        default:
            return ""
        }
    }

    static let cases: [Case] = [
        Case(name: "check, 100,000 attributes in one unclosed list", file: "attributes.baton", arguments: ["check"], statuses: [1]),
        Case(name: "check --format sarif, 3,000 duplicate keys", file: "duplicates.baton", arguments: ["check", "--format", "sarif"], statuses: [1]),
        Case(name: "fmt, 40,000 statements on one line", file: "oneline.baton", arguments: ["fmt", "--check"], statuses: [1]),
        Case(name: "check, 40,000 statements on one line", file: "oneline.baton", arguments: ["check", "--format", "json"], statuses: [0, 1]),
        Case(name: "graph view, 40,000 statements on one line", file: "oneline.baton", arguments: ["render", "--view", "graph", "--graph-limit", "1000"],
             statuses: [2]),
        Case(name: "metrics, a chain of 20,000 participants", file: "chain.baton", arguments: ["metrics", "--format", "json"], statuses: [0]),
        Case(name: "graph view, 300 participants densely connected by 60,000 sends", file: "dense.baton",
             arguments: ["render", "--view", "graph"], statuses: [2]),
        Case(name: "check, 10,000 nested blocks", file: "nested.baton", arguments: ["check"], statuses: [1]),
    ]

    @Test(arguments: cases)
    func staysWithinItsMemory(_ hostile: Case) throws {
        let prlimit = try ExternalProgram.require("prlimit", package: "util-linux")
        let directory = try makeTemporaryDirectory([hostile.file: Self.design(hostile.file)], prefix: "baton-bound")
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = try prlimit.run(["--as=\(Self.addressSpace)", "--", BatonExecutable.url.path] + hostile.arguments + [hostile.file],
                                     in: directory, environment: ["NO_COLOR": "1"])
        #expect(hostile.statuses.contains(result.status),
                "exit \(result.status): \(result.standardError.suffix(600))")
        #expect(!result.standardError.contains("Fatal error") && !result.standardError.contains("crashed"))
    }
}
