/// What produced a batch of spans: a service (OpenTelemetry's resource, Jaeger's process,
/// Zipkin's local endpoint). Spans of one batch share one value, so its attributes are stored
/// once however many spans refer to it.
public struct TraceResource: Hashable, Sendable {
    /// `service.name`; `unknown_service` when the file does not say, as OpenTelemetry's SDKs do.
    public var serviceName: String
    /// `service.namespace`, which groups services into a system.
    public var serviceNamespace: String?
    public var attributes: TraceAttributes

    public static let unknownService = "unknown_service"

    public init(serviceName: String, serviceNamespace: String? = nil, attributes: TraceAttributes = TraceAttributes()) {
        self.serviceName = serviceName
        self.serviceNamespace = serviceNamespace
        self.attributes = attributes
    }

    /// A resource from its attributes: the service's name and namespace are read from them.
    public init(attributes: TraceAttributes) {
        let name = attributes.text("service.name")
        self.init(serviceName: name ?? Self.unknownService, serviceNamespace: attributes.text("service.namespace"),
                  attributes: attributes)
    }
}

/// Another span a span refers to without being its child: OTLP's links, Jaeger's references to
/// another trace. Batch consumers link the messages they handle this way.
public struct SpanLink: Hashable, Sendable {
    public var traceID: TraceID
    public var spanID: SpanID

    public init(traceID: TraceID, spanID: SpanID) {
        self.traceID = traceID
        self.spanID = spanID
    }
}

/// Where a span's record starts in its file, for messages and evidence.
public struct SpanOrigin: Hashable, Sendable {
    /// 0-based byte offset and 1-based line of the record's first byte.
    public var offset: Int
    public var line: Int

    public init(offset: Int, line: Int) {
        self.offset = offset
        self.line = line
    }
}

/// One span, the same whichever format it was read from. Times are nanoseconds since the Unix
/// epoch (Jaeger's and Zipkin's microseconds are multiplied).
public struct TraceSpan: Hashable, Sendable {
    public var traceID: TraceID
    public var spanID: SpanID
    public var parentSpanID: SpanID?
    public var name: String
    public var kind: SpanKind
    public var startNanos: Int64
    public var endNanos: Int64
    public var status: SpanStatus
    public var attributes: TraceAttributes
    public var resource: TraceResource
    public var links: [SpanLink]
    /// Zipkin's `shared`: a server span that reuses its client's span id. Its parent is then
    /// that client span, whose id it carries (`parentSpanID == spanID`).
    public var sharesClientSpanID: Bool
    public var origin: SpanOrigin?

    public init(traceID: TraceID, spanID: SpanID, parentSpanID: SpanID? = nil, name: String, kind: SpanKind,
                startNanos: Int64, endNanos: Int64, status: SpanStatus = .unset, attributes: TraceAttributes = TraceAttributes(),
                resource: TraceResource, links: [SpanLink] = [], sharesClientSpanID: Bool = false, origin: SpanOrigin? = nil) {
        self.traceID = traceID
        self.spanID = spanID
        self.parentSpanID = parentSpanID
        self.name = name
        self.kind = kind
        self.startNanos = startNanos
        self.endNanos = endNanos
        self.status = status
        self.attributes = attributes
        self.resource = resource
        self.links = links
        self.sharesClientSpanID = sharesClientSpanID
        self.origin = origin
    }

    /// The service that recorded the span.
    public var service: String { resource.serviceName }

    /// How long the span took, never negative (a span that ends before it starts took 0).
    public var durationNanos: Int64 {
        guard endNanos >= startNanos else { return 0 }
        let (difference, overflow) = endNanos.subtractingReportingOverflow(startNanos)
        return overflow ? .max : difference
    }
}
