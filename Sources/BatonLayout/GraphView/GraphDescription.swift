import BatonModel
import BatonSyntax

/// The words that go with the graph view: its title, and a text alternative for readers who
/// cannot see it. The DOT export uses the same title, so both renderings of the view agree.
public enum GraphDescription {
    /// How many edges the description spells out before counting the rest.
    static let spelledOut = 20

    /// The design's title (else `untitled`); with a flow, "Title: Flow" (just the flow's name
    /// when it is the title, or when there is no title).
    public static func title(model: Model, flow: Flow?, untitled: String) -> String {
        let title = model.title.flatMap { $0.isEmpty ? nil : $0 } ?? untitled
        guard let flow, !flow.name.isEmpty, flow.name != title else { return title }
        return title.isEmpty ? flow.name : "\(title): \(flow.name)"
    }

    /// "Graph of “Card payments” with 6 participants and 5 connections. Participants: Shopper
    /// (client), … Groups: … Shopper calls Shop: pay. …"
    public static func describe(model: Model, content: GraphViewContent, title: String) -> String {
        var text = "Graph"
        if !title.isEmpty { text += " of \u{201C}\(title)\u{201D}" }
        text += " with " + English.plural(content.nodes.count, "participant") + " and " + English.plural(content.edges.count, "connection") + "."
        if !content.nodes.isEmpty {
            text += " Participants: " + content.nodes.map { "\(model[$0].displayName) (\(model[$0].kind.rawValue))" }
                .joined(separator: ", ") + "."
        }
        var groups: [String] = []
        func collect(_ cluster: GraphViewContent.Cluster) {
            let members = cluster.members.map { model[$0].displayName }
            groups.append(model[cluster.group].displayName + (members.isEmpty ? "" : " (" + members.joined(separator: ", ") + ")"))
            cluster.subclusters.forEach(collect)
        }
        content.clusters.forEach(collect)
        if !groups.isEmpty { text += " Groups: " + groups.joined(separator: "; ") + "." }
        for edge in content.edges.prefix(spelledOut) {
            text += " " + sentence(edge, model: model)
        }
        if content.edges.count > spelledOut {
            text += " \u{2026} and " + English.plural(content.edges.count - spelledOut, "more connection") + "."
        }
        return text
    }

    /// "Shop calls Stripe: createPayment, refund." — every label of the merged edge.
    static func sentence(_ edge: GraphViewContent.Edge, model: Model) -> String {
        let from = model[edge.initiator].displayName, to = model[edge.passive].displayName
        let labels = edge.labels.isEmpty ? "" : ": " + edge.labels.joined(separator: ", ")
        switch edge.arrow {
        case .call: return "\(from) calls \(to)\(labels)."
        case .send: return "\(from) sends to \(to)\(labels)."
        case .fetch: return "\(from) fetches from \(to)\(labels)."
        case .callback: return "\(from) calls back \(to)\(labels)."
        }
    }
}
