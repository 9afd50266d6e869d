import BatonSyntax

/// Where each attribute of a list was written, by key (for findings that point at one
/// attribute): `spans["timeout"]`.
///
/// A short array searched in order rather than a dictionary: a list holds a handful of keys,
/// and a hash table per interaction cost more to build than the rest of its attributes. Two
/// values are equal when they hold the same keys at the same spans, in any order, as
/// dictionaries are.
public struct AttributeSpans: Hashable, Sendable, ExpressibleByDictionaryLiteral {
    private var entries: [(key: String, span: Span)] = []

    public init() {}

    public init(dictionaryLiteral elements: (String, Span)...) {
        for (key, span) in elements { self[key] = span }
    }

    public subscript(key: String) -> Span? {
        get { entries.first { $0.key == key }?.span }
        set {
            if let index = entries.firstIndex(where: { $0.key == key }) {
                if let newValue { entries[index].span = newValue } else { entries.remove(at: index) }
            } else if let newValue {
                entries.append((key, newValue))
            }
        }
    }

    /// Room for `count` keys, so that a list's keys are stored without growing the array key
    /// by key (each step of growth a new allocation and a copy).
    public mutating func reserveCapacity(_ count: Int) {
        entries.reserveCapacity(count)
    }

    public var isEmpty: Bool { entries.isEmpty }
    public var count: Int { entries.count }

    /// The keys in the order they were written.
    public var keys: [String] { entries.map(\.key) }

    /// Each key with where it was written, in the order they were written (no copy): in a
    /// model without errors, every attribute of the list, which is what a fix that edits the
    /// list needs, without keeping the list's syntax.
    public var written: [(key: String, span: Span)] { entries }

    public static func == (lhs: AttributeSpans, rhs: AttributeSpans) -> Bool {
        lhs.entries.count == rhs.entries.count && lhs.entries.allSatisfy { rhs[$0.key] == $0.span }
    }

    public func hash(into hasher: inout Hasher) {
        // In key order, so that equal values hash alike whatever order they were written in.
        hasher.combine(entries.count)
        for entry in entries.sorted(by: { $0.key < $1.key }) {
            hasher.combine(entry.key)
            hasher.combine(entry.span)
        }
    }
}
