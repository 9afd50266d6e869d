import Baton
import BatonCheck
import BatonModel
import BatonReport
import BatonSyntax
import BatonTrace

/// One input of `baton check`, compiled and linted: what its report needs, without the model
/// and the syntax, which are dropped as soon as the rules have run (unless they are kept until
/// the process exits, see `kept`).
///
/// It is made on a worker thread (`ParallelWork`) and read on the main thread, in input order.
/// Its findings are resolved for printing (`ReportedDiagnostic`) either where it is made —
/// when several inputs are checked at once, so that resolving is spread over the threads too —
/// or one at a time while the report is written, so that a single large design never holds
/// every resolved finding at once.
struct CheckedInput: Sendable {
    /// In source order, as `Checker.check` returns them.
    var diagnostics: [Diagnostic]
    var sources: SourceMap
    /// `diagnostics` resolved, when resolved in advance; their identities, when made in advance.
    var resolved: [ReportedDiagnostic]?
    var identities: [FindingIdentity]?
    /// What the report reads of each finding, when it is resolved (`reported`).
    var detail: ReportedDiagnostic.Detail
    /// `diagnostics` formatted in advance by the report's `FindingFormatter`, when it was given one:
    /// formatting the findings of many small designs on the main thread alone left it less
    /// time to check designs beside the other threads.
    var formatted: FormattedFindings?
    var omitted: [OmittedErrors]
    /// The lowest severity that fails the run for this input.
    var failLevel: Severity
    /// Whether the design compiled, so the rules ran on its files.
    var compiled: Bool
    /// The compilation (its syntax tree already released, see `check`), carried to the main
    /// thread for `KeptUntilExit` when the run's only input asks for it: freeing a large
    /// design's model and findings object by object at the end took a good part of `check`'s
    /// time, and the process ends right after. (The rules' context, arrays quick to free, is
    /// freed as soon as the rules have run: see `Checker.check(_:releasing:configuration:threads:)`.)
    var kept: Compilation?

    /// Every file the compilation read, as reported.
    var files: [String] { sources.files.map(\.path) }

    /// Designs from this size checked in small pages (with other designs, or where the system
    /// has no large pages for them) hand their syntax tree's pages back to the system before
    /// the rules run (`returnsTree`). Below it, the pages cost more than they save: the rules
    /// take them again, each a page fault to clear (a 1 MB design: about 1,000 faults, 3–5 % of
    /// the processor time), and the peak, mostly the program's own, was no lower. From it, the
    /// peak is lower for it (a 4 MB design: by 1 MB of 76).
    static let treeReturnedFrom = 2 << 20

    /// Designs from `hugePagesFrom` and under `hugePagesBelow`, checked alone (`alone`), are
    /// checked in large pages (`HugePages`, which sets the allocator up for it for the rest of
    /// the process): the thread that checks them reserves `hugePagesPerByte` bytes per byte of
    /// the design (it takes the most: the joined syntax tree, the model, the findings merged),
    /// and every other thread `hugePagesPerByteEachWorker` before its next piece of work
    /// (`WorkerThreads.reserveLargePages`). What is reserved and not used costs nothing; a 2 MB
    /// page counts whole once touched. In large pages the syntax tree's pages are kept
    /// (`returnsTree`): handing back free pages inside a large page splits it, and the rules
    /// then fault its pages in one by one.
    ///
    /// Measured: a 1 MB design took 6,700 page faults in small pages and takes 2,400–2,700
    /// (x1.10–1.13, then x1.03 for the other threads' reserve), for about 1.2 MB more at the
    /// peak; 4 MB designs x1.075–1.13, then x1.04–1.07 for keeping the tree; 16 MB designs
    /// x1.07–1.09 (84,000–89,000 faults → 14,000–17,000, 15.9 bytes per byte). Below 512 KB
    /// the faults saved are too few to count; from 32 MB (measured at 48 MB) large pages gained
    /// nothing beyond the noise for 55–80 MB more. How each figure was measured, and what was tried besides, is in
    /// CONTRIBUTING ("`check` on large designs").
    static let hugePagesFrom = 512 << 10
    static let hugePagesBelow = 32 << 20
    static let hugePagesPerByte = 16
    static let hugePagesPerByteEachWorker = 4

    /// Whether a design of `bytes` hands its syntax tree's pages back to the system once it is
    /// released: from `treeReturnedFrom`, in small pages only (see `hugePagesFrom`).
    static func returnsTree(ofDesignOf bytes: Int, inLargePages: Bool) -> Bool {
        !inLargePages && bytes >= treeReturnedFrom
    }

    /// What the threads checking a design of `bytes` reserve in large pages (see
    /// `hugePagesFrom`); nil for none.
    static func hugePages(forDesignOf bytes: Int, alone: Bool) -> LargePages? {
        guard alone, bytes >= hugePagesFrom, bytes < hugePagesBelow else { return nil }
        return LargePages(thisThread: bytes * hugePagesPerByte, eachWorker: bytes * hugePagesPerByteEachWorker)
    }

    /// Bytes to reserve in large pages: on the thread that checks a design, and on each other.
    struct LargePages: Equatable {
        var thisThread: Int
        var eachWorker: Int
    }

    /// Compiles and checks `bytes`, the text of `input`; its rules run on `threads` threads
    /// (when the design is large enough to gain from it). `alone`: the design has the process
    /// to itself, so its compilation goes into `kept` instead of being freed here (it lasts to
    /// the process's end), and it may be checked in large pages (see `hugePagesFrom`).
    /// `formatter`: the report's, when it shows findings as they come, so that they are
    /// resolved with only what its format shows. With `resolve`, the findings are resolved
    /// here, and formatted here too.
    static func check(_ input: InputFile, bytes: [UInt8], configuration: Configuration, failLevel: Severity,
                      options: CompileOptions, read: @escaping Compiler.Reader, paths: CanonicalPaths, resolve: Bool,
                      formatter: FindingFormatter? = nil, observed: ObservedSystem? = nil, threads: Int = 1,
                      alone: Bool = false) -> CheckedInput {
        var inLargePages = false
        if let largePages = Self.hugePages(forDesignOf: bytes.count, alone: alone), !HugePages.reserve(largePages.thisThread).isEmpty {
            inLargePages = true
            WorkerThreads.shared.reserveLargePages(largePages.eachWorker)
        }
        // The index of the source text that fixes read is made from the syntax while the model
        // is built.
        let (compiled, fixSource) = Baton.compile(bytes: bytes, displayPath: input.displayPath, options: options, read: read,
                                                  paths: paths, alongside: { FixSource(sources: $0, syntax: $1) })
        // Consumed: nothing but `compilation` holds the syntax tree when it is released below.
        var compilation = consume compiled
        // Drift findings (`--traces`) join the rules' findings in source order.
        let drift = CheckCommand.drift(compilation, observed)
        // The context is made here (as `Baton.check` would), with the fix source made alongside
        // the model.
        var context = compilation.hasErrors ? nil : CheckContext(compilation.model, fixSource: fixSource, threads: threads)
        // The rules need the syntax tree no more once the context has what fixes need: freed
        // now, its memory serves the findings instead of new pages (the model stays, kept).
        if context != nil {
            compilation.releaseSyntaxTree(threads: threads)
            // The tree's memory is free, but only to the thread that made it: the rules' other
            // threads would take new pages beside it. Handed back to the system instead, it no
            // longer counts in the process's memory, at the cost of the pages the rules then
            // take anew (`treeReturnedFrom`), and of splitting large pages (kept in them).
            if Self.returnsTree(ofDesignOf: bytes.count, inLargePages: inLargePages) { FreedMemory.returnToSystem() }
        }
        let checked: [Diagnostic]
        if let made = context.take() {
            checked = Checker.check(compilation, releasing: made, configuration: configuration, threads: threads,
                                    inLargePages: inLargePages)
        } else {
            checked = compilation.diagnostics
        }
        let diagnostics = drift.isEmpty ? checked : (checked + drift).sorted(by: Diagnostic.sourceOrder)
        let detail = formatter?.detail ?? .full
        var resolved: [ReportedDiagnostic]?
        var identities: [FindingIdentity]?
        var formatted: FormattedFindings?
        if resolve, let formatter {
            // What the report needs of each finding, made from it as the rules made it: the
            // bytes and the identity (JSON is written without resolving a finding at all).
            formatted = formatter.format(diagnostics[...], sources: compilation.sources)
            identities = FindingIdentity.of(diagnostics, sources: compilation.sources)
        } else if resolve {
            let all = ReportedDiagnostic.resolving(diagnostics, sources: compilation.sources, detail: detail)
            resolved = all
            identities = all.map(FindingIdentity.init)
        }
        return CheckedInput(diagnostics: diagnostics, sources: compilation.sources, resolved: resolved, identities: identities,
                            detail: detail, formatted: formatted, omitted: OmittedErrors.of(compilation), failLevel: failLevel,
                            compiled: !compilation.hasErrors, kept: alone ? compilation : nil)
    }

    /// Finding `index`, resolved for printing.
    func reported(_ index: Int) -> ReportedDiagnostic {
        var line = -1
        var suppressions = SuppressionFix.Texts()
        return reported(index, line: &line, suppressions: &suppressions)
    }

    /// `reported(index)` for findings taken in order: `line` is where the one before started
    /// (see `ReportedDiagnostic.init(_:sources:line:)`); `suppressions`, the texts of the
    /// suppression fixes made for the findings before, which theirs share.
    func reported(_ index: Int, line: inout Int, suppressions: inout SuppressionFix.Texts) -> ReportedDiagnostic {
        // `if let` rather than `??`, here and below: the operator's closure captured a copy of
        // the whole input (retaining each of its arrays) for every finding.
        if let resolved { return resolved[index] }
        return ReportedDiagnostic(diagnostics[index], in: sources[diagnostics[index].span.file], sources: sources, line: &line,
                                  detail: detail, suppressions: &suppressions)
    }

    /// The identity of finding `index`, which is `reported`.
    func identity(_ index: Int, of reported: ReportedDiagnostic) -> FindingIdentity {
        if let identities { return identities[index] }
        return FindingIdentity(reported)
    }

    /// The identity of finding `index`, resolved for it when it was not made in advance.
    func identity(_ index: Int) -> FindingIdentity {
        if let identities { return identities[index] }
        return FindingIdentity(reported(index))
    }

    /// The path of file `id`, through `last` (the file looked up last, which this one replaces
    /// when it is another): findings come a file at a time, and a look-up copies the file.
    func path(of id: FileID, last: inout (id: FileID, path: String)?) -> String {
        if let last, last.id == id { return last.path }
        let path = sources[id].path
        last = (id, path)
        return path
    }

    /// Whether a finding of `severity` and `code` reaches the fail level (compile errors always
    /// do). The code is read only when the severity does not decide: only for an error, since
    /// a compile error is never anything else.
    func fails(_ severity: Severity, code: @autoclosure () -> String) -> Bool {
        severity >= failLevel || severity == .error && CompileError.isCompileError(code())
    }
}
