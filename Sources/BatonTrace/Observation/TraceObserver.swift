/// Collects spans as they are read and, at the end, works out what they show
/// (`ObservedSystem`).
///
/// Each span is reduced at once to a `SpanDigest` and a shared `SpanSignature`, so the memory
/// needed grows with the number of spans (a few dozen bytes each) and of distinct operations,
/// not with the size of the files. A trace's spans may be spread over a file (each service's
/// batches are written apart) or over several files, so nothing is concluded until `finish`:
/// then the digests are sorted by trace, each trace is walked once (`TraceWalk`) and its steps
/// are merged into the flows (`FlowMerger`).
public struct TraceObserver {
    /// How deep inference follows a trace's nesting; deeper spans are counted, not walked.
    public static let maxDepth = 200

    var digests: [SpanDigest] = []
    var signatures: [SpanSignature] = []
    var signatureIndex: [SpanSignature: UInt32] = [:]
    var negativeDurations = 0

    public init() {}

    /// Spans read so far.
    public var spanCount: Int { digests.count }

    public mutating func add(_ spans: [TraceSpan]) {
        for span in spans { add(span) }
    }

    public mutating func add(_ span: TraceSpan) {
        let signature = SpanSignature(span)
        let number: UInt32
        if let known = signatureIndex[signature] {
            number = known
        } else {
            number = UInt32(truncatingIfNeeded: signatures.count)
            signatures.append(signature)
            signatureIndex[signature] = number
        }
        var flags: UInt8 = 0
        if span.status.isError { flags |= SpanDigest.failed }
        if span.sharesClientSpanID { flags |= SpanDigest.sharesClientSpanID }
        if let resent = Convention.resendCount.lazy.compactMap({ span.attributes[$0]?.integer }).first, resent > 0 {
            flags |= SpanDigest.resent
        }
        if span.endNanos < span.startNanos { negativeDurations += 1 }
        digests.append(SpanDigest(traceHigh: span.traceID.high, traceLow: span.traceID.low, spanID: span.spanID.value,
                                  parentID: span.parentSpanID?.value ?? 0, start: span.startNanos, duration: span.durationNanos,
                                  signature: number, flags: flags))
    }

    /// What the spans show. Deterministic: the same spans in any order, in any files, give the
    /// same result.
    public consuming func finish() -> ObservedSystem {
        digests.sort(by: SpanDigest.precedes)
        var entities = EntityTable(signatures: signatures)
        var merger = FlowMerger()
        var statistics = ObservationStatistics()
        statistics.spans = digests.count
        statistics.negativeDurations = negativeDurations
        var walk = TraceWalk(signatures: signatures)
        var start = 0
        while start < digests.count {
            var end = start + 1
            while end < digests.count, digests[end].traceHigh == digests[start].traceHigh,
                  digests[end].traceLow == digests[start].traceLow { end += 1 }
            statistics.traces += 1
            let roots = walk.walk(digests[start..<end], entities: &entities, statistics: &statistics)
            for root in roots { merger.merge(root) }
            start = end
        }
        digests = []
        return merger.system(entities: entities, statistics: statistics)
    }
}
