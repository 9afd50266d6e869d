/// One element's attributes as a diff compares them (`ElementAttributes`): a fixed list of keys
/// per kind of element, each with its value as Baton writes it, or none when not declared.
///
/// Stored sparsely: the keys are one array shared by every element of a kind, and only the
/// declared values are kept, by their key's position. A large design has tens of thousands of
/// interactions, nearly all with one or two values of sixteen keys; a (key, value) pair for
/// every key was most of what a diff allocated.
struct AttributeList: Sendable, ExpressibleByArrayLiteral {
    /// Every key, in order: the same array for all elements of a kind, so that two lists
    /// compare position by position.
    let keys: [String]
    /// The declared values, by position in `keys`, in increasing position.
    private(set) var values: [(position: Int, value: String)] = []

    init(keys: [String]) {
        self.keys = keys
    }

    /// A list written out in full (small elements: a participant, a group, a flow).
    init(arrayLiteral entries: (String, String?)...) {
        keys = entries.map(\.0)
        for (position, entry) in entries.enumerated() {
            if let value = entry.1 { values.append((position, value)) }
        }
    }

    /// Declares the value at `position` (nil leaves it undeclared).
    mutating func set(_ position: Int, _ value: String?) {
        guard let value else { return }
        var index = values.endIndex
        while index > values.startIndex, values[index - 1].position > position { index -= 1 }
        if index > values.startIndex, values[index - 1].position == position {
            values[index - 1].value = value
        } else {
            values.insert((position, value), at: index)
        }
    }

    /// Every key with its value (nil: not declared), in order.
    var entries: [(key: String, value: String?)] {
        var result: [(key: String, value: String?)] = keys.map { ($0, nil) }
        for (position, value) in values { result[position].value = value }
        return result
    }

    /// The differences from `old`, a list of the same keys, in the keys' order.
    func changes(from old: AttributeList) -> [AttributeChange] {
        var result: [AttributeChange] = []
        var i = old.values.startIndex, j = values.startIndex
        while i < old.values.endIndex || j < values.endIndex {
            let before = i < old.values.endIndex ? old.values[i].position : Int.max
            let after = j < values.endIndex ? values[j].position : Int.max
            if before == after {
                if old.values[i].value != values[j].value {
                    result.append(AttributeChange(key: keys[after], old: old.values[i].value, new: values[j].value))
                }
                i += 1
                j += 1
            } else if before < after {
                result.append(AttributeChange(key: keys[before], old: old.values[i].value, new: nil))
                i += 1
            } else {
                result.append(AttributeChange(key: keys[after], old: nil, new: values[j].value))
                j += 1
            }
        }
        return result
    }

    /// Whether `old` (a list of the same keys) has the same values.
    func equals(_ old: AttributeList) -> Bool {
        values.count == old.values.count
            && zip(values, old.values).allSatisfy { $0.position == $1.position && $0.value == $1.value }
    }

    /// The values in one string, equal for equal lists of the same keys (to find identical ones).
    var flat: String {
        values.map { "\($0.position)\u{2}\($0.value)" }.joined(separator: "\u{1}")
    }
}
