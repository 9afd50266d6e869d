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
        return diagnostics.sorted(by: Diagnostic.sourceOrder)
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
