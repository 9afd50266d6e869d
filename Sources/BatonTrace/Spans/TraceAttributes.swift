/// An attribute's value. Arrays keep their scalar elements; OTLP's `kvlistValue` and
/// `bytesValue` are not kept (no convention that inference reads uses them).
public enum TraceAttributeValue: Hashable, Sendable {
    case string(String)
    case int(Int64)
    case double(Double)
    case bool(Bool)
    case array([TraceAttributeValue])

    /// The value as text: strings as they are, numbers and booleans as JSON writes them.
    public var text: String {
        switch self {
        case .string(let value): value
        case .int(let value): String(value)
        case .double(let value): value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
        case .bool(let value): value ? "true" : "false"
        case .array(let values): values.map(\.text).joined(separator: ",")
        }
    }

    /// The value as a whole number, when it is one (or a string holding one).
    public var integer: Int64? {
        switch self {
        case .int(let value): value
        case .double(let value): value == value.rounded() && abs(value) < 9e18 ? Int64(value) : nil
        case .string(let value): Int64(value)
        case .bool, .array: nil
        }
    }

    /// The value as a flag: a boolean, or the strings `true` and `false`.
    public var flag: Bool? {
        switch self {
        case .bool(let value): value
        case .string(let value): value.lowercased() == "true" ? true : value.lowercased() == "false" ? false : nil
        default: nil
        }
    }
}

/// One attribute: a key and its value.
public struct TraceAttribute: Hashable, Sendable {
    public var key: String
    public var value: TraceAttributeValue

    public init(_ key: String, _ value: TraceAttributeValue) {
        self.key = key
        self.value = value
    }
}

/// A span's or resource's attributes, in the order the file gave them. A span has a handful,
/// so a list searched from the front is smaller and faster than a dictionary, and keeps the
/// order for anyone who writes them out again. A key given twice keeps its first value.
public struct TraceAttributes: Hashable, Sendable, ExpressibleByArrayLiteral {
    public var entries: [TraceAttribute]

    public init(_ entries: [TraceAttribute] = []) { self.entries = entries }

    public init(arrayLiteral elements: (String, TraceAttributeValue)...) {
        entries = elements.map { TraceAttribute($0.0, $0.1) }
    }

    public subscript(key: String) -> TraceAttributeValue? {
        for entry in entries where entry.key == key { return entry.value }
        return nil
    }

    /// The value of the first of `keys` that is present, as non-empty text.
    public func text(_ keys: String...) -> String? {
        for key in keys {
            if let value = self[key]?.text, !value.isEmpty { return value }
        }
        return nil
    }

    public var isEmpty: Bool { entries.isEmpty }

    /// Adds an attribute, unless the key is already there.
    public mutating func add(_ key: String, _ value: TraceAttributeValue) {
        guard self[key] == nil else { return }
        entries.append(TraceAttribute(key, value))
    }
}
