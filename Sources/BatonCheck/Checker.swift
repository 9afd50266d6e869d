import BatonModel
import BatonSyntax

/// Runs the rules over one compilation.
public enum Checker {
    /// Compile errors alone when the compilation has any (rules need a meaningful model);
    /// otherwise every enabled rule's findings at their configured severity, less the suppressed
    /// ones, plus `unused-suppression` findings. Sorted in source order.
    public static func check(_ compilation: Compilation, configuration: Configuration = .defaults) -> [Diagnostic] {
        if compilation.hasErrors { return compilation.diagnostics }
        var diagnostics = compilation.diagnostics
        diagnostics += lint(CheckContext(compilation.model), configuration: configuration)
        var suppressions = Suppressions(compilation)
        diagnostics = suppressions.filter(diagnostics)
        diagnostics += suppressions.problems(severity: configuration.severity(of: UnusedSuppression.descriptor),
                                             configuration: configuration)
        return diagnostics.sorted(by: Diagnostic.sourceOrder)
    }

    /// The findings of every enabled rule, unsuppressed, in rule order.
    public static func lint(_ context: CheckContext, configuration: Configuration = .defaults,
                            rules: [any Rule] = Rules.all) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for rule in rules {
            let descriptor = rule.descriptor
            let severity = configuration.severity(of: descriptor)
            guard severity != .off else { continue }
            for finding in rule.check(context, options: configuration.options(of: descriptor)) {
                diagnostics.append(Diagnostic(code: descriptor.id, severity: severity, message: finding.message,
                                              span: finding.span, notes: finding.notes, help: finding.help,
                                              fixes: finding.fixes))
            }
        }
        return diagnostics
    }
}
