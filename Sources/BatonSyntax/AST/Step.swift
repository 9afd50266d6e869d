/// What happens in a flow: an interaction, a fragment of interactions, or a note.
///
/// Not `indirect`: the steps a step holds are in arrays, which are references already, and
/// boxing every step cost an allocation per statement.
public enum StepSyntax: Hashable, Sendable {
    case interaction(InteractionSyntax)
    case fragment(FragmentSyntax)
    case note(NoteSyntax)

    /// The span a diagnostic about this step points at (without any nested block).
    public var span: Span {
        switch self {
        case .interaction(let interaction): interaction.span
        case .fragment(let fragment): fragment.span
        case .note(let note): note.span
        }
    }
}

/// The four arrows. The left participant always initiates; the arrow shows where data goes.
public enum Arrow: String, Hashable, Sendable, CaseIterable, Codable {
    /// `A -> B`: A calls B and waits for the reply.
    case call = "->"
    /// `A ->> B`: A sends to B and does not wait.
    case send = "->>"
    /// `A <- B`: A fetches (pulls, polls) from B and waits.
    case fetch = "<-"
    /// `A ~> B`: A calls back an endpoint B registered earlier.
    case callback = "~>"

    /// Whether the initiator waits (temporal coupling).
    public var isSynchronous: Bool { self == .call || self == .fetch }
}

/// `Web -> Orders : placeOrder [timeout=2s] { … }`
public struct InteractionSyntax: Hashable, Sendable {
    public var from: Identifier
    public var arrow: Arrow
    public var arrowSpan: Span
    public var to: Identifier
    public var label: LabelSyntax?
    public var attributes: AttributeListSyntax?
    /// What the passive end does while handling this interaction.
    public var block: BlockSyntax?
    /// From the initiator to the end of the label or attributes (not the block).
    public var span: Span
}

/// A label after `:`, quoted or free text.
public struct LabelSyntax: Hashable, Sendable {
    public var text: String
    public var isQuoted: Bool
    public var span: Span
}

/// `{ steps }`
public struct BlockSyntax: Hashable, Sendable {
    public var steps: [StepSyntax]
    /// From `{` to `}` inclusive.
    public var span: Span
}

/// `loop`, `opt`, `alt`/`else`, `par`/`and`.
public struct FragmentSyntax: Hashable, Sendable {
    public enum Kind: String, Hashable, Sendable, CaseIterable {
        case loop, opt, alt, par
    }

    /// One block of a fragment: the first carries the fragment's keyword, the rest `else`/`and`.
    public struct Branch: Hashable, Sendable {
        public var keywordSpan: Span
        public var label: StringLiteral?
        public var block: BlockSyntax
        /// What a later branch declares after `else` (`} else [p=20%] {`); the first branch's
        /// attributes are the fragment's own.
        public var attributes: AttributeListSyntax? = nil
    }

    public var kind: Kind
    public var attributes: AttributeListSyntax?
    public var branches: [Branch]
    /// From the keyword to the end of the label or attributes (not the blocks).
    public var span: Span
}

/// `note over A, B : text`
public struct NoteSyntax: Hashable, Sendable {
    public var over: [Identifier]
    public var text: LabelSyntax
    public var span: Span
}
