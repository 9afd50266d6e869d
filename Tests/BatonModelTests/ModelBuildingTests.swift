import BatonModel
import BatonSyntax
import Testing

@Suite struct ModelBuildingTests {
    /// The model holds an interaction per arrow of the design, in its largest array: its fields
    /// are in an order that leaves no padding between them, and its attributes are compact.
    @Test func anInteractionTakes128Bytes() {
        #expect(MemoryLayout<Interaction>.stride <= 128)
    }

    @Test func typedAttributesAndDefaults() {
        let model = compileClean("""
            external Stripe "Payment provider" [availability=99.99%, latency=250ms, rate-limit=6000/m]
            queue Fulfil [order=fifo, overflow=backpressure, dlq=DLQ, capacity=unbounded, max-receives=5]
            queue DLQ [ttl=336h]
            driver Pump [interval=1.5m, batch=10]
            """)
        let stripe = model.participant(named: "Stripe")!
        #expect(stripe.displayName == "Payment provider")
        #expect(abs((stripe.attributes.availability ?? 0) - 0.9999) < 1e-12)
        #expect(stripe.attributes.latency == 0.25)
        #expect(stripe.attributes.rateLimit == 100)
        let fulfil = model.participant(named: "Fulfil")!.attributes
        #expect(fulfil.order == .fifo)
        #expect(fulfil.effectiveDelivery == .atLeastOnce)
        #expect(fulfil.dlq == model.id("DLQ"))
        #expect(fulfil.capacity == .unbounded)
        #expect(fulfil.maxReceives == 5)
        #expect(model.participant(named: "DLQ")!.attributes.ttl == 1_209_600.0, "\(String(describing: model.participant(named: "DLQ")!.attributes.ttl))")
        #expect(model.participant(named: "DLQ")!.attributes.effectiveOrder == .unordered)
        #expect(model.participant(named: "Pump")!.attributes.interval == 90)
        #expect(model.deadLetterChannels == [model.id("DLQ")])
    }

    @Test func groupsNestAndPassTheirOwnerDown() {
        let model = compileClean("""
            group Payments "Payments" [owner=payments] {
              service Billing
              group Ledger {
                store Entries
                service Audit [owner=compliance]
              }
            }
            service Loose
            """)
        #expect(model.participant(named: "Billing")!.owner == "payments")
        #expect(model.participant(named: "Entries")!.owner == "payments")
        #expect(model.participant(named: "Audit")!.owner == "compliance")
        #expect(model.participant(named: "Loose")!.owner == nil)
        #expect(model.rootGroups.map { model[$0].name } == ["Payments"])
        #expect(model.groups.map(\.name) == ["Payments", "Ledger"])
        #expect(model.groups[1].parent == model.rootGroups.first)
    }

    @Test func flowsAndTheDefaultFlow() {
        let model = compileClean("""
            title "Shop"
            service A
            service B
            A -> B : top
            flow "Checkout" [description="Paying"] {
              A -> B : inFlow
            }
            B -> A : alsoTop
            """)
        #expect(model.flows.map(\.name) == ["Shop", "Checkout"])
        #expect(model.flows[0].isDefault)
        #expect(model.flows[0].steps.count == 2)
        #expect(model.flows[1].description == "Paying")
        #expect(model.interactions.map(\.label) == ["top", "inFlow", "alsoTop"])
        #expect(model.interaction("inFlow").flow == model.flows[1].id)
    }

    @Test func namesMayBeUsedBeforeTheirDeclaration() {
        let model = compileClean("""
            A -> B : early
            service A
            service B
            """)
        #expect(model.interactions.count == 1)
    }

    @Test func blocksRecordTheirParentThroughFragments() {
        let model = compileClean("""
            service A
            service B
            service C
            A -> B : outer {
              alt "x" {
                B -> C : inner
              } else {
                B -> C : other
              }
            }
            """)
        #expect(model.interaction("inner").parent == model.interaction("outer").id)
        #expect(model.interaction("other").parent == model.interaction("outer").id)
        #expect(model.interaction("outer").parent == nil)
    }

    @Test func unicodeNamesAndLabels() {
        let model = compileClean("""
            service Café "Café ☕"
            service Zahlung
            Café -> Zahlung : bezahlen €
            """)
        #expect(model.participants.map(\.name) == ["Café", "Zahlung"])
        #expect(model.interactions.first?.label == "bezahlen €")
    }
}
