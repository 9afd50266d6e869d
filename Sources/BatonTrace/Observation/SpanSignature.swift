import Foundation

/// What a span says about the interaction it takes part in, with everything else dropped: the
/// facts inference needs, which many spans share. Spans are reduced to a signature as they are
/// read, so memory holds one copy of each distinct signature, not the spans' attributes.
struct SpanSignature: Hashable {
    var service: String
    var namespace: String?
    var kind: SpanKind
    /// The operation, as a design would label it (`SpanSignature.label`).
    var label: String
    var target: SpanTarget
}

/// Where a span's interaction goes, when the span itself says so.
enum SpanTarget: Hashable {
    case none
    /// A database call: `db.namespace` (else `db.system`) names the store.
    case database(name: String, system: String, reads: Bool)
    /// A messaging operation on a destination.
    /// `peer`: the `peer.service` of a send that names no destination (a webhook).
    case messaging(destination: String?, system: String?, operation: MessagingOperation, declaredTopic: Bool?, peer: String?)
    /// A call whose callee may have no spans: `peer.service`, `server.address`.
    case peer(service: String?, address: String?)
}

/// What a messaging span does with its destination, from its kind and `messaging.operation`.
enum MessagingOperation: Hashable {
    case send
    case receive
    /// Settling (acknowledging) a message: no interaction of its own.
    case settle
}

extension SpanSignature {
    /// The longest label kept; longer ones (SQL statements used as span names) are cut.
    static let maxLabelLength = 100

    init(_ span: TraceSpan) {
        service = span.resource.serviceName
        namespace = span.resource.serviceNamespace
        kind = span.kind
        target = Self.target(of: span)
        label = Self.shorten(Self.label(of: span, target: target))
    }

    static func target(of span: TraceSpan) -> SpanTarget {
        let attributes = span.attributes
        if let system = Convention.text(attributes, Convention.dbSystem), span.kind == .client || span.kind == .unspecified {
            let name = Convention.text(attributes, Convention.dbNamespace) ?? system
            let operation = Convention.text(attributes, Convention.dbOperation)
                ?? span.name.split(separator: " ").first.map(String.init) ?? ""
            return .database(name: name, system: system, reads: Convention.readOperations.contains(operation.lowercased()))
        }
        let system = Convention.text(attributes, Convention.messagingSystem)
        let destination = Convention.text(attributes, Convention.messagingDestination)
        if system != nil || destination != nil || span.kind == .producer || span.kind == .consumer {
            let operationText = Convention.text(attributes, Convention.messagingOperation)?.lowercased()
            var operation: MessagingOperation?
            switch span.kind {
            case .producer: operation = .send
            case .consumer: operation = .receive
            default:
                switch operationText {
                case "publish", "send", "create": operation = .send
                case "receive", "process", "deliver": operation = .receive
                case "settle", "ack", "nack": operation = .settle
                default: operation = nil
                }
            }
            let declared = Convention.text(attributes, Convention.messagingDestinationKind)?.lowercased()
            let kafka = attributes["kafka.topic"] != nil
            if let operation, destination != nil || span.kind == .producer || span.kind == .consumer {
                return .messaging(destination: destination, system: system ?? (kafka ? "kafka" : nil), operation: operation,
                                  declaredTopic: declared.map { $0 == "topic" },
                                  peer: destination == nil ? Convention.text(attributes, Convention.peerService) : nil)
            }
        }
        if span.kind == .client {
            let peer = Convention.text(attributes, Convention.peerService)
            let address = Convention.text(attributes, Convention.serverAddress)
            return .peer(service: peer, address: address)
        }
        return .none
    }

    /// The label: a server's `METHOD route`, an RPC method, a database operation, else the span
    /// name.
    static func label(of span: TraceSpan, target: SpanTarget) -> String {
        let attributes = span.attributes
        if case .database = target {
            if let summary = Convention.text(attributes, Convention.dbQuerySummary) { return summary }
            if let operation = Convention.text(attributes, Convention.dbOperation) {
                if let collection = Convention.text(attributes, Convention.dbCollection) { return operation + " " + collection }
                return operation
            }
            return span.name
        }
        if let route = Convention.text(attributes, Convention.httpRoute) ?? Convention.text(attributes, Convention.urlTemplate) {
            if let method = Convention.text(attributes, Convention.httpMethod), !route.hasPrefix(method + " ") {
                return method + " " + route
            }
            return route
        }
        if let method = Convention.text(attributes, Convention.rpcMethod) { return method }
        return span.name
    }

    static func shorten(_ label: String) -> String {
        var text = label.trimmingCharacters(in: .whitespacesAndNewlines)
        if text.count > maxLabelLength { text = String(text.prefix(maxLabelLength - 1)) + "…" }
        return text
    }
}
