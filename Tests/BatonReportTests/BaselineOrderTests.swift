import BatonReport
import BatonWorkload
import Testing

/// A baseline's entries are in one order, whatever order they were found in: by file, rule,
/// message, then fingerprint, as comparing the four as a tuple orders them.
struct BaselineOrderTests {
    @Test(arguments: 0..<20) func entriesAreInFileRuleMessageFingerprintOrder(seed: UInt64) {
        var random = SplitMix64(seed: seed)
        // Few values per field, so that entries tie on the first fields often; one non-ASCII
        // file name and one message that is a prefix of another.
        let files = ["a.baton", "b/c.baton", "é.baton", "e\u{301}x.baton"]
        let rules = ["fan-out", "sync-cycle", "missing-timeout"]
        let messages = ["", "call", "call back", "Call"]
        let entries = (0..<Int.random(in: 0...300, using: &random)).map { _ in
            Baseline.Entry(fingerprint: "\(random.below(4)):\(random.below(3) + 1)", rule: random.pick(rules),
                           file: random.pick(files), message: random.pick(messages))
        }
        let expected = entries.sorted { ($0.file, $0.rule, $0.message, $0.fingerprint) < ($1.file, $1.rule, $1.message, $1.fingerprint) }
        #expect(Baseline(entries: entries).entries == expected)
        #expect(Baseline(entries: entries.reversed()).entries == expected)
    }
}
