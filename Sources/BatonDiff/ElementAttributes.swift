import BatonModel
import BatonSyntax

/// The attributes a diff compares, element by element: each element as an ordered list of
/// (key, value) with the value as Baton writes it (nil: not declared), the same keys in the same
/// order on both sides, so two lists compare position by position.
///
/// Participants' own attributes come from the schema (`AttributeSchema.participant`, read with
/// `AttributeSpec.written`), so an attribute added to the language is compared without a change
/// here. Names of participants in values (a `dlq=`, `reply-to=`, the members of a group) are
/// read through `names`: on the old side, renamed participants go by their new name, so a
/// rename is reported once, on the participant, and not again on everything that names it.
enum ElementAttributes {
    typealias List = AttributeList

    /// The participant attributes compared beyond the kind, label, group and owner (the
    /// effective owner, its own or its group's, replaces the declared one).
    static let participantSpecs = AttributeSchema.participant.filter { $0.key != "owner" }
    static let participantKeys = ["kind", "label", "group", "owner"] + participantSpecs.map(\.key)
    static let participantPositions = positions(participantSpecs)

    static let interactionKeys = ["flow", "inside", "in"] + AttributeSchema.interaction.map(\.key)
    static let interactionPositions = positions(AttributeSchema.interaction)

    static func participant(_ participant: Participant, in model: Model, names: Naming) -> List {
        var list = List(keys: participantKeys)
        list.set(0, participant.kind.rawValue)
        list.set(1, participant.label)
        list.set(2, participant.group.map { model[$0].name })
        list.set(3, participant.owner)
        declare(participantSpecs, positions: participantPositions, of: participant.attributes, spans: participant.attributes.spans,
                model: model, names: names, after: 4, into: &list)
        return list
    }

    /// An interaction's place (its flow, the interaction whose block holds it, the fragments
    /// around it) and its attributes. Fields are read through the array: copying each
    /// interaction (its block, its spans) costs on large designs.
    static func interaction(_ id: InteractionID, in model: Model, names: Naming, places: InteractionPlaces) -> List {
        let index = id.rawValue
        var list = List(keys: interactionKeys)
        list.set(0, places.flowNames[model.interactions[index].flow.rawValue])
        if let parent = model.interactions[index].parent { list.set(1, describe(parent, in: model, names: names)) }
        list.set(2, places.fragments[index])
        // Most interactions declare no attribute at all.
        if !model.interactions[index].attributes.spans.isEmpty {
            declare(AttributeSchema.interaction, positions: interactionPositions, of: model.interactions[index].attributes,
                    spans: model.interactions[index].attributes.spans, model: model, names: names, after: 3, into: &list)
        }
        return list
    }

    /// Each spec's position in its list, by key.
    static func positions(_ specs: [AttributeSpec]) -> [String: Int] {
        var positions: [String: Int] = [:]
        for (index, spec) in specs.enumerated() { positions[spec.key] = index }
        return positions
    }

    /// Sets the values of `specs` in `root` into `list`, the first spec at position `after`,
    /// read only for the keys the element declares (`spans`): an undeclared attribute has no
    /// value to compare, most elements declare a few, and reading one through its key path costs.
    static func declare<Root>(_ specs: [AttributeSpec], positions: [String: Int], of root: Root, spans: AttributeSpans,
                              model: Model, names: Naming, after offset: Int, into list: inout List) {
        for key in spans.keys {
            guard let position = positions[key] else { continue }
            list.set(offset + position, value(specs[position], in: root, model: model, names: names))
        }
    }

    static func group(_ group: ParticipantGroup, in model: Model, names: Naming) -> List {
        [
            ("label", group.label),
            ("owner", group.owner),
            ("parent", group.parent.map { model[$0].name }),
            ("members", group.members.isEmpty ? nil : group.members.map { names.names[$0.rawValue] }.joined(separator: ", ")),
        ]
    }

    static func flow(_ flow: Flow, in model: Model, names: Naming) -> List {
        var notes: [String] = []
        model.walk(flow.steps) { event, _ in
            if case .note(let note) = event {
                notes.append("over " + note.over.map { names.names[$0.rawValue] }.joined(separator: ", ") + ": " + note.text)
            }
        }
        return [
            ("description", flow.description),
            ("notes", notes.isEmpty ? nil : notes.joined(separator: "; ")),
        ]
    }

    static func scenario(_ scenario: Scenario, in model: Model, names: Naming, places: InteractionPlaces) -> List {
        func window(_ window: TimeWindow?) -> String {
            window.map { " from \(LiteralFormat.duration($0.from)) to \(LiteralFormat.duration($0.to))" } ?? ""
        }
        let loads = scenario.loads.map { load in
            "\(LiteralFormat.number(load.rate, digits: 9))/s" + (load.flow.map { " " + LiteralFormat.string(places.flowNames[$0.rawValue]) } ?? "")
                + window(load.window)
        }
        let faults = scenario.faults.map { fault -> String in
            let effect: String = switch fault.effect {
            case .down: "down"
            case .hang: "hang"
            case .slow(let factor): "slow x\(LiteralFormat.number(factor, digits: 9))"
            case .errors(let probability): "errors \(LiteralFormat.percent(probability, digits: 10))"
            case .capacity(let fraction): "capacity \(LiteralFormat.percent(fraction, digits: 10))"
            }
            return names.names[fault.participant.rawValue] + " " + effect + window(fault.window)
        }
        return [
            ("duration", LiteralFormat.duration(scenario.duration, digits: 9)),
            ("warmup", scenario.warmup.map { LiteralFormat.duration($0, digits: 9) }),
            ("seed", String(scenario.seed)),
            ("load", loads.isEmpty ? nil : loads.joined(separator: "; ")),
            ("fault", faults.isEmpty ? nil : faults.joined(separator: "; ")),
            ("expect", scenario.expectations.isEmpty ? nil : scenario.expectations.map { expectation in
                expectation.text.hasPrefix("expect ") ? String(expectation.text.dropFirst("expect ".count)) : expectation.text
            }.joined(separator: "; ")),
        ]
    }

    /// `A -> B : label`, with the participants as `names` calls them.
    static func describe(_ id: InteractionID, in model: Model, names: Naming) -> String {
        let index = id.rawValue
        var text = names.names[model.interactions[index].from.rawValue] + " " + model.interactions[index].arrow.rawValue + " "
            + names.names[model.interactions[index].to.rawValue]
        if let label = model.interactions[index].label, !label.isEmpty { text += " : " + label }
        return text
    }

    /// An attribute's value, a participant named in it as `names` calls it.
    static func value<Root>(_ spec: AttributeSpec, in root: Root, model: Model, names: Naming) -> String? {
        guard let written = spec.written(in: root, model: model) else { return nil }
        guard case .participant = spec.valueType else { return written }
        return names.renamed[written] ?? written
    }

    /// The differences between two lists of the same keys.
    static func changes(_ old: List, _ new: List) -> [AttributeChange] {
        new.changes(from: old)
    }

    /// Every declared attribute of an element only one side has: old nil when it was added. A
    /// participant's kind is left out: the change names it (`ElementChange.kind`).
    static func declared(_ list: List, added: Bool) -> [AttributeChange] {
        list.values.compactMap { position, value in
            let key = list.keys[position]
            guard key != "kind" else { return nil }
            return added ? AttributeChange(key: key, old: nil, new: value) : AttributeChange(key: key, old: value, new: nil)
        }
    }
}

/// Where each interaction of a model stands besides its flow: the fragments between it and
/// its enclosing block (`alt "seat held" › loop ×3`), and what each flow is called for a diff.
struct InteractionPlaces: Sendable {
    /// Indexed by interaction; nil outside every fragment.
    var fragments: [String?]
    /// Indexed by flow: its name; a default flow (the top-level steps of a file) is named by
    /// its file, since its own name comes from the file's name or title and would differ between
    /// `old.baton` and `new.baton`.
    var flowNames: [String]

    init(_ model: Model, logicalPaths: [String]) {
        var fragments = [String?](repeating: nil, count: model.interactions.count)
        flowNames = model.flows.map { flow in
            guard flow.isDefault else { return flow.name }
            let path = flow.span.file.rawValue < logicalPaths.count ? logicalPaths[flow.span.file.rawValue] : ""
            return path.isEmpty ? "(top-level steps)" : "(top-level steps of \(path))"
        }
        // The fragments open around the step being walked; a block starts afresh.
        var stack: [[String]] = [[]]
        for flow in model.flows {
            model.walk(flow.steps) { event, _ in
                switch event {
                case .interaction(let id):
                    if let path = stack.last, !path.isEmpty { fragments[id.rawValue] = path.joined(separator: " › ") }
                    stack.append([])
                case .interactionEnd:
                    stack.removeLast()
                case .fragment:
                    break
                case .branch(let fragment, let index):
                    stack[stack.count - 1].append(Self.describe(fragment, branch: index))
                case .branchEnd:
                    stack[stack.count - 1].removeLast()
                case .fragmentEnd, .note:
                    break
                }
            }
        }
        self.fragments = fragments
    }

    /// `loop ×3`, `opt`, `alt "seat held"`, `else`, `par`, `and`, with a branch's chance.
    static func describe(_ fragment: Fragment, branch index: Int) -> String {
        let branch = fragment.branches[index]
        var text: String
        switch fragment.kind {
        case .loop: text = fragment.times == 1 ? "loop" : "loop ×\(fragment.times)"
        case .opt: text = "opt"
        case .alt: text = index == 0 ? "alt" : "else"
        case .par: text = index == 0 ? "par" : "and"
        }
        if let label = branch.label, !label.isEmpty { text += " " + LiteralFormat.string(label) }
        if let probability = branch.probability { text += " p=" + LiteralFormat.percent(probability, digits: 10) }
        return text
    }
}

/// How one side names its participants in a diff: by their own names, except that on the old
/// side a renamed participant goes by its new name.
struct Naming: Sendable {
    /// Indexed by `ParticipantID.rawValue`.
    var names: [String]
    /// Old name → new name, for the renamed participants (old side only).
    var renamed: [String: String]

    init(_ model: Model, renamed: [String: String] = [:]) {
        names = model.participants.map { renamed[$0.name] ?? $0.name }
        self.renamed = renamed
    }
}
