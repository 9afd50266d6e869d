/// Where the text and GitHub reports put each file's `OmittedErrors`: right after the last
/// diagnostic of the file's run (the cap only leaves errors out of a file that shows some), and
/// any other at the end — decided one diagnostic at a time, so a report can be written while
/// later designs are still being checked.
///
/// An omission must be `add`ed before the diagnostic that follows its file's run is placed; a
/// run of `baton check` adds each design's omissions before its diagnostics.
struct OmissionPlacement {
    private var pending: [OmittedErrors]
    private var previousFile: String?

    init(_ omitted: [OmittedErrors] = []) {
        pending = omitted
    }

    mutating func add(_ omitted: OmittedErrors) {
        pending.append(omitted)
    }

    /// The omission that goes before `diagnostic`: the previous diagnostic's file's, when
    /// `diagnostic` ends that file's run.
    mutating func before(_ diagnostic: ReportedDiagnostic) -> OmittedErrors? {
        before(file: diagnostic.file)
    }

    /// The omission that goes before a diagnostic in `file`.
    mutating func before(file: String) -> OmittedErrors? {
        defer { previousFile = file }
        guard let previousFile, previousFile != file else { return nil }
        return take(previousFile)
    }

    /// After the last diagnostic: its file's omission, then every other, in the order added.
    mutating func rest() -> [OmittedErrors] {
        var rest: [OmittedErrors] = []
        if let previousFile, let omission = take(previousFile) { rest.append(omission) }
        rest += pending
        pending = []
        previousFile = nil
        return rest
    }

    private mutating func take(_ file: String) -> OmittedErrors? {
        guard let index = pending.firstIndex(where: { $0.file == file }) else { return nil }
        return pending.remove(at: index)
    }
}
