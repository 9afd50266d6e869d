import BatonReport
import BatonSyntax

/// The findings of a `baton check` run, taken input by input in the inputs' order: each
/// reported once however many inputs import its file (`UniqueFindings`), with whether any
/// shown one reaches its fail level, the files read and checked, and each file's omitted
/// errors once.
struct CheckFindings {
    private var unique = UniqueFindings()
    /// Per different finding, by number: whether it reaches the fail level of any input that
    /// reported it, and whether the report shows it (a baseline may know it).
    private var failing: [Bool] = []
    private var shown: [Bool] = []
    /// Each file's errors left out by the cap, from the first input that compiled the file.
    private(set) var omitted: [OmittedErrors] = []
    /// Files whose designs compiled, so the rules ran on them (for a baseline's fixed list),
    /// and every file read (which --write-baseline must not replace).
    private(set) var checked: [String] = []
    private(set) var read: [String] = []

    /// Takes `input`'s files and omissions, and returns the omissions not seen before (the
    /// report places them before `add` passes on the input's findings).
    mutating func files(of input: CheckedInput) -> [OmittedErrors] {
        let files = input.files
        read += files
        if input.compiled { checked += files }
        var new: [OmittedErrors] = []
        for omission in input.omitted where !omitted.contains(where: { $0.file == omission.file }) {
            omitted.append(omission)
            new.append(omission)
        }
        return new
    }

    /// Passes each of `input`'s findings not seen before to `report`, in order, which answers
    /// whether the report shows it.
    mutating func add(_ input: CheckedInput, report: (ReportedDiagnostic) -> Bool) {
        for index in input.diagnostics.indices {
            let diagnostic = input.reported(index)
            let fails = input.fails(diagnostic)
            let (inserted, number) = unique.insert(input.identity(index, of: diagnostic))
            if inserted {
                failing.append(fails)
                shown.append(report(diagnostic))
            } else if fails {
                failing[number] = true
            }
        }
    }

    /// For a report that decides what it shows after seeing every finding: per different
    /// finding, in order, whether it is shown.
    mutating func show(_ shown: [Bool]) {
        self.shown = shown
    }

    /// Whether a shown finding reaches its fail level: exit status 1.
    var fails: Bool { zip(failing, shown).contains { $0 && $1 } }
}
