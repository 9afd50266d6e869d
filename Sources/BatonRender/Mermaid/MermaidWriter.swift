// A flow as a Mermaid `sequenceDiagram`, the one diagram language GitHub renders natively.
//
// Mapping (also in docs/rendering.md): clients are `actor`s, everyone else a `participant`
// with the display label as alias; top-level groups become `box`es. Arrows keep Baton's line
// styles as far as Mermaid allows:
//
//   A -> B   call      A->>B     solid, filled head
//   A ->> B  send      A-)B      solid, open head (Mermaid's async arrow)
//   A ~> B   callback  A--)B     dotted, open head
//   A <- B   fetch     A->>B: fetch   then   B-->>A: label   (the request, then the data coming back)
//
// Mermaid cannot draw the baton; the initiator is the arrow's start everywhere except the
// dotted return of a fetch. Blocks become activations, fragments map one to one.

import BatonLayout
import BatonModel
import BatonSyntax

public enum MermaidWriter {
    /// The Mermaid text for `flow` (nil: the participants only).
    public static func write(model: Model, flow: FlowID?, title: String, description: String) -> String {
        var writer = Writer(model: model)
        writer.header(title: title, description: description)
        let flowValue = flow.map { model[$0] }
        writer.participants(shown: shownParticipants(model: model, flow: flowValue))
        if let flowValue { writer.steps(flowValue.steps) }
        return writer.out
    }

    static func shownParticipants(model: Model, flow: Flow?) -> [Bool] {
        guard let flow else { return [Bool](repeating: true, count: model.participants.count) }
        return model.participantsTakingPart(in: flow.steps)
    }

    /// `actor` for a person (Mermaid draws a stick figure), `participant` (a box) for the rest.
    static func keyword(_ shape: ParticipantShape) -> String {
        switch shape {
        case .person: "actor"
        case .roundedBox, .dashedBox, .pipe, .fannedPipe, .cylinder, .hexagon: "participant"
        }
    }

    struct Writer {
        let model: Model
        var out = "sequenceDiagram\n"
        /// The indentation of the next line: one level inside the diagram, one more per branch.
        var depth = 1
        /// The Mermaid id of each participant (indexed by `ParticipantID.rawValue`).
        var ids: [String]

        init(model: Model) {
            self.model = model
            let names = Set(model.participants.map(\.name))
            var used = Set<String>()
            ids = model.participants.map { participant in
                var id = participant.name
                if !MermaidEscaping.isSafeID(id) || used.contains(id) {
                    id = "P\(participant.id.rawValue + 1)"
                    while names.contains(id) || used.contains(id) { id += "_" }
                }
                used.insert(id)
                return id
            }
        }

        mutating func line(_ text: String, depth: Int) {
            out += String(repeating: "    ", count: depth) + text + "\n"
        }

        mutating func header(title: String, description: String) {
            let titleText = MermaidEscaping.text(title, lineBreaks: false)
            if !titleText.isEmpty {
                line("title \(titleText)", depth: 1)
                line("accTitle: \(titleText)", depth: 1)
            }
            let descriptionText = MermaidEscaping.text(description, lineBreaks: false)
            if !descriptionText.isEmpty { line("accDescr: \(descriptionText)", depth: 1) }
        }

        mutating func participants(shown: [Bool]) {
            // The top-level group of each participant, for boxes (Mermaid boxes do not nest).
            var topGroup = [GroupID?](repeating: nil, count: model.participants.count)
            for participant in model.participants {
                var group = participant.group
                while let current = group, let parent = model[current].parent { group = parent }
                topGroup[participant.id.rawValue] = group
            }
            var openBox: GroupID?
            for participant in model.participants where shown[participant.id.rawValue] {
                let group = topGroup[participant.id.rawValue]
                if group != openBox {
                    if openBox != nil { line("end", depth: 1) }
                    if let group {
                        // An explicit colour, so that a label starting with a colour name stays a label.
                        line("box transparent \(MermaidEscaping.text(model[group].displayName, lineBreaks: false))", depth: 1)
                    }
                    openBox = group
                }
                let keyword = MermaidWriter.keyword(participant.kind.shape)
                let id = ids[participant.id.rawValue]
                let alias = MermaidEscaping.text(participant.displayName, lineBreaks: false)
                let depth = openBox == nil ? 1 : 2
                if alias == id || alias.isEmpty {
                    line("\(keyword) \(id)", depth: depth)
                } else {
                    line("\(keyword) \(id) as \(alias)", depth: depth)
                }
            }
            if openBox != nil { line("end", depth: 1) }
        }

        /// A block's steps stay at the depth of its interaction (between `activate` and
        /// `deactivate`); a branch's steps go one level in.
        mutating func steps(_ steps: [Step]) {
            let model = self.model
            model.walk(steps) { event, _ in
                switch event {
                case .interaction(let id): interaction(model[id])
                case .interactionEnd(let id): interactionEnd(model[id])
                case .fragment: break
                case .branch(let fragment, let index): branch(fragment, index: index)
                case .branchEnd: depth -= 1
                case .fragmentEnd: line("end", depth: depth)
                case .note(let note): self.note(note)
                }
            }
        }

        /// Message text: Mermaid needs at least one character after the colon.
        func message(_ text: String?) -> String {
            let escaped = MermaidEscaping.text(text ?? "")
            return escaped.isEmpty ? "#160;" : escaped
        }

        mutating func interaction(_ interaction: Interaction) {
            let from = ids[interaction.from.rawValue], to = ids[interaction.to.rawValue]
            switch interaction.arrow {
            case .call: line("\(from)->>\(to): \(message(interaction.label))", depth: depth)
            case .send: line("\(from)-)\(to): \(message(interaction.label))", depth: depth)
            case .callback: line("\(from)--)\(to): \(message(interaction.label))", depth: depth)
            case .fetch: line("\(from)->>\(to): fetch", depth: depth)
            }
            if interaction.block != nil {
                line("activate \(to)", depth: depth)
            }
        }

        /// After the interaction's block: a fetch's data coming back, then the end of the activation.
        mutating func interactionEnd(_ interaction: Interaction) {
            let from = ids[interaction.from.rawValue], to = ids[interaction.to.rawValue]
            if interaction.arrow == .fetch {
                line("\(to)-->>\(from): \(message(interaction.label))", depth: depth)
            }
            if interaction.block != nil {
                line("deactivate \(to)", depth: depth)
            }
        }

        /// A branch's first line: the fragment's keyword, or `else`/`and`, with its label.
        mutating func branch(_ fragment: Fragment, index: Int) {
            var label = MermaidEscaping.text(fragment.branches[index].label ?? "")
            if index == 0, fragment.kind == .loop, fragment.times > 1 {
                label += label.isEmpty ? "\u{D7}\(fragment.times)" : " (\u{D7}\(fragment.times))"
            }
            let keyword: String
            if index == 0 {
                keyword = fragment.kind.rawValue
            } else {
                keyword = fragment.kind == .par ? "and" : "else"
            }
            line(label.isEmpty ? keyword : "\(keyword) \(label)", depth: depth)
            depth += 1
        }

        mutating func note(_ note: Note) {
            let ids = note.over.sorted().map { self.ids[$0.rawValue] }
            guard let first = ids.first, let last = ids.last else { return }
            let over = first == last ? first : "\(first),\(last)"
            line("Note over \(over): \(message(note.text))", depth: depth)
        }
    }
}
