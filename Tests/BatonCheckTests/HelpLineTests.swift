import BatonCheck
import BatonModel
import BatonSyntax
import Testing

/// Help lines only suggest edits that compile. A participant attribute is suggested only for the
/// kinds whose attribute table allows it (docs/language.md, participant attributes), and
/// applying the suggestion — to the participant, or to the interaction — compiles and clears
/// the finding.
struct HelpLineTests {
    /// A design around the participant `Target` of kind `KIND`: `TARGET` is where its attribute
    /// list goes, `, INTER` where attributes are added to the interaction.
    struct Case: Sendable, CustomTestStringConvertible {
        var rule: String
        var template: String
        /// The attribute the help suggests on 'Target', and the kinds that can declare it.
        var attribute: String
        var kinds: [ParticipantKind]
        /// The same fix on the interaction, when the help offers it.
        var onInteraction: String?
        /// How the help words the suggestion on 'Target'.
        var suggestion: String

        var testDescription: String { "\(rule): \(attribute)" }
    }

    static let cases: [Case] = [
        Case(rule: "retry-without-idempotency", template: """
                service Caller
                KIND Target TARGET
                Caller -> Target : op [timeout=1s, retries=1, backoff=exponential, jitter, INTER]
                """,
             attribute: "idempotent", kinds: [.service, .external, .client],
             onInteraction: "idempotent", suggestion: "idempotent on the interaction or on 'Target'"),
        Case(rule: "duplicate-delivery", template: """
                queue Jobs [ttl=1h, dlq=Failed]
                queue Failed [ttl=1h, delivery=at-most-once]
                KIND Target TARGET
                Target <- Jobs : job [timeout=1s, INTER]
                """,
             attribute: "idempotent", kinds: [.service, .external, .client],
             onInteraction: "idempotent", suggestion: "idempotent on the interaction or on 'Target'"),
        Case(rule: "duplicate-delivery", template: """
                topic Jobs [push, ttl=1h, dlq=Failed]
                queue Failed [ttl=1h, delivery=at-most-once]
                KIND Target TARGET
                Jobs ->> Target : job [latency=1ms, INTER]
                """,
             attribute: "idempotent", kinds: [.service, .external, .client],
             onInteraction: "idempotent", suggestion: "idempotent on the interaction or on 'Target'"),
        Case(rule: "missing-timeout", template: """
                service Caller
                KIND Target TARGET
                Caller -> Target : op [latency=1ms, INTER]
                """,
             attribute: "timeout=1s", kinds: [.service, .external, .queue, .topic, .store],
             onInteraction: "timeout=1s", suggestion: "default timeout on 'Target'"),
        Case(rule: "passive-initiator", template: """
                KIND Target TARGET
                service Sink [concurrency=1]
                Target ->> Sink : message [latency=1ms, INTER]
                """,
             attribute: "push", kinds: [.queue, .topic],
             onInteraction: nil, suggestion: "`push` on 'Target'"),
        Case(rule: "push-without-flow-control", template: """
                topic Events [push, ttl=1h, delivery=at-most-once]
                KIND Target TARGET
                Events ->> Target : event [latency=1ms, INTER]
                """,
             attribute: "concurrency=1", kinds: [.service, .external, .driver],
             onInteraction: nil, suggestion: "can take (concurrency=N or rate-limit=N/s)"),
    ]

    func design(_ template: String, kind: ParticipantKind, target: String = "", interaction: String = "correlation=test") -> String {
        template.replacingOccurrences(of: "KIND", with: kind.rawValue)
            .replacingOccurrences(of: "TARGET", with: target.isEmpty ? "" : "[\(target)]")
            .replacingOccurrences(of: "INTER", with: interaction)
    }

    @Test(arguments: cases, ParticipantKind.allCases)
    func suggestedAttributesCompileAndClearTheFinding(_ test: Case, _ kind: ParticipantKind) {
        let (compilation, found) = findings(of: test.rule, in: design(test.template, kind: kind))
        #expect(!compilation.hasErrors, "\(compilation.diagnostics.map(\.message))")
        for finding in found {
            let help = finding.help ?? ""
            let onTarget = help.contains(test.suggestion)
            #expect(onTarget == test.kinds.contains(kind), "a \(kind.rawValue): \(help)")
            if onTarget {
                let (fixed, after) = findings(of: test.rule, in: design(test.template, kind: kind, target: test.attribute))
                #expect(!fixed.hasErrors, "'\(test.attribute)' on a \(kind.rawValue): \(fixed.diagnostics.map(\.message))")
                #expect(after.isEmpty, "'\(test.attribute)' on a \(kind.rawValue) leaves \(after.map(\.message))")
            }
            if let attribute = test.onInteraction {
                #expect(help.contains("on the interaction") || help.contains("to the interaction"), "\(help)")
                let (fixed, after) = findings(of: test.rule, in: design(test.template, kind: kind, interaction: attribute))
                #expect(!fixed.hasErrors, "\(fixed.diagnostics.map(\.message))")
                #expect(after.isEmpty, "'\(attribute)' on the interaction leaves \(after.map(\.message))")
            }
        }
    }

    /// Every rule's examples: a help line that names a participant attribute on a participant
    /// names one its kind can declare.
    @Test func examplesOnlySuggestDeclarableAttributes() throws {
        for descriptor in Rules.descriptors {
            for example in descriptor.triggering {
                let (compilation, found) = findings(of: descriptor.id, in: example.text, options: example.options)
                for finding in found {
                    let help = finding.help ?? ""
                    for participant in compilation.model.participants {
                        for key in ["idempotent", "timeout", "push", "concurrency", "rate-limit", "dlq", "max-receives"]
                        where help.contains("\(key) on '\(participant.name)'") || help.contains("`\(key)` on '\(participant.name)'") {
                            let allowed = AttributeSchema.participant.first { $0.key == key }?.kinds ?? []
                            #expect(allowed.contains(participant.kind), "\(descriptor.id): \(help)")
                        }
                    }
                }
            }
        }
    }
}
