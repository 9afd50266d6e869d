import BatonModel
import BatonSyntax

/// Applies the `# baton:ignore` comments of a compilation to its lint findings, and reports the
/// comments that suppress nothing (`unused-suppression`).
///
/// A directive's targets are statements of its file: an own-line comment applies to the next
/// statement that starts after it, a trailing comment to every statement that starts or ends on
/// its line, `ignore-file` to the whole file. A finding belongs to a statement when its span or
/// one of its notes starts in the statement's head. The checked file speaks for the whole check:
/// its directives apply to findings wherever they are located, also in imported files (which
/// other designs share and which stay untouched). An imported file's directives apply only to
/// findings located in that file. Compile errors are never suppressed.
struct Suppressions {
    private struct Entry {
        var directive: SuppressionDirective
        /// The statement heads it applies to; empty for `ignore-file` (and for directives whose
        /// target could not be found, which then suppress nothing).
        var targets: [Span]
        var used: [Bool]
    }

    private var entries: [Entry] = []
    /// `ignore-file` entries.
    private var fileEntries: [Int] = []
    /// Every statement target, sorted by file and start, with its entry.
    private var targets: [(span: Span, entry: Int)] = []
    private var unknownDirectives: [(word: String, suggestion: String, span: Span)] = []
    private let rootFile: FileID

    /// `fixSource`, when given, has the statement heads of every file, and the compilation may have
    /// released its statements (`Compilation.releaseSyntaxTree`): only its comments are read.
    init(_ compilation: Compilation, fixSource: FixSource? = nil) {
        rootFile = compilation.rootFile
        for syntax in compilation.syntax {
            let source = compilation.sources[syntax.file]
            var statements: [Span]?
            for comment in syntax.comments {
                switch SuppressionDirective.parse(comment) {
                case nil:
                    continue
                case .unknownDirective(let word, let suggestion, let span):
                    unknownDirectives.append((word, suggestion, span))
                case .directive(let directive):
                    if statements == nil {
                        statements = fixSource?.statementHeads(of: syntax.file) ?? syntax.statementHeads()
                    }
                    let found = Self.targets(of: directive, statements: statements ?? [], source: source)
                    let index = entries.count
                    entries.append(Entry(directive: directive, targets: found,
                                         used: Array(repeating: false, count: directive.rules.count)))
                    if directive.scope == .file { fileEntries.append(index) }
                    for target in found { targets.append((target, index)) }
                }
            }
        }
        targets.sort { ($0.span.file, $0.span.start, $0.entry) < ($1.span.file, $1.span.start, $1.entry) }
    }

    /// Removes suppressed findings and marks the directives that suppressed them.
    mutating func filter(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        guard !entries.isEmpty else { return diagnostics }
        return diagnostics.filter { diagnostic in
            guard !CompileError.isCompileError(diagnostic.code) else { return true }
            var suppressed = false
            var applied: Set<Int> = []
            func apply(_ index: Int) {
                guard applied.insert(index).inserted else { return }
                // A comment in an imported file speaks for that file's findings only.
                let file = entries[index].directive.span.file
                guard file == rootFile || file == diagnostic.span.file else { return }
                for (ruleIndex, rule) in entries[index].directive.rules.enumerated() where rule.id == diagnostic.code {
                    entries[index].used[ruleIndex] = true
                    suppressed = true
                }
            }
            fileEntries.forEach(apply)
            for place in [diagnostic.span] + diagnostic.notes.compactMap(\.span) {
                entries(at: place).forEach(apply)
            }
            return !suppressed
        }
    }

    /// The entries whose target statement head contains the start of `place`. Heads do not
    /// overlap, so only the last target starting at or before it can, with the entries that
    /// share that target.
    private func entries(at place: Span) -> [Int] {
        var low = 0
        var high = targets.count
        while low < high {
            let mid = (low + high) / 2
            let span = targets[mid].span
            if (span.file, span.start) <= (place.file, place.start) { low = mid + 1 } else { high = mid }
        }
        var result: [Int] = []
        var index = low - 1
        while index >= 0, targets[index].span.file == place.file, targets[index].span.start == targets[low - 1].span.start {
            let span = targets[index].span
            if place.start < max(span.end, span.start + 1) { result.append(targets[index].entry) }
            index -= 1
        }
        return result
    }

    /// Findings about the root file's directives: unknown rules, unsuppressible ids, directives
    /// that name no rule, and suppressions that suppressed nothing (for rules that ran: a rule
    /// turned off in the configuration cannot tell).
    func problems(severity: Severity, configuration: Configuration, source: FixSource? = nil) -> [Diagnostic] {
        guard severity != .off else { return [] }
        let code = UnusedSuppression.descriptor.id
        var result: [Diagnostic] = []
        func report(_ span: Span, _ message: String, help: String, fix: Fix? = nil) {
            result.append(Diagnostic(code: code, severity: severity, message: message, span: span, help: help,
                                     fixes: fix.map { [$0] } ?? []))
        }
        for unknown in unknownDirectives where unknown.span.file == rootFile {
            report(unknown.span, "'baton:\(unknown.word)' is not a Baton directive, so it suppresses nothing",
                   help: "did you mean 'baton:\(unknown.suggestion)'?")
        }
        for entry in entries where entry.directive.span.file == rootFile {
            let directive = entry.directive
            let keyword = directive.scope == .file ? SuppressionDirective.ignoreFile : SuppressionDirective.ignore
            if directive.rules.isEmpty {
                report(directive.span, "'baton:\(keyword)' names no rule, so it suppresses nothing",
                       help: "name the rules to ignore: # baton:\(keyword) RULE[, RULE] -- reason")
                continue
            }
            var problems: [(index: Int, message: String, help: String)] = []
            for (index, rule) in directive.rules.enumerated() {
                if rule.id == code {
                    problems.append((index, "'\(code)' cannot be suppressed by a comment",
                                     "turn it off in .baton.json (\"rules\": {\"\(code)\": \"off\"}) if you must"))
                } else if CompileError.isCompileError(rule.id) {
                    problems.append((index, "'\(rule.id)' is a compile error, which cannot be suppressed", "fix the design instead"))
                } else if let descriptor = Rules.descriptor(id: rule.id) {
                    guard !entry.used[index], configuration.severity(of: descriptor) != .off else { continue }
                    let place: String
                    switch directive.scope {
                    case .file: place = "in this file"
                    case .nextStatement: place = entry.targets.isEmpty ? "(no statement follows the comment)" : "on the next statement"
                    case .sameStatement:
                        place = entry.targets.isEmpty ? "(no statement on this line)"
                            : entry.targets.count == 1 ? "on this statement" : "on the statements of this line"
                    }
                    problems.append((index, "'baton:\(keyword) \(rule.id)' suppresses nothing: there is no \(rule.id) finding \(place)",
                                     "remove '\(rule.id)' from the comment (or the whole comment)"))
                } else {
                    var help = "run 'baton rules' for the list of rule ids"
                    if let suggestion = Rules.suggestion(for: rule.id) { help = "did you mean '\(suggestion)'?" }
                    problems.append((index, "unknown rule '\(rule.id)' in 'baton:\(keyword)', so it suppresses nothing", help))
                }
            }
            // Every id of the comment suppresses nothing: the comment goes; else only those ids.
            let wholeComment = problems.count == directive.rules.count
            for problem in problems {
                let fix = source.map { source in
                    wholeComment ? SuppressionFix.removeComment(directive.span, source: source)
                        : SuppressionFix.removeRule(problem.index, of: directive, source: source)
                }
                report(directive.rules[problem.index].span, problem.message, help: problem.help, fix: fix)
            }
        }
        return result
    }

    // MARK: - Targets

    private static func targets(of directive: SuppressionDirective, statements: [Span], source: SourceFile) -> [Span] {
        switch directive.scope {
        case .file:
            return []
        case .nextStatement:
            // The first statement that starts after the comment.
            var low = 0
            var high = statements.count
            while low < high {
                let mid = (low + high) / 2
                if statements[mid].start > directive.span.start { high = mid } else { low = mid + 1 }
            }
            return low < statements.count ? [statements[low]] : []
        case .sameStatement:
            // Every statement that starts before the comment and starts or ends on its line
            // (`A -> B : x; A -> C : y  # baton:ignore …` covers both).
            let line = source.line(of: directive.span.start)
            var low = 0
            var high = statements.count
            while low < high {
                let mid = (low + high) / 2
                if statements[mid].start < directive.span.start { low = mid + 1 } else { high = mid }
            }
            var found: [Span] = []
            var index = low - 1
            while index >= 0 {
                let candidate = statements[index]
                let startLine = source.line(of: candidate.start)
                let endLine = source.line(of: max(candidate.start, candidate.end - 1))
                if endLine < line { break }
                if startLine == line || endLine == line { found.append(candidate) }
                index -= 1
            }
            return found.reversed()
        }
    }
}
