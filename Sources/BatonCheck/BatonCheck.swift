// BatonCheck: the lint stage. It reads a `Compilation` and returns diagnostics; it never
// changes the model and never touches the file system.
//
// - `Rule` is the one protocol every rule implements; `Rules.all` is the literal list of them.
//   Each rule carries a `RuleDescriptor` (id, default severity, rationale, options, bad and good
//   examples): the examples are the rule's tests and the source of `docs/rules.md`,
//   `baton explain`, the SARIF rule metadata and the configuration schema.
// - `Checker.check` runs the enabled rules over one compilation, applies the configuration's
//   severities and the `# baton:ignore` comments, and reports suppressions that suppress
//   nothing. Rules run only when the compilation has no compile errors: a design that does not
//   compile has no meaning to check.
// - Invariants: rules are pure functions of the model (no global state, no clocks); every
//   finding points at a statement of the source, carries a help line, and comes out in source
//   order, so the same input gives the same output on every machine.
