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
        var numbering = Numbering()
        return diagnostics.map { numbering.next($0, path: path($0)) }
    }

    /// `numbered` one diagnostic at a time, for reports written as they are made: give it the
    /// diagnostics in the same order and it gives the same fingerprints.
    public struct Numbering: Sendable {
        private var occurrences: [String: Int] = [:]

        public init() {}

        /// The fingerprint of the next diagnostic, in the file known as `path`.
        public mutating func next(_ diagnostic: ReportedDiagnostic, path: String) -> String {
            let hash = Fingerprint.hash(diagnostic, path: path)
            let occurrence = (occurrences[hash] ?? 0) + 1
            occurrences[hash] = occurrence
            return "\(hash):\(occurrence)"
        }
    }

    /// A statement's text as a fingerprint sees it: everything up to the `{` of the block it
    /// opens (a finding on an interaction with a block must not change when a call inside the
    /// block does), without whitespace and `#` comments outside string literals. `baton fmt`
    /// changes only those, so formatting keeps the key.
    /// `statementKey` of the text of `range` in `bytes`, decoded only up to the `{` where the
    /// key ends: a finding on a flow or a call with a block spans the whole block, and decoding
    /// thousands of lines to keep the first one made each such finding cost as much as its block.
    public static func statementKey(_ bytes: [UInt8], range: Range<Int>) -> String {
        let start = min(max(0, range.lowerBound), bytes.count)
        let end = keyEnd(bytes, from: start, to: min(max(start, range.upperBound), bytes.count))
        let statement = bytes[start..<end]
        // Non-ASCII text goes through the scalars (dropping a space between two invalid bytes
        // must not make them one character); ASCII, nearly every statement, byte by byte.
        guard statement.allSatisfy({ $0 < 0x80 }) else { return statementKey(String(decoding: statement, as: UTF8.self)) }
        var key: [UInt8] = []
        key.reserveCapacity(statement.count)
        var inString = false
        var escaped = false
        var inComment = false
        for byte in statement {
            if inComment {
                if byte == 0x0A { inComment = false }
                continue
            }
            if inString {
                key.append(byte)
                if escaped {
                    escaped = false
                } else if byte == 0x5C {
                    escaped = true
                } else if byte == 0x22 || byte == 0x0A {
                    inString = false
                }
                continue
            }
            switch byte {
            case 0x20, 0x09, 0x0A, 0x0D: continue
            case 0x23: inComment = true
            case 0x22:
                inString = true
                key.append(byte)
            default: key.append(byte)
            }
        }
        return String(decoding: key, as: UTF8.self)
    }

    /// Where `statementKey` stops reading: the first `{` outside strings and comments, found on
    /// the bytes (every character the key's rules look at is ASCII, and no byte of a multi-byte
    /// or invalid sequence is), or `end`.
    static func keyEnd(_ bytes: [UInt8], from start: Int, to end: Int) -> Int {
        var inString = false
        var escaped = false
        var inComment = false
        var index = start
        while index < end {
            let byte = bytes[index]
            if inComment {
                if byte == 0x0A { inComment = false }
            } else if inString {
                if escaped {
                    // A multi-byte character after a backslash ends the escape at its first byte,
                    // as its scalar does in `statementKey`.
                    escaped = false
                } else if byte == 0x5C {
                    escaped = true
                } else if byte == 0x22 || byte == 0x0A {
                    inString = false
                }
            } else if byte == 0x23 {
                inComment = true
            } else if byte == 0x22 {
                inString = true
            } else if byte == 0x7B {
                return index
            }
            index += 1
        }
        return end
    }

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
