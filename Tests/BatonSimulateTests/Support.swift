import BatonModel
import BatonSimulate
import BatonSyntax
import Testing

/// Compiles an in-memory design that must be free of compile errors.
func compileClean(_ source: String, sourceLocation: SourceLocation = #_sourceLocation) -> Model {
    let compilation = Compiler.compile(SourceInput(displayPath: "test.baton", resolvedPath: "/t/test.baton",
                                                   bytes: Array(source.utf8)))
    #expect(compilation.diagnostics.isEmpty, "\(compilation.diagnostics.map(\.message))", sourceLocation: sourceLocation)
    return compilation.model
}

let noSpan = Span(file: FileID(0), start: 0, end: 0)

/// A scenario built in code (the notation's `scenario` block is parsed elsewhere).
func makeScenario(duration: Double, warmup: Double? = nil, seed: UInt64 = 1, loads: [LoadLine],
                  faults: [Fault] = [], expectations: [BatonModel.Expectation] = []) -> Scenario {
    Scenario(name: "test", duration: duration, warmup: warmup, seed: seed, loads: loads, faults: faults,
             expectations: expectations, span: noSpan, nameSpan: noSpan)
}

func load(_ rate: Double, flow: FlowID? = nil, from: Double? = nil, to: Double? = nil) -> LoadLine {
    let window = from.map { TimeWindow(from: $0, to: to ?? .infinity) }
    return LoadLine(rate: rate, flow: flow, window: window, span: noSpan)
}

func fault(_ participant: ParticipantID, _ effect: Fault.Effect, from: Double, to: Double) -> Fault {
    Fault(participant: participant, effect: effect, window: TimeWindow(from: from, to: to), span: noSpan)
}

extension Model {
    /// The interaction with this label (labels are unique in these tests).
    func interaction(_ label: String) -> Interaction? {
        interactions.first { $0.label == label }
    }

    func id(_ name: String) -> ParticipantID {
        participant(named: name)?.id ?? ParticipantID(-1)
    }

    /// Sets a participant's attributes the parser does not read yet (backlog).
    mutating func setBacklog(_ name: String, _ backlog: Int) {
        let index = id(name).rawValue
        participants[index].attributes.backlog = .count(backlog)
    }
}

/// |actual − expected| ≤ tolerance × expected.
func within(_ actual: Double?, _ expected: Double, relative tolerance: Double) -> Bool {
    guard let actual else { return false }
    return abs(actual - expected) <= tolerance * abs(expected)
}
