import Baton
import BatonCheck
import BatonModel
import BatonWorkload
import Testing

/// A committed `.baton.json` must never crash a CI run: thousands of seeded mutations of a valid
/// configuration are either refused with a located error or accepted — and an accepted one then
/// runs every rule over a design without trapping (a trap fails the run by itself).
@Suite struct ConfigurationFuzzTests {
    static let valid = #"""
        {
          "$schema": "https://example.org/baton-config.schema.json",
          "rules": {
            "sync-chain-depth": { "severity": "error", "max": 4 },
            "retry-amplification": { "max": 10 },
            "fan-out": { "severity": "info", "max": 5 },
            "unused-participant": "off"
          },
          "failOn": "warning"
        }
        """#

    /// Values that have crashed or confused configuration readers: huge, tiny, non-finite,
    /// malformed and wrongly typed numbers.
    static let values = [
        "1e19", "9223372036854775808", "-9223372036854775809", "1e308", "1e400", "-1e400", "1e-400", "0", "-0", "-1",
        "2.5", "0.0000001", "18446744073709551616", "1E+2", "01", "1.", ".5", "NaN", "Infinity", "\"4\"", "true", "null",
        "[]", "{}", "[4]", "{\"max\": 1e19}", "\"\u{1B}[31m\"",
    ]

    static let design = DesignGenerator(.init(participants: 30, interactions: 120, seed: 11)).generate()

    func exercise(_ text: String) {
        do {
            let configuration = try ConfigurationParser.parse(Array(text.utf8), path: ".baton.json")
            let compilation = Baton.compile(source: Self.design, path: "fuzz.baton")
            _ = Baton.check(compilation, configuration: configuration)
        } catch {
            #expect(!error.message.isEmpty)
            #expect(!error.message.contains("must be a number, not a number"), "\(error.message)")
            if let line = error.line { #expect(line >= 1 && line <= text.split(separator: "\n", omittingEmptySubsequences: false).count) }
        }
    }

    @Test func everyHostileNumberInEveryOptionIsRefusedOrHarmless() {
        for value in Self.values {
            for option in ["\"max\": 4", "\"max\": 10", "\"max\": 5"] {
                exercise(Self.valid.replacingOccurrences(of: option, with: "\"max\": \(value)"))
            }
        }
    }

    @Test func mutatedConfigurationsNeverTrap() {
        var random = SplitMix64(seed: 2026)
        let bytes = Array(Self.valid.utf8)
        let pieces = Self.values + ["{", "}", "[", "]", ",", ":", "\"", "\\", "\"rules\"", "\"max\"", "\"severity\"", "\u{0}"]
        for _ in 0..<1500 {
            var mutated = bytes
            for _ in 0..<(1 + random.below(4)) {
                let position = random.below(mutated.count + 1)
                switch random.below(3) {
                case 0 where !mutated.isEmpty:
                    mutated.remove(at: min(position, mutated.count - 1))
                case 1:
                    mutated.insert(contentsOf: Array(random.pick(pieces).utf8), at: position)
                default:
                    mutated.insert(UInt8(truncatingIfNeeded: random.next()), at: position)
                }
            }
            exercise(String(decoding: mutated, as: UTF8.self))
        }
    }
}
