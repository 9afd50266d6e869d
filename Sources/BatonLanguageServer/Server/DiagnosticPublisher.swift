/// Decides what `textDocument/publishDiagnostics` to send after an analysis.
///
/// Every open document is analysed as a root, and its compilation may report problems in the
/// files it imports. Each file's published list is the union of what every root's newest
/// analysis says about it (in root order, duplicates dropped), so two documents importing the
/// same library agree, and a file whose problems went away is cleared with an empty list.
///
/// Lists are kept as the bytes that are sent (`DiagnosticList`): comparing and merging them
/// is comparing bytes, and nothing of a large design's diagnostics is kept but one buffer.
struct DiagnosticPublisher {
    /// Root URI → file URI → diagnostics, from that root's newest analysis.
    private var contributions: [String: [String: DiagnosticList]] = [:]
    /// What was last sent per file URI.
    private var published: [String: DiagnosticList] = [:]

    /// Records a root's new findings; returns the notifications' contents to send, in URI order.
    /// The root's own URI is always published (with its version), so a client waiting for the
    /// diagnostics of a version gets them even when nothing changed; another file only when
    /// its list changed.
    mutating func update(root: String, files: [String: DiagnosticList]) -> [(uri: String, diagnostics: DiagnosticList)] {
        let previous = contributions[root] ?? [:]
        if files.isEmpty { contributions.removeValue(forKey: root) } else { contributions[root] = files }
        let touched = Set(previous.keys).union(files.keys).union([root]).sorted()
        var out: [(uri: String, diagnostics: DiagnosticList)] = []
        for uri in touched {
            let merged = merged(uri)
            if uri != root, published[uri] ?? DiagnosticList() == merged { continue }
            if merged.isEmpty { published.removeValue(forKey: uri) } else { published[uri] = merged }
            out.append((uri, merged))
        }
        return out
    }

    /// Forgets a closed root; returns what to send for the files only it reported on.
    mutating func remove(root: String) -> [(uri: String, diagnostics: DiagnosticList)] {
        guard let previous = contributions.removeValue(forKey: root) else { return [] }
        var out: [(uri: String, diagnostics: DiagnosticList)] = []
        for uri in previous.keys.sorted() {
            let merged = merged(uri)
            if published[uri] ?? DiagnosticList() == merged { continue }
            if merged.isEmpty { published.removeValue(forKey: uri) } else { published[uri] = merged }
            out.append((uri, merged))
        }
        return out
    }

    private func merged(_ uri: String) -> DiagnosticList {
        let contributors = contributions.keys.filter { contributions[$0]?[uri] != nil }
        // The usual case, one document reporting on a file: nothing to merge.
        if contributors.count <= 1 { return contributors.first.flatMap { contributions[$0]?[uri] } ?? DiagnosticList() }
        var seen: Set<ArraySlice<UInt8>> = []
        var out = DiagnosticList()
        for root in contributions.keys.sorted() {
            guard let list = contributions[root]?[uri] else { continue }
            for index in 0..<list.count {
                let element = list.element(index)
                if seen.insert(element).inserted { out.append(element: element) }
            }
        }
        return out
    }
}
