import BatonSyntax

extension ParticipantKind {
    /// Everything a kind means beyond its keyword: one row of `traits`.
    public struct Traits: Hashable, Sendable {
        /// Who may initiate, who may be called, and what the rules treat it as.
        public var role: ParticipantRole
        /// The attribute families it takes, besides the attributes every kind takes.
        public var attributes: [AttributeFamily]
        /// How every view draws it.
        public var shape: ParticipantShape
    }

    /// The kind table: what each kind of participant means (docs/language.md#kinds and
    /// #participant-attributes), in one exhaustive switch that every stage reads instead of
    /// switching on the kind itself.
    ///
    /// Adding a kind touches, in order (the compiler points at each step after the first):
    ///
    /// 1. BatonSyntax: the case in `ParticipantKind` and a `Keyword` for it, tied together by
    ///    the switch in `ParticipantKind.keyword`. The lexer, parser and formatter then know it.
    /// 2. This table: its role, its attribute families and its shape. With an existing role and
    ///    shape this is the only semantic edit: attribute validation, the rules, both SVG views,
    ///    the themes, the DOT and Mermaid exports all follow.
    /// 3. Only for a role no kind has yet: a `ParticipantRole` case; the compiler then asks
    ///    `initiation` and `mayBePassive`, and the rules that match on roles need a look
    ///    (they match on cases, so the compiler cannot ask for them).
    /// 4. Only for a shape no kind has yet: a `ParticipantShape` case; the compiler then asks
    ///    for its outline (`ShapeKind.participant`, BatonLayout), its paint in both themes
    ///    (`Theme.ParticipantPalette`), its Graphviz attributes (`DOTStyle.nodeAttributes` and
    ///    `DOTStyle.table`) and its Mermaid keyword (`MermaidWriter.keyword`).
    /// 5. Outside the compiler's reach: the docs (the kinds and attribute tables of
    ///    docs/language.md, the legend of docs/rendering.md and docs/images/legend.baton), the
    ///    grammars (grammar/baton.ebnf, grammar/baton.tmLanguage.json, checked against
    ///    every sample by `TextMateGrammarTests`), and BatonWorkload's generator, which spells
    ///    kinds as keywords because it depends on no other target.
    public var traits: Traits {
        switch self {
        case .client:
            Traits(role: .origin, attributes: [.idempotence], shape: .person)
        case .service:
            Traits(role: .component(owned: true), attributes: [.idempotence, .flowControl, .defaultTimeout, .station], shape: .roundedBox)
        case .external:
            Traits(role: .component(owned: false), attributes: [.idempotence, .flowControl, .defaultTimeout, .station], shape: .dashedBox)
        case .queue:
            Traits(role: .channel(.pointToPoint), attributes: [.defaultTimeout, .channel], shape: .pipe)
        case .topic:
            Traits(role: .channel(.publishSubscribe), attributes: [.defaultTimeout, .channel], shape: .fannedPipe)
        case .store:
            Traits(role: .store, attributes: [.defaultTimeout, .station], shape: .cylinder)
        case .driver:
            Traits(role: .connector, attributes: [.flowControl, .polling], shape: .hexagon)
        }
    }

    public var role: ParticipantRole { traits.role }
    public var shape: ParticipantShape { traits.shape }
    /// Whether it may initiate interactions (see `Participant.mayInitiate` for `push`).
    public var initiation: ParticipantRole.Initiation { role.initiation }
    /// Whether it may be the passive end of an interaction.
    public var mayBePassive: Bool { role.mayBePassive }

    /// Queues and topics: channels that hold messages between two active ends.
    public var isChannel: Bool {
        if case .channel = role { return true }
        return false
    }

    /// Whether it takes the attributes of `family`.
    public func takes(_ family: AttributeFamily) -> Bool {
        traits.attributes.contains(family)
    }

    /// The kinds that take the attributes of `family`, in declaration order.
    public static func taking(_ family: AttributeFamily) -> [ParticipantKind] {
        allCases.filter { $0.takes(family) }
    }
}

extension Participant {
    /// Whether it may initiate interactions: its kind's `initiation`, where a channel's depends
    /// on whether it declares `push`.
    public var mayInitiate: Bool {
        switch kind.initiation {
        case .always: true
        case .withPush: attributes.push
        case .never: false
        }
    }
}
