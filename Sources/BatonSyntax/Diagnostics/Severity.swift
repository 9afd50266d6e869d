/// How serious a diagnostic is. `off` exists only in configuration: no diagnostic carries it.
public enum Severity: String, Sendable, Codable, CaseIterable, Comparable {
    case off, info, warning, error

    var rank: Int {
        switch self {
        case .off: 0
        case .info: 1
        case .warning: 2
        case .error: 3
        }
    }

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}
