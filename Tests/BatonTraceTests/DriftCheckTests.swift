import Baton
import BatonDrift
import BatonModel
import BatonSyntax
@testable import BatonTrace
import Testing

/// `DriftCheck`: each drift finding from hand-written spans, and a design that matches its
/// traces reporting none.
@Suite struct DriftCheckTests {
    static let design = """
        client Web
        service Orders [latency=10ms]
        store Db "orders-db"
        flow "checkout" {
          Web -> Orders : POST /orders [timeout=1s] {
            Orders -> Db : INSERT
          }
        }
        """

    /// A checkout: web calls orders (whose server span takes `orders` ms, `ownDb` of them in
    /// the database), `error` makes the web's call fail.
    static func checkout(_ builder: inout OTLPBuilder, trace: String, orders: Double = 9, db: Double = 2, error: Bool = false,
                         idBase: Int = 1, start: Double = 0) {
        let client = String(idBase), server = String(idBase + 1), database = String(idBase + 2)
        builder.span(client, service: "web", name: "POST", kind: 3, start: start, duration: orders + 1, error: error, trace: trace)
        builder.span(server, parent: client, service: "orders", name: "POST /orders", kind: 2, start: start + 0.5, duration: orders,
                     attributes: ["http.route": "/orders", "http.request.method": "POST"], error: error, trace: trace)
        builder.span(database, parent: server, service: "orders", name: "INSERT", kind: 3, start: start + 1, duration: db,
                     attributes: ["db.system": "postgresql", "db.namespace": "orders-db", "db.operation.name": "INSERT"], trace: trace)
    }

    static let traceA = "0000000000000000000000000000000a"
    static let traceB = "0000000000000000000000000000000b"

    static func drift(_ builder: OTLPBuilder, design source: String = design, sourceLocation: SourceLocation = #_sourceLocation) -> [Diagnostic] {
        let compilation = Baton.compile(source: source, path: "d.baton")
        #expect(!compilation.hasErrors, "\(compilation.diagnostics.map(\.message))", sourceLocation: sourceLocation)
        return DriftCheck.findings(model: compilation.model, observed: TraceTesting.observe([builder.text]))
    }

    @Test func aDesignThatMatchesItsTracesHasNoDrift() {
        var builder = OTLPBuilder()
        Self.checkout(&builder, trace: Self.traceA)
        Self.checkout(&builder, trace: Self.traceB)
        #expect(Self.drift(builder).isEmpty, "\(Self.drift(builder).map(\.message))")
    }

    @Test func aCallTheDesignDoesNotHaveIsUndeclaredWithItsSpans() throws {
        var builder = OTLPBuilder()
        Self.checkout(&builder, trace: Self.traceA)
        builder.span("7", parent: "2", service: "orders", name: "POST", kind: 3, start: 3, duration: 2, trace: Self.traceA)
        builder.span("8", parent: "7", service: "payments", name: "POST /charge", kind: 2, start: 3.5, duration: 1,
                     attributes: ["http.route": "/charge", "http.request.method": "POST"], trace: Self.traceA)
        let findings = Self.drift(builder)
        #expect(findings.map(\.code) == ["undeclared-interaction"], "\(findings.map(\.message))")
        let finding = try #require(findings.first)
        #expect(finding.severity == .warning)
        #expect(finding.message.contains("'orders -> payments : POST /charge'"), "\(finding.message)")
        #expect(finding.notes.map(\.message) == ["seen in trace \(Self.traceA), span 0000000000000007"])
        #expect(finding.help?.contains("baton infer") == true)
    }

    @Test func aDesignedInteractionNeverSeenIsUnobserved() throws {
        var builder = OTLPBuilder()
        Self.checkout(&builder, trace: Self.traceA)
        let source = Self.design.replacingOccurrences(of: "    Orders -> Db : INSERT\n", with: """
                Orders -> Db : INSERT
                Orders ->> Events : placed
            
            """) .replacingOccurrences(of: "store Db", with: "queue Events\nstore Db")
        let findings = Self.drift(builder, design: source)
        #expect(findings.map(\.code) == ["unobserved-interaction"], "\(findings.map(\.message))")
        let finding = try #require(findings.first)
        #expect(finding.severity == .info)
        #expect(finding.message.contains("'Orders ->> Events : placed'"))
        #expect(finding.message.contains("'Events'"), "it names the participant no span shows: \(finding.message)")
    }

    @Test func aPushDeliveryMeetsItsConsumersFetch() {
        var builder = OTLPBuilder()
        builder.span("1", service: "shop", name: "placed", kind: 4, duration: 1,
                     attributes: ["messaging.destination.name": "Orders", "messaging.operation.type": "send"], trace: Self.traceA)
        builder.span("2", parent: "1", service: "billing", name: "placed", kind: 5, start: 2, duration: 5,
                     attributes: ["messaging.destination.name": "Orders", "messaging.operation.type": "process"], trace: Self.traceA)
        let design = """
            client Shop
            queue Orders [push]
            service Billing
            Shop ->> Orders : placed
            Orders ->> Billing : placed
            """
        #expect(Self.drift(builder, design: design).isEmpty, "\(Self.drift(builder, design: design).map(\.message))")
    }

    @Test func anExternalsCallbackMeetsTheCallFromCallerItsRootServerSpanShows() {
        var builder = OTLPBuilder()
        builder.span("1", service: "shop", name: "payment succeeded", kind: 2, duration: 3,
                     attributes: ["rpc.method": "payment succeeded"], trace: Self.traceA)
        let design = """
            service Shop
            external Stripe
            Stripe ~> Shop : payment succeeded
            """
        #expect(Self.drift(builder, design: design).isEmpty, "\(Self.drift(builder, design: design).map(\.message))")
        // Another callee is still unobserved.
        let other = design + "\nservice Ledger\nStripe ~> Ledger : payout\n"
        #expect(Self.drift(builder, design: other).map(\.code) == ["unobserved-interaction"])
    }

    @Test func aStoresChangeStreamMeetsTheCallFromCallerWhateverItsArrow() {
        var builder = OTLPBuilder()
        builder.span("1", service: "search", name: "row changed", kind: 2, duration: 3,
                     attributes: ["rpc.method": "row changed"], trace: Self.traceA)
        let design = """
            store OrdersDb
            service Search
            OrdersDb ->> Search : row changed
            """
        #expect(Self.drift(builder, design: design).isEmpty, "\(Self.drift(builder, design: design).map(\.message))")
    }

    @Test func interactionsSpansCannotTellApartAreHeldToTheMostRetriesOneAllows() {
        var builder = OTLPBuilder()
        // One call retried once after a failure.
        builder.span("1", service: "web", name: "job", kind: 1, duration: 100, trace: Self.traceA)
        builder.span("2", parent: "1", service: "web", name: "cancel", kind: 3, start: 1, duration: 2,
                     attributes: ["peer.service": "hotel"], error: true, trace: Self.traceA)
        builder.span("3", parent: "1", service: "web", name: "cancel", kind: 3, start: 5, duration: 2,
                     attributes: ["peer.service": "hotel"], trace: Self.traceA)
        let design = """
            client Web
            external Hotel
            flow "a" {
              Web -> Hotel : cancel [retries=3]
            }
            flow "b" {
              Web -> Hotel : cancel
            }
            """
        #expect(Self.drift(builder, design: design).isEmpty, "\(Self.drift(builder, design: design).map(\.message))")
        let strict = design.replacingOccurrences(of: " [retries=3]", with: "")
        #expect(Self.drift(builder, design: strict).map(\.code) == ["retry-drift", "retry-drift"])
    }

    @Test func anAsyncWriteToAStoreMeetsItsDatabaseCall() {
        var builder = OTLPBuilder()
        Self.checkout(&builder, trace: Self.traceA)
        let source = Self.design.replacingOccurrences(of: "Orders -> Db : INSERT", with: "Orders ->> Db : INSERT")
        #expect(Self.drift(builder, design: source).isEmpty, "\(Self.drift(builder, design: source).map(\.message))")
    }

    @Test func aSendObservedAsACallIsKindDrift() throws {
        var builder = OTLPBuilder()
        Self.checkout(&builder, trace: Self.traceA)
        builder.span("7", parent: "2", service: "orders", name: "POST", kind: 3, start: 3, duration: 2, trace: Self.traceA)
        builder.span("8", parent: "7", service: "payments", name: "POST /charge", kind: 2, start: 3.5, duration: 1,
                     attributes: ["http.route": "/charge", "http.request.method": "POST"], trace: Self.traceA)
        let source = Self.design.replacingOccurrences(of: "store Db", with: "service Payments\nstore Db")
            .replacingOccurrences(of: "    Orders -> Db : INSERT\n", with: "    Orders -> Db : INSERT\n    Orders ->> Payments : POST /charge\n")
        let findings = Self.drift(builder, design: source)
        #expect(findings.map(\.code) == ["kind-drift"], "\(findings.map(\.message))")
        let finding = try #require(findings.first)
        #expect(finding.message.contains("designed async but observed sync"), "\(finding.message)")
        #expect(finding.notes.count == 1)
    }

    @Test func aP99AboveTheTimeoutAndAMeanFarAboveTheLatencyAreLatencyDrift() throws {
        var builder = OTLPBuilder()
        // Orders' own time is 2.5s: above the call's 1s timeout.
        Self.checkout(&builder, trace: Self.traceA, orders: 2500)
        var findings = Self.drift(builder)
        #expect(findings.map(\.code) == ["latency-drift"], "\(findings.map(\.message))")
        #expect(findings.first?.message.contains("above its timeout 1s") == true, "\(findings.map(\.message))")

        // 40ms of own time is 4× the declared 10ms (and within the timeout).
        builder = OTLPBuilder()
        Self.checkout(&builder, trace: Self.traceA, orders: 42)
        findings = Self.drift(builder)
        #expect(findings.map(\.code) == ["latency-drift"], "\(findings.map(\.message))")
        #expect(findings.first?.message.contains("more than 3× its declared latency 10ms") == true, "\(findings.map(\.message))")

        // 25ms is 2.5×: not far enough to be drift.
        builder = OTLPBuilder()
        Self.checkout(&builder, trace: Self.traceA, orders: 27)
        #expect(Self.drift(builder).isEmpty, "\(Self.drift(builder).map(\.message))")
    }

    @Test func moreRetriesThanDeclaredAreRetryDrift() throws {
        var builder = OTLPBuilder()
        builder.span("1", service: "web", name: "checkout", kind: 1, duration: 100, trace: Self.traceA)
        Self.checkout(&builder, trace: Self.traceA, error: true, idBase: 2, start: 1)
        Self.checkout(&builder, trace: Self.traceA, idBase: 5, start: 20)
        // The calls hang under the web's root span.
        builder.spans = builder.spans.map { span in
            var span = span
            span.json = span.json.replacingOccurrences(of: #""spanId":"0000000000000002","parentSpanId":"""#,
                                                       with: #""spanId":"0000000000000002","parentSpanId":"0000000000000001""#)
                .replacingOccurrences(of: #""spanId":"0000000000000005","parentSpanId":"""#,
                                      with: #""spanId":"0000000000000005","parentSpanId":"0000000000000001""#)
            return span
        }
        let findings = Self.drift(builder)
        #expect(findings.map(\.code) == ["retry-drift"], "\(findings.map(\.message))")
        #expect(findings.first?.message == "'Web -> Orders : POST /orders': observed up to 1 retry for one call, the design allows 0")
        // The spans quoted are the ones docs/traces.md shows.
        #expect(findings.first?.notes.map(\.message) == ["seen in trace \(Self.traceA), span 0000000000000002"])
        #expect(findings.first?.help == "declare retries=1 so the design's worst cases count them, or make the caller retry less")
        let allowed = Self.design.replacingOccurrences(of: "[timeout=1s]", with: "[timeout=1s, retries=2]")
        #expect(Self.drift(builder, design: allowed).isEmpty)
    }
}
