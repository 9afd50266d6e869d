/// What part a participant plays in the flow of control (docs/language.md#kinds, the "may
/// initiate", "may be the passive end" and Hohpe's role columns). Rules ask the role, never the
/// kind, so a new kind that plays an existing role is checked like the kinds that already do.
public enum ParticipantRole: Hashable, Sendable {
    /// Starts work on a user's behalf and exposes no endpoint: it initiates and is never called
    /// (`client`; Hohpe's sender or fetcher).
    case origin
    /// Handles requests and makes its own (`service`; `external` when `owned` is false: a system
    /// outside your control, such as a third party).
    case component(owned: Bool)
    /// Holds messages between two active ends: called by both, initiating only when it declares
    /// `push` (`queue`, `topic`).
    case channel(Distribution)
    /// Holds data: only ever the passive end (`store`; Hohpe's source or sink).
    case store
    /// Moves messages on: fetches and delivers, and is never called itself (`driver`; active on
    /// both sides).
    case connector

    /// Who gets a channel's message.
    public enum Distribution: Hashable, Sendable {
        /// Each message goes to one consumer; consumers compete for them (`queue`).
        case pointToPoint
        /// Each subscriber gets a copy (`topic`).
        case publishSubscribe
    }

    /// When a participant may be on the left of an arrow.
    public enum Initiation: Hashable, Sendable {
        case always
        /// Only when the participant declares `push` (a channel delivering to its subscribers).
        case withPush
        case never
    }

    /// Whether it may initiate interactions (`passive-initiator` reports the rest).
    public var initiation: Initiation {
        switch self {
        case .origin, .component, .connector: .always
        case .channel: .withPush
        case .store: .never
        }
    }

    /// Whether it may be the passive end of an interaction: whether it exposes an endpoint
    /// (`no-endpoint` reports the rest).
    public var mayBePassive: Bool {
        switch self {
        case .component, .channel, .store: true
        case .origin, .connector: false
        }
    }
}
