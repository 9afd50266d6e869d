/// `[key=value, flag, …]`
public struct AttributeListSyntax: Hashable, Sendable {
    public var attributes: [AttributeSyntax]
    /// From `[` to `]`.
    public var span: Span
    public init(attributes: [AttributeSyntax], span: Span) {
        self.attributes = attributes
        self.span = span
    }
}

/// One `key=value` or bare `key` (a flag meaning true).
public struct AttributeSyntax: Hashable, Sendable {
    public var key: String
    public var keySpan: Span
    public var value: AttributeValueSyntax?
    public var span: Span
    public init(key: String, keySpan: Span, value: AttributeValueSyntax?, span: Span) {
        self.key = key
        self.keySpan = keySpan
        self.value = value
        self.span = span
    }
}

/// A literal value, decoded; the source text stays reachable through `span`.
public struct AttributeValueSyntax: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        /// A bare word: a name (`FulfilDLQ`) or an enumeration value (`at-least-once`).
        case word(String)
        case string(String)
        case number(Double)
        /// Seconds.
        case duration(Double)
        /// 99.95 for `99.95%`.
        case percent(Double)
        /// Events per second.
        case rate(Double)
        case unbounded
    }

    public var kind: Kind
    public var span: Span
    public init(kind: Kind, span: Span) {
        self.kind = kind
        self.span = span
    }

    /// How the value is named in messages ("a duration", "a name").
    public var typeName: String {
        switch kind {
        case .word: "a name"
        case .string: "a string"
        case .number: "a number"
        case .duration: "a duration"
        case .percent: "a percentage"
        case .rate: "a rate"
        case .unbounded: "'unbounded'"
        }
    }
}
