import BatonSyntax

extension Severity {
    /// The severities a run can fail on, most severe first: what `failOn` in `.baton.json` and
    /// `--fail-on` accept, and the configuration schema and the command's help list. `off` is
    /// not one (no diagnostic carries it). The one list of them, so that none of those places
    /// can accept a level another refuses.
    public static let failLevels: [Severity] = [.error, .warning, .info]
}
