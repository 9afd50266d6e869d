/// A span as inference keeps it: ids, times and flags, and its signature's number. A few dozen
/// bytes with no references, so millions of them sit in one array without costing the memory
/// (or the reference counting) of the spans they came from.
struct SpanDigest {
    var traceHigh: UInt64
    var traceLow: UInt64
    var spanID: UInt64
    /// 0 for a root.
    var parentID: UInt64
    var start: Int64
    var duration: Int64
    var signature: UInt32
    var flags: UInt8

    static let failed: UInt8 = 1
    static let sharesClientSpanID: UInt8 = 2
    /// The span says it is a request sent again (`http.request.resend_count`).
    static let resent: UInt8 = 4

    var isError: Bool { flags & Self.failed != 0 }
    var sharesID: Bool { flags & Self.sharesClientSpanID != 0 }
    var isResent: Bool { flags & Self.resent != 0 }
    var end: Int64 { start &+ duration }
    var traceID: TraceID { TraceID(high: traceHigh, low: traceLow) }
    var reference: SpanReference { SpanReference(traceID: traceID, spanID: SpanID(spanID)) }

    /// Trace, then start time, then span id: a trace's spans are then contiguous and in the
    /// order they started.
    static func precedes(_ lhs: SpanDigest, _ rhs: SpanDigest) -> Bool {
        if lhs.traceHigh != rhs.traceHigh { return lhs.traceHigh < rhs.traceHigh }
        if lhs.traceLow != rhs.traceLow { return lhs.traceLow < rhs.traceLow }
        if lhs.start != rhs.start { return lhs.start < rhs.start }
        if lhs.spanID != rhs.spanID { return lhs.spanID < rhs.spanID }
        return lhs.signature < rhs.signature
    }
}
