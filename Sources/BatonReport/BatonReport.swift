// BatonReport: diagnostics as people and tools read them. It turns the diagnostics of the
// earlier stages (compile errors, lint findings) into reports, and draws nothing: the render
// stage never sees a diagnostic.
//
// - `ReportedDiagnostic` resolves a diagnostic once for printing (file, 1-based lines and
//   columns, the excerpt of its line), so the formats cannot disagree on a position.
// - One reporter per format: `TextReporter` (terminals and editors), `JSONReporter` (the machine
//   contract), `SARIFReporter` (code scanning; it lists every rule with its documentation, which is why
//   this stage depends on BatonCheck) and `GitHubReporter` (workflow annotations).
// - Invariants: reports are bounded (long lines are cut around the caret, errors past the
//   per-file cap are counted, `OmittedErrors`), inert (text from the input is made visible
//   before it reaches a terminal or a log) and deterministic (input order, no clocks).
