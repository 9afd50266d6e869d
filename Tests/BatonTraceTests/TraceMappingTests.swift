@testable import BatonTrace
import Testing

/// The mapping rules of docs/traces.md, one by one.
@Suite struct TraceMappingTests {
    /// A client span in `from` calling a server span in `to`.
    static func call(_ builder: inout OTLPBuilder, client: String, server: String, parent: String?, from: String, to: String,
                     route: String, start: Double, duration: Double, error: Bool = false) {
        builder.span(client, parent: parent, service: from, name: "POST", kind: 3, start: start, duration: duration, error: error)
        builder.span(server, parent: client, service: to, name: "POST \(route)", kind: 2, start: start + 0.5, duration: duration - 1,
                     attributes: ["http.route": route, "http.request.method": "POST"])
    }

    @Test func aClientSpanWithoutPeerCallsAnUnknownPeerAndOneWithAnAddressOfATracedServiceCallsIt() {
        var builder = OTLPBuilder()
        builder.span("1", service: "web", name: "job", kind: 1, duration: 100)
        builder.span("2", parent: "1", service: "web", name: "GET", kind: 3, start: 1, attributes: ["server.address": "orders.default.svc.cluster.local"])
        builder.span("3", parent: "1", service: "web", name: "GET", kind: 3, start: 2)
        builder.span("4", parent: "1", service: "web", name: "GET", kind: 3, start: 3, attributes: ["server.address": "api.example.com"])
        builder.span("5", service: "orders", name: "serve", kind: 1, trace: "00000000000000000000000000000009")
        let design = TraceTesting.infer([builder.text])
        #expect(design.contains("Web -> Orders : GET"), "\(design)")
        #expect(design.contains("Web -> UnknownPeer : GET"))
        #expect(design.contains(#"external ApiExampleCom "api.example.com""#))
        // A job (an internal root span) is a flow whose steps the service starts itself.
        #expect(design.contains("flow \"job\" {"))
        #expect(design.contains("client   Web"), "it only ever initiates: \(design)")
    }

    @Test func aSendToNoDestinationThatAServiceHandlesIsAnAsyncCallToIt() {
        var builder = OTLPBuilder()
        builder.span("1", service: "shop", name: "order", kind: 1, duration: 100)
        // Delivered: the producer span has the callee's server span below it.
        builder.span("2", parent: "1", service: "shop", name: "order placed", kind: 4, start: 1,
                     attributes: ["peer.service": "mailer", "messaging.operation.type": "send"])
        builder.span("3", parent: "2", service: "mailer", name: "order placed", kind: 2, start: 2, duration: 40,
                     attributes: ["rpc.method": "order placed"])
        builder.span("4", parent: "3", service: "mailer", name: "INSERT", kind: 3, start: 3, duration: 5,
                     attributes: ["db.system": "postgresql", "db.namespace": "outbox"])
        // Refused: no server span, but peer.service names the traced service.
        builder.span("5", parent: "1", service: "shop", name: "order placed", kind: 4, start: 50,
                     attributes: ["peer.service": "mailer", "messaging.operation.type": "send"], error: true)
        let design = TraceTesting.infer([builder.text])
        #expect(design.contains("Shop ->> Mailer : order placed {"), "\(design)")
        #expect(design.contains("Mailer -> Outbox : INSERT"), "\(design)")
        #expect(!design.contains("queue"), "no channel is made up for it: \(design)")
        // The refused attempt counts as a call, but not in the callee's own time (35ms: 40 less 5 in the store).
        #expect(design.contains("measured: 2 sends"), "\(design)")

        // To a peer with no spans of its own: an external.
        var external = OTLPBuilder()
        external.span("1", service: "shop", name: "order", kind: 1, duration: 100)
        external.span("2", parent: "1", service: "shop", name: "notify", kind: 4, start: 1, duration: 30,
                      attributes: ["peer.service": "partner", "messaging.operation.type": "send"])
        let toExternal = TraceTesting.infer([external.text])
        #expect(toExternal.contains("external Partner"), "\(toExternal)")
        #expect(toExternal.contains("Shop ->> Partner : notify"), "\(toExternal)")
    }

    @Test func aCallToATracedServiceWithoutItsServerSpanDoesNotCountInTheCalleesOwnTime() {
        var builder = OTLPBuilder()
        builder.span("1", service: "web", name: "job", kind: 1, duration: 5000)
        Self.call(&builder, client: "2", server: "3", parent: "1", from: "web", to: "search", route: "/q", start: 1, duration: 11)
        // Given up on while it waited in line: 4 seconds of the caller's wait, none of the callee's work.
        builder.span("4", parent: "1", service: "web", name: "POST", kind: 3, start: 20, duration: 4000,
                     attributes: ["peer.service": "search"], error: true)
        let design = TraceTesting.infer([builder.text])
        #expect(design.contains("Web -> Search : POST /q [latency=10ms"), "\(design)")
        #expect(design.contains("Web -> Search : POST [latency=") == false, "\(design)")
    }

    @Test func aDestinationReadByOneServiceIsAQueueAndByTwoATopic() {
        var builder = OTLPBuilder()
        builder.span("1", service: "orders", name: "send jobs", kind: 4, attributes: ["messaging.system": "rabbitmq", "messaging.destination.name": "jobs"])
        builder.span("2", parent: "1", service: "worker", name: "process jobs", kind: 5, start: 1,
                     attributes: ["messaging.system": "rabbitmq", "messaging.destination.name": "jobs"])
        builder.span("3", service: "orders", name: "send events", kind: 4, start: 5, attributes: ["messaging.system": "rabbitmq", "messaging.destination.name": "events"])
        builder.span("4", parent: "3", service: "audit", name: "process events", kind: 5, start: 6,
                     attributes: ["messaging.system": "rabbitmq", "messaging.destination.name": "events"])
        builder.span("5", parent: "3", service: "mailer", name: "process events", kind: 5, start: 7,
                     attributes: ["messaging.system": "rabbitmq", "messaging.destination.name": "events"])
        // An older convention says outright that this one is a topic.
        builder.span("6", service: "orders", name: "send news", kind: 4, start: 8,
                     attributes: ["messaging.destination": "news", "messaging.destination_kind": "topic"])
        let design = TraceTesting.infer([builder.text])
        #expect(design.contains(#"queue    Jobs   "jobs""#), "\(design)")
        #expect(design.contains(#"topic    Events "events""#), "\(design)")
        #expect(design.contains(#"topic    News   "news""#), "\(design)")
        #expect(design.contains("Worker <- Jobs : process jobs"))
        #expect(design.contains("Orders ->> News : send news"))
    }

    @Test func aConsumerInItsOwnTraceIsAFlowOfItsOwn() {
        var builder = OTLPBuilder()
        builder.span("1", service: "worker", name: "receive jobs", kind: 5, duration: 10,
                     attributes: ["messaging.system": "sqs", "messaging.destination.name": "jobs"])
        builder.span("2", parent: "1", service: "worker", name: "PutItem", kind: 3, start: 1, duration: 2,
                     attributes: ["db.system": "dynamodb", "db.operation.name": "PutItem"])
        let design = TraceTesting.infer([builder.text])
        #expect(design.contains("""
              Worker <- Jobs : receive jobs [latency=8ms]
              # measured: 1 call; own time mean 2ms, p50 2ms, p99 2ms
              Worker -> Dynamodb : PutItem [latency=2ms]
            """), "\(design)")
    }

    @Test func storeReadsAreFetchesAndStoresAreNamedByNamespaceThenSystem() {
        var builder = OTLPBuilder()
        builder.span("1", service: "api", name: "job", kind: 1, duration: 50)
        builder.span("2", parent: "1", service: "api", name: "SELECT users", kind: 3, start: 1,
                     attributes: ["db.system": "postgresql", "db.namespace": "accounts", "db.operation.name": "SELECT", "db.collection.name": "users"])
        builder.span("3", parent: "1", service: "api", name: "SET", kind: 3, start: 2, attributes: ["db.system": "redis"])
        builder.span("4", parent: "1", service: "api", name: "GET", kind: 3, start: 3, attributes: ["db.system": "redis"])
        let design = TraceTesting.infer([builder.text])
        #expect(design.contains("Api <- Accounts : SELECT users"), "\(design)")
        #expect(design.contains("Api -> Redis : SET"))
        #expect(design.contains("Api <- Redis : GET"))
        #expect(design.contains(#"store    Accounts "accounts"  # db.system postgresql"#))
    }

    @Test func repeatedCallsAreLoopsAndCallsAfterAFailureAreRetries() {
        var builder = OTLPBuilder()
        builder.span("1", service: "web", name: "GET /cart", kind: 2, duration: 100, attributes: ["http.route": "/cart"])
        for (index, start) in [10.0, 20, 30].enumerated() {
            Self.call(&builder, client: "a\(index)", server: "b\(index)", parent: "1", from: "web", to: "prices", route: "/price",
                      start: start, duration: 5)
        }
        Self.call(&builder, client: "c1", server: "d1", parent: "1", from: "web", to: "tax", route: "/tax", start: 50, duration: 5, error: true)
        Self.call(&builder, client: "c2", server: "d2", parent: "1", from: "web", to: "tax", route: "/tax", start: 60, duration: 5, error: true)
        Self.call(&builder, client: "c3", server: "d3", parent: "1", from: "web", to: "tax", route: "/tax", start: 70, duration: 5)
        let design = TraceTesting.infer([builder.text])
        #expect(design.contains("""
                loop "up to 3 times, 3 on average" [times=3] {
                  # measured: 3 calls; own time mean 4ms, p50 4ms, p99 4ms
                  Web -> Prices : POST /price [latency=4ms]
                }
            """), "\(design)")
        #expect(design.contains("Web -> Tax : POST /tax [latency=4ms, retries=2]"), "\(design)")
        #expect(design.contains("67% failed; 2 retries (up to 2 for one call)") || design.contains("66.67% failed"), "\(design)")
    }

    @Test func aStepInSomeOccurrencesOnlyIsOptionalAndRareOnesAreLeftOutByMinCount() {
        var texts: [String] = []
        for index in 0..<4 {
            var builder = OTLPBuilder()
            builder.trace = "0000000000000000000000000000000\(index + 1)"
            builder.span("1", service: "web", name: "GET /", kind: 2, duration: 100)
            Self.call(&builder, client: "2", server: "3", parent: "1", from: "web", to: "api", route: "/a", start: 10, duration: 20)
            if index == 0 {
                Self.call(&builder, client: "4", server: "5", parent: "1", from: "web", to: "fraud", route: "/score", start: 40, duration: 20)
            }
            texts.append(builder.text)
        }
        var other = OTLPBuilder()
        other.trace = "000000000000000000000000000000ff"
        other.span("1", service: "web", name: "GET /health", kind: 2)
        texts.append(other.text)

        let all = TraceTesting.infer(texts)
        #expect(all.contains(#"opt "in 1 of 4" [p=25%] {"#), "\(all)")
        #expect(all.contains("flow \"GET /health\""))
        let common = TraceTesting.infer(texts, minCount: 2)
        #expect(!common.contains("Fraud"), "\(common)")
        #expect(!common.contains("\nflow \"GET /health\" {"))
        #expect(common.contains("""
            # Left out by --min-count 2 (seen fewer than 2 times):
            #   web -> fraud : POST /score (1 time, in flow "GET /")
            #   flow "GET /health" (1 root)
            """), "\(common)")
    }

    @Test func clockSkewKeepsNestingByParentIdsAndIsCounted() {
        var builder = OTLPBuilder()
        builder.span("1", service: "web", name: "GET /", kind: 2, start: 100, duration: 50)
        // The server's clock is behind: its span starts before its client's, and its own call
        // even before the root.
        builder.span("2", parent: "1", service: "web", name: "POST", kind: 3, start: 110, duration: 20)
        builder.span("3", parent: "2", service: "api", name: "POST /x", kind: 2, start: 40, duration: 18, attributes: ["http.route": "/x"])
        builder.span("4", parent: "3", service: "api", name: "INSERT", kind: 3, start: 41, duration: 5, attributes: ["db.system": "mysql"])
        let system = TraceTesting.observe([builder.text])
        #expect(system.statistics.startsBeforeParent == 1)
        let design = TraceTesting.infer([builder.text])
        #expect(design.contains("""
                Web -> Api : /x [latency=13ms] {
                  # measured: 1 call; own time mean 5ms, p50 5ms, p99 5ms
                  Api -> Mysql : INSERT [latency=5ms]
                }
            """), "\(design)")
        #expect(design.contains("# Note: 1 span starting before its parent (clock skew), nested by parent id."))
    }

    @Test func orphansBecomeRootsAndParentLoopsAreCut() {
        var builder = OTLPBuilder()
        builder.span("1", parent: "dead", service: "api", name: "GET /lost", kind: 2, attributes: ["http.route": "/lost"])
        builder.span("2", parent: "1", service: "api", name: "SELECT", kind: 3, attributes: ["db.system": "mysql"])
        // Two spans that name each other as parents, and one its own parent.
        builder.span("3", parent: "4", service: "api", name: "a", kind: 1)
        builder.span("4", parent: "3", service: "api", name: "b", kind: 1)
        builder.span("5", parent: "5", service: "api", name: "c", kind: 1)
        let system = TraceTesting.observe([builder.text])
        // The missing parent and the span that is its own parent.
        #expect(system.statistics.orphans == 2)
        #expect(system.statistics.cycles == 1)
        let flow = system.flows.first { $0.name == "/lost" }
        #expect(flow?.orphanRoots == 1)
        let design = TraceTesting.infer([builder.text])
        #expect(design.contains("Caller -> Api : /lost"), "\(design)")
        #expect(design.contains("seen 1 time (1 starting at a span whose parent is missing)"))
        #expect(design.contains("# Note: 2 spans whose parent is missing, read as roots.\n# Note: 1 loop of parent ids cut."))
        // The internal spans show no interaction: no flow of theirs is written.
        #expect(design.contains("# Note: 2 root operations with no interaction between participants (internal work only) are not written."))
        #expect(!design.contains("flow \"a\""))
    }

    @Test func servicesAreGroupedByNamespaceAndNamesMeetByTheirKey() {
        var builder = OTLPBuilder()
        builder.namespaces = ["order-service": "shop", "billing_service": "shop"]
        builder.span("1", service: "order-service", name: "send", kind: 4, attributes: ["messaging.destination.name": "order-events", "messaging.system": "kafka"])
        builder.span("2", parent: "1", service: "billing_service", name: "process", kind: 5, attributes: ["messaging.destination.name": "OrderEvents", "messaging.system": "kafka"])
        let system = TraceTesting.observe([builder.text])
        #expect(system.entities.filter { $0.kind.isChannel }.count == 1, "order-events and OrderEvents are one channel")
        #expect(system.entity(matching: "OrderEvents")?.kind == .topic)
        #expect(system.entity(matching: "Order_Events")?.name == "OrderEvents")
        #expect(system.entity(matching: "OrderService")?.namespace == "shop")
        let design = TraceTesting.infer([builder.text])
        #expect(design.contains("""
            group Shop "shop" {
              service  BillingService "billing_service"
              client   OrderService   "order-service"
            }
            """), "\(design)")
        // The send comes first: it started no later than the fetch, and came first in the trace.
        #expect(design.contains("OrderService ->> OrderEvents : send\n  # measured: 1 message"), "\(design)")
    }

    @Test func theResultDoesNotDependOnTheOrderOfSpansOrFiles() throws {
        let otlp = try TraceTesting.fixture("checkout.otlp.json")
        let zipkin = try TraceTesting.fixture("checkout.zipkin.json")
        var spans = TraceTesting.read(otlp).spans + TraceTesting.read(zipkin).spans
        var forward = TraceObserver()
        forward.add(spans)
        spans.reverse()
        var backward = TraceObserver()
        backward.add(spans)
        let first = DesignWriter.write(forward.finish()).text
        let second = DesignWriter.write(backward.finish()).text
        #expect(first == second)
    }

    @Test func labelsThatNeedQuotesAreQuotedAndIdentifiersAreValid() {
        var builder = OTLPBuilder()
        builder.span("1", service: "3scale gateway", name: "GET /orders/{id}", kind: 2, attributes: ["http.route": "/orders/{id}", "http.request.method": "GET"])
        builder.span("2", parent: "1", service: "3scale gateway", name: "x", kind: 3, attributes: ["peer.service": "#!?"])
        let design = TraceTesting.infer([builder.text])
        #expect(design.contains(#"Caller -> _3scaleGateway : "GET /orders/{id}""#), "\(design)")
    }

    @Test func nameKeysIgnoreCaseAndPunctuation() {
        #expect(NameKey("order-events") == NameKey("OrderEvents"))
        #expect(NameKey("Order Events") == NameKey("order_events"))
        #expect(NameKey("orders") != NameKey("order"))
        #expect(NameKey("Café") == NameKey("cafe\u{301}"))
        #expect(ParticipantIdentifier.make(from: "order-events") == "OrderEvents")
        #expect(ParticipantIdentifier.make(from: "api.stripe.com") == "ApiStripeCom")
        #expect(ParticipantIdentifier.make(from: "3scale") == "_3scale")
        #expect(ParticipantIdentifier.make(from: "--") == "Unnamed")
        for name in ["order-events", "api.stripe.com", "straße", "3scale", "Café"] {
            #expect(NameKey(ParticipantIdentifier.make(from: name)) == NameKey(name), "\(name)")
        }
    }
}
