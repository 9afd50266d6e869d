import BatonSyntax

/// Counts for the end of a report.
public struct DiagnosticSummary: Hashable, Sendable {
    public var files: Int
    /// Errors, warnings and infos shown.
    public var errors = 0
    public var warnings = 0
    public var infos = 0
    /// Errors found but not shown (the per-file cap).
    public var omittedErrors = 0

    public init(files: Int, diagnostics: [ReportedDiagnostic], omitted: [OmittedErrors] = []) {
        self.init(files: files, omitted: omitted)
        let counts = SeverityCounts(diagnostics.lazy.map(\.severity))
        errors = counts.errors
        warnings = counts.warnings
        infos = counts.infos
    }

    /// No diagnostics counted yet: a report written as it is made counts each with `count`.
    public init(files: Int, omitted: [OmittedErrors] = []) {
        self.files = files
        omittedErrors = omitted.reduce(0) { $0 + $1.count }
    }

    /// Counts one more diagnostic shown.
    public mutating func count(_ severity: Severity) {
        switch severity {
        case .error: errors += 1
        case .warning: warnings += 1
        case .info: infos += 1
        case .off: break
        }
    }
}
