// Wide casts are drawn tighter: when the heads spaced comfortably would make the row wider than
// a page, the gaps shrink and long names take two lines, and the drawing is measurably
// narrower, while every label still fits between the lifelines of its arrow.

import Baton
import BatonModel
import BatonTestSupport
import BatonWorkload
import Testing
@testable import BatonLayout

@Suite struct SequenceSpacingTests {
    static func widths(_ model: Model, flow: FlowID?) -> (comfortable: Scene, automatic: Scene) {
        (SequenceLayout.scene(model: model, flow: flow, spacing: .comfortable), SequenceLayout.scene(model: model, flow: flow))
    }

    /// Every label above a straight arrow lies between the arrow's ends, with the margin the
    /// layout promises on both sides.
    static func expectLabelsFit(_ scene: Scene, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        func visit(_ items: [SceneItem]) {
            for item in items {
                guard case .group(let group) = item else { continue }
                guard case .interaction = group.marker else {
                    visit(group.items)
                    continue
                }
                guard let line = group.items.lazy.compactMap({ if case .line(let l) = $0 { l } else { nil } }).first,
                      line.path.points.count == 2 else { continue }
                let left = min(line.startPoint.x, line.endPoint.x), right = max(line.startPoint.x, line.endPoint.x)
                for case .text(let text) in group.items {
                    #expect(text.frame.minX >= left + SequenceStyle.labelMargin - 0.01
                            && text.frame.maxX <= right - SequenceStyle.labelMargin + 0.01,
                            "\(name): \(text.lines.first ?? "") does not fit between its arrow's ends", sourceLocation: sourceLocation)
                }
            }
        }
        visit(scene.items)
    }

    static func compile(_ name: String) throws -> Compilation {
        let design = try #require(TestDesigns.named(name))
        let compilation = Baton.compile(bytes: design.bytes, displayPath: design.url.path)
        try #require(!compilation.hasErrors)
        return compilation
    }

    @Test(arguments: ["polling-vs-push", "clean-architecture", "order-pipeline", "temporal-coupling"])
    func theWidestSamplesAreNarrower(_ name: String) throws {
        let compilation = try Self.compile(name)
        let flow = try #require(compilation.model.flows.first)
        let (before, after) = Self.widths(compilation.model, flow: flow.id)
        print("\(name): \(Int(before.size.width)) px comfortable, \(Int(after.size.width)) px tight")
        #expect(after.size.width <= before.size.width * 0.92, "\(name): \(before.size.width) → \(after.size.width)")
        Self.expectLabelsFit(after, name)
        #expect(SequenceViewGeometry.report(after).defects == 0)
    }

    @Test(arguments: 1...3)
    func aGeneratedWideCastIsNarrower(seed: Int) throws {
        let source = DesignGenerator(.init(participants: 16, interactions: 40, seed: UInt64(seed), interactionsPerFlow: 40)).generate()
        let compilation = Baton.compile(source: source, path: "generated.baton")
        try #require(!compilation.hasErrors)
        let flow = try #require(compilation.model.flows.first)
        let lifelines = SequenceLayout.scene(model: compilation.model, flow: flow.id).lines.filter { $0.role == .lifeline }
        try #require(lifelines.count >= 10, "a wide cast")
        let (before, after) = Self.widths(compilation.model, flow: flow.id)
        print("generated, seed \(seed), \(lifelines.count) lifelines: \(Int(before.size.width)) px comfortable, \(Int(after.size.width)) px tight")
        #expect(after.size.width <= before.size.width * 0.92)
        Self.expectLabelsFit(after, "seed \(seed)")
    }

    @Test func aNarrowCastKeepsItsComfortableSpacing() throws {
        let compilation = try Self.compile("card-payments")
        let flow = try #require(compilation.model.flows.first)
        let (before, after) = Self.widths(compilation.model, flow: flow.id)
        #expect(before == after)
    }

    @Test func longNamesTakeTwoEvenLines() {
        let metrics = TextMetrics()
        let name = "Event-source mapping"
        let balanced = SequenceHeads.balanced(name, metrics: metrics)
        #expect(balanced?.lines == ["Event-source", "mapping"])
        let oneLine = metrics.width(of: name, size: ParticipantBox.label.size, weight: ParticipantBox.label.weight)
        #expect((balanced?.size.width ?? .infinity) < oneLine * 0.7)
        #expect(SequenceHeads.balanced("Thumbnailer", metrics: metrics) == nil)
        #expect(SequenceHeads.balanced("Finance ops desk", metrics: metrics)?.lines == ["Finance", "ops desk"])
    }
}
