import BatonJSON
@testable import BatonTrace
import Testing

/// One checkout, written by hand in each format from its specification: OTLP JSON (protobuf's
/// JSON mapping of TracesData), Jaeger's JSON export and Zipkin's v2 JSON. All three must read
/// to the same spans and infer the same design.
@Suite struct TraceFormatTests {
    static let formats: [(file: String, format: TraceFormat)] = [
        ("checkout.otlp.json", .otlp), ("checkout.jaeger.json", .jaeger), ("checkout.zipkin.json", .zipkin),
    ]

    @Test(arguments: formats)
    func recognisesTheFormatAndReadsEverySpan(_ fixture: (file: String, format: TraceFormat)) throws {
        let (spans, summary) = TraceTesting.read(try TraceTesting.fixture(fixture.file))
        #expect(summary.formats == [fixture.format])
        #expect(summary.problems.total == 0, "\(summary.problems.problems)")
        #expect(spans.count == 11)
        let byID = Dictionary(uniqueKeysWithValues: spans.map { ($0.spanID.description, $0) })
        let root = try #require(byID["00000000000000a1"])
        #expect(root.traceID.description == "4bf92f3577b34da6a3ce929d0e0e4736")
        #expect(root.parentSpanID == nil)
        #expect(root.kind == .server)
        #expect(root.service == "frontend")
        #expect(root.startNanos == 1_700_000_000_000_000_000)
        #expect(root.durationNanos == 120_000_000)
        #expect(root.attributes["http.route"]?.text == "/checkout")
        let failed = try #require(byID["00000000000000a3"])
        #expect(failed.status == .error)
        #expect(failed.kind == .client)
        #expect(failed.attributes["peer.service"]?.text == "stripe")
        let consumer = try #require(byID["00000000000000c1"])
        #expect(consumer.kind == .consumer)
        #expect(consumer.parentSpanID?.description == "00000000000000b3")
        #expect(consumer.service == "billing")
        #expect(byID["00000000000000b2"]?.attributes["db.namespace"]?.text == "orders-db")
    }

    @Test func everyFormatInfersTheSameDesign() throws {
        let designs = try Self.formats.map { TraceTesting.infer([try TraceTesting.fixture($0.file)]) }
        #expect(designs[0] == designs[1])
        #expect(designs[0] == designs[2])
        let design = designs[0]
        // Participants with their kinds: a server span's caller, the traced services, a peer
        // without spans, a topic (Kafka, two consumer services), stores by namespace and system.
        for declaration in [
            #"client   Caller      "caller outside the traces""#, #"service  Frontend    "frontend""#,
            #"external Stripe      "stripe"  # also api.stripe.com"#, #"external UnknownPeer "unknown peer""#,
            #"topic    OrderEvents "order-events"  # messaging.system kafka"#,
            #"store    OrdersDb    "orders-db"  # db.system postgresql"#, #"store    Sqlite      "sqlite"  # db.system sqlite"#,
        ] {
            #expect(design.contains(declaration + "\n"), "missing: \(declaration)\n\(design)")
        }
        // Calls, nesting, a send, the consumers' fetches with their handling after them, a retry.
        let flow = """
            flow "GET /checkout" {
              # seen 1 time; first in trace 4bf92f3577b34da6a3ce929d0e0e4736, span 00000000000000a1
              # measured: 1 call; own time mean 25ms, p50 25ms, p99 25ms
              Caller -> Frontend : GET /checkout [latency=25ms] {
                # measured: 1 call; own time mean 47ms, p50 47ms, p99 47ms
                Frontend -> Orders : POST /orders [latency=47ms] {
                  # measured: 1 call; own time mean 8ms, p50 8ms, p99 8ms
                  Orders -> OrdersDb : INSERT orders [latency=8ms]
                  # measured: 1 send; send time mean 2ms, p50 2ms, p99 2ms
                  Orders ->> OrderEvents : order-events publish
                }
                # measured: 2 calls; own time mean 15ms, p50 15ms, p99 15ms; 50% failed; 1 retry (up to 1 for one call)
                Frontend -> Stripe : POST [latency=15ms, retries=1]
                # measured: 1 call; own time mean 5ms, p50 5ms, p99 5ms
                Frontend -> UnknownPeer : GET [latency=5ms]
              }
              # measured: 1 message; own time mean 26ms, p50 26ms, p99 26ms
              Billing <- OrderEvents : order-events process [latency=26ms]
              # measured: 1 call; own time mean 4ms, p50 4ms, p99 4ms
              Billing <- Sqlite : SELECT [latency=4ms]
              # measured: 1 message; own time mean 10ms, p50 10ms, p99 10ms
              Shipping <- OrderEvents : order-events process [latency=10ms]
            }
            """
        #expect(design.contains(flow), "\(design)")
    }

    @Test func readsOTLPInEitherFieldSpellingAndEnumForm() {
        // Field names as in the .proto, a kind and a status by name, ids in base64 (as protobuf's
        // generic JSON mapping writes bytes), integers as strings, the resource after the spans.
        let text = #"""
            {"resource_spans":[{"scope_spans":[{"spans":[{"trace_id":"S/kvNXezTaajzpKdDg5HNg==","span_id":"APBnqgupArc=",
              "parent_span_id":"","name":"op","kind":"SPAN_KIND_PRODUCER","start_time_unix_nano":"5","end_time_unix_nano":7,
              "attributes":[{"key":"n","value":{"intValue":"42"}},{"key":"d","value":{"doubleValue":1.5}},
                            {"key":"b","value":{"boolValue":true}},{"key":"a","value":{"arrayValue":{"values":[{"stringValue":"x"}]}}},
                            {"key":"kv","value":{"kvlistValue":{"values":[]}}}],
              "status":{"code":"STATUS_CODE_OK"}}]}],
              "resource":{"attributes":[{"key":"service.name","value":{"stringValue":"late"}}]}}]}
            """#
        let (spans, summary) = TraceTesting.read(text)
        #expect(summary.problems.total == 0)
        #expect(spans.count == 1)
        let span = spans.first
        #expect(span?.traceID.description == "4bf92f3577b34da6a3ce929d0e0e4736")
        #expect(span?.spanID.description == "00f067aa0ba902b7")
        #expect(span?.kind == .producer)
        #expect(span?.status == .ok)
        #expect(span?.startNanos == 5)
        #expect(span?.endNanos == 7)
        #expect(span?.service == "late")
        #expect(span?.attributes["n"] == .int(42))
        #expect(span?.attributes["d"] == .double(1.5))
        #expect(span?.attributes["b"] == .bool(true))
        #expect(span?.attributes["a"] == .array([.string("x")]))
        #expect(span?.attributes["kv"] == nil)
    }

    @Test func readsJSONLinesOneBatchPerLine() {
        var first = OTLPBuilder()
        first.span("1", service: "a", name: "x", kind: 1)
        var second = OTLPBuilder()
        second.trace = "00000000000000000000000000000002"
        second.span("2", service: "b", name: "y", kind: 1)
        let (spans, summary) = TraceTesting.read(first.text + "\n" + second.text + "\n")
        #expect(summary.formats == [.otlp])
        #expect(spans.map(\.service) == ["a", "b"])
    }

    @Test func readsJaegerSpansWithEmbeddedProcessesAndABareTrace() {
        let text = #"""
            {"traceID":"ab","spans":[{"traceID":"ab","spanID":"1","operationName":"op","startTime":10,"duration":5,
              "process":{"serviceName":"inline","tags":[{"key":"service.namespace","type":"string","value":"ns"}]},
              "tags":[{"key":"span.kind","type":"string","value":"CLIENT"},{"key":"n","type":"int64","value":"7"}]},
             {"traceID":"ab","spanID":"2","operationName":"op2","startTime":11,"duration":1,"processID":"missing",
              "references":[{"refType":"FOLLOWS_FROM","traceID":"ab","spanID":"1"},{"refType":"CHILD_OF","traceID":"cd","spanID":"9"}]}]}
            """#
        let (spans, summary) = TraceTesting.read(text)
        #expect(summary.formats == [.jaeger])
        #expect(spans.count == 2)
        #expect(spans.first?.service == "inline")
        #expect(spans.first?.resource.serviceNamespace == "ns")
        #expect(spans.first?.kind == .client)
        #expect(spans.first?.attributes["n"] == .int(7))
        #expect(spans.first?.startNanos == 10_000)
        #expect(spans.first?.endNanos == 15_000)
        // CHILD_OF another trace is a link; FOLLOWS_FROM within the trace is the parent.
        #expect(spans.last?.parentSpanID == SpanID(1))
        #expect(spans.last?.links.map(\.spanID) == [SpanID(9)])
        #expect(spans.last?.service == TraceResource.unknownService)
        #expect(summary.problems.problems.map(\.message) == ["no process 'missing' in 'processes': its spans are read as of an unknown service"])
    }

    @Test func readsZipkinTracesAsNestedArraysAndSharedSpans() {
        let text = #"""
            [[{"traceId":"0000000000000001","id":"a","kind":"CLIENT","name":"get","timestamp":1,"duration":10,
               "localEndpoint":{"serviceName":"web"},"remoteEndpoint":{"serviceName":"api","ipv4":"10.0.0.9","port":80}},
              {"traceId":"0000000000000001","id":"a","kind":"SERVER","name":"get /x","timestamp":2,"duration":8,"shared":true,
               "localEndpoint":{"serviceName":"api"},"tags":{"http.route":"/x"}},
              {"traceId":"0000000000000001","id":"b","parentId":"a","kind":"CLIENT","name":"select","timestamp":3,"duration":2,
               "localEndpoint":{"serviceName":"api"},"tags":{"db.system":"mysql"}}]]
            """#
        let (spans, summary) = TraceTesting.read(text)
        #expect(summary.formats == [.zipkin])
        #expect(summary.problems.total == 0)
        #expect(spans.count == 3)
        #expect(spans[0].attributes["peer.service"] == .string("api"))
        #expect(spans[0].attributes["server.address"] == .string("10.0.0.9"))
        #expect(spans[1].sharesClientSpanID)
        #expect(spans[1].parentSpanID == SpanID(0xa))
        // The shared server span is the client's child, and the database call the server's.
        let design = TraceTesting.infer([text])
        #expect(design.contains("Web -> Api : /x [latency=0.006ms] {"), "\(design)")
        #expect(design.contains("    Api <- Mysql : select [latency=0.002ms]"), "\(design)")
    }
}

@Suite struct OTLPJSONWriterTests {
    /// What is written reads back to the same spans, from every format.
    @Test(arguments: ["checkout.otlp.json", "checkout.jaeger.json", "checkout.zipkin.json"])
    func writtenSpansReadBackTheSame(_ file: String) throws {
        let spans = TraceTesting.read(try TraceTesting.fixture(file)).spans
        let written = OTLPJSONWriter.line(spans)
        #expect(written.hasSuffix("}\n"))
        #expect(written.dropLast().contains("\n") == false)
        let (again, summary) = TraceTesting.read(written + written)
        #expect(summary.problems.total == 0)
        #expect(summary.formats == [.otlp])
        var expected = spans + spans
        for index in expected.indices {
            expected[index].origin = nil
            // The service's name and namespace become resource attributes, as OTLP has them.
            expected[index].resource = TraceResource(attributes: OTLPJSONWriter.resourceAttributes(expected[index].resource))
        }
        let read = again.map { span -> TraceSpan in
            var span = span
            span.origin = nil
            return span
        }
        #expect(read.sorted { ($0.spanID, $0.service) < ($1.spanID, $1.service) }
                == expected.sorted { ($0.spanID, $0.service) < ($1.spanID, $1.service) })
    }
}
