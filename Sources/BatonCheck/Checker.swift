import BatonModel
import BatonSyntax

/// Runs the rules over one compilation.
public enum Checker {
    /// Compile errors alone when the compilation has any (rules need a meaningful model);
    /// otherwise every enabled rule's findings at their configured severity, less the suppressed
    /// ones, plus `unused-suppression` findings. Sorted in source order.
    public static func check(_ compilation: Compilation, configuration: Configuration = .defaults) -> [Diagnostic] {
        if compilation.hasErrors { return compilation.diagnostics }
        return check(compilation, context: CheckContext(compilation), configuration: configuration)
    }

    /// The same with a context already made: `CheckContext(compilation)` offers fixes,
    /// `CheckContext(compilation.model)` does not, which is cheaper when nobody applies them
    /// (`baton diff` compares findings, and shares the context with the metrics).
    public static func check(_ compilation: Compilation, context: CheckContext, configuration: Configuration = .defaults) -> [Diagnostic] {
        if compilation.hasErrors { return compilation.diagnostics }
        var diagnostics = compilation.diagnostics
        diagnostics += lint(context, configuration: configuration)
        var suppressions = Suppressions(compilation)
        diagnostics = suppressions.filter(diagnostics)
        diagnostics += suppressions.problems(severity: configuration.severity(of: UnusedSuppression.descriptor),
                                             configuration: configuration, source: context.fixSource)
        return inSourceOrder(diagnostics)
    }

    /// `diagnostics.sorted(by: Diagnostic.sourceOrder)`, stable, sorting positions rather than
    /// diagnostics: a diagnostic is a large value, and a merge sort of a hundred thousand moved
    /// each of them (retaining and releasing its texts) many times.
    static func inSourceOrder(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        let spans = diagnostics.map(\.span)
        let order = diagnostics.indices.sorted { a, b in
            let lhs = spans[a], rhs = spans[b]
            if lhs.file != rhs.file { return lhs.file < rhs.file }
            if lhs.start != rhs.start { return lhs.start < rhs.start }
            if lhs.end != rhs.end { return lhs.end < rhs.end }
            if diagnostics[a].code != diagnostics[b].code { return diagnostics[a].code < diagnostics[b].code }
            if diagnostics[a].message != diagnostics[b].message { return diagnostics[a].message < diagnostics[b].message }
            return a < b
        }
        return order.map { diagnostics[$0] }
    }

    /// The findings of every enabled rule, unsuppressed, in rule order. With the source text
    /// (`context.fixSource`), each finding's fixes end with one that suppresses it.
    public static func lint(_ context: CheckContext, configuration: Configuration = .defaults,
                            rules: [any Rule] = Rules.all) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for rule in rules {
            let descriptor = rule.descriptor
            let severity = configuration.severity(of: descriptor)
            guard severity != .off else { continue }
            for finding in rule.check(context, options: configuration.options(of: descriptor)) {
                var fixes = finding.fixes
                if let source = context.fixSource, let suppress = SuppressionFix.suppress(descriptor.id, at: finding.span, source: source) {
                    fixes.append(suppress)
                }
                diagnostics.append(Diagnostic(code: descriptor.id, severity: severity, message: finding.message,
                                              span: finding.span, notes: finding.notes, help: finding.help,
                                              fixes: fixes))
            }
        }
        return diagnostics
    }
}
