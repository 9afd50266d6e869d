// Identifiers are indexes into the model's arrays. Each is stored as a 32-bit number, 4 bytes
// rather than 8: the model and the rules' indexes hold several per interaction (an interaction
// alone holds five), and a design has far fewer elements than 2^31 (its files are far smaller
// than 2 GiB, `FileReader.maximumSize`). Described and reflected as `rawValue`, as before they
// were stored narrower.

/// Index of a participant in `Model.participants` (declaration order).
public struct ParticipantID: Hashable, Comparable, Sendable, CustomReflectable {
    private let stored: Int32
    public var rawValue: Int { Int(stored) }
    public init(_ rawValue: Int) { stored = Int32(clamping: rawValue) }
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.stored < rhs.stored }
    public var customMirror: Mirror { Mirror(self, children: [("rawValue", rawValue as Any)], displayStyle: .struct) }
}

/// Index of an interaction in `Model.interactions` (document order).
public struct InteractionID: Hashable, Comparable, Sendable, CustomReflectable {
    private let stored: Int32
    public var rawValue: Int { Int(stored) }
    public init(_ rawValue: Int) { stored = Int32(clamping: rawValue) }
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.stored < rhs.stored }
    public var customMirror: Mirror { Mirror(self, children: [("rawValue", rawValue as Any)], displayStyle: .struct) }
}

/// Index of a group in `Model.groups`.
public struct GroupID: Hashable, Comparable, Sendable, CustomReflectable {
    private let stored: Int32
    public var rawValue: Int { Int(stored) }
    public init(_ rawValue: Int) { stored = Int32(clamping: rawValue) }
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.stored < rhs.stored }
    public var customMirror: Mirror { Mirror(self, children: [("rawValue", rawValue as Any)], displayStyle: .struct) }
}

/// Index of a flow in `Model.flows`.
public struct FlowID: Hashable, Comparable, Sendable, CustomReflectable {
    private let stored: Int32
    public var rawValue: Int { Int(stored) }
    public init(_ rawValue: Int) { stored = Int32(clamping: rawValue) }
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.stored < rhs.stored }
    public var customMirror: Mirror { Mirror(self, children: [("rawValue", rawValue as Any)], displayStyle: .struct) }
}
