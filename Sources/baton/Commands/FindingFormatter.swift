import BatonReport
import BatonSyntax

/// A finding formatted as its report writes it, by itself, so that it can be done on any
/// thread (`ReportChunk`): the text, JSON and GitHub formats write each finding the same way
/// wherever it stands, and what depends on its neighbours (JSON's comma, an omission line
/// before it) is added where the report is written. SARIF numbers its fingerprints across
/// the run, so it has no formatter.
struct FindingFormatter: Sendable {
    private enum Format {
        case text(TextReporter)
        case json
        case github
    }

    private let format: Format

    /// The formatter of `format`'s report (`color`: the text format's), nil for SARIF.
    init?(_ format: CheckFormat, color: Bool) {
        switch format {
        case .text: self.format = .text(TextReporter(color: color))
        case .json: self.format = .json
        case .github: self.format = .github
        case .sarif: return nil
        }
    }

    /// What the format reads of a finding: only text output shows the source line.
    var detail: ReportedDiagnostic.Detail {
        if case .text = format { return .full }
        return .positions
    }

    /// `diagnostics` (in source order) resolved and formatted one after another. JSON is written
    /// straight from them (`JSONReporter.write(_:sources:into:ends:)`), the other formats from
    /// each one resolved with the format's `detail`.
    func format(_ diagnostics: ArraySlice<Diagnostic>, sources: SourceMap) -> FormattedFindings {
        var none: SuppressionLayouts?
        return format(diagnostics, sources: sources, layouts: &none)
    }

    /// The same, with JSON's suppression fixes written from `layouts`, which the caller keeps
    /// for the next findings of the same report (see `SuppressionLayouts`).
    func format(_ diagnostics: ArraySlice<Diagnostic>, sources: SourceMap, layouts: inout SuppressionLayouts?) -> FormattedFindings {
        // Room for a typical finding (with its fixes, about 1.5 KB of JSON, 0.5 KB of text) at
        // once: growing the buffer by doubling copied it once more.
        let capacity = diagnostics.count * 1_024
        switch format {
        case .json:
            var bytes: [UInt8] = []
            bytes.reserveCapacity(2 * capacity)
            var ends: [Int] = []
            ends.reserveCapacity(diagnostics.count)
            JSONReporter.write(diagnostics, sources: sources, into: &bytes, ends: &ends, layouts: &layouts)
            return FormattedFindings(bytes: bytes, ends: ends)
        case .text(let reporter):
            let resolved = Self.resolving(diagnostics, sources: sources, detail: detail, layouts: &layouts)
            return Self.entries(resolved, capacity: capacity) { reporter.writeEntry($0, into: &$1) }
        case .github:
            let resolved = Self.resolving(diagnostics, sources: sources, detail: detail, layouts: &layouts)
            return Self.entries(resolved, capacity: capacity) { diagnostic, bytes in
                var entry = GitHubReporter.entry(diagnostic)
                entry.withUTF8 { bytes.append(contentsOf: $0) }
            }
        }
    }

    /// `diagnostics` resolved, their suppressions' texts shared with the earlier chunks of the
    /// thread, which the layouts keep (made anew for each chunk, their table cost more than
    /// the chunk's suppressions).
    private static func resolving(_ diagnostics: ArraySlice<Diagnostic>, sources: SourceMap, detail: ReportedDiagnostic.Detail,
                                  layouts: inout SuppressionLayouts?) -> [ReportedDiagnostic] {
        if let resolved = layouts?.withTexts({
            ReportedDiagnostic.resolving(diagnostics, sources: sources, detail: detail, suppressions: &$0)
        }) {
            return resolved
        }
        return ReportedDiagnostic.resolving(diagnostics, sources: sources, detail: detail)
    }

    /// The findings' entries (text or GitHub lines) one after another, and where each ends.
    private static func entries(_ diagnostics: [ReportedDiagnostic], capacity: Int,
                                _ entry: (ReportedDiagnostic, inout [UInt8]) -> Void) -> FormattedFindings {
        var ends: [Int] = []
        ends.reserveCapacity(diagnostics.count)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(capacity)
        for diagnostic in diagnostics {
            entry(diagnostic, &bytes)
            ends.append(bytes.count)
        }
        return FormattedFindings(bytes: bytes, ends: ends)
    }
}
