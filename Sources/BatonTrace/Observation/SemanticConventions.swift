/// The attributes inference reads, in one place: docs/traces.md lists the same. Where
/// OpenTelemetry renamed an attribute, the current name comes first and the older ones after
/// it, so traces from older SDKs read the same.
enum Convention {
    static let httpRoute = ["http.route"]
    static let httpMethod = ["http.request.method", "http.method"]
    static let urlTemplate = ["url.template"]
    static let rpcMethod = ["rpc.method"]
    static let rpcService = ["rpc.service"]

    static let dbSystem = ["db.system.name", "db.system"]
    static let dbNamespace = ["db.namespace", "db.name"]
    static let dbOperation = ["db.operation.name", "db.operation"]
    static let dbCollection = ["db.collection.name", "db.sql.table", "db.mongodb.collection"]
    static let dbQuerySummary = ["db.query.summary"]

    static let messagingSystem = ["messaging.system"]
    static let messagingDestination = ["messaging.destination.name", "messaging.destination", "kafka.topic"]
    static let messagingOperation = ["messaging.operation.type", "messaging.operation"]
    /// Older conventions said outright whether a destination is a queue or a topic.
    static let messagingDestinationKind = ["messaging.destination.kind", "messaging.destination_kind"]

    static let peerService = ["peer.service"]
    static let serverAddress = ["server.address", "net.peer.name"]

    /// An HTTP client's resend count: a request sent again is a retry.
    static let resendCount = ["http.request.resend_count"]

    /// Messaging systems whose destinations are publish-subscribe: each consumer group gets
    /// every message.
    static let topicSystems: Set<String> = ["kafka", "pulsar", "gcp_pubsub", "aws_sns", "sns", "eventgrid", "eventhubs", "nats"]

    /// Database operations that read: a fetch (`<-`) rather than a call.
    static let readOperations: Set<String> = [
        "select", "get", "mget", "hget", "hgetall", "hmget", "lrange", "smembers", "zrange", "find", "findone",
        "aggregate", "count", "read", "scan", "query", "getitem", "batchgetitem", "exists",
    ]

    /// The first of `keys` present in `attributes`, as non-empty text.
    static func text(_ attributes: TraceAttributes, _ keys: [String]) -> String? {
        for key in keys {
            if let value = attributes[key]?.text, !value.isEmpty { return value }
        }
        return nil
    }
}
