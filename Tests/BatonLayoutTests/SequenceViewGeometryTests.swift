// The sequence view's geometry checker counts each planted defect on hand-built scenes, gives
// zeros on clean ones, and finds no defect in any flow of any sample or test design, nor in
// seeded generated designs (whose numbers it prints).

import Baton
import BatonModel
import BatonRender
import BatonSyntax
import BatonTestSupport
import BatonWorkload
import Testing
@testable import BatonLayout

@Suite struct SequenceViewGeometryTests {
    // MARK: - Hand-built pieces, shaped as SequenceLayout builds them

    static func p(_ x: Double, _ y: Double) -> Point { Point(x: x, y: y) }

    static func text(_ frame: Rect, _ role: StyleRole = .interactionLabel, lines: [String] = ["label"],
                     size: Double = 13) -> SceneItem {
        .text(TextBlock(lines: lines, frame: frame, alignment: .start, fontSize: size, weight: .regular, role: role,
                        lineHeight: frame.height / Double(max(1, lines.count)), baselineOffset: 11))
    }

    static func lifeline(x: Double) -> SceneItem {
        .line(SceneLine(.polyline([p(x, 0), p(x, 400)]), role: .lifeline))
    }

    static func bar(_ frame: Rect) -> SceneItem { .shape(SceneShape(.rectangle, frame: frame, role: .activation)) }

    static func plate(_ frame: Rect) -> SceneItem {
        .shape(SceneShape(.rectangle, frame: frame, role: .labelPlate(onGroup: false)))
    }

    static func scene(_ items: [SceneItem], width: Double = 600, height: Double = 400) -> Scene {
        Scene(size: Size(width: width, height: height), title: "t", description: "d", roleDescription: "sequence diagram",
              items: items)
    }

    static func report(_ items: [SceneItem]) -> SequenceViewGeometry.Report {
        SequenceViewGeometry.report(scene(items))
    }

    /// A label between x = 100 and 160, y = 50 and 65.
    static let label = Rect(x: 100, y: 50, width: 60, height: 15)

    // MARK: - Lines through text

    @Test func cleanSceneGivesZeros() {
        let report = Self.report([Self.lifeline(x: 50), Self.lifeline(x: 200), Self.text(Self.label)])
        #expect(report == SequenceViewGeometry.Report(width: 600, height: 400))
        #expect(report.defects == 0)
    }

    @Test func lifelineThroughALabel() {
        let report = Self.report([Self.lifeline(x: 130), Self.text(Self.label)])
        #expect(report.crossedTexts == 1)
        #expect(report.defects == 1)
    }

    @Test func aPlateAfterTheLineHidesIt() {
        let plate = Self.plate(Self.label.insetBy(-1))
        #expect(Self.report([Self.lifeline(x: 130), plate, Self.text(Self.label)]).crossedTexts == 0)
        // Painted before the line, the plate hides nothing.
        #expect(Self.report([plate, Self.lifeline(x: 130), Self.text(Self.label)]).crossedTexts == 1)
        // A plate smaller than the text does not count.
        let small = Self.plate(Rect(x: 120, y: 50, width: 20, height: 15))
        #expect(Self.report([Self.lifeline(x: 130), small, Self.text(Self.label)]).crossedTexts == 1)
    }

    @Test func anOpaqueBoxHidesTheLineToo() {
        // A note over a lifeline hides it from the note's text.
        let note = SceneItem.shape(SceneShape(.note, frame: Self.label.insetBy(-5), role: .note))
        #expect(Self.report([Self.lifeline(x: 130), note, Self.text(Self.label, .noteText)]).crossedTexts == 0)
    }

    @Test func aLineTouchingTheEdgeDoesNotCross() {
        #expect(Self.report([Self.lifeline(x: 100.2), Self.text(Self.label)]).crossedTexts == 0)
        #expect(Self.report([Self.lifeline(x: 99), Self.text(Self.label)]).crossedTexts == 0)
    }

    @Test func barUnderALabel() {
        let report = Self.report([Self.bar(Rect(x: 150, y: 20, width: 10, height: 100)), Self.text(Self.label)])
        #expect(report.crossedTexts == 1)
        #expect(report.guardsOnBars == 0)
    }

    @Test func groupBorderThroughALabel() {
        let box = SceneItem.shape(SceneShape(.roundedRectangle(cornerRadius: 4), frame: Rect(x: 140, y: 10, width: 200, height: 300),
                                             role: .groupBox))
        #expect(Self.report([box, Self.text(Self.label)]).crossedTexts == 1)
        // Wholly inside the box, the label is clear of its border.
        let around = SceneItem.shape(SceneShape(.roundedRectangle(cornerRadius: 4), frame: Rect(x: 20, y: 10, width: 300, height: 300),
                                                role: .groupBox))
        #expect(Self.report([around, Self.text(Self.label)]).crossedTexts == 0)
    }

    @Test func fragmentBorderAndSeparatorThroughAGuard() {
        let frame = SceneItem.shape(SceneShape(.rectangle, frame: Rect(x: 90, y: 58, width: 200, height: 100), role: .fragmentFrame))
        #expect(Self.report([frame, Self.text(Self.label, .fragmentLabel)]).crossedTexts == 1)
        let separator = SceneItem.line(SceneLine(.polyline([Self.p(0, 57), Self.p(300, 57)]), role: .fragmentSeparator))
        #expect(Self.report([separator, Self.text(Self.label, .fragmentLabel)]).crossedTexts == 1)
    }

    @Test func aLinePaintedOverATextCannotBeHidden() {
        let plate = Self.plate(Self.label.insetBy(-1))
        #expect(Self.report([plate, Self.text(Self.label), Self.lifeline(x: 130)]).crossedTexts == 1)
    }

    // MARK: - Guards and tabs on bars

    @Test func guardOnABar() {
        let bar = Self.bar(Rect(x: 150, y: 20, width: 10, height: 100))
        let report = Self.report([bar, Self.plate(Self.label.insetBy(-1)), Self.text(Self.label, .fragmentLabel)])
        #expect(report.guardsOnBars == 1)
        #expect(report.crossedTexts == 0)
        // Beside the bar, it is fine.
        let beside = Rect(x: 163, y: 50, width: 60, height: 15)
        #expect(Self.report([bar, Self.text(beside, .fragmentLabel)]).defects == 0)
    }

    @Test func tabOnABar() {
        let tab = SceneItem.shape(SceneShape(.tab, frame: Rect(x: 100, y: 40, width: 50, height: 18), role: .fragmentTab))
        #expect(Self.report([Self.bar(Rect(x: 145, y: 20, width: 10, height: 100)), tab]).tabsOnBars == 1)
        #expect(Self.report([Self.bar(Rect(x: 153, y: 20, width: 10, height: 100)), tab]).tabsOnBars == 0)
    }

    // MARK: - Notes

    static func note(_ box: Rect, _ lines: [String]) -> SceneItem {
        let metrics = TextMetrics()
        let style = TextStyle(size: 12, role: .noteText)
        var width = 0.0
        for line in lines { width = max(width, metrics.width(of: line, size: 12)) }
        let text = metrics.block(lines, size: Size(width: width, height: Double(lines.count) * metrics.lineHeight(size: 12)),
                                 style: style, alignment: .start, anchor: Point(x: box.minX + 8, y: box.minY + 5))
        return .group(SceneGroup(id: "n1", classes: "note", items: [
            .shape(SceneShape(.note, frame: box, role: .note)), .text(text),
        ]))
    }

    @Test func aNoteWrappedShortOfItsBox() {
        let box = Rect(x: 10, y: 10, width: 500, height: 40)
        #expect(Self.report([Self.note(box, ["the acquirer dedups", "on our order id"])]).notesMiswrapped == 1)
        #expect(Self.report([Self.note(box, ["the acquirer dedups on our order id"])]).notesMiswrapped == 0)
    }

    @Test func aNoteFilledToItsBoxIsFine() {
        // Room for the first line, not for the next word after it.
        let metrics = TextMetrics()
        let first = metrics.width(of: "the acquirer dedups", size: 12), longer = metrics.width(of: "the acquirer dedups on", size: 12)
        let box = Rect(x: 10, y: 10, width: (first + longer) / 2 + 2 * 8 + 4, height: 40)
        #expect(Self.report([Self.note(box, ["the acquirer dedups", "on our order id"])]).notesMiswrapped == 0)
    }

    @Test func aNoteOverflowingItsBox() {
        let box = Rect(x: 10, y: 10, width: 60, height: 40)
        #expect(Self.report([Self.note(box, ["the acquirer dedups on our order id"])]).notesMiswrapped == 1)
    }

    // MARK: - Head names

    static func head(_ id: Int, box: Rect, nameMidY: Double, footer: Bool = false) -> SceneItem {
        let name = Rect(x: box.midX - 20, y: nameMidY - 8, width: 40, height: 16)
        return .group(SceneGroup(id: "p\(id)", classes: (footer ? "participant-footer" : "participant") + " service",
                                 marker: .participant(ParticipantID(id)), items: [
            .shape(SceneShape(.roundedRectangle(cornerRadius: 6), frame: box, role: .participant(.service))),
            Self.text(name, .participantLabel),
        ]))
    }

    @Test func headNamesOffTheirLine() {
        let row = [
            Self.head(0, box: Rect(x: 0, y: 0, width: 80, height: 32), nameMidY: 16),
            Self.head(1, box: Rect(x: 100, y: 0, width: 80, height: 32), nameMidY: 16),
            Self.head(2, box: Rect(x: 200, y: -10, width: 80, height: 42), nameMidY: 11),
        ]
        #expect(Self.report(row).headNamesOffLine == 1)
        // The copy under the lifelines is a row of its own, on its own line.
        let footer = [
            Self.head(0, box: Rect(x: 0, y: 300, width: 80, height: 32), nameMidY: 316, footer: true),
            Self.head(1, box: Rect(x: 100, y: 300, width: 80, height: 32), nameMidY: 316, footer: true),
        ]
        #expect(Self.report(Array(row.prefix(2)) + footer).headNamesOffLine == 0)
    }

    @Test func descriptionIsOneLine() {
        let report = SequenceViewGeometry.Report(crossedTexts: 1, guardsOnBars: 2, tabsOnBars: 3, notesMiswrapped: 4,
                                                 headNamesOffLine: 5, width: 640.4, height: 480)
        #expect(report.description == "crossed texts 1, guards on bars 2, tabs on bars 3, notes miswrapped 4, "
                + "head names off line 5, width 640, height 480")
        #expect(report.defects == 15)
    }

    // MARK: - Real drawings

    static func flows(_ compilation: Compilation) -> [FlowID?] {
        compilation.model.flows.isEmpty ? [nil] : compilation.model.flows.map(\.id)
    }

    @Test func everySampleAndTestDesignIsFreeOfDefects() throws {
        var table: [String] = []
        for design in TestDesigns.all {
            let compilation = Baton.compile(bytes: design.bytes, displayPath: design.url.path)
            try #require(!compilation.hasErrors, "\(design.name) does not compile")
            for flow in Self.flows(compilation) {
                let name = flow.map { "\(design.name) / \(compilation.model[$0].name)" } ?? design.name
                for annotations in [SequenceAnnotations.none, SequenceAnnotations(numbers: true, timing: true)] {
                    let scene = SequenceLayout.scene(model: compilation.model, flow: flow, annotations: annotations)
                    let report = SequenceViewGeometry.report(scene)
                    #expect(report.defects == 0, "\(name)\(annotations == .none ? "" : " (annotated)"): \(report)")
                    if annotations == .none { table.append("\(name): \(report)") }
                }
            }
        }
        #expect(table.count >= TestDesigns.samples.count)
        print("sequence view geometry:\n" + table.joined(separator: "\n"))
    }

    @Test(arguments: 1...8)
    func generatedDesignsAreFreeOfDefects(seed: Int) throws {
        let source = DesignGenerator(.init(participants: 14, interactions: 80, seed: UInt64(seed), interactionsPerFlow: 40)).generate()
        let compilation = Baton.compile(source: source, path: "generated.baton")
        try #require(!compilation.hasErrors)
        for flow in compilation.model.flows {
            let report = SequenceViewGeometry.report(SequenceLayout.scene(model: compilation.model, flow: flow.id))
            #expect(report.defects == 0, "seed \(seed), \(flow.name): \(report)")
        }
    }

    /// Everything the checker looks at in one design: groups around lifelines that labels
    /// cross, guards and tabs of fragments inside blocks, notes over many lifelines, a store and
    /// a person among the heads, nested bars.
    static let crowded = """
        group Edge "Edge team" {
          client Browser "Shopper's browser"
          service Front "Storefront BFF"
        }
        group Core "Core" {
          service Checkout
          store Cache "Cart cache"
        }
        external Acquirer "Card acquirer"
        topic Events
        Browser -> Front : POST /checkout {
          Front -> Checkout : placeOrder {
            alt "the order total is above the limit" {
              Checkout -> Acquirer : authorise card
              note over Checkout, Acquirer : the acquirer dedups on our order id, so authorising twice is harmless and we can retry freely
            } else "below it" {
              loop "every item" [times=3] {
                Checkout -> Cache : reserve
              }
            }
            opt "the shopper asked for a receipt" {
              Checkout ->> Events : OrderPlaced
            }
            Checkout -> Checkout : recount {
              par {
                Checkout -> Cache : verify
              } and {
                Checkout -> Front : progress
              }
            }
          }
        }
        Acquirer ~> Front : payment settled
        """

    @Test func aCrowdedDesignIsFreeOfDefects() throws {
        let compilation = Baton.compile(source: Self.crowded, path: "crowded.baton")
        try #require(!compilation.hasErrors, "\(compilation.diagnostics.map(\.message))")
        let scene = SequenceLayout.scene(model: compilation.model, flow: try FlowSelection.flow(nil, in: compilation.model))
        let report = SequenceViewGeometry.report(scene)
        #expect(report.defects == 0, "\(report)")
        // It has what the checker measures: plates, guards beside bars, a note over several lifelines.
        #expect(scene.shapes.contains { if case .labelPlate = $0.role { true } else { false } })
        #expect(scene.textBlocks.filter { $0.role == .fragmentLabel }.count >= 4)
        #expect(scene.textBlocks.contains { $0.role == .noteText })
    }
}
