import Baton
@testable import BatonReport
import BatonSyntax
import BatonWorkload
import Testing

/// `UniqueFindings` keeps exactly one of each finding a run reports several times (a file
/// imported by several designs) and never takes two different findings for one — even when
/// they differ in a single field a report prints.
@Suite struct UniqueFindingsTests {
    /// Real findings of a generated design (every rule, notes, fixes), and variants of them
    /// that each differ in one printed field: the cases a cheap identity could confuse.
    static let pool: [ReportedDiagnostic] = {
        let source = DesignGenerator(.init(participants: 14, interactions: 60, seed: 3)).generate()
        let compilation = Baton.compile(source: source, path: "designs/generated.baton")
        let found = Baton.check(compilation).prefix(40).map { ReportedDiagnostic($0, sources: compilation.sources) }
        var pool = Array(found)
        for diagnostic in found.prefix(12) {
            var variants = Array(repeating: diagnostic, count: 9)
            variants[0].message += " "
            variants[1].notes.append(.init(file: diagnostic.file, line: 1, column: 1, message: "another place"))
            variants[2].help = (diagnostic.help ?? "") + "!"
            variants[3].severity = diagnostic.severity == .error ? .warning : .error
            variants[4].code += "-other"
            variants[5].file = "designs/other.baton"
            variants[6].endColumn += 1
            variants[7].fixes = []
            variants[8].line += 1
            pool += variants
        }
        return pool
    }()

    @Test(arguments: [1, 2, 3, 4, 5] as [UInt64])
    func keepsOneOfEachAndMergesNothingElse(seed: UInt64) {
        var random = SplitMix64(seed: seed)
        // A run: findings from the pool, many of them several times, in random order.
        let run = (0..<600).map { _ in Self.pool[random.below(Self.pool.count)] }
        var unique = UniqueFindings()
        var kept: [ReportedDiagnostic] = []
        var numbers: [Int] = []
        for diagnostic in run {
            let (inserted, number) = unique.insert(diagnostic)
            if inserted {
                #expect(number == kept.count)
                kept.append(diagnostic)
            } else {
                #expect(kept[number] == diagnostic, "a finding was taken for a different one")
            }
            numbers.append(number)
        }
        // The oracle: equality of everything a diagnostic holds, first appearances in order.
        var seen = Set<ReportedDiagnostic>()
        let firsts = run.filter { seen.insert($0).inserted }
        #expect(kept == firsts)
        #expect(unique.count == firsts.count)
        #expect(zip(run, numbers).allSatisfy { kept[$1] == $0 })
    }

    /// The identity made from a finding as the rules made it is the one made from it resolved:
    /// the two are used side by side in one run (an input formatted where it was checked, a
    /// fallback that resolves).
    @Test func madeWithoutResolvingItIsTheResolvedOnesIdentity() {
        let source = DesignGenerator(.init(participants: 30, interactions: 300, seed: 4)).generate()
        let compilation = Baton.compile(source: source, path: "designs/generated.baton")
        for (diagnostics, sources) in [(Baton.check(compilation), compilation.sources),
                                       (FindingJSONTests.diagnostics, FindingJSONTests.sources)] {
            let identities = FindingIdentity.of(diagnostics, sources: sources)
            let resolved = diagnostics.map { FindingIdentity(ReportedDiagnostic($0, sources: sources)) }
            #expect(identities == resolved)
            #expect(identities.map(\.contentHash) == resolved.map(\.contentHash))
        }
    }

    @Test func variantsThatDifferInOneFieldStayApart() {
        var unique = UniqueFindings()
        for diagnostic in Self.pool { _ = unique.insert(diagnostic) }
        #expect(unique.count == Set(Self.pool).count)
        #expect(unique.count > 100)
    }
}

/// The statement key read from the bytes, stopping at the block, is the key of the decoded
/// text: for ASCII, multi-byte and invalid UTF-8, strings, escapes, comments and braces.
@Suite struct StatementKeyBytesTests {
    @Test(arguments: [1, 2, 3, 4] as [UInt64])
    func bytesGiveTheKeyOfTheText(seed: UInt64) {
        var random = SplitMix64(seed: seed)
        let pieces: [[UInt8]] = ["A", "->", " ", "\t", "\n", "\r\n", "{", "}", "\"", "\\", "#", "x y", "é", "😀"].map { Array($0.utf8) }
            + [[0xE2], [0x82, 0xAC], [0xC2], [0xFF], [0x80]]
        for _ in 0..<2_000 {
            var bytes: [UInt8] = []
            for _ in 0..<random.below(30) { bytes += random.pick(pieces) }
            let start = random.below(bytes.count + 1)
            let end = start + random.below(bytes.count - start + 1)
            let expected = Fingerprint.statementKey(String(decoding: bytes[start..<end], as: UTF8.self))
            #expect(Fingerprint.statementKey(bytes, range: start..<end) == expected, "\(bytes) \(start)..<\(end)")
        }
    }
}
