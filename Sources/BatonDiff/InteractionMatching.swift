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
        // Each identity numbered once, the old design's first, in order of first appearance:
        // so 0..<distinctOld are the old design's identities in its order, and both sides'
        // interactions are grouped by number in arrays rather than in a dictionary of arrays.
        var numbers: [Key: Int] = [:]
        numbers.reserveCapacity(old.interactions.count + new.interactions.count)
        func number(_ key: Key) -> Int {
            let next = numbers.count
            // (Through the modify accessor: one lookup that inserts `next` when the key is new.)
            return Self.read(&numbers[key, default: next])
        }
        let oldNumbers = old.interactions.indices.map { number(Self.key($0, in: old, ends: oldEnds)) }
        let distinctOld = numbers.count
        let newNumbers = new.interactions.indices.map { number(Self.key($0, in: new, ends: newEnds)) }
        let oldGroups = Groups(oldNumbers, count: numbers.count)
        let newGroups = Groups(newNumbers, count: numbers.count)
        oldOccurrence = oldGroups.occurrences(oldNumbers)
        newOccurrence = newGroups.occurrences(newNumbers)
        for number in 0..<distinctOld {
            let olds = oldGroups[number], news = newGroups[number]
            guard !news.isEmpty else { continue }
            if olds.count == 1, news.count == 1 {
                pair(olds[olds.startIndex], news[news.startIndex])
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

    private static func read(_ value: inout Int) -> Int { value }

    /// The interactions of one side grouped by the number of their identity, each group in
    /// document order: one array of indices, cut at `starts`.
    struct Groups {
        var starts: [Int]
        var members: [Int]

        init(_ numbers: [Int], count: Int) {
            var starts = [Int](repeating: 0, count: count + 1)
            for number in numbers { starts[number + 1] += 1 }
            for number in 0..<count { starts[number + 1] += starts[number] }
            var filled = starts
            var members = [Int](repeating: 0, count: numbers.count)
            for (index, number) in numbers.enumerated() {
                members[filled[number]] = index
                filled[number] += 1
            }
            self.starts = starts
            self.members = members
        }

        subscript(number: Int) -> ArraySlice<Int> { members[starts[number]..<starts[number + 1]] }

        /// For each interaction: its place among those of the same identity (1, 2, …), nil
        /// when it is the only one.
        func occurrences(_ numbers: [Int]) -> [Int?] {
            var result = [Int?](repeating: nil, count: numbers.count)
            for number in 0..<(starts.count - 1) where starts[number + 1] - starts[number] > 1 {
                for (position, index) in self[number].enumerated() { result[index] = position + 1 }
            }
            return result
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

    /// An attribute list as one string, to find identical ones.
    static func flat(_ list: ElementAttributes.List) -> String {
        list.flat
    }
}
