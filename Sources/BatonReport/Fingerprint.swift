/// FNV-1a, 64 bits: a small, stable, non-cryptographic hash for result fingerprints. Stable
/// means the same bytes give the same value on every machine and run (unlike `Hasher`).
public enum Fingerprint {
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

    /// The fingerprint of a finding: rule, file, message and the normalised statement text —
    /// never line numbers, so it survives edits above the statement.
    public static func of(_ diagnostic: ReportedDiagnostic, uri: String) -> String {
        hex(fnv1a64([diagnostic.code, uri, diagnostic.message, diagnostic.statementText].joined(separator: "\u{1F}")))
    }
}
