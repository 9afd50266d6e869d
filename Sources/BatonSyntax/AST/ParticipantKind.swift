/// The kinds of participant (docs/language.md#kinds).
///
/// This target owns only what reading and writing `.baton` text needs: the cases and their
/// keywords (the raw value is the keyword's spelling, which the formatter and dumps print). What a
/// kind *means* — who may initiate, what may be called, which attributes it takes, how it is
/// drawn — is one table in BatonModel, `ParticipantKind.traits`, whose documentation lists every
/// place a new kind touches.
public enum ParticipantKind: String, Hashable, Sendable, CaseIterable, Codable {
    case client, service, external, queue, topic, store, driver

    /// The reserved word that declares a participant of this kind. A switch rather than a lookup
    /// by spelling, so that a new kind does not compile until the lexer knows its keyword.
    public var keyword: Keyword {
        switch self {
        case .client: .client
        case .service: .service
        case .external: .external
        case .queue: .queue
        case .topic: .topic
        case .store: .store
        case .driver: .driver
        }
    }

    /// The kind `keyword` declares; nil for every other keyword.
    public init?(keyword: Keyword) {
        guard let kind = Self.allCases.first(where: { $0.keyword == keyword }) else { return nil }
        self = kind
    }
}
