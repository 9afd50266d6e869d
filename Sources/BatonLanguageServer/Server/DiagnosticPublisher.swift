import BatonJSON

/// Decides what `textDocument/publishDiagnostics` to send after an analysis.
///
/// Every open document is analysed as a root, and its compilation may report problems in the
/// files it imports. Each file's published list is the union of what every root's newest
/// analysis says about it (in root order, duplicates dropped), so two documents importing the
/// same library agree, and a file whose problems went away is cleared with an empty list.
struct DiagnosticPublisher {
    /// Root URI → file URI → diagnostics, from that root's newest analysis.
    private var contributions: [String: [String: [JSONValue]]] = [:]
    /// What was last sent per file URI.
    private var published: [String: [JSONValue]] = [:]

    /// Records a root's new findings; returns the notifications' contents to send, in URI order.
    /// The root's own URI is always published (with its version), so a client waiting for the
    /// diagnostics of a version gets them even when nothing changed.
    ///
    /// What the update replaced is handed to `displaced` rather than freed here: a large
    /// design's diagnostics are thousands of JSON values, and freeing them is for later.
    mutating func update(root: String, files: [String: [JSONValue]],
                         displaced: inout [[String: [JSONValue]]]) -> [(uri: String, diagnostics: [JSONValue])] {
        let previous = contributions[root] ?? [:]
        displaced.append(previous)
        displaced.append(published)
        if files.isEmpty { contributions.removeValue(forKey: root) } else { contributions[root] = files }
        let touched = Set(previous.keys).union(files.keys).union([root]).sorted()
        var out: [(uri: String, diagnostics: [JSONValue])] = []
        for uri in touched {
            let merged = merged(uri)
            if uri != root, published[uri] ?? [] == merged { continue }
            if merged.isEmpty { published.removeValue(forKey: uri) } else { published[uri] = merged }
            out.append((uri, merged))
        }
        return out
    }

    /// Forgets a closed root; returns what to send for the files only it reported on.
    mutating func remove(root: String) -> [(uri: String, diagnostics: [JSONValue])] {
        guard let previous = contributions.removeValue(forKey: root) else { return [] }
        var out: [(uri: String, diagnostics: [JSONValue])] = []
        for uri in previous.keys.sorted() {
            let merged = merged(uri)
            if published[uri] ?? [] == merged { continue }
            if merged.isEmpty { published.removeValue(forKey: uri) } else { published[uri] = merged }
            out.append((uri, merged))
        }
        return out
    }

    private func merged(_ uri: String) -> [JSONValue] {
        let contributors = contributions.keys.filter { contributions[$0]?[uri] != nil }
        // The usual case, one document reporting on a file: nothing to merge (hashing every
        // diagnostic of a large design was a fifth of an analysis).
        if contributors.count <= 1 { return contributors.first.flatMap { contributions[$0]?[uri] } ?? [] }
        var seen: Set<JSONValue> = []
        var out: [JSONValue] = []
        for root in contributions.keys.sorted() {
            for diagnostic in contributions[root]?[uri] ?? [] where seen.insert(diagnostic).inserted {
                out.append(diagnostic)
            }
        }
        return out
    }
}
