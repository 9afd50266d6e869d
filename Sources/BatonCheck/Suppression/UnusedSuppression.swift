import BatonSyntax

/// `unused-suppression`: a `# baton:ignore` comment that suppresses nothing. It is configurable
/// like a rule (severity only) but computed by the `Checker`, and it cannot itself be
/// suppressed by a comment.
public enum UnusedSuppression {
    public static let descriptor = RuleDescriptor(
        id: "unused-suppression",
        defaultSeverity: .warning,
        summary: "a `# baton:ignore` comment suppresses nothing, or names an unknown rule",
        rationale: """
            A suppression is a recorded exception to a rule. When the design changes so that the \
            finding goes away, a stale suppression stays behind and would silently hide the next, \
            unrelated finding of that rule on the same statement. Reporting unused suppressions keeps \
            the exceptions honest, and catches typos in rule ids that would otherwise suppress nothing.
            """,
        details: """
            Reported at the rule id in the comment (or at the comment) for each rule a directive names \
            that suppressed no finding, for unknown rule ids (with a "did you mean"), for compile-error \
            codes (compile errors cannot be suppressed), for directives that name no rule, and for \
            misspelt directives such as `baton:ignroe`. Only the checked file's own comments are \
            reported: an imported file's suppressions are judged when that file is checked. Rules \
            turned off in the configuration do not make their suppressions unused. This check can \
            only be turned off in `.baton.json`, not by a comment.
            """,
        fixes: [
            "remove the rule id from the comment, or the whole comment when none of its ids suppresses anything (its line, when it is alone on it); a safe fix, which `baton check --fix` applies",
        ],
        triggering: [
            RuleExample("""
                service A [timeout=1s]
                service B [timeout=1s]
                # baton:ignore ↓missing-timeout -- B declares a timeout, so this never fires
                A -> B : call
                """),
            RuleExample("""
                service A [timeout=1s]
                service B [timeout=1s]
                A -> B : call  # baton:ignore ↓retry-amplfication -- typo in the rule id
                """),
        ],
        nonTriggering: [
            RuleExample("""
                service A
                service B
                # baton:ignore missing-timeout -- B answers from memory
                A -> B : call
                """),
        ])
}
