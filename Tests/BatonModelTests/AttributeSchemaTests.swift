@testable import BatonModel
import BatonSyntax
import Testing

/// The attribute schema is the decoder: each entry's value type picks the decoding and its
/// property keeps the value, so every entry must reach the model through its property.
@Suite struct AttributeSchemaTests {
    /// `key=value` for an entry, with a value that differs from the property's default.
    static func written(_ spec: AttributeSpec) -> String {
        "\(spec.key)=\(AttributeDecoder.example(spec.valueType))"
    }

    /// A queue any `dlq=` or `reply-to=` example can name.
    static let prelude = "queue QueueName\n"

    @Test(arguments: AttributeSchema.participant.map(\.key))
    func everyParticipantAttributeReachesItsProperty(_ key: String) throws {
        let spec = try #require(AttributeSchema.participant.first { $0.key == key })
        for kind in spec.kinds {
            let model = compileClean(Self.prelude + "\(kind.rawValue) X [\(Self.written(spec))]\n")
            var attributes = try #require(model.participant(named: "X")).attributes
            #expect(attributes.spans[key] != nil)
            attributes.spans = [:]
            #expect(attributes != ParticipantAttributes(), "\(kind.rawValue) X [\(Self.written(spec))] left every property at its default")
        }
    }

    @Test(arguments: AttributeSchema.interaction.map(\.key))
    func everyInteractionAttributeReachesItsProperty(_ key: String) throws {
        let spec = try #require(AttributeSchema.interaction.first { $0.key == key })
        let model = compileClean(Self.prelude + "service A\nservice B [idempotent]\nA -> B : call [\(Self.written(spec))]\n")
        var attributes = model.interaction("call").attributes
        #expect(attributes.spans[key] != nil)
        attributes.spans = [:]
        #expect(attributes != InteractionAttributes(), "A -> B [\(Self.written(spec))] left every property at its default")
    }

    @Test func groupFlowAndLoopAttributesReachTheirProperties() throws {
        #expect(AttributeSchema.group.map(\.key) == ["owner"])
        #expect(AttributeSchema.flow.map(\.key) == ["description"])
        #expect(AttributeSchema.loop.map(\.key) == ["times"])
        let model = compileClean("""
            group G [owner=payments] {
              service A
            }
            service B
            flow "F" [description="one order"] {
              loop [times=4] {
                A -> B : call
              }
            }
            """)
        #expect(model.groups.first?.owner == "payments")
        let flow = try #require(model.flows.first { $0.name == "F" })
        #expect(flow.description == "one order")
        guard case .fragment(let loop) = flow.steps.first else {
            Issue.record("the flow's first step is not the loop: \(flow.steps)")
            return
        }
        #expect(loop.times == 4)
    }

    /// Decoded values of a value type: each choice, one of anything else.
    static func samples(_ type: AttributeSpec.ValueType) -> [DecodedValue] {
        switch type {
        case .flag: [.flag(true)]
        case .percent: [.percent(0.5)]
        case .duration: [.duration(2)]
        case .count: [.count(3)]
        case .countOrUnbounded: [.bound(.count(3)), .bound(.unbounded)]
        case .rate: [.rate(10)]
        case .choice(let words): words.map(DecodedValue.choice)
        case .participant: [.participant(ParticipantID(0))]
        case .stringOrName, .string: [.string("x")]
        }
    }

    /// An entry whose property cannot take its value type (or a choice its enum lacks) would
    /// drop the value unseen; one keyed into another site's root would too.
    @Test func everyPropertyTakesEveryValueOfItsEntrysType() {
        let span = Span(file: FileID(0), start: 0, end: 0)
        for spec in AttributeSchema.participant {
            for value in Self.samples(spec.valueType) {
                let decoded = DecodedAttribute(key: spec.key, value: value, span: span, property: spec.property)
                var attributes = ParticipantAttributes()
                #expect(decoded.store(in: &attributes), "\(spec.key) = \(value)")
                var other = InteractionAttributes()
                #expect(!decoded.store(in: &other), "\(spec.key) is a participant's attribute, not an interaction's")
            }
        }
        for spec in AttributeSchema.interaction {
            for value in Self.samples(spec.valueType) {
                let decoded = DecodedAttribute(key: spec.key, value: value, span: span, property: spec.property)
                var attributes = InteractionAttributes()
                #expect(decoded.store(in: &attributes), "\(spec.key) = \(value)")
                var other = ParticipantAttributes()
                #expect(!decoded.store(in: &other), "\(spec.key) is an interaction's attribute, not a participant's")
            }
        }
    }

    /// Every participant and interaction property is written at its offset or by its entry's
    /// setter rather than through the key path: each value must land in the key path's
    /// property, read back through it, and leave every other property as it was.
    @Test func valuesWrittenAtTheirOffsetLandInTheirPropertyAlone() {
        Self.checkOffsets(AttributeSchema.participant, root: ParticipantAttributes())
        Self.checkOffsets(AttributeSchema.interaction, root: InteractionAttributes())
    }

    static func checkOffsets<Root>(_ specs: [AttributeSpec], root: Root) {
        let span = Span(file: FileID(0), start: 0, end: 0)
        for spec in specs {
            #expect(spec.property.writesDirectly, "\(spec.key) is written through its key path")
            for value in samples(spec.valueType) {
                var written = root
                #expect(DecodedAttribute(key: spec.key, value: value, span: span, property: spec.property).store(in: &written))
                for other in specs {
                    let path: AnyKeyPath = other.property.keyPath
                    let before = String(describing: root[keyPath: path] as Any)
                    let after = String(describing: written[keyPath: path] as Any)
                    if other.property == spec.property {
                        #expect(after != before, "\(spec.key) = \(value) did not reach its property")
                        #expect(after.lowercased().contains(Self.shown(value).lowercased()), "\(spec.key) = \(value) reads back as \(after)")
                    } else {
                        #expect(after == before, "\(spec.key) = \(value) changed \(other.key) too")
                    }
                }
            }
        }
    }

    /// What a decoded value's property shows of it when described.
    static func shown(_ value: DecodedValue) -> String {
        switch value {
        case .flag(let flag): "\(flag)"
        case .percent(let number), .duration(let number), .rate(let number): "\(number)"
        case .count(let count): "\(count)"
        case .bound(.count(let count)): "\(count)"
        case .bound(.unbounded): "unbounded"
        case .choice(let word): String(word.filter { $0 != "-" })
        case .participant(let id): "\(id.rawValue)"
        case .string(let text): text
        }
    }

    /// A timeout, budget, interval or time to live of zero means nothing; a latency of zero is fine.
    @Test(arguments: ["service X [timeout=0s]", "queue X [ttl=0ms]", "driver X [interval=0s]",
                      "service X\nservice Y\nX -> Y [timeout=0s]", "service X\nservice Y\nX -> Y [budget=0ms]"])
    func zeroDurationsThatMeanNothingAreErrors(_ source: String) throws {
        let compilation = Compiler.compile(SourceInput(displayPath: "t.baton", resolvedPath: "/t/t.baton", bytes: Array(source.utf8)))
        let key = try #require(source.split(separator: "[").last?.split(separator: "=").first.map(String.init))
        #expect(compilation.diagnostics.map(\.message) == ["'\(key)' must be longer than zero"])
        #expect(compilation.diagnostics.map(\.code) == [CompileError.invalidAttributeValue])
    }

    @Test func aZeroLatencyIsAllowed() {
        let model = compileClean("service X [latency=0s]\nservice Y\nX -> Y : call [latency=0ms]\n")
        #expect(model.participant(named: "X")?.attributes.latency == 0)
        #expect(model.interaction("call").attributes.latency == 0)
    }
}
