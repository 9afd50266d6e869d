import BatonModel
import BatonSyntax

/// Which interaction of the old design is which of the new one.
///
/// An interaction is known by its initiator, its arrow, its passive end and its label
/// (`A -> B : charge`), the participants as `ParticipantMatching` pairs them (by name, a renamed
/// one by its new name on both sides). Where several interactions share that identity, they are paired in
/// two passes: first those whose places and attributes are all the same, in document order, then
/// the rest in document order; whatever is left over on one side was added or removed. So the
/// pairing never depends on anything but the two documents.
struct InteractionMatching: Sendable {
    /// Indexed by old interaction: its counterpart in the new design.
    var newOf: [InteractionID?]
    /// Indexed by new interaction: its counterpart in the old design.
    var oldOf: [InteractionID?]
    /// Indexed by interaction, on each side: which of the interactions sharing its identity it
    /// is (1, 2, …), or nil when it is the only one.
    var oldOccurrence: [Int?]
    var newOccurrence: [Int?]

    /// `oldLists` and `newLists` are the interactions' attribute lists (`ElementAttributes`),
    /// indexed by interaction.
    init(old: Model, new: Model, participants: ParticipantMatching,
         oldLists: [ElementAttributes.List], newLists: [ElementAttributes.List]) {
        newOf = [InteractionID?](repeating: nil, count: old.interactions.count)
        oldOf = [InteractionID?](repeating: nil, count: new.interactions.count)
        // Participants as the new design numbers them; the old design's own, where the new one
        // lacks them, as negative numbers no new participant has.
        let oldEnds = old.participants.indices.map { participants.newOf[$0]?.rawValue ?? -1 - $0 }
        let newEnds = Array(new.participants.indices)
        let oldKeys = old.interactions.indices.map { Self.key($0, in: old, ends: oldEnds) }
        let newKeys = new.interactions.indices.map { Self.key($0, in: new, ends: newEnds) }
        var newByKey: [Key: [Int]] = [:]
        for (index, key) in newKeys.enumerated() { newByKey[key, default: []].append(index) }
        var oldByKey: [Key: [Int]] = [:]
        for (index, key) in oldKeys.enumerated() { oldByKey[key, default: []].append(index) }
        oldOccurrence = Self.occurrences(oldKeys, oldByKey)
        newOccurrence = Self.occurrences(newKeys, newByKey)
        // Keys in the old design's order of first appearance.
        var seen = Set<Key>()
        for key in oldKeys where seen.insert(key).inserted {
            guard let olds = oldByKey[key], let news = newByKey[key] else { continue }
            if olds.count == 1, news.count == 1 {
                pair(olds[0], news[0])
                continue
            }
            // Pass 1: identical places and attributes, in document order.
            var waiting: [String: [Int]] = [:]
            for index in news { waiting[Self.flat(newLists[index]), default: []].append(index) }
            var next: [String: Int] = [:]
            var unpairedOld: [Int] = []
            var pairedNew = Set<Int>()
            for index in olds {
                let flat = Self.flat(oldLists[index])
                let position = next[flat, default: 0]
                if let candidates = waiting[flat], position < candidates.count {
                    next[flat] = position + 1
                    pair(index, candidates[position])
                    pairedNew.insert(candidates[position])
                } else {
                    unpairedOld.append(index)
                }
            }
            // Pass 2: the rest, in document order.
            for (oldIndex, newIndex) in zip(unpairedOld, news.filter { !pairedNew.contains($0) }) { pair(oldIndex, newIndex) }
        }
    }

    private mutating func pair(_ old: Int, _ new: Int) {
        newOf[old] = InteractionID(new)
        oldOf[new] = InteractionID(old)
    }

    /// An interaction's identity: its ends (as numbered by `init`), its arrow and its label.
    struct Key: Hashable {
        var from: Int
        var to: Int
        var arrow: Arrow
        var label: String
    }

    /// The identity of interaction `index` (its fields read in place, without copying it).
    static func key(_ index: Int, in model: Model, ends: [Int]) -> Key {
        Key(from: ends[model.interactions[index].from.rawValue], to: ends[model.interactions[index].to.rawValue],
            arrow: model.interactions[index].arrow, label: model.interactions[index].label ?? "")
    }

    /// For each position: its number among the equal keys, nil when its key is unique.
    /// (Each group writes its own positions, so the dictionary's order does not matter.)
    static func occurrences(_ keys: [Key], _ byKey: [Key: [Int]]) -> [Int?] {
        var result = [Int?](repeating: nil, count: keys.count)
        for group in byKey.values where group.count > 1 {
            for (position, index) in group.enumerated() { result[index] = position + 1 }
        }
        return result
    }

    /// An attribute list as one string, to find identical ones.
    static func flat(_ list: ElementAttributes.List) -> String {
        list.map { $0.value ?? "\u{0}" }.joined(separator: "\u{1}")
    }
}
