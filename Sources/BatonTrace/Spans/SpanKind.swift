/// What a span says about its role in a conversation, as OpenTelemetry names it. Jaeger carries
/// it in the `span.kind` tag and Zipkin in `kind`; a span that says nothing is `.unspecified`,
/// which inference treats like `.internal`.
public enum SpanKind: UInt8, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    case unspecified = 0
    case `internal` = 1
    case server = 2
    case client = 3
    case producer = 4
    case consumer = 5

    /// From OTLP's `kind`: the enum's number or its `SPAN_KIND_*` name.
    public init?(otlp text: String) {
        switch text {
        case "0", "SPAN_KIND_UNSPECIFIED": self = .unspecified
        case "1", "SPAN_KIND_INTERNAL": self = .internal
        case "2", "SPAN_KIND_SERVER": self = .server
        case "3", "SPAN_KIND_CLIENT": self = .client
        case "4", "SPAN_KIND_PRODUCER": self = .producer
        case "5", "SPAN_KIND_CONSUMER": self = .consumer
        default: return nil
        }
    }

    /// From Jaeger's `span.kind` tag or Zipkin's `kind`, in any case (`server`, `CLIENT`).
    public init?(word: String) {
        switch word.lowercased() {
        case "internal": self = .internal
        case "server": self = .server
        case "client": self = .client
        case "producer": self = .producer
        case "consumer": self = .consumer
        default: return nil
        }
    }

    /// `SPAN_KIND_SERVER`, as OTLP JSON writes it.
    public var otlpName: String {
        switch self {
        case .unspecified: "SPAN_KIND_UNSPECIFIED"
        case .internal: "SPAN_KIND_INTERNAL"
        case .server: "SPAN_KIND_SERVER"
        case .client: "SPAN_KIND_CLIENT"
        case .producer: "SPAN_KIND_PRODUCER"
        case .consumer: "SPAN_KIND_CONSUMER"
        }
    }

    public var description: String {
        switch self {
        case .unspecified: "unspecified"
        case .internal: "internal"
        case .server: "server"
        case .client: "client"
        case .producer: "producer"
        case .consumer: "consumer"
        }
    }
}
