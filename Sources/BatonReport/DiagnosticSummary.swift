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
        self.files = files
        omittedErrors = omitted.reduce(0) { $0 + $1.count }
        for diagnostic in diagnostics {
            switch diagnostic.severity {
            case .error: errors += 1
            case .warning: warnings += 1
            case .info: infos += 1
            case .off: break
            }
        }
    }
}
