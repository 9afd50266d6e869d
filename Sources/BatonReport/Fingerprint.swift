/// The identity of a finding that does not depend on where it is: SARIF's
/// `partialFingerprints` and the baselines of `baton check --baseline` are both made here, so a
/// finding that code scanning keeps as one alert is also one baseline entry.
///
/// A fingerprint is the rule (or compile-error code), the file's path and the finding's
/// statement — its text up to any block it opens, without whitespace or comments (see
/// `statementKey`) — hashed, plus `:N`, which numbers findings with the same hash in source
/// order. No line or column goes in, and neither does the message, whose numbers (a worst-case
/// wait, an amplification) move when other statements change. So inserting lines above a
/// statement, editing its block or running `baton fmt` keeps every fingerprint; editing the
/// statement itself (its names, its label, its attributes) makes a new one.
public enum Fingerprint {
    /// FNV-1a, 64 bits: a small, stable, non-cryptographic hash. Stable means the same bytes
    /// give the same value on every machine and run (unlike `Hasher`).
    public static func fnv1a64(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        return hash
    }

    /// 16 lowercase hex digits.
    public static func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }

    /// The hash of a finding in the file known as `path` (relative to whatever the consumer
    /// compares against: the working directory for SARIF, the baseline's directory for a
    /// baseline): 16 hex digits, without the occurrence number.
    public static func hash(_ diagnostic: ReportedDiagnostic, path: String) -> String {
        hex(fnv1a64([diagnostic.code, path, diagnostic.statementText].joined(separator: "\u{1F}")))
    }

    /// The fingerprints of `diagnostics` (in source order), each `HASH:N` where N counts the
    /// diagnostics before it with the same hash, from 1: two findings of one rule on two
    /// identical statements of a file stay apart, and match the baseline by how many there are.
    public static func numbered(_ diagnostics: [ReportedDiagnostic], path: (ReportedDiagnostic) -> String) -> [String] {
        var occurrences: [String: Int] = [:]
        return diagnostics.map { diagnostic in
            let hash = hash(diagnostic, path: path(diagnostic))
            let occurrence = (occurrences[hash] ?? 0) + 1
            occurrences[hash] = occurrence
            return "\(hash):\(occurrence)"
        }
    }

    /// A statement's text as a fingerprint sees it: everything up to the `{` of the block it
    /// opens (a finding on an interaction with a block must not change when a call inside the
    /// block does), without whitespace and `#` comments outside string literals. `baton fmt`
    /// changes only those, so formatting keeps the key.
    public static func statementKey(_ text: String) -> String {
        var key = ""
        var inString = false
        var escaped = false
        var inComment = false
        for scalar in text.unicodeScalars {
            if inComment {
                if scalar == "\n" { inComment = false }
                continue
            }
            if inString {
                key.unicodeScalars.append(scalar)
                if escaped {
                    escaped = false
                } else if scalar == "\\" {
                    escaped = true
                } else if scalar == "\"" || scalar == "\n" {
                    inString = false
                }
                continue
            }
            switch scalar {
            case " ", "\t", "\n", "\r": continue
            case "#": inComment = true
            case "{": return key
            case "\"":
                inString = true
                key.unicodeScalars.append(scalar)
            default: key.unicodeScalars.append(scalar)
            }
        }
        return key
    }
}
