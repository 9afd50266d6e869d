import BatonSyntax

/// What a finding is about, in the model: the interactions and participants whose statements
/// its span and its notes' spans point at. Diagrams mark these (numbered badges, highlights)
/// without knowing anything of rules or diagnostics — they are given ids.
public struct FindingTarget: Hashable, Sendable {
    /// In the order the diagnostic names them (its own span first, then its notes), each once.
    public var interactions: [InteractionID] = []
    public var participants: [ParticipantID] = []

    public init(interactions: [InteractionID] = [], participants: [ParticipantID] = []) {
        self.interactions = interactions
        self.participants = participants
    }

    public var isEmpty: Bool { interactions.isEmpty && participants.isEmpty }
}

/// Finds the statement under a span in a model: built once per model (sorted statement spans),
/// then a binary search per span, so marking every finding of a large design stays
/// near-linear. Interaction spans (initiator to label and attributes, without the block) and
/// participant declarations never nest, so at most one of each contains a position.
public struct FindingTargets: Sendable {
    private struct Entry: Sendable {
        var span: Span
        var index: Int
    }

    private let interactions: [Entry]
    private let participants: [Entry]

    public init(_ model: Model) {
        interactions = Self.sorted(model.interactions.map { Entry(span: $0.span, index: $0.id.rawValue) })
        participants = Self.sorted(model.participants.map { Entry(span: $0.span, index: $0.id.rawValue) })
    }

    /// The interactions and participants that `span` and then each of `notes` fall in.
    public func target(of span: Span, notes: [Span] = []) -> FindingTarget {
        var target = FindingTarget()
        for place in [span] + notes {
            if let index = Self.containing(place, in: interactions) {
                let id = InteractionID(index)
                if !target.interactions.contains(id) { target.interactions.append(id) }
            } else if let index = Self.containing(place, in: participants) {
                let id = ParticipantID(index)
                if !target.participants.contains(id) { target.participants.append(id) }
            }
        }
        return target
    }

    /// What a diagnostic is about: its span, then its notes' spans.
    public func target(of diagnostic: Diagnostic) -> FindingTarget {
        target(of: diagnostic.span, notes: diagnostic.notes.compactMap(\.span))
    }

    private static func sorted(_ entries: [Entry]) -> [Entry] {
        entries.sorted { ($0.span.file, $0.span.start, $0.span.end) < ($1.span.file, $1.span.start, $1.span.end) }
    }

    /// The entry whose span contains the start of `span` (a span that starts where an entry
    /// starts counts, so a finding pointing at a whole statement finds it).
    private static func containing(_ span: Span, in entries: [Entry]) -> Int? {
        // The last entry starting at or before the span's start.
        var low = 0
        var high = entries.count
        while low < high {
            let mid = (low + high) / 2
            let candidate = entries[mid].span
            if (candidate.file, candidate.start) <= (span.file, span.start) { low = mid + 1 } else { high = mid }
        }
        guard low > 0 else { return nil }
        let entry = entries[low - 1]
        guard entry.span.file == span.file, span.start < max(entry.span.end, entry.span.start + 1) else { return nil }
        return entry.index
    }
}
