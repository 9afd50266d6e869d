import BatonSyntax

/// Renders rule descriptors as text (`baton rules`, `baton explain`) and Markdown
/// (`docs/rules.md`, SARIF help). Pure functions of the descriptors, so the generated document
/// can be compared with the committed one in a test.
public enum RuleDocumentation {
    // MARK: - baton rules

    /// An aligned table: id, default severity, summary.
    public static func table(_ descriptors: [RuleDescriptor] = Rules.descriptors) -> String {
        let idWidth = max(4, descriptors.map(\.id.count).max() ?? 0) + 2
        let severityWidth = 9
        var out = pad("RULE", idWidth) + pad("DEFAULT", severityWidth) + "SUMMARY\n"
        for descriptor in descriptors {
            out += pad(descriptor.id, idWidth) + pad(descriptor.defaultSeverity.rawValue, severityWidth) + plain(descriptor.summary) + "\n"
        }
        return out
    }

    // MARK: - baton explain

    public static func explanation(_ descriptor: RuleDescriptor) -> String {
        var out = "\(descriptor.id) (default severity: \(descriptor.defaultSeverity.rawValue))\n"
        out += plain(descriptor.summary) + "\n"
        out += "\nWhy it matters\n" + indented(wrap(plain(descriptor.rationale), width: 92))
        out += "\nHow it decides\n" + indented(wrap(plain(descriptor.details), width: 92))
        out += "\nOptions\n"
        if descriptor.options.isEmpty {
            out += "  none (only the severity can be configured)\n"
        } else {
            for option in descriptor.options {
                out += "  \(option.name) = \(LiteralFormat.number(option.defaultValue))  \(option.summary) (\(range(option)))\n"
            }
        }
        out += "\nFixes\n" + indented(fixesText(descriptor))
        for (index, example) in descriptor.triggering.enumerated() {
            out += "\nBad" + (descriptor.triggering.count > 1 ? " (\(index + 1))" : "") + optionsNote(example) + " — ↓ marks where the finding points\n"
            out += indented(example.source)
        }
        for (index, example) in descriptor.nonTriggering.enumerated() {
            out += "\nGood" + (descriptor.nonTriggering.count > 1 ? " (\(index + 1))" : "") + optionsNote(example) + "\n"
            out += indented(example.source)
        }
        out += "\nSuppress or configure\n" + indented(suppressionText(descriptor))
        return out
    }

    /// What `Fixes` says: the rule's fixes, and the suppression every rule finding offers.
    static func fixesText(_ descriptor: RuleDescriptor) -> String {
        fixLines(descriptor).map { line in
            wrap("- " + plain(line), width: 90).split(separator: "\n").joined(separator: "\n  ") + "\n"
        }.joined()
    }

    /// The rule's fixes, then the suppression every rule finding offers (in Markdown).
    static func fixLines(_ descriptor: RuleDescriptor) -> [String] {
        var lines = descriptor.fixes
        if lines.isEmpty { lines.append("none that is mechanical: the help line says what to change") }
        if descriptor.id != UnusedSuppression.descriptor.id {
            lines.append("suppress this finding: `# baton:ignore \(descriptor.id) -- reason` on its own line above the "
                         + "statement, with a reason to write in (offered to editors; `baton check --fix` never applies it)")
        }
        return lines
    }

    static func suppressionText(_ descriptor: RuleDescriptor) -> String {
        let id = descriptor.id
        if id == UnusedSuppression.descriptor.id {
            return """
                only in .baton.json: { "rules": { "\(id)": "off" } }
                (a comment cannot suppress it)

                """
        }
        var text = """
            # baton:ignore \(id) -- reason        on its own line: the next statement
            <statement>  # baton:ignore \(id) -- reason    at the end of a line: that statement
            # baton:ignore-file \(id) -- reason   anywhere: the whole file
            .baton.json: { "rules": { "\(id)": "warning" } }   (off, info, warning or error)

            """
        if let option = descriptor.options.first {
            text += ".baton.json: { \"rules\": { \"\(id)\": { \"severity\": \"\(descriptor.defaultSeverity.rawValue)\", \"\(option.name)\": \(LiteralFormat.number(option.defaultValue)) } } }\n"
        }
        return text
    }

    /// `whole numbers 0 to 1000000`: what the configuration parser accepts for the option.
    static func range(_ option: RuleOption) -> String {
        let bounds = "\(LiteralFormat.number(option.minimum)) to \(LiteralFormat.number(option.maximum))"
        return option.isInteger ? "whole numbers \(bounds)" : bounds
    }

    static func optionsNote(_ example: RuleExample) -> String {
        guard !example.options.isEmpty else { return "" }
        let settings = example.options.keys.sorted().map { "\($0)=\(LiteralFormat.number(example.options[$0] ?? 0))" }
        return " (with \(settings.joined(separator: ", ")))"
    }

    // MARK: - Markdown

    /// One rule's section of `docs/rules.md` (also SARIF `help.markdown`).
    public static func markdownSection(_ descriptor: RuleDescriptor, headingLevel: Int = 3) -> String {
        let hashes = String(repeating: "#", count: headingLevel)
        var out = "\(hashes) \(descriptor.id)\n\n"
        out += "**Default severity:** \(descriptor.defaultSeverity.rawValue). \(capitalized(descriptor.summary)).\n\n"
        out += "**Why it matters.** \(descriptor.rationale)\n\n"
        out += "**How it decides.** \(descriptor.details)\n\n"
        if !descriptor.options.isEmpty {
            out += "**Options:**\n\n| option | default | allowed | meaning |\n|---|---|---|---|\n"
            for option in descriptor.options {
                out += "| `\(option.name)` | \(LiteralFormat.number(option.defaultValue)) | \(range(option)) | \(option.summary) |\n"
            }
            out += "\n"
        }
        out += "**Fixes:**\n\n" + fixLines(descriptor).map { "- \($0)\n" }.joined() + "\n"
        for example in descriptor.triggering {
            out += "Triggers\(optionsNote(example)) — the finding points at the marked line:\n\n```baton\n\(markedAsComments(example.source))\n```\n\n"
        }
        for example in descriptor.nonTriggering {
            out += "Does not trigger\(optionsNote(example)):\n\n```baton\n\(example.source)\n```\n\n"
        }
        if descriptor.id == UnusedSuppression.descriptor.id {
            out += "Configure it in `.baton.json` only: `{ \"rules\": { \"\(descriptor.id)\": \"off\" } }`.\n"
        } else {
            out += "Suppress one finding with `# baton:ignore \(descriptor.id) -- reason`, or configure it in `.baton.json`: `{ \"rules\": { \"\(descriptor.id)\": \"off\" } }`.\n"
        }
        return out
    }

    /// The whole of `docs/rules.md`.
    public static func markdown(_ descriptors: [RuleDescriptor] = Rules.descriptors) -> String {
        var out = """
            # Baton lint rules

            <!-- Generated from the rule descriptors in Sources/BatonCheck by RuleDocumentation.markdown(); do not edit.
                 Regenerate with: baton rules --format markdown > docs/rules.md
                 (a test fails when this file is stale). -->

            `baton check` compiles each design and, when it compiles without errors, runs the rules below.
            Every finding points at the statement that should change, names the participants involved,
            carries notes at related statements and ends with a help line. `baton explain RULE` prints a
            rule's section in the terminal; configuration and suppressions are described in
            [configuration.md](configuration.md).

            Many findings also carry fixes, listed under each rule: safe ones (which keep what the design
            means) are applied by `baton check --fix`, unsafe ones (which change it) only with
            `--unsafe-fixes`, and `--diff` shows them without writing ([ci.md](ci.md#fixing-findings)).
            Every rule finding's last fix suppresses it with a `# baton:ignore` comment; editors offer it,
            `baton check` never applies it, since a suppression is a decision only a person can make.

            | rule | default | reports |
            |---|---|---|

            """
        for descriptor in descriptors {
            out += "| [`\(descriptor.id)`](#\(descriptor.id)) | \(descriptor.defaultSeverity.rawValue) | \(descriptor.summary) |\n"
        }
        out += "\n" + decisions + "\n## Rules\n\n"
        out += descriptors.map { markdownSection($0) }.joined(separator: "\n")
        out += "\n## Compile errors\n\nThese are not rules: they are always errors, cannot be configured or suppressed, and when a file has one, no rule runs on it.\n\n| code | meaning |\n|---|---|\n"
        for entry in CompileErrorDocumentation.all { out += "| `\(entry.code)` | \(entry.summary) |\n" }
        return out
    }

    /// How the rules read the cases their one-line summaries leave open.
    static let decisions = """
        ## Decisions behind the rules

        - **Rules need a design that compiles.** Lint rules run only for a file whose compilation (the
          file and its imports) has no compile errors; otherwise only the compile errors are reported.
        - **Where findings point.** Rules about a participant (`queue-without-flow-control`,
          `missing-dead-letter`, `orphan-channel`, `unused-participant`, `availability-budget`,
          `fan-out`, `shared-store`) point at its declaration; `ignored-attribute` at the attribute; the
          others at the head of an interaction (from the initiator to the end of its label and
          attributes).
        - **One finding per problem.** Each elementary sync cycle is reported once, at the
          interaction that closes it (the last in document order among its edges' first
          interactions); re-entrant calls are sync cycles. `push-without-flow-control` is reported at
          each delivery into an unprotected consumer. `timeout-inversion` is reported once per
          enclosing call, at the step where its block's running worst-case wait first passes the
          timeout.
        - **Defaults.** Channels deliver `at-least-once` and are `unordered` unless they say otherwise.
        - **Idempotency.** An interaction is idempotent when it declares `idempotent` or its passive end
          does; a fetch (`<-`) is a read and counts as idempotent. A channel's consumer is idempotent
          when the consuming interaction or the consumer declares `idempotent`.
        - **Consumers of a channel** are the participants that fetch from it and, for a `push` channel,
          the passive ends of its deliveries.
        - **Competing consumers.** A queue gives each message to one consumer, so all its consumptions
          compete. A topic gives each subscriber its own copy: different participants reading it do
          not compete, but one participant consuming it in several places shares one subscription,
          and those do.
        - **Timeouts shrink from the outside in.** A call's timeout is compared with the worst-case
          wait of its whole block: sequential steps add up, `par` and `alt` take their slowest
          branch, `loop` multiplies by `times`.
        - **Replies** to an async request are async sends (`->>`, `~>`) back to the requester or to its
          `reply-to`; a sync call back is a new request.
        - **Reads and writes of a channel** follow the data: a channel is written when data flows into
          it (or it is a `dlq`), read when data flows out of it. A channel that initiates without
          `push` is `passive-initiator`'s finding; its deliveries still count as reads, so the mistake
          is reported once.
        - **Push delivery without flow control** only concerns consumers that can declare
          `concurrency` or `rate-limit` (services and externals); a driver's deliveries include
          callbacks (`D ~> C`).
        - **Unbounded retries** make the product of attempts unbounded: a sync call with
          `retries=unbounded` is reported by both `unbounded-retry` and `retry-amplification`.
        - **Comparisons** of durations and percentages ignore floating-point noise below one part in
          10⁹, so 900ms + 4 × 500ms + 300ms is exactly 3.2s. Messages print declared values as
          written and computed ones with the digits that decide (`1.0004s exceeds its budget 1s`),
          so the numbers shown always agree with the verdict.
        - **Help lines** only suggest edits that compile: an attribute on a participant (such as
          `idempotent`, or a default `timeout`) only for the kinds that can declare it; otherwise the
          interaction.
        - **Imports.** A file's model is the union of the file and its imports; findings may point into
          an imported file (they are reported once even when several inputs import it). The checked
          file's suppressions apply to the findings of its check wherever they are located, also in
          an imported file, which other designs share and which stays untouched; an imported file's
          own suppressions apply only to findings located in it. Only the checked file's
          suppressions are reported as unused. Imported participants are never `unused-participant`.
        - **Suppressions and notes.** A `# baton:ignore` on a statement suppresses the findings that
          point at it and those with a note at it (a delivery's note at the consumer, a
          `timeout-inversion`'s note at the enclosing call). At the end of a line it applies to every
          statement of that line.
        - **Suppressions of rules turned off** in the configuration are not reported as unused.

        """

    // MARK: - Helpers

    /// Markdown code blocks must stay valid Baton (editors and the docs build highlight them), so
    /// a `↓` marker becomes a trailing comment on its line.
    static func markedAsComments(_ source: String) -> String {
        source.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            guard line.contains("↓") else { return String(line) }
            return line.filter { $0 != "↓" } + "  # <- finding"
        }.joined(separator: "\n")
    }

    /// Markdown inline code to plain text: `push` → push.
    public static func plain(_ text: String) -> String {
        text.filter { $0 != "`" }
    }

    static func capitalized(_ text: String) -> String {
        guard let first = text.first else { return text }
        return first.uppercased() + text.dropFirst()
    }

    static func pad(_ text: String, _ width: Int) -> String {
        text + String(repeating: " ", count: max(1, width - text.count))
    }

    static func indented(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.isEmpty ? "" : "  " + $0 }
            .joined(separator: "\n")
            .trimmingTrailingNewlines() + "\n"
    }

    /// Greedy word wrap at `width` columns.
    static func wrap(_ text: String, width: Int) -> String {
        var lines: [String] = []
        var current = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: true) {
            if current.isEmpty {
                current = String(word)
            } else if current.count + 1 + word.count <= width {
                current += " " + word
            } else {
                lines.append(current)
                current = String(word)
            }
        }
        if !current.isEmpty { lines.append(current) }
        return lines.joined(separator: "\n")
    }
}

extension String {
    func trimmingTrailingNewlines() -> String {
        var result = self
        while result.hasSuffix("\n") { result.removeLast() }
        return result
    }
}

/// One line per compile-error code, for SARIF rule metadata and the documentation.
public enum CompileErrorDocumentation {
    public struct Entry: Sendable {
        public var code: String
        public var summary: String
    }

    public static let policy = "Compile errors are always errors: they cannot be configured or suppressed, and no lint rule runs on a file that has one."

    public static let all: [Entry] = [
        Entry(code: CompileError.syntax, summary: "the text does not follow the grammar (grammar/baton.ebnf)"),
        Entry(code: CompileError.undeclaredName, summary: "a name is used but never declared"),
        Entry(code: CompileError.duplicateDeclaration, summary: "a name, a flow or the title is declared twice"),
        Entry(code: CompileError.unknownAttribute, summary: "an attribute key does not exist, or does not apply where it is written"),
        Entry(code: CompileError.invalidAttributeValue, summary: "an attribute value has the wrong type or is out of range"),
        Entry(code: CompileError.misplacedStep, summary: "a step in a block is initiated by someone other than the block's passive end"),
        Entry(code: CompileError.importNotFound, summary: "an imported file cannot be read, or lies outside the allowed directories"),
        Entry(code: CompileError.importCycle, summary: "files import each other in a cycle"),
        Entry(code: CompileError.invalidEncoding, summary: "the file is not valid UTF-8 or contains a NUL byte"),
        Entry(code: CompileError.nestingTooDeep, summary: "blocks are nested deeper than the compiler allows"),
        Entry(code: CompileError.invalidScenario, summary: "a scenario cannot run: no duration, a window outside it, a value out of range, or a fault or expectation that does not fit the design"),
    ]
}
