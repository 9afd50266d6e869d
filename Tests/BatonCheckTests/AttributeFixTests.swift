import Baton
@testable import BatonCheck
import BatonModel
import BatonSyntax
import Testing

/// `AttributeFix` writes attributes the way `baton fmt` does, replacing a key instead of
/// repeating it.
struct AttributeFixTests {
    /// Applies the edits that add `attributes` to the first interaction (or to participant
    /// `participant`) of `source`.
    func adding(_ attributes: [AttributeFix.Attribute], in source: String, participant: String? = nil) throws -> String {
        let compilation = Baton.compile(source: source, path: "t.baton")
        #expect(!compilation.hasErrors, "\(compilation.diagnostics.map(\.message))")
        let context = CheckContext(compilation)
        let edits: FixEdits
        if let participant {
            let id = try #require(compilation.model.participant(named: participant)?.id)
            edits = AttributeFix.edits(adding: attributes, to: id, in: context)
        } else {
            edits = AttributeFix.edits(adding: attributes, to: InteractionID(0), in: context)
        }
        let fix = Fix("test", safety: .unsafe, edits: edits)
        return String(decoding: TextEdits.apply([fix], to: Array(source.utf8), file: FileID(0)).bytes, as: UTF8.self)
    }

    func format(_ text: String) -> String? {
        Formatter.format(SourceFile(id: FileID(0), path: "t.baton", text: text)).text
    }

    @Test func appendsToAnExistingList() throws {
        let fixed = try adding([.init("jitter")], in: "service A\nservice B\nA -> B : x [retries=3]\n")
        #expect(fixed == "service A\nservice B\nA -> B : x [retries=3, jitter]\n")
    }

    @Test func replacesAConflictingValueInsteadOfRepeatingTheKey() throws {
        let fixed = try adding([.init("backoff", "exponential"), .init("jitter")],
                               in: "service A\nservice B\nA -> B : x [retries=3, backoff=fixed]\n")
        #expect(fixed == "service A\nservice B\nA -> B : x [retries=3, backoff=exponential, jitter]\n")
    }

    @Test func keepsWhatIsThereAlready() throws {
        let source = "service A\nservice B\nA -> B : x [jitter]\n"
        #expect(try adding([.init("jitter")], in: source) == source)
    }

    @Test func opensAListAfterTheLabelAndBeforeABlock() throws {
        let fixed = try adding([.init("timeout", "2s")], in: "service  A\nservice  B\nservice  C\nA -> B : x {\n  B -> C : y\n}\n")
        #expect(fixed == "service  A\nservice  B\nservice  C\nA -> B : x [timeout=2s] {\n  B -> C : y\n}\n")
        #expect(format(fixed) == fixed)
    }

    @Test func opensAListOnADeclarationInItsRunsColumn() throws {
        let source = "service  Search [timeout=3s]\nservice  Rank\n"
        let fixed = try adding([.init("idempotent")], in: source, participant: "Rank")
        #expect(fixed == "service  Search [timeout=3s]\nservice  Rank   [idempotent]\n")
        #expect(format(source) == source)
        #expect(format(fixed) == fixed)
    }

    @Test func opensAListAfterALabel() throws {
        let fixed = try adding([.init("idempotent")], in: "service Rank \"Ranking\"\n", participant: "Rank")
        #expect(fixed == "service Rank \"Ranking\" [idempotent]\n")
    }

    @Test func titlesNameWhatIsAdded() {
        #expect(AttributeFix.title([.init("backoff", "exponential"), .init("jitter")]) == "add backoff=exponential and jitter")
    }
}

/// What fixes add reads as it always did.
struct AttributeFixTextTests {
    @Test func attributeTextsAndTitlesReadAsBefore() {
        #expect(AttributeFix.Attribute("timeout", "1500ms").text == "timeout=1500ms")
        #expect(AttributeFix.Attribute("idempotent").text == "idempotent")
        let two = [AttributeFix.Attribute("backoff", "exponential"), AttributeFix.Attribute("jitter")]
        #expect(AttributeFix.title(two) == "add backoff=exponential and jitter")
        #expect(AttributeFix.title([two[0]], on: "'Orders'") == "add backoff=exponential to 'Orders'")
        let three = two + [AttributeFix.Attribute("retries", "3")]
        #expect(AttributeFix.title(three, on: "'Orders'") == "add backoff=exponential, jitter and retries=3 to 'Orders'")
        // Written in place, each attribute reads as its own text.
        #expect(AttributeFix.text(of: three, prefix: " [", separator: ", ", suffix: "]") == " [" + three.map(\.text).joined(separator: ", ") + "]")
        #expect(AttributeFix.text(of: [], prefix: "[", separator: ", ", suffix: "]") == "[]")
    }
}
