import BatonModel
import BatonSyntax

/// The errors of one file that the per-file cap (`CappedDiagnostics`) kept out of a report:
/// counted, not shown. Every format says so, so a capped report never passes for a complete one.
public struct OmittedErrors: Hashable, Sendable {
    /// The path as diagnostics print it.
    public var file: String
    public var count: Int

    public init(file: String, count: Int) {
        self.file = file
        self.count = count
    }

    /// The files of a compilation that had errors left out, in file order.
    public static func of(_ compilation: Compilation) -> [OmittedErrors] {
        compilation.sources.files.compactMap { source in
            let count = source.id.rawValue < compilation.omittedErrors.count ? compilation.omittedErrors[source.id.rawValue] : 0
            return count > 0 ? OmittedErrors(file: source.path, count: count) : nil
        }
    }

    /// "2899 more errors not shown (the first 100 of each file are)"
    public var message: String {
        "\(English.plural(count, "more error")) not shown (the first \(CappedDiagnostics.errorsPerFile) of each file are)"
    }

    /// One line of a report: a diagnostic, or the errors of its file left out after it.
    enum Entry: Hashable, Sendable {
        case diagnostic(ReportedDiagnostic)
        case omitted(OmittedErrors)
    }

    /// The diagnostics with each file's omission right after that file's last diagnostic (the
    /// cap only leaves errors out of a file that shows some), and any other omission at the end.
    static func entries(_ diagnostics: [ReportedDiagnostic], omitted: [OmittedErrors]) -> [Entry] {
        var placement = OmissionPlacement(omitted)
        var entries: [Entry] = []
        for diagnostic in diagnostics {
            if let omission = placement.before(diagnostic) { entries.append(.omitted(omission)) }
            entries.append(.diagnostic(diagnostic))
        }
        return entries + placement.rest().map(Entry.omitted)
    }
}
