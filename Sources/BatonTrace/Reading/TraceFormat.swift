/// The trace formats Baton reads. Which one a file holds is recognised from its first bytes
/// and keys (docs/traces.md), never from its name.
public enum TraceFormat: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// OpenTelemetry's protobuf JSON mapping (`{"resourceSpans":[…]}`), as the Collector's file
    /// exporter writes it: one object per line, or one object.
    case otlp
    /// Jaeger's JSON (`{"data":[{"traceID",…}]}`), as its UI and API export traces.
    case jaeger
    /// Zipkin's v2 JSON: an array of spans (or of traces, each an array of spans).
    case zipkin

    public var description: String {
        switch self {
        case .otlp: "OTLP JSON"
        case .jaeger: "Jaeger JSON"
        case .zipkin: "Zipkin v2 JSON"
        }
    }
}
