// How the graph view hands its edges to the layered layout: in the data direction, except a
// callback whose registration the view shows, which is laid out along the registration.

import Baton
import BatonModel
import Testing
@testable import BatonLayout

@Suite struct GraphLayoutTests {
    static func frames(_ source: String, flow: String? = nil) throws -> [String: Rect] {
        let compilation = Baton.compile(source: source)
        try #require(!compilation.hasErrors, "\(compilation.diagnostics.map(\.message))")
        let model = compilation.model
        let flowID = flow.flatMap { model.flow(named: $0)?.id }
        let layout = GraphLayout(model: model, content: GraphViewContent(model: model, flow: flowID), direction: .leftToRight,
                                 metrics: TextMetrics())
        return Dictionary(uniqueKeysWithValues: layout.nodes.ids.enumerated().map { (model[$1].name, layout.layout.nodeFrames[$0]) })
    }

    static let registered = """
        external Carrier
        service  Webhooks
        flow "Registration" {
          Webhooks -> Carrier : register endpoint
        }
        Carrier ~> Webhooks : parcel status changed
        """

    @Test func aCallbackIsLaidOutAlongItsRegistration() throws {
        let frames = try Self.frames(Self.registered)
        let webhooks = try #require(frames["Webhooks"]), carrier = try #require(frames["Carrier"])
        #expect(webhooks.maxX < carrier.minX, "the registration runs forward, the callback back along it")
    }

    @Test func aCallbackWithoutItsRegistrationRunsWithItsData() throws {
        let frames = try Self.frames("""
            external Marketplace
            service  Webhooks
            Marketplace ~> Webhooks : order cancelled
            """)
        let marketplace = try #require(frames["Marketplace"]), webhooks = try #require(frames["Webhooks"])
        #expect(marketplace.maxX < webhooks.minX)
        // A flow that leaves the registration out draws the callback with its data too.
        let callbackOnly = try Self.frames(Self.registered + "\nflow \"Updates\" {\n  Carrier ~> Webhooks : parcel status changed\n}",
                                           flow: "Updates")
        let carrier = try #require(callbackOnly["Carrier"]), receiver = try #require(callbackOnly["Webhooks"])
        #expect(carrier.maxX < receiver.minX)
    }

    @Test func backwardsEdgesAreTheRegisteredCallbacks() throws {
        let compilation = Baton.compile(source: Self.registered + "\nexternal Partner\nPartner ~> Webhooks : ping")
        try #require(!compilation.hasErrors)
        let content = GraphViewContent(model: compilation.model)
        let backwards = GraphLayout.laidOutBackwards(content.edges)
        #expect(backwards == content.edges.map { $0.arrow == .callback && compilation.model[$0.initiator].name == "Carrier" })
        #expect(backwards.contains(true) && backwards.contains(false))
    }
}
