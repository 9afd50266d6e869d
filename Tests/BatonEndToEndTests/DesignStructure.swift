import Baton
import BatonModel
import BatonSyntax
import BatonTrace

/// The structure of a design that traces can carry, for comparing a design with the one
/// `baton infer` reads back from its simulated traces: who takes part (and as what), which
/// interactions connect whom and of which kind, and what nests in what. Names meet by their
/// `NameKey`, as traces and designs meet everywhere else; labels, figures, fragments and flow
/// names are left out — traces carry them only approximately (an `opt` is how often a step was
/// seen in a sample, a label may come from an attribute).
struct DesignStructure {
    /// One interaction as traces show it: its ends and its kind.
    struct Edge: Hashable, Comparable, CustomStringConvertible {
        var from: String
        var to: String
        var kind: Kind

        static func < (lhs: Edge, rhs: Edge) -> Bool { lhs.description < rhs.description }
        var description: String { "\(from) \(kind.rawValue) \(to)" }
    }

    /// What an interaction is in spans: a call (a client span, with a server span when the
    /// callee is traced), a send (a producer span) or a fetch (a consumer span, or a database
    /// read).
    enum Kind: String, Hashable { case call = "->", send = "->>", fetch = "<-" }

    /// An interaction and the one whose block holds it (nil: at the top of a flow).
    struct Nesting: Hashable, Comparable, CustomStringConvertible {
        var parent: Edge?
        var child: Edge

        static func < (lhs: Nesting, rhs: Nesting) -> Bool { lhs.description < rhs.description }
        var description: String { "\(parent.map { "\($0)" } ?? "top") ⊃ \(child)" }
    }

    var participants: [String: ParticipantKind] = [:]
    var edges: Set<Edge> = []
    var nesting: Set<Nesting> = []
    /// Per interaction of the design (by line), its edge.
    var edgeOfLine: [Int: Edge] = [:]

    /// The structure of `model`, keeping only the interactions `keep` accepts (by line).
    init(_ compilation: Compilation, keep: (Int) -> Bool = { _ in true }) {
        let model = compilation.model
        func key(_ id: ParticipantID) -> String { NameKey(model[id].name).text }
        func line(_ interaction: Interaction) -> Int { compilation.sources.location(of: interaction.span).start.line }
        func edge(_ interaction: Interaction) -> Edge {
            let from = model[interaction.from], to = model[interaction.to]
            // An external or a store calling a traced participant (a webhook, a change stream)
            // records no span and passes on no context: its callee's server span is a root, a
            // call from whoever calls from outside the traces.
            if Self.recordsNoSpans(from.kind) { return Edge(from: Self.caller, to: key(interaction.to), kind: .call) }
            // A push channel's delivery is its consumer receiving: spans show consumers fetch.
            if from.kind.isChannel { return Edge(from: key(interaction.to), to: key(interaction.from), kind: .fetch) }
            if to.kind.isChannel {
                return Edge(from: key(interaction.from), to: key(interaction.to), kind: interaction.arrow == .fetch ? .fetch : .send)
            }
            // Only a store's reads are fetches in spans (a database operation that reads); a
            // fetch from a service is a call, and so is a callback (spans never show inversion
            // of control) and a delivery straight to a service.
            let kind: Kind = to.kind == .store && interaction.arrow == .fetch ? .fetch : .call
            return Edge(from: key(interaction.from), to: key(interaction.to), kind: kind)
        }
        // A standing consumer (a fetch from a channel at the top of a flow, or a push
        // delivery): inference writes what it does with a message after its fetch, at the top,
        // as a design writes a consumer's handling steps.
        func isConsumer(_ interaction: Interaction, parent: Edge?) -> Bool {
            model[interaction.from].kind.isChannel || (parent == nil && model[interaction.to].kind.isChannel && interaction.arrow == .fetch)
        }
        func walk(_ steps: [Step], parent: Edge?) {
            for step in steps {
                switch step {
                case .interaction(let id):
                    let interaction = model[id]
                    let here = edge(interaction)
                    // What an external or a store starts is seen from its callee alone, at the top.
                    let outside = Self.recordsNoSpans(model[interaction.from].kind)
                    if keep(line(interaction)) {
                        edges.insert(here)
                        nesting.insert(Nesting(parent: outside ? nil : parent, child: here))
                    }
                    edgeOfLine[line(interaction)] = here
                    walk(interaction.block ?? [], parent: isConsumer(interaction, parent: parent) ? nil : here)
                case .fragment(let fragment):
                    for branch in fragment.branches { walk(branch.steps, parent: parent) }
                case .note:
                    break
                }
            }
        }
        for flow in model.flows { walk(flow.steps, parent: nil) }
        // The participants the kept interactions connect, with their kinds.
        let ends = Set(edges.flatMap { [$0.from, $0.to] })
        for participant in model.participants where ends.contains(NameKey(participant.name).text) {
            participants[NameKey(participant.name).text] = participant.kind
        }
        if ends.contains(Self.caller) { participants[Self.caller] = .client }
    }

    /// Participants that run no code of their own that traces show.
    static func recordsNoSpans(_ kind: ParticipantKind) -> Bool { kind == .external || kind == .store }

    /// The key of `Caller`, the client inference names for whoever calls from outside the traces.
    static let caller = "caller"

    /// The kind traces can show a participant of kind `kind` as: a driver is a service like
    /// any other in spans, and a service that is never called and consumes nothing (it only
    /// initiates) is indistinguishable from a client.
    func observableKind(of name: String) -> ParticipantKind? {
        guard let kind = participants[name] else { return nil }
        switch kind {
        case .driver, .service, .client:
            let passive = edges.contains { ($0.to == name && $0.kind == .call) || ($0.from == name && $0.kind == .fetch) }
            return passive ? .service : .client
        case .external, .store, .queue, .topic:
            return kind
        }
    }
}
