/// The one way Baton names a diagram by its content: SHA-256 over the fields that decide the
/// picture, separated by NUL bytes, in lowercase hex.
///
/// Everything derived from it changes whenever the source or an option that changes the
/// picture does, and never otherwise, on every machine: SVG id prefixes (`IDPrefix.derived`),
/// so that two diagrams on one page never share an id, and the file names of a documentation
/// build's pictures (`DiagramName` in BatonDocs), so that caches and CDNs never serve a stale
/// one. Each caller picks its fields and how many hex digits it keeps; an option added later is
/// added as a field only when it differs from its default, so existing names stay.
public enum DiagramHash {
    public static func hex(_ fields: [[UInt8]]) -> String {
        var hasher = SHA256()
        for (index, field) in fields.enumerated() {
            if index > 0 { hasher.update([0]) }
            hasher.update(field)
        }
        return SHA256.hex(hasher.finalize())
    }
}
