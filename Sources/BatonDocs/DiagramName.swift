import BatonRender

/// Content-addressed names for generated diagrams: the same source and options always give the
/// same file name, and any change to either (or to Baton's version) gives a new one, so caches
/// and CDNs never serve a stale picture.
public enum DiagramName {
    /// The first 12 hex digits of SHA-256 over the version, the options that change the
    /// picture, and the source.
    /// (A direction is hashed only when given, so the names of existing diagrams stay.)
    public static func hash(source: String, flow: String?, view: String, direction: String? = nil, version: String) -> String {
        var hasher = SHA256()
        var parts = ["baton \(version)", "flow=\(flow ?? "")", "view=\(view)", source]
        if let direction { parts.insert("direction=\(direction)", at: 3) }
        for part in parts {
            hasher.update(Array(part.utf8))
            hasher.update([0])
        }
        return String(SHA256.hex(hasher.finalize()).prefix(12))
    }

    public static func file(hash: String, theme: String) -> String {
        theme == "dark" ? "baton-\(hash)-dark.svg" : "baton-\(hash).svg"
    }
}
