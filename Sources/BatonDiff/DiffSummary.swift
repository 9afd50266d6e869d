import BatonSyntax

/// How many elements each kind of change touched, and the one-line summary every report ends
/// with (`2 participants added, 1 removed; 1 interaction changed; 1 new finding`).
public struct DiffSummary: Hashable, Sendable {
    /// Indexed like `ElementChange.Section.allCases`, then `ElementChange.Change.allCases`.
    private var counts: [[Int]]
    public var titleChanged: Bool
    public var newFindings: Int
    public var resolvedFindings: Int
    public var metrics: Int

    public init(_ diff: DesignDiff) {
        counts = diff.sections.map { _, changes in
            ElementChange.Change.allCases.map { change in changes.reduce(0) { $0 + ($1.change == change ? 1 : 0) } }
        }
        titleChanged = !diff.design.isEmpty
        newFindings = diff.newFindings.count
        resolvedFindings = diff.resolvedFindings.count
        metrics = diff.metrics.count
    }

    public func count(_ section: ElementChange.Section, _ change: ElementChange.Change) -> Int {
        guard let s = ElementChange.Section.allCases.firstIndex(of: section),
              let c = ElementChange.Change.allCases.firstIndex(of: change) else { return 0 }
        return counts[s][c]
    }

    /// `2 participants added, 1 removed; 3 interactions changed; title changed; 1 new finding,
    /// 2 resolved; 3 numbers moved`, or `no semantic differences`.
    public var sentence: String {
        var parts: [String] = []
        if titleChanged { parts.append("title changed") }
        for section in ElementChange.Section.allCases {
            var words: [String] = []
            for change in ElementChange.Change.allCases {
                let count = count(section, change)
                guard count > 0 else { continue }
                words.append(words.isEmpty ? "\(English.plural(count, section.singular)) \(change.rawValue)" : "\(count) \(change.rawValue)")
            }
            if !words.isEmpty { parts.append(words.joined(separator: ", ")) }
        }
        switch (newFindings, resolvedFindings) {
        case (0, 0): break
        case (let new, 0): parts.append(English.plural(new, "new finding"))
        case (0, let resolved): parts.append("\(English.plural(resolved, "finding")) resolved")
        case (let new, let resolved): parts.append("\(English.plural(new, "new finding")), \(resolved) resolved")
        }
        if metrics > 0 { parts.append("\(English.plural(metrics, "number")) moved") }
        return parts.isEmpty ? "no semantic differences" : parts.joined(separator: "; ")
    }
}
