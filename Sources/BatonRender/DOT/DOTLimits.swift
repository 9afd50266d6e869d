/// Lengths Graphviz accepts, and how Baton's names and labels are kept within them.
///
/// Graphviz's scanner reads a quoted string or an HTML-like label into a fixed buffer and
/// rejects anything longer ("syntax error in line 3 scanning a quoted string (missing
/// endquote? longer than 16384?)"; with dot 2.43, 16,381 bytes between the quotes pass and
/// 16,382 fail, and unquoted ids fail sooner). Baton puts no limit on the length of a name or a
/// label, so a design with a 20,000-character name would give DOT that `dot` refuses. Rather
/// than refuse such a design, the DOT writer keeps every string well below the limit:
/// visible text is cut with "…" (no node can show 500 bytes of text anyway), names too long to
/// be node ids are replaced by short stable ids, and `DOTEscaping.escaped` cuts any quoted
/// string at half the limit as a last guard.
enum DOTLimits {
    /// Visible text (node, cluster, edge and graph labels), in UTF-8 bytes before escaping and
    /// wrapping. Even with every byte escaped (at most 6 bytes, `"` → `&quot;` in a table) and a
    /// line break after every character, a label stays a few kilobytes.
    static let textBytes = 500
    /// Any quoted string, escaped, quotes excluded: half of Graphviz's limit.
    static let quotedBytes = 8_192
    /// Names up to this length are their own node ids (readable DOT, stable across versions);
    /// longer ones get a derived id.
    static let idBytes = 200

    /// `text` cut after the last whole character that fits in `limit` UTF-8 bytes with "…".
    static func shortened(_ text: String, toBytes limit: Int = textBytes) -> String {
        guard text.utf8.count > limit else { return text }
        let ellipsis = "…"
        var out = ""
        var used = ellipsis.utf8.count
        for character in text {
            let size = character.utf8.count
            guard used + size <= limit else { break }
            out.append(character)
            used += size
        }
        return out + ellipsis
    }

    /// The DOT id of a participant or a group: its name when short enough, which is what
    /// readers and scripts expect; otherwise the name's first 32 characters, `~` and 16 hex
    /// digits of its SHA-256. Names consist of letters, digits and `_`, so `~` never occurs in
    /// one and a derived id cannot collide with a real name; the hash keeps it stable across
    /// runs and reorderings, and distinct for names that share a long prefix.
    static func id(_ name: String) -> String {
        guard name.utf8.count > idBytes else { return name }
        return String(name.prefix(32)) + "~" + String(SHA256.hex(SHA256.hash(Array(name.utf8))).prefix(16))
    }
}
