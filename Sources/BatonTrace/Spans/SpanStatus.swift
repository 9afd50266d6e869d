/// How a span ended. OTLP has it as `status.code`; Jaeger and Zipkin as the `error` tag (and
/// `otel.status_code`, which OpenTelemetry's exporters to them add).
public enum SpanStatus: UInt8, Sendable, Hashable {
    case unset = 0
    case ok = 1
    case error = 2

    /// From OTLP's `status.code`: the enum's number or its `STATUS_CODE_*` name.
    public init?(otlp text: String) {
        switch text {
        case "0", "STATUS_CODE_UNSET": self = .unset
        case "1", "STATUS_CODE_OK": self = .ok
        case "2", "STATUS_CODE_ERROR": self = .error
        default: return nil
        }
    }

    public var isError: Bool { self == .error }
}
