import Baton
import BatonCheck
import BatonModel
import BatonSyntax
import Testing

/// Findings mapped onto the statements they are about, for diagrams to mark.
@Suite struct FindingTargetsTests {
    @Test func eachFindingOfTheCardPaymentsDesignFindsItsStatements() throws {
        let (compilation, diagnostics) = check("""
            client   Shopper
            service  Shop      [timeout=2s, idempotent]
            external Stripe    [availability=99.99%, latency=250ms]
            queue    Fulfil    [order=fifo, overflow=backpressure, dlq=FulfilDLQ]
            queue    FulfilDLQ [ttl=336h]
            service  Warehouse [concurrency=4]
            Shopper -> Shop : pay [timeout=5s] {
              Shop -> Stripe : createPayment [timeout=1s, retries=2, backoff=exponential, jitter, circuit-breaker]
            }
            Stripe ~> Shop : payment succeeded {
              Shop ->> Fulfil : ShipOrder
            }
            Warehouse <- Fulfil : ShipOrder [timeout=20s]
            """)
        let model = compilation.model
        let targets = FindingTargets(model)
        func names(_ target: FindingTarget) -> [String] {
            target.interactions.map { "\(model[model[$0].from].name)→\(model[model[$0].to].name)" }
                + target.participants.map { model[$0].name }
        }
        let byCode = Dictionary(uniqueKeysWithValues: diagnostics.map { ($0.code, names(targets.target(of: $0))) })
        // The orphan dead-letter queue, and (its note) the queue that names it.
        #expect(byCode["orphan-channel"] == ["FulfilDLQ", "Fulfil"])
        // The retried call, and (its note) the callee's declaration.
        #expect(byCode["retry-without-idempotency"] == ["Shop→Stripe", "Stripe"])
        #expect(byCode["duplicate-delivery"] == ["Warehouse→Fulfil", "Fulfil"])
    }

    @Test func aSpanOutsideEveryStatementHasNoTarget() {
        let compilation = Baton.compile(source: "# a comment\nservice A\n")
        let targets = FindingTargets(compilation.model)
        #expect(targets.target(of: Span(file: FileID(0), start: 0, end: 5)).isEmpty)
        #expect(targets.target(of: Span(file: FileID(0), start: 12, end: 13)).participants == [ParticipantID(0)])
        #expect(targets.target(of: Span(file: FileID(1), start: 12, end: 13)).isEmpty)
    }
}
