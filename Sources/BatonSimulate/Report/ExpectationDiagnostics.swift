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
            var message = "expected \(stated(outcome.expectation)), but \(measured(outcome, runs: result.runs))"
            if result.runs > 1 {
                let held = Int((outcome.passedFraction * Double(result.runs)).rounded())
                message += " (it held in \(held) of them)"
            }
            return Diagnostic(code: code, severity: .error, message: message, span: outcome.expectation.span, notes: notes)
        }
    }

    /// The expectation as the object of "expected": `goodput >= 95% after 6m`, `a recovery
    /// within 30s`.
    static func stated(_ expectation: Expectation) -> String {
        var text = expectation.text
        if text.hasPrefix("expect ") { text.removeFirst("expect ".count) }
        if case .recovers = expectation.measure, text.hasPrefix("recovers within ") {
            return "a recovery within " + text.dropFirst("recovers within ".count)
        }
        return text
    }

    /// What was measured, in the expectation's unit: `goodput after 2m was 72.3%`; with several
    /// runs, their mean: `the mean over 20 runs was 72.3%`.
    static func measured(_ outcome: ExpectationOutcome, runs: Int) -> String {
        guard runs > 1 else { return outcome.explanation }
        guard let actual = outcome.actual, outcome.explanation.hasPrefix("mean over") else { return outcome.explanation }
        return "the mean over \(runs) runs was \(value(actual, outcome.expectation.measure))"
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
