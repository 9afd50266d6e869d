// A topic's fan is three bare rays, in SVG and PDF: no filled circles at their tips, which read
// as batons (the dot that marks who initiates) on a participant that initiates nothing.

import BatonLayout
@testable import BatonRender
import BatonSyntax
import Testing

@Suite struct TopicFanTests {
    static let frame = Rect(x: 10, y: 10, width: 120, height: 32)

    static func scene(_ items: [SceneItem]) -> Scene {
        Scene(size: Size(width: 200, height: 60), title: "t", description: "d", roleDescription: "diagram", items: items)
    }

    static func head(_ kind: ShapeKind, _ participant: ParticipantKind = .topic) -> SceneItem {
        .shape(SceneShape(kind, frame: frame, role: .participant(participant)))
    }

    /// The filled circles an SVG draws.
    static func filledCircles(_ svg: String) -> Int {
        svg.split(separator: "\n").filter { $0.contains("<circle") && !$0.contains("fill=\"none\"") }.count
    }

    /// The paths a PDF page fills without stroking (`f`): the page's background, dots.
    static func fillsOnly(_ pdf: String) -> Int {
        pdf.split(separator: "\n").filter { $0 == "f" }.count
    }

    @Test func theSVGFanHasNoDots() {
        let fan = SVGWriter.write(Self.scene([Self.head(.fannedBarrel)]), options: SVGOptions(idPrefix: "t"))
        #expect(Self.filledCircles(fan) == 0)
        // Its three rays are there, one path of three segments.
        #expect(fan.split(separator: "\n").contains { $0.contains("<path") && $0.components(separatedBy: "M").count == 4 })
        // The reader can fail: a baton is a filled circle.
        let baton = SVGWriter.write(Self.scene([.line(SceneLine(.polyline([Point(x: 10, y: 50), Point(x: 100, y: 50)]),
                                                               start: LineEnd(baton: true), role: .syncLine))]),
                                    options: SVGOptions(idPrefix: "t"))
        #expect(Self.filledCircles(baton) == 1)
    }

    @Test func thePDFFanHasNoDots() {
        let fan = PDFWriter.write(Self.scene([Self.head(.fannedBarrel)]), options: PDFOptions(theme: .light))
        let queue = PDFWriter.write(Self.scene([Self.head(.barrel, .queue)]), options: PDFOptions(theme: .light))
        // The same filled-only paths as a plain barrel's (the background): the rays are strokes.
        #expect(Self.fillsOnly(fan) == Self.fillsOnly(queue))
        #expect(Self.fillsOnly(fan) == 1)
        let baton = PDFWriter.write(Self.scene([.line(SceneLine(.polyline([Point(x: 10, y: 50), Point(x: 100, y: 50)]),
                                                               start: LineEnd(baton: true), role: .syncLine))]),
                                    options: PDFOptions(theme: .light))
        #expect(Self.fillsOnly(baton) == 2)
    }

    @Test func theRaysReachTheFramesEdge() {
        let rays = ShapeKind.fanRays(Self.frame)
        #expect(rays.count == 3)
        #expect(rays.allSatisfy { $0.to.x == Self.frame.maxX && $0.from.x < $0.to.x })
        #expect(Set(rays.map(\.to.y)).count == 3)
    }
}
