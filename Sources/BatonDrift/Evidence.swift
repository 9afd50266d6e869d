import BatonSyntax
import BatonTrace

/// The spans that show each interaction, from the interaction itself and every flow step that
/// has its key: a finding quotes a few (`DriftCheck.maxEvidence`), smallest trace id first, so a
/// reader can open them in a trace viewer.
struct Evidence {
    private var references: [InteractionKey: [SpanReference]] = [:]

    init(_ system: ObservedSystem) {
        for interaction in system.interactions { references[interaction.key, default: []].append(interaction.evidence) }
        func visit(_ steps: [ObservedStep]) {
            for step in steps {
                references[step.key, default: []].append(step.evidence)
                visit(step.steps)
            }
        }
        for flow in system.flows { visit(flow.steps) }
    }

    /// One note per span, for the interactions `keys`.
    func notes(for keys: [InteractionKey]) -> [Diagnostic.Note] {
        var all: [SpanReference] = []
        for key in keys { all += references[key] ?? [] }
        var unique: [SpanReference] = []
        for reference in all.sorted() where unique.last != reference { unique.append(reference) }
        return unique.prefix(DriftCheck.maxEvidence).map { Diagnostic.Note("seen in \($0)") }
    }
}
