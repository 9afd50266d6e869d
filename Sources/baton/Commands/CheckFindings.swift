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
    /// Whether the run checks a single input, whose findings can only repeat one another.
    private let alone: Bool

    init(inputs: Int) {
        alone = inputs == 1
    }

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
        add(input) { _, diagnostic in report(diagnostic) }
    }

    /// `add`, telling `report` each finding's index in the input too.
    mutating func add(_ input: CheckedInput, report: (Int, ReportedDiagnostic) -> Bool) {
        var pass = begin(input)
        if let resolved = input.resolved {
            // Each finding borrowed where it is, not copied out (a copy retains its texts, which
            // the thread that resolved them retains and releases too).
            resolved.withUnsafeBufferPointer { resolved in
                for index in resolved.indices {
                    take(resolved[index], at: index, of: input, pass: &pass) { report(index, $0) }
                }
            }
            return
        }
        var line = -1
        for index in input.diagnostics.indices {
            take(input.reported(index, line: &line), at: index, of: input, pass: &pass) { report(index, $0) }
        }
    }

    /// Where `take` is in one input's findings: they can then come a chunk at a time, resolved
    /// elsewhere (`ReportChunk`), and the decisions are those of one pass over them all.
    struct Pass {
        /// Whether the findings so far came in source order (see `take`).
        fileprivate var ordered: Bool
        /// The findings so far at the place of the last one, with their numbers.
        fileprivate var run: [(diagnostic: ReportedDiagnostic, number: Int)] = []
        fileprivate var finishedFiles: Set<String> = []
    }

    /// Starts a pass over `input`'s findings.
    func begin(_ input: CheckedInput) -> Pass {
        Pass(ordered: alone && unique.count == 0 && failing.isEmpty)
    }

    /// Takes finding `index` of `input`, `diagnostic` (which is `input.reported(index)`): passes
    /// it to `report` unless it was seen before. The findings of an input are taken in order.
    ///
    /// The findings of a run's only input come in source order, so two that are the same are
    /// next to each other, among those at one place with one code and message: each is compared
    /// with those alone, and no identity is hashed. Should the order ever not hold (it is
    /// checked as the findings come), the findings so far go into the table and the rest are
    /// looked up there, as for several inputs: the numbers come out the same either way.
    mutating func take(_ diagnostic: ReportedDiagnostic, at index: Int, of input: CheckedInput, pass: inout Pass,
                       report: (ReportedDiagnostic) -> Bool) {
        let fails = input.fails(diagnostic)
        if pass.ordered, let last = pass.run.last?.diagnostic {
            if last.file != diagnostic.file {
                pass.finishedFiles.insert(last.file)
                pass.ordered = !pass.finishedFiles.contains(diagnostic.file)
            } else {
                pass.ordered = !Self.precedes(diagnostic, last)
            }
            if !pass.ordered {
                for earlier in 0..<index { _ = unique.insert(input.identity(earlier, of: input.reported(earlier))) }
            }
        }
        if pass.ordered {
            if let first = pass.run.first?.diagnostic, !Self.samePlace(first, diagnostic) { pass.run.removeAll(keepingCapacity: true) }
            if let same = pass.run.first(where: { $0.diagnostic == diagnostic }) {
                if fails { failing[same.number] = true }
                return
            }
            pass.run.append((diagnostic, failing.count))
            failing.append(fails)
            shown.append(report(diagnostic))
            return
        }
        let (inserted, number) = unique.insert(input.identity(index, of: diagnostic))
        if inserted {
            failing.append(fails)
            shown.append(report(diagnostic))
        } else if fails {
            failing[number] = true
        }
    }

    /// Whether `a` comes before `b` of the same file in source order (by position, code, message).
    private static func precedes(_ a: ReportedDiagnostic, _ b: ReportedDiagnostic) -> Bool {
        if a.line != b.line { return a.line < b.line }
        if a.column != b.column { return a.column < b.column }
        if a.endLine != b.endLine { return a.endLine < b.endLine }
        if a.endColumn != b.endColumn { return a.endColumn < b.endColumn }
        if a.code != b.code { return a.code < b.code }
        return a.message < b.message
    }

    /// Whether two findings are at one place with one code and message: the only ones that can
    /// be the same finding.
    private static func samePlace(_ a: ReportedDiagnostic, _ b: ReportedDiagnostic) -> Bool {
        a.line == b.line && a.column == b.column && a.endLine == b.endLine && a.endColumn == b.endColumn
            && a.code == b.code && a.file == b.file && a.message == b.message
    }

    /// For a report that decides what it shows after seeing every finding: per different
    /// finding, in order, whether it is shown.
    mutating func show(_ shown: [Bool]) {
        self.shown = shown
    }

    /// Whether a shown finding reaches its fail level: exit status 1.
    var fails: Bool { zip(failing, shown).contains { $0 && $1 } }
}
