import BatonCheck
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
        var pass = begin(input)
        input.diagnostics.withUnsafeBufferPointer { diagnostics in
            if let resolved = input.resolved {
                // Each finding borrowed where it is, not copied out (a copy retains its texts,
                // which the thread that resolved them retains and releases too).
                resolved.withUnsafeBufferPointer { resolved in
                    for index in resolved.indices {
                        take(index, of: input, in: diagnostics, pass: &pass, identity: { input.identity(index, of: resolved[index]) }) {
                            report(resolved[index])
                        }
                    }
                }
                return
            }
            var line = -1
            var suppressions = SuppressionFix.Texts()
            for index in diagnostics.indices {
                // Resolved when it is needed, once: a finding that repeats one is not.
                var resolved: ReportedDiagnostic?
                func reported() -> ReportedDiagnostic {
                    if let resolved { return resolved }
                    let made = input.reported(index, line: &line, suppressions: &suppressions)
                    resolved = made
                    return made
                }
                take(index, of: input, in: diagnostics, pass: &pass, identity: { input.identity(index, of: reported()) }) {
                    report(reported())
                }
            }
        }
    }

    /// `add` for an input formatted where it was checked and not resolved (see
    /// `CheckedInput.check`): `report` is given each finding's index and the findings as the
    /// rules made them (to read in place).
    mutating func addFormatted(_ input: CheckedInput, report: (Int, UnsafeBufferPointer<Diagnostic>) -> Bool) {
        var pass = begin(input)
        input.diagnostics.withUnsafeBufferPointer { diagnostics in
            for index in diagnostics.indices {
                take(index, of: input, in: diagnostics, pass: &pass, identity: { input.identity(index) }) {
                    report(index, diagnostics)
                }
            }
        }
    }

    /// Where `take` is in one input's findings: they can then come a chunk at a time, resolved
    /// elsewhere (`ReportChunk`), and the decisions are those of one pass over them all.
    struct Pass {
        /// Whether the findings so far came in source order (see `take`).
        fileprivate var ordered: Bool
        /// The findings so far at the place of the last one (their indices in the input), with
        /// their numbers.
        fileprivate var run: [(index: Int, number: Int)] = []
        fileprivate var finishedFiles: Set<FileID> = []
    }

    /// Starts a pass over `input`'s findings.
    func begin(_ input: CheckedInput) -> Pass {
        Pass(ordered: alone && unique.count == 0 && failing.isEmpty)
    }

    /// Takes finding `index` of `input`, whose findings are `diagnostics`: calls `report` unless
    /// it was seen before. The findings of an input are taken in order. `identity`: the
    /// finding's (`CheckedInput.identity`), asked for only when it is needed.
    ///
    /// The findings of a run's only input come in source order, so two that are the same are
    /// next to each other, among those at one place with one code and message: each is compared
    /// with those alone, as the rules made them (`Diagnostic.reportsSame`, which asks what
    /// comparing them resolved would), and no identity is hashed. Should the order ever not hold
    /// (it is checked as the findings come), the findings so far go into the table and the rest
    /// are looked up there, as for several inputs: the numbers come out the same either way.
    mutating func take(_ index: Int, of input: CheckedInput, in diagnostics: UnsafeBufferPointer<Diagnostic>,
                       pass: inout Pass, identity: () -> FindingIdentity, report: () -> Bool) {
        // The findings are read field by field where they are: handing one on whole (to a
        // function, or to `==`) copied it first, retaining and then releasing each of its texts.
        let fails = input.fails(diagnostics[index].severity, code: diagnostics[index].code)
        if pass.ordered, let last = pass.run.last?.index {
            let file = diagnostics[index].span.file
            if diagnostics[last].span.file != file {
                pass.finishedFiles.insert(diagnostics[last].span.file)
                pass.ordered = !pass.finishedFiles.contains(file)
            } else {
                // Of one file, so in order by place, code and message.
                pass.ordered = !Diagnostic.sourceOrder(diagnostics, index, diagnostics, last)
            }
            if !pass.ordered {
                for earlier in 0..<index { _ = unique.insert(input.identity(earlier)) }
            }
        }
        if pass.ordered {
            if let first = pass.run.first?.index, !Self.samePlace(first, index, in: diagnostics) {
                pass.run.removeAll(keepingCapacity: true)
            }
            if let same = pass.run.first(where: { diagnostics[$0.index].reportsSame(as: diagnostics[index]) }) {
                if fails { failing[same.number] = true }
                return
            }
            pass.run.append((index, failing.count))
            failing.append(fails)
            shown.append(report())
            return
        }
        let (inserted, number) = unique.insert(identity())
        if inserted {
            failing.append(fails)
            shown.append(report())
        } else if fails {
            failing[number] = true
        }
    }

    /// Whether two findings are at one place with one code and message: the only ones that can
    /// be the same finding.
    private static func samePlace(_ a: Int, _ b: Int, in diagnostics: UnsafeBufferPointer<Diagnostic>) -> Bool {
        diagnostics[a].span == diagnostics[b].span && diagnostics[a].code == diagnostics[b].code
            && diagnostics[a].message == diagnostics[b].message
    }

    /// For a report that decides what it shows after seeing every finding: per different
    /// finding, in order, whether it is shown.
    mutating func show(_ shown: [Bool]) {
        self.shown = shown
    }

    /// Whether a shown finding reaches its fail level: exit status 1.
    var fails: Bool { zip(failing, shown).contains { $0 && $1 } }
}
