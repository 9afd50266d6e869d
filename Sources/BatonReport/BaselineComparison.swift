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
        var running = Running(baseline)
        isNew = diagnostics.map { running.isNew($0, path: path($0.file)) }
        known = running.known
        fixed = running.fixed(checked: checked)
    }

    /// The comparison made one diagnostic at a time, for a report written while the designs
    /// are still being checked: given the diagnostics in the same order, it answers as the
    /// whole comparison does.
    public struct Running: Sendable {
        public let baseline: Baseline
        private let recorded: Set<String>
        private var matched = Set<String>()
        private var numbering = Fingerprint.Numbering()
        /// Findings the baseline knows, so far.
        public private(set) var known = 0

        public init(_ baseline: Baseline) {
            self.baseline = baseline
            recorded = Set(baseline.entries.map(\.fingerprint))
        }

        /// Whether the next diagnostic, in the file known as `path` relative to the baseline's
        /// directory, is new.
        public mutating func isNew(_ diagnostic: ReportedDiagnostic, path: String) -> Bool {
            let fingerprint = numbering.next(diagnostic, path: path)
            guard Baseline.canRecord(diagnostic), recorded.contains(fingerprint) else { return true }
            matched.insert(fingerprint)
            known += 1
            return false
        }

        /// The entries no diagnostic so far matched, of the files in `checked`.
        public func fixed(checked: Set<String>) -> [Baseline.Entry] {
            baseline.entries.filter { !matched.contains($0.fingerprint) && checked.contains($0.file) }
        }
    }
}
