import BatonModel
import BatonSyntax

/// Failed `expect` lines as diagnostics (code `scenario-expectation`, at the `expect` line), so
/// `baton simulate --check` reports them in every format `baton check` has — text, JSON, SARIF,
/// GitHub annotations — and a CI job shows a load test's failure on the line that expected
/// otherwise.
public enum ExpectationDiagnostics {
    public static let code = "scenario-expectation"

    /// One error per expectation that did not hold, in scenario order. `scenario` supplies the
    /// name's place for a note; nil leaves the note out. They carry no help: the caller knows
    /// how its user sees the whole report, and says so.
    public static func diagnostics(_ result: SimulationResult, scenario: Scenario? = nil) -> [Diagnostic] {
        result.expectations.filter { !$0.passed }.map { outcome in
            var notes: [Diagnostic.Note] = []
            if let scenario {
                notes.append(Diagnostic.Note("in scenario \(LiteralFormat.string(scenario.name))", at: scenario.nameSpan))
            }
            return Diagnostic(
                code: code, severity: .error,
                message: "expected \(stated(outcome.expectation)), but \(measured(outcome, runs: result.runs))",
                span: outcome.expectation.span, notes: notes)
        }
    }

    /// The expectation without its keyword: `goodput >= 95% after 6m`.
    static func stated(_ expectation: Expectation) -> String {
        let text = expectation.text
        return text.hasPrefix("expect ") ? String(text.dropFirst("expect ".count)) : text
    }

    /// What was measured, in the expectation's unit: `goodput after 2m was 72.3%`; with several
    /// runs the mean and how many runs it held in: `the mean over 20 runs was 72.3% (held in 2)`.
    static func measured(_ outcome: ExpectationOutcome, runs: Int) -> String {
        guard runs > 1 else { return outcome.explanation }
        guard let actual = outcome.actual, outcome.explanation.hasPrefix("mean over") else { return outcome.explanation }
        let held = Int((outcome.passedFraction * Double(runs)).rounded())
        return "the mean over \(runs) runs was \(value(actual, outcome.expectation.measure)) (held in \(held) of them)"
    }

    /// A measured value in the expectation's unit.
    static func value(_ actual: Double, _ measure: Expectation.Measure) -> String {
        switch measure {
        case .goodput: ReportNumbers.percent(actual)
        case .responseTime, .recovers: ReportNumbers.duration(actual)
        case .amplification: ReportNumbers.significant(actual, digits: 3)
        case .queueMax: ReportNumbers.count(actual)
        }
    }
}
