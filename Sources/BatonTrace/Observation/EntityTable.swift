/// Names the participants: which entity each span's service and target is, with the matching
/// rules of docs/traces.md — services by `service.name`, stores by `db.namespace` then
/// `db.system`, channels by `messaging.destination.name`, externals by `peer.service` then
/// `server.address`, all compared by `NameKey`. A call whose peer names a traced service (or
/// whose `server.address`, or its first DNS label, does) is a call to that service.
///
/// Entities are numbered by kind and key, never in the order the spans came, so the result
/// does not depend on the order of the files.
struct EntityTable {
    private(set) var entities: [ObservedEntity] = []
    private var byKey: [Category: [NameKey: EntityID]] = [:]
    /// Per signature: the service that recorded it and its target, when the target is known.
    private(set) var serviceOf: [EntityID] = []
    private(set) var targetOf: [EntityID?] = []
    /// Channels declared as topics (`true`) or queues (`false`) by an older convention.
    private var declaredTopic: [EntityID: Bool] = [:]
    /// Addresses by the key of their address, to the peer service they belong to.
    private var owners: [NameKey: String] = [:]

    enum Category: Hashable, CaseIterable {
        case service, external, channel, store, caller
    }

    init(signatures: [SpanSignature]) {
        // Every name of every entity first, then the entities in order of category and key.
        var names: [Category: [NameKey: (names: Set<String>, others: Set<String>, systems: Set<String>, namespaces: Set<String>)]] = [:]
        func note(_ category: Category, _ name: String, other: String? = nil, system: String? = nil, namespace: String? = nil) {
            let key = NameKey(name)
            var entry = names[category, default: [:]][key] ?? ([], [], [], [])
            entry.names.insert(name)
            if let other, NameKey(other) != key { entry.others.insert(other) }
            if let system { entry.systems.insert(system) }
            if let namespace { entry.namespaces.insert(namespace) }
            names[category, default: [:]][key] = entry
        }
        for signature in signatures { note(.service, signature.service, namespace: signature.namespace) }
        let services = Set((names[.service] ?? [:]).keys)
        // An address that some span names with its peer service belongs to that service's
        // entity, also in spans that give only the address.
        var owners: [NameKey: String] = [:]
        for signature in signatures {
            if case .peer(let service?, let address?) = signature.target, owners[NameKey(address)] == nil {
                owners[NameKey(address)] = service
            }
        }
        self.owners = owners
        for signature in signatures {
            switch signature.target {
            case .none: break
            case .database(let name, let system, _): note(.store, name, other: system, system: system)
            case .messaging(let destination, let system, _, _, let peer):
                if let destination { note(.channel, destination, system: system) }
                // A send straight to a peer that has no spans: an external.
                if destination == nil, let peer, Self.tracedService(service: peer, address: nil, services: services) == nil {
                    note(.external, peer)
                }
            case .peer(let service, let address):
                if Self.tracedService(service: service, address: address, services: services) == nil,
                   let name = service ?? address.flatMap({ owners[NameKey($0)] }) ?? address {
                    note(.external, name, other: address)
                }
            }
        }
        for category in Category.allCases {
            for (key, entry) in (names[category] ?? [:]).sorted(by: { $0.key < $1.key }) {
                let kind: EntityKind = switch category {
                case .service: .service
                case .external: .external
                case .channel: .queue
                case .store: .store
                case .caller: .caller
                }
                _ = add(category, key: key, ObservedEntity(
                    id: EntityID(entities.count), kind: kind, name: Self.first(entry.names), otherNames: entry.others.sorted(by: Self.bytewise),
                    namespace: entry.namespaces.isEmpty ? nil : Self.first(entry.namespaces),
                    system: entry.systems.isEmpty ? nil : Self.first(entry.systems)))
            }
        }
        for signature in signatures {
            let service = byKey[.service]?[NameKey(signature.service)] ?? EntityID(0)
            serviceOf.append(service)
            switch signature.target {
            case .none:
                targetOf.append(nil)
            case .database(let name, _, _):
                targetOf.append(byKey[.store]?[NameKey(name)])
            case .messaging(let destination, _, _, let declared, let peer):
                let channel = destination.flatMap { byKey[.channel]?[NameKey($0)] }
                if let channel, let declared { declaredTopic[channel] = declaredTopic[channel] ?? declared }
                // A send to no destination that names a peer goes straight to it: a traced
                // service, else an external.
                var direct: EntityID?
                if destination == nil, let peer {
                    direct = Self.tracedService(service: peer, address: nil, services: services).flatMap { byKey[.service]?[$0] }
                        ?? byKey[.external]?[NameKey(peer)]
                }
                targetOf.append(channel ?? direct)
            case .peer(let service, let address):
                if let key = Self.tracedService(service: service, address: address, services: services) {
                    targetOf.append(byKey[.service]?[key])
                } else if let name = service ?? address.flatMap({ owners[NameKey($0)] }) ?? address {
                    targetOf.append(byKey[.external]?[NameKey(name)])
                } else {
                    targetOf.append(nil)
                }
            }
        }
    }

    /// The traced service a peer names, if any.
    static func tracedService(service: String?, address: String?, services: Set<NameKey>) -> NameKey? {
        var candidates: [String] = []
        if let service { candidates.append(service) }
        if let address {
            candidates.append(address)
            if let label = address.split(separator: ".").first, label.count < address.count { candidates.append(String(label)) }
        }
        for candidate in candidates {
            let key = NameKey(candidate)
            if !key.isEmpty, services.contains(key) { return key }
        }
        return nil
    }

    private mutating func add(_ category: Category, key: NameKey, _ entity: ObservedEntity) -> EntityID {
        entities.append(entity)
        byKey[category, default: [:]][key] = entity.id
        return entity.id
    }

    /// The entity of `category` called `name`, made when there is none yet (a channel named
    /// after a span, the caller, an unknown peer).
    mutating func entity(_ category: Category, named name: String, kind: EntityKind) -> EntityID {
        let key = NameKey(name)
        if let known = byKey[category]?[key] { return known }
        return add(category, key: key, ObservedEntity(id: EntityID(entities.count), kind: kind, name: name, otherNames: []))
    }

    /// What called a root server span: someone outside the traces.
    mutating func caller() -> EntityID { entity(.caller, named: "caller", kind: .caller) }

    /// The peer of a client span that names none.
    mutating func unknownPeer() -> EntityID { entity(.external, named: "unknown peer", kind: .external) }

    /// The entities, with what only the whole observation tells: a channel consumed by several
    /// services (or declared so, or of a publish-subscribe system) is a topic; a service never
    /// called and never consuming is a client.
    func finish(passive: Set<EntityID>, consumers: [EntityID: Set<EntityID>]) -> [ObservedEntity] {
        entities.map { entity in
            var entity = entity
            switch entity.kind {
            case .queue:
                let topic = declaredTopic[entity.id]
                    ?? (entity.system.map { Convention.topicSystems.contains($0.lowercased()) } == true
                        || (consumers[entity.id]?.count ?? 0) > 1)
                entity.kind = topic ? .topic : .queue
            case .service:
                if !passive.contains(entity.id), consumers.values.allSatisfy({ !$0.contains(entity.id) }) { entity.kind = .client }
            default:
                break
            }
            return entity
        }
    }

    static func bytewise(_ lhs: String, _ rhs: String) -> Bool {
        Array(lhs.utf8).lexicographicallyPrecedes(Array(rhs.utf8))
    }

    /// The smallest of several spellings, so the choice does not depend on the order read.
    static func first(_ names: Set<String>) -> String {
        names.min(by: bytewise) ?? ""
    }
}
