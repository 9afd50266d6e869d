/// An index into `ObservedSystem.entities`.
public struct EntityID: Hashable, Comparable, Sendable {
    public let rawValue: Int
    public init(_ rawValue: Int) { self.rawValue = rawValue }
    public static func < (lhs: EntityID, rhs: EntityID) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// What a thing the traces show is, in Baton's participant kinds.
public enum EntityKind: String, Sendable, Hashable, CaseIterable {
    /// A traced service that is never called and never consumes: it only initiates.
    case client
    /// A traced service (`service.name`).
    case service
    /// What called a traced service from outside the traces (a root server span's caller).
    case caller
    /// A system a traced service calls that has no spans of its own (`peer.service`,
    /// `server.address`).
    case external
    /// A messaging destination: point to point, or publish-subscribe (docs/traces.md says
    /// which is which).
    case queue
    case topic
    /// A database (`db.namespace`, else `db.system`).
    case store

    /// The Baton keyword of the participant it becomes.
    public var keyword: String {
        switch self {
        case .client, .caller: "client"
        case .service: "service"
        case .external: "external"
        case .queue: "queue"
        case .topic: "topic"
        case .store: "store"
        }
    }

    /// Whether it is a messaging channel.
    public var isChannel: Bool { self == .queue || self == .topic }
}

/// A participant as the traces show it: what it is and the names it goes by.
public struct ObservedEntity: Hashable, Sendable {
    public var id: EntityID
    public var kind: EntityKind
    /// The name it is known by: `service.name`, `db.namespace` (else `db.system`), the
    /// destination, `peer.service` (else `server.address`).
    public var name: String
    /// Other names the traces give it, in the order of preference of docs/traces.md (a store's
    /// `db.system`, an external's `server.address`): a design may use any of them.
    public var otherNames: [String]
    /// `service.namespace`, for services that have one.
    public var namespace: String?
    /// The system behind it, for messages and comments: `db.system`, `messaging.system`.
    public var system: String?

    /// Whether a design's participant called `name` (or labelled so) is this entity: the
    /// `NameKey`s of the names are compared.
    public func matches(_ name: String) -> Bool {
        let key = NameKey(name)
        guard !key.isEmpty else { return false }
        return NameKey(self.name) == key || otherNames.contains { NameKey($0) == key }
    }
}
