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
        if let flowValue { writer.steps(flowValue.steps, depth: 1) }
        return writer.out
    }

    static func shownParticipants(model: Model, flow: Flow?) -> [Bool] {
        guard let flow else { return [Bool](repeating: true, count: model.participants.count) }
        var shown = [Bool](repeating: false, count: model.participants.count)
        func mark(_ steps: [Step]) {
            for step in steps {
                switch step {
                case .interaction(let id):
                    shown[model[id].from.rawValue] = true
                    shown[model[id].to.rawValue] = true
                    if let block = model[id].block { mark(block) }
                case .fragment(let fragment):
                    for branch in fragment.branches { mark(branch.steps) }
                case .note(let note):
                    for id in note.over { shown[id.rawValue] = true }
                }
            }
        }
        mark(flow.steps)
        return shown
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

        mutating func steps(_ steps: [Step], depth: Int) {
            for step in steps {
                switch step {
                case .interaction(let id): interaction(model[id], depth: depth)
                case .fragment(let fragment): self.fragment(fragment, depth: depth)
                case .note(let note): self.note(note, depth: depth)
                }
            }
        }

        /// Message text: Mermaid needs at least one character after the colon.
        func message(_ text: String?) -> String {
            let escaped = MermaidEscaping.text(text ?? "")
            return escaped.isEmpty ? "#160;" : escaped
        }

        mutating func interaction(_ interaction: Interaction, depth: Int) {
            let from = ids[interaction.from.rawValue], to = ids[interaction.to.rawValue]
            switch interaction.arrow {
            case .call: line("\(from)->>\(to): \(message(interaction.label))", depth: depth)
            case .send: line("\(from)-)\(to): \(message(interaction.label))", depth: depth)
            case .callback: line("\(from)--)\(to): \(message(interaction.label))", depth: depth)
            case .fetch: line("\(from)->>\(to): fetch", depth: depth)
            }
            if let block = interaction.block {
                line("activate \(to)", depth: depth)
                steps(block, depth: depth)
            }
            if interaction.arrow == .fetch {
                line("\(to)-->>\(from): \(message(interaction.label))", depth: depth)
            }
            if interaction.block != nil {
                line("deactivate \(to)", depth: depth)
            }
        }

        mutating func fragment(_ fragment: Fragment, depth: Int) {
            for (index, branch) in fragment.branches.enumerated() {
                var label = MermaidEscaping.text(branch.label ?? "")
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
                steps(branch.steps, depth: depth + 1)
            }
            line("end", depth: depth)
        }

        mutating func note(_ note: Note, depth: Int) {
            let ids = note.over.sorted().map { self.ids[$0.rawValue] }
            guard let first = ids.first, let last = ids.last else { return }
            let over = first == last ? first : "\(first),\(last)"
            line("Note over \(over): \(message(note.text))", depth: depth)
        }
    }
}
