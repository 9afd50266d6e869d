import Baton
@testable import BatonCheck
import BatonModel
import BatonSyntax
import BatonWorkload
import Testing

/// The rules whose help (and notes) name one participant make each text once per participant
/// (`PerParticipant`): a large design's findings hold each distinct text once, and every
/// finding still gets the text about its own participant.
@Suite struct PerParticipantTests {
    /// A generated design in which these rules fire many times about the same participants.
    static let compilation = Baton.compile(source: DesignGenerator.design(bytes: 60_000, seed: 3), path: "generated.baton")

    static let rules = ["missing-timeout", "duplicate-delivery", "retry-without-idempotency",
                        "external-without-breaker", "push-without-flow-control"]

    /// The address of each text's storage (every one of these is longer than a string keeps
    /// inline, so equal addresses are one shared string).
    static func buffers(_ texts: [String]) -> Set<UInt> {
        Set(texts.map { text in
            var text = text
            return text.withUTF8 { UInt(bitPattern: $0.baseAddress) }
        })
    }

    @Test(arguments: rules)
    func equalTextsShareOneString(rule: String) {
        #expect(!Self.compilation.hasErrors)
        let findings = Checker.check(Self.compilation).filter { $0.code == rule }
        let helps = findings.compactMap(\.help)
        #expect(helps.count == findings.count)
        #expect(helps.allSatisfy { $0.utf8.count > 15 })
        // The design repeats texts, so the counts below tell sharing from copies.
        #expect(Set(helps).count < helps.count)
        #expect(Self.buffers(helps).count == Set(helps).count)
        let notes = findings.flatMap(\.notes).map(\.message)
        #expect(Self.buffers(notes).count == Set(notes).count)
    }

    @Test func eachFindingGetsTheTextAboutItsOwnParticipant() {
        let model = Self.compilation.model
        let context = CheckContext(model)
        let findings = Checker.check(Self.compilation).filter { $0.code == "missing-timeout" }
        #expect(findings.count > 10)
        for finding in findings {
            guard let interaction = model.interactions.first(where: { $0.span == finding.span }) else {
                Issue.record("no interaction at \(finding.span)")
                continue
            }
            let passive = model.participants[interaction.to.rawValue]
            let declarable = context.canDeclare("timeout", on: passive.id)
            #expect(finding.help == (declarable
                ? "add [timeout=...] to the interaction, or declare a default timeout on '\(passive.name)'"
                : "add [timeout=...] to the interaction"))
        }
    }

    @Test func aValueIsMadeOncePerParticipant() {
        let context = CheckContext(Self.compilation.model)
        var cache = PerParticipant<String>(context)
        var made = 0
        for index in [0, 1, 0, 1, 0] {
            _ = cache.value(for: ParticipantID(index)) {
                made += 1
                return "participant \(index)"
            }
        }
        #expect(made == 2)
        #expect(cache.value(for: ParticipantID(1)) { "another" } == "participant 1")
    }
}
