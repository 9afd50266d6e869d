import BatonSyntax

/// A sequence of steps: a named `flow`, or the file's default flow (its top-level steps).
public struct Flow: Hashable, Sendable {
    public var id: FlowID
    public var name: String
    public var description: String?
    public var steps: [Step]
    /// The `flow` header; for the default flow, its first step.
    public var span: Span
    public var isDefault: Bool
}

/// One step of a flow or block.
///
/// Only fragments and notes are `indirect`: boxing every step cost an allocation per
/// interaction, while an unboxed fragment or note made every step of every array 40 bytes
/// for an interaction's 4. Boxed, they are a pointer, and a step is 8 bytes.
public enum Step: Hashable, Sendable {
    case interaction(InteractionID)
    indirect case fragment(Fragment)
    indirect case note(Note)
}

/// `loop`, `opt`, `alt`/`else` or `par`/`and` with its branches.
public struct Fragment: Hashable, Sendable {
    public typealias Kind = FragmentSyntax.Kind

    public struct Branch: Hashable, Sendable {
        public var label: String?
        public var steps: [Step]
        public var span: Span
        /// The chance this branch runs, 0…1 (`p=` on `opt`, `alt` and `else`), when declared.
        /// Undeclared: an `opt` always runs; `alt` branches share what the declared ones leave.
        public var probability: Double? = nil
    }

    public var kind: Kind
    /// Iterations assumed for latency arithmetic (`loop [times=N]`, default 1).
    public var times: Int
    public var branches: [Branch]
    public var span: Span
}

/// `note over A, B : text`
public struct Note: Hashable, Sendable {
    public var over: [ParticipantID]
    public var text: String
    public var span: Span
}
