import BatonTestSupport
import BatonWorkload
import Foundation
import Testing

/// `baton render --view graph` and its size limit, as a user meets it: a design over the limit is
/// refused with exit status 2 and a message that says how big it is and what to do, before any
/// layout work; raising the limit with `--graph-limit` draws it.
@Suite struct GraphLimitCommandTests {
    /// Writes a generated design to `name` in a new directory.
    static func design(_ name: String, participants: Int, interactions: Int) throws -> URL {
        let source = DesignGenerator(.init(participants: participants, interactions: interactions, seed: 3)).generate()
        return try makeTemporaryDirectory([name: source])
    }

    @Test func aDesignOverTheLimitIsRefusedBeforeItIsLaidOut() throws {
        // Far too big to lay out in a debug build within the test's patience: only a refusal
        // made before the layout returns at all.
        let directory = try Self.design("big.baton", participants: 400, interactions: 6_000)
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = try BatonExecutable.run(["render", "big.baton", "--view", "graph", "--graph-limit", "1000", "-o", "big.svg"],
                                             directory: directory)
        #expect(result.status == 2)
        #expect(result.standardOutput.isEmpty)
        #expect(result.standardError.hasPrefix("baton: error: the graph view of 'big.baton' has 400 participants and "))
        #expect(result.standardError.contains(" connections, more than the graph view's limit of 1,000 participants and connections together\n"))
        #expect(result.standardError.contains("help: draw one flow with --flow NAME, split the design, use the sequence view, or raise the limit with --graph-limit "))
        #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("big.svg").path))
    }

    @Test func raisingTheLimitDrawsIt() throws {
        let directory = try Self.design("mid.baton", participants: 30, interactions: 120)
        defer { try? FileManager.default.removeItem(at: directory) }
        let refused = try BatonExecutable.run(["render", "mid.baton", "--view", "graph", "--graph-limit", "50", "-o", "mid.svg"],
                                              directory: directory)
        #expect(refused.status == 2)
        // The help names the limit that would draw it; that limit does.
        let raised = Self.limitArguments(refused.standardError)
        #expect(raised.count == 2)
        let drawn = try BatonExecutable.run(["render", "mid.baton", "--view", "graph", "-o", "mid.svg"] + raised, directory: directory)
        #expect(drawn.status == 0, "\(drawn.standardError)")
        let svg = try String(contentsOf: directory.appendingPathComponent("mid.svg"), encoding: .utf8)
        #expect(svg.hasPrefix("<svg xmlns="))
    }

    /// `--graph-limit N` as the help of a refusal suggests it.
    static func limitArguments(_ message: String) -> [String] {
        guard let range = message.range(of: "--graph-limit ") else { return [] }
        let digits = message[range.upperBound...].prefix { $0.isNumber }
        return ["--graph-limit", String(digits)]
    }

    @Test func theDOTExportAndTheSequenceViewAreNotLimited() throws {
        let directory = try Self.design("mid.baton", participants: 30, interactions: 120)
        defer { try? FileManager.default.removeItem(at: directory) }
        for options in [["--to", "dot"], ["--view", "sequence"]] {
            let result = try BatonExecutable.run(["render", "mid.baton", "--graph-limit", "5"] + options, directory: directory)
            #expect(result.status == 0, "\(options): \(result.standardError)")
        }
    }

    /// A wrong limit is reported with the bound it crosses: too small says "at least", too
    /// large (even beyond what fits in a machine word) says "at most".
    @Test(arguments: [
        ("0", "'--graph-limit' must be at least 1, not 0"),
        ("-3", "'--graph-limit' must be at least 1, not -3"),
        ("10000001", "'--graph-limit' must be at most 10,000,000, not 10000001"),
        ("99999999999999999999", "'--graph-limit' must be at most 10,000,000, not 99999999999999999999"),
        ("many", "'--graph-limit' needs a whole number, not 'many'"),
        ("1.5", "'--graph-limit' needs a whole number, not '1.5'"),
        ("1,5", "'--graph-limit' needs a whole number, not '1,5'"),
    ])
    func aWrongLimitNamesTheBoundItCrosses(_ value: String, _ message: String) throws {
        let result = try BatonExecutable.run(["render", "-", "--view", "graph", "--graph-limit", value],
                                             input: Data("service A\nservice B\nA -> B : x\n".utf8))
        #expect(result.status == 2)
        #expect(result.standardError.hasPrefix("baton: error: \(message)\n"), "\(result.standardError)")
    }

    /// The help writes the default as 50,000; a limit written the same way is understood.
    @Test(arguments: ["10,000,000", "120_000", "3"]) func aLimitMayBeGroupedByThousands(_ value: String) throws {
        let result = try BatonExecutable.run(["render", "-", "--view", "graph", "--graph-limit", value],
                                             input: Data("service A\nservice B\nA -> B : x\n".utf8))
        #expect(result.status == 0, "\(result.standardError)")
    }
}
