import BatonModel
import BatonSyntax

/// Where a participant's name is written, and in what role.
public struct SymbolOccurrence: Hashable, Sendable {
    /// What the name does where it is written.
    public enum Role: Hashable, Sendable {
        /// `service Orders`: the declaration (a second declaration of the same name is one too).
        case declaration
        /// The left end of an arrow: the initiator.
        case initiator
        /// The right end of an arrow: the passive end.
        case passiveEnd
        /// The value of an attribute that names a participant (`dlq=`, `reply-to=`): its key.
        case attributeValue(key: String)
        /// `note over A, B`
        case noteOver
        /// A scenario line: `fault A down …`, `expect amplification A …`, `expect queue Q max …`.
        case scenario
    }

    /// The name's bytes, and nothing else.
    public var span: Span
    public var name: String
    /// The participant the name resolves to; nil for a name no declaration (that the model kept)
    /// has, so that an undeclared name still has references.
    public var participant: ParticipantID?
    public var role: Role

    public var isDeclaration: Bool { role == .declaration }

    public init(span: Span, name: String, participant: ParticipantID?, role: Role) {
        self.span = span
        self.name = name
        self.participant = participant
        self.role = role
    }
}

/// Every place a participant name is written in every file of a compilation: the ground of
/// definition, references, rename and hover on a name.
///
/// Built from the syntax, not the model, because the model keeps only what resolved (an
/// interaction with an undeclared end, a note over a misspelt name, a rejected `dlq=` are not
/// in it) while an editor must still find and rename the name where it is written. One walk
/// over the syntax trees, linear in their size; occurrences are kept in file and source order,
/// so a lookup at a cursor is a binary search and every answer comes out in source order.
public struct SymbolIndex: Sendable {
    /// In file order, then source order.
    public let occurrences: [SymbolOccurrence]

    public init(_ compilation: Compilation) {
        var byName: [String: ParticipantID] = [:]
        for participant in compilation.model.participants { byName[participant.name] = participant.id }
        var collector = Collector(byName: byName)
        for file in compilation.syntax {
            for statement in file.statements { collector.statement(statement) }
        }
        occurrences = collector.occurrences.sorted {
            ($0.span.file, $0.span.start, $0.span.end) < ($1.span.file, $1.span.start, $1.span.end)
        }
    }

    public init(_ analysis: Analysis) {
        self.init(analysis.compilation)
    }

    /// The name under the cursor: one that contains it, else one that ends right at it (the
    /// cursor just after a word the user typed still means that word).
    public func occurrence(at cursor: Cursor) -> SymbolOccurrence? {
        // The first occurrence that ends at or after the cursor.
        var low = 0
        var high = occurrences.count
        while low < high {
            let mid = (low + high) / 2
            let span = occurrences[mid].span
            if (span.file, span.end) < (cursor.file, cursor.offset) { low = mid + 1 } else { high = mid }
        }
        // Names never overlap (a separator stands between any two), so that one holds the
        // cursor if any does; a name starting right at the cursor beats one ending there.
        guard low < occurrences.count, occurrences[low].span.file == cursor.file,
              occurrences[low].span.start <= cursor.offset else { return nil }
        if occurrences[low].span.end == cursor.offset, low + 1 < occurrences.count,
           occurrences[low + 1].span.file == cursor.file, occurrences[low + 1].span.start == cursor.offset {
            return occurrences[low + 1]
        }
        return occurrences[low]
    }

    /// Every occurrence of the same name as `occurrence`: of its participant when it resolved,
    /// else of the same undeclared name. In source order.
    public func occurrences(like occurrence: SymbolOccurrence) -> [SymbolOccurrence] {
        if let participant = occurrence.participant { return occurrences(of: participant) }
        return occurrences.filter { $0.participant == nil && $0.name == occurrence.name }
    }

    /// Every occurrence of a participant, its declaration included, in source order.
    public func occurrences(of participant: ParticipantID) -> [SymbolOccurrence] {
        occurrences.filter { $0.participant == participant }
    }

    /// Walks the syntax trees, recording each name with its role.
    private struct Collector {
        let byName: [String: ParticipantID]
        var occurrences: [SymbolOccurrence] = []

        /// Keys whose value names a participant, per site (read off the attribute table).
        static let participantKeys = Set(AttributeSchema.participant.filter(\.valueType.namesParticipant).map(\.key))
        static let interactionKeys = Set(AttributeSchema.interaction.filter(\.valueType.namesParticipant).map(\.key))

        mutating func add(_ identifier: Identifier, _ role: SymbolOccurrence.Role) {
            occurrences.append(SymbolOccurrence(span: identifier.span, name: identifier.name,
                                                participant: byName[identifier.name], role: role))
        }

        mutating func attributes(_ list: AttributeListSyntax?, keys: Set<String>) {
            guard let list else { return }
            for attribute in list.attributes where keys.contains(attribute.key) {
                guard let value = attribute.value, case .word(let name) = value.kind else { continue }
                add(Identifier(name: name, span: value.span), .attributeValue(key: attribute.key))
            }
        }

        mutating func statement(_ statement: Statement) {
            switch statement {
            case .title, .importFile: break
            case .declaration(let declaration): self.declaration(declaration)
            case .group(let group): self.group(group)
            case .flow(let flow): steps(flow.steps)
            case .scenario(let scenario): self.scenario(scenario)
            case .step(let step): steps([step])
            }
        }

        mutating func declaration(_ declaration: DeclarationSyntax) {
            add(declaration.name, .declaration)
            attributes(declaration.attributes, keys: Self.participantKeys)
        }

        mutating func group(_ group: GroupSyntax) {
            for member in group.members {
                switch member {
                case .declaration(let declaration): self.declaration(declaration)
                case .group(let nested): self.group(nested)
                }
            }
        }

        mutating func steps(_ steps: [StepSyntax]) {
            for step in steps {
                switch step {
                case .interaction(let interaction):
                    add(interaction.from, .initiator)
                    add(interaction.to, .passiveEnd)
                    attributes(interaction.attributes, keys: Self.interactionKeys)
                    if let block = interaction.block { self.steps(block.steps) }
                case .fragment(let fragment):
                    for branch in fragment.branches { self.steps(branch.block.steps) }
                case .note(let note):
                    for name in note.over { add(name, .noteOver) }
                }
            }
        }

        mutating func scenario(_ scenario: ScenarioSyntax) {
            for line in scenario.lines {
                switch line {
                case .load: break
                case .fault(let fault): add(fault.participant, .scenario)
                case .expect(let expect):
                    switch expect.measure {
                    case .amplification(let initiator, _, _, _): if let initiator { add(initiator, .scenario) }
                    case .queueMax(let queue, _): add(queue, .scenario)
                    case .goodput, .percentile, .recovers: break
                    }
                }
            }
        }
    }
}

extension AttributeSpec.ValueType {
    /// Whether the value is the name of a participant (`dlq=`, `reply-to=`).
    var namesParticipant: Bool {
        if case .participant = self { return true }
        return false
    }
}
