/// `service Shop "Web shop" [timeout=2s, idempotent]`
public struct DeclarationSyntax: Hashable, Sendable {
    public var kind: ParticipantKind
    public var kindSpan: Span
    public var name: Identifier
    public var label: StringLiteral?
    public var attributes: AttributeListSyntax?
    public var span: Span
}

/// `group Payments "Payments team" [owner=payments] { … }`
public struct GroupSyntax: Hashable, Sendable {
    public var name: Identifier
    public var label: StringLiteral?
    public var attributes: AttributeListSyntax?
    public var members: [GroupMember]
    /// From `group` to the end of its attributes (what diagnostics underline).
    public var span: Span
    /// From `group` to the closing brace.
    public var fullSpan: Span

    public enum GroupMember: Hashable, Sendable {
        case declaration(DeclarationSyntax)
        case group(GroupSyntax)
    }
}

/// `flow "Checkout" [description="…"] { … }`
public struct FlowSyntax: Hashable, Sendable {
    public var name: StringLiteral
    public var attributes: AttributeListSyntax?
    public var steps: [StepSyntax]
    /// From `flow` to the end of its attributes.
    public var span: Span
    /// From `flow` to the closing brace.
    public var fullSpan: Span
}
