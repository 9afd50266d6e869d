import BatonSyntax

/// What the end of a report says about the baselines of a run: how many known findings were
/// left out, and which recorded findings are fixed (gone) — the cue to rewrite the baseline so
/// that they cannot come back unnoticed. Nil in a run without a baseline.
public struct BaselineSummary: Hashable, Sendable {
    /// Findings a baseline knows, left out of the report.
    public var known: Int
    /// Fixed entries, their `file` as the report shows paths (relative to the working directory).
    public var fixed: [Baseline.Entry]

    public init(known: Int, fixed: [Baseline.Entry]) {
        self.known = known
        self.fixed = fixed
    }

    /// The lines under the text and GitHub summaries:
    ///
    ///     baseline: 4 known findings not shown, 1 fixed
    ///       fixed: checkout.baton: sync-cycle: synchronous call cycle: Orders -> Billing -> Orders
    ///       rewrite the baseline with --write-baseline to drop the fixed findings
    ///
    /// Entries come from a file anyone may have edited, so their text is made visible.
    public var text: String {
        var out = "baseline: \(English.plural(known, "known finding")) not shown"
        if !fixed.isEmpty { out += ", \(fixed.count) fixed" }
        out += "\n"
        let visible = ControlCharacters.visible
        for entry in fixed {
            out += "  fixed: \(visible(entry.file)): \(visible(entry.rule))"
            out += entry.message.isEmpty ? "\n" : ": \(visible(entry.message))\n"
        }
        if !fixed.isEmpty { out += "  rewrite the baseline with --write-baseline to drop the fixed findings\n" }
        return out
    }
}
