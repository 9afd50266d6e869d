import BatonModel
import BatonSyntax

/// Applies the `# baton:ignore` comments of a compilation to its lint findings, and reports the
/// comments that suppress nothing (`unused-suppression`).
///
/// A directive's target is resolved against the statements of its file: an own-line comment
/// applies to the next statement that starts after it, a trailing comment to the statement that
/// starts or ends on its line, `ignore-file` to the whole file. A finding belongs to the
/// statement whose head its span starts in. Compile errors are never suppressed.
struct Suppressions {
    private struct Entry {
        var directive: SuppressionDirective
        /// The statement head it applies to; nil for `ignore-file` (and for directives whose
        /// target could not be found, which then suppress nothing).
        var target: Span?
        var used: [Bool]
    }

    private var entries: [Entry] = []
    private var unknownDirectives: [(word: String, suggestion: String, span: Span)] = []
    private let rootFile: FileID

    init(_ compilation: Compilation) {
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
                    if statements == nil { statements = Self.statementHeads(syntax) }
                    let target = Self.target(of: directive, statements: statements ?? [], source: source)
                    entries.append(Entry(directive: directive, target: target,
                                         used: Array(repeating: false, count: directive.rules.count)))
                }
            }
        }
    }

    /// Removes suppressed findings and marks the directives that suppressed them.
    mutating func filter(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        guard !entries.isEmpty else { return diagnostics }
        return diagnostics.filter { diagnostic in
            guard !CompileError.isCompileError(diagnostic.code) else { return true }
            var suppressed = false
            for index in entries.indices {
                let entry = entries[index]
                guard entry.directive.span.file == diagnostic.span.file else { continue }
                switch entry.directive.scope {
                case .file:
                    break
                case .nextStatement, .sameStatement:
                    guard let target = entry.target, diagnostic.span.start >= target.start,
                          diagnostic.span.start < max(target.end, target.start + 1) else { continue }
                }
                for (ruleIndex, rule) in entry.directive.rules.enumerated() where rule.id == diagnostic.code {
                    entries[index].used[ruleIndex] = true
                    suppressed = true
                }
            }
            return !suppressed
        }
    }

    /// Findings about the root file's directives: unknown rules, unsuppressible ids, directives
    /// that name no rule, and suppressions that suppressed nothing (for rules that ran: a rule
    /// turned off in the configuration cannot tell).
    func problems(severity: Severity, configuration: Configuration) -> [Diagnostic] {
        guard severity != .off else { return [] }
        let code = UnusedSuppression.descriptor.id
        var result: [Diagnostic] = []
        func report(_ span: Span, _ message: String, help: String) {
            result.append(Diagnostic(code: code, severity: severity, message: message, span: span, help: help))
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
            for (index, rule) in directive.rules.enumerated() {
                if rule.id == code {
                    report(rule.span, "'\(code)' cannot be suppressed by a comment",
                           help: "turn it off in .baton.json (\"rules\": {\"\(code)\": \"off\"}) if you must")
                } else if CompileError.isCompileError(rule.id) {
                    report(rule.span, "'\(rule.id)' is a compile error, which cannot be suppressed",
                           help: "fix the design instead")
                } else if let descriptor = Rules.descriptor(id: rule.id) {
                    guard !entry.used[index], configuration.severity(of: descriptor) != .off else { continue }
                    let place: String
                    switch directive.scope {
                    case .file: place = "in this file"
                    case .nextStatement: place = entry.target == nil ? "(no statement follows the comment)" : "on the next statement"
                    case .sameStatement: place = entry.target == nil ? "(no statement on this line)" : "on this statement"
                    }
                    report(rule.span, "'baton:\(keyword) \(rule.id)' suppresses nothing: there is no \(rule.id) finding \(place)",
                           help: "remove '\(rule.id)' from the comment (or the whole comment)")
                } else {
                    var help = "run 'baton rules' for the list of rule ids"
                    if let suggestion = Rules.suggestion(for: rule.id) { help = "did you mean '\(suggestion)'?" }
                    report(rule.span, "unknown rule '\(rule.id)' in 'baton:\(keyword)', so it suppresses nothing", help: help)
                }
            }
        }
        return result
    }

    // MARK: - Targets

    private static func target(of directive: SuppressionDirective, statements: [Span], source: SourceFile) -> Span? {
        switch directive.scope {
        case .file:
            return nil
        case .nextStatement:
            // The first statement that starts after the comment.
            var low = 0
            var high = statements.count
            while low < high {
                let mid = (low + high) / 2
                if statements[mid].start > directive.span.start { high = mid } else { low = mid + 1 }
            }
            return low < statements.count ? statements[low] : nil
        case .sameStatement:
            // The last statement that starts before the comment, if it starts or ends on its line.
            let line = source.location(of: directive.span.start).line
            var low = 0
            var high = statements.count
            while low < high {
                let mid = (low + high) / 2
                if statements[mid].start < directive.span.start { low = mid + 1 } else { high = mid }
            }
            var index = low - 1
            while index >= 0 {
                let candidate = statements[index]
                let startLine = source.location(of: candidate.start).line
                let endLine = source.location(of: max(candidate.start, candidate.end - 1)).line
                if startLine == line || endLine == line { return candidate }
                if endLine < line { return nil }
                index -= 1
            }
            return nil
        }
    }

    /// The head span of every statement of a file (nested ones included), sorted by start.
    static func statementHeads(_ syntax: SyntaxFile) -> [Span] {
        var spans: [Span] = []
        func visit(_ step: StepSyntax) {
            spans.append(step.span)
            switch step {
            case .interaction(let interaction):
                interaction.block?.steps.forEach(visit)
            case .fragment(let fragment):
                for branch in fragment.branches { branch.block.steps.forEach(visit) }
            case .note:
                break
            }
        }
        func visitGroup(_ group: GroupSyntax) {
            spans.append(group.span)
            for member in group.members {
                switch member {
                case .declaration(let declaration): spans.append(declaration.span)
                case .group(let nested): visitGroup(nested)
                }
            }
        }
        for statement in syntax.statements {
            switch statement {
            case .group(let group): visitGroup(group)
            case .flow(let flow):
                spans.append(flow.span)
                flow.steps.forEach(visit)
            case .step(let step): visit(step)
            default: spans.append(statement.span)
            }
        }
        return spans.sorted { $0.start < $1.start }
    }
}
