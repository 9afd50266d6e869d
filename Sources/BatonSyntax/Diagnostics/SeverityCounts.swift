/// How many errors, warnings and infos there are among some diagnostics (`off` is not counted):
/// the one tally behind report summaries and the live preview's index.
public struct SeverityCounts: Hashable, Sendable {
    public var errors = 0
    public var warnings = 0
    public var infos = 0

    public init<Severities: Sequence>(_ severities: Severities) where Severities.Element == Severity {
        for severity in severities {
            switch severity {
            case .error: errors += 1
            case .warning: warnings += 1
            case .info: infos += 1
            case .off: break
            }
        }
    }

    public init(_ diagnostics: [Diagnostic]) {
        self.init(diagnostics.lazy.map(\.severity))
    }
}
