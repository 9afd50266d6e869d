/// A run's findings held against a baseline: which are new (reported), how many the baseline
/// already knows (left out), and which of its entries are gone (fixed since it was written).
public struct BaselineComparison: Hashable, Sendable {
    /// Per diagnostic, in the order given: whether it is new. Compile errors always are.
    public var isNew: [Bool]
    /// Findings the baseline knows.
    public var known: Int
    /// Entries whose finding no longer occurs, in the baseline's order. Only entries of files
    /// the rules ran on in this run count: checking one design must not call the others' entries
    /// fixed, and neither must a design that stopped compiling.
    public var fixed: [Baseline.Entry]

    /// - Parameters:
    ///   - diagnostics: the run's diagnostics that this baseline covers, in source order (the
    ///     order `Baseline(recording:)` numbered them in).
    ///   - path: a diagnostic's file relative to the baseline's directory.
    ///   - checked: the files (relative to the baseline's directory) whose designs compiled, so
    ///     that the rules ran on them.
    public init(_ diagnostics: [ReportedDiagnostic], baseline: Baseline, path: (String) -> String, checked: Set<String>) {
        let fingerprints = Fingerprint.numbered(diagnostics) { path($0.file) }
        let recorded = Set(baseline.entries.map(\.fingerprint))
        var matched = Set<String>()
        isNew = zip(diagnostics, fingerprints).map { diagnostic, fingerprint in
            guard Baseline.canRecord(diagnostic), recorded.contains(fingerprint) else { return true }
            matched.insert(fingerprint)
            return false
        }
        known = isNew.filter { !$0 }.count
        fixed = baseline.entries.filter { !matched.contains($0.fingerprint) && checked.contains($0.file) }
    }
}
