import BatonModel
import BatonSyntax

/// The words that go with a sequence diagram: its title and a text alternative for readers who
/// cannot see it (screen readers, search, the alt text of an image). Also used by exports that
/// need the words without the layout (Mermaid's `title` and `accDescr`).
public enum SequenceDescription {
    /// How many interactions the description spells out before summarising the rest.
    static let spelledOut = 20

    /// "Card payments", or "Trip booking saga: Traveller cancels" for a named flow.
    public static func title(model: Model, flow: Flow?, untitled: String) -> String {
        guard let flow else { return model.title.flatMap { $0.isEmpty ? nil : $0 } ?? untitled }
        if flow.name.isEmpty { return model.title.flatMap { $0.isEmpty ? nil : $0 } ?? untitled }
        if flow.isDefault { return flow.name }
        if let title = model.title, !title.isEmpty, title != flow.name { return "\(title): \(flow.name)" }
        return flow.name
    }

    /// "Sequence diagram of the flow “Card payments” with 6 participants (Shopper, client; …)
    /// and 4 interactions. Shopper calls Shop: pay. Shop calls Stripe: createPayment. …"
    public static func describe(model: Model, flow: Flow?) -> String {
        describe(model: model, flow: flow, cast: SequenceCast(model: model, flow: flow))
    }

    static func describe(model: Model, flow: Flow?, cast: SequenceCast) -> String {
        var text = "Sequence diagram"
        if let flow, !flow.name.isEmpty { text += " of the flow \u{201C}\(flow.name)\u{201D}" }
        let participants = cast.columns.map { id in "\(model[id].displayName) (\(model[id].kind.rawValue))" }
        text += " with " + English.plural(participants.count, "participant")
        var interactions: [Interaction] = []
        if let flow { model.forEachInteraction(in: flow.steps) { interactions.append(model[$0]) } }
        text += " and " + English.plural(interactions.count, "interaction") + "."
        if !participants.isEmpty {
            text += " Participants: " + participants.joined(separator: ", ") + "."
        }
        for interaction in interactions.prefix(spelledOut) {
            text += " " + sentence(interaction, model: model)
        }
        if interactions.count > spelledOut {
            text += " \u{2026} and " + English.plural(interactions.count - spelledOut, "more interaction") + "."
        }
        return text
    }

    static func sentence(_ interaction: Interaction, model: Model) -> String {
        let from = model[interaction.from].displayName, to = model[interaction.to].displayName
        let label = interaction.label.map { $0.isEmpty ? "" : ": \($0)" } ?? ""
        switch interaction.arrow {
        case .call: return "\(from) calls \(to)\(label)."
        case .send: return "\(from) sends to \(to)\(label)."
        case .fetch: return "\(from) fetches from \(to)\(label)."
        case .callback: return "\(from) calls back \(to)\(label)."
        }
    }

}
