@testable import BatonModel
import BatonSyntax
import Testing

/// `AttributeSpec.written` reads every attribute back as Baton writes it: what `baton diff`
/// compares, so an attribute it could not read would never be reported as changed.
@Suite struct AttributeWrittenTests {
    @Test(arguments: AttributeSchema.participant.map(\.key))
    func everyParticipantAttributeReadsBack(_ key: String) throws {
        let spec = try #require(AttributeSchema.participant.first { $0.key == key })
        for kind in spec.kinds {
            let written = AttributeSchemaTests.written(spec)
            let model = compileClean(AttributeSchemaTests.prelude + "\(kind.rawValue) X [\(written)]\n")
            let participant = try #require(model.participant(named: "X"))
            let value = try #require(spec.written(in: participant.attributes, model: model), "\(kind.rawValue) X [\(written)]")
            #expect(spec.written(in: ParticipantAttributes(), model: model) == nil, "an undeclared \(key) reads as nil")
            // What it reads back compiles to the same value.
            let again = compileClean(AttributeSchemaTests.prelude + "\(kind.rawValue) X [\(Self.source(key, value, spec))]\n")
            var before = participant.attributes, after = try #require(again.participant(named: "X")).attributes
            before.spans = [:]
            after.spans = [:]
            #expect(before == after, "\(key)=\(value)")
        }
    }

    @Test(arguments: AttributeSchema.interaction.map(\.key))
    func everyInteractionAttributeReadsBack(_ key: String) throws {
        let spec = try #require(AttributeSchema.interaction.first { $0.key == key })
        let prefix = AttributeSchemaTests.prelude + "service A\nservice B [idempotent]\n"
        let model = compileClean(prefix + "A -> B : call [\(AttributeSchemaTests.written(spec))]\n")
        let value = try #require(spec.written(in: model.interaction("call").attributes, model: model))
        let again = compileClean(prefix + "A -> B : call [\(Self.source(key, value, spec))]\n")
        var before = model.interaction("call").attributes, after = again.interaction("call").attributes
        before.spans = [:]
        after.spans = [:]
        #expect(before == after, "\(key)=\(value)")
    }

    @Test func valuesReadAsWrittenWhateverTheSpelling() {
        let model = compileClean("service S [timeout=5000ms, availability=99.950%, rate-limit=6000/m, concurrency=4]\n")
        let attributes = model.participants[0].attributes
        func read(_ key: String) -> String? {
            AttributeSchema.participant.first { $0.key == key }?.written(in: attributes, model: model)
        }
        #expect(read("timeout") == "5s")
        #expect(read("availability") == "99.95%")
        #expect(read("rate-limit") == "100/s")
        #expect(read("concurrency") == "4")
        #expect(read("idempotent") == nil)
        // A property of another type reads as nothing.
        #expect(AttributeSchema.interaction[0].written(in: attributes, model: model) == nil)
    }

    /// The attribute as a design would write `value` back: a flag alone, a string quoted.
    static func source(_ key: String, _ value: String, _ spec: AttributeSpec) -> String {
        switch spec.valueType {
        case .flag: key
        case .stringOrName, .string: "\(key)=\(LiteralFormat.string(value))"
        default: "\(key)=\(value)"
        }
    }
}
