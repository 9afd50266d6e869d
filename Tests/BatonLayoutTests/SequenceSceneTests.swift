import Baton
@testable import BatonLayout
import BatonModel
import BatonRender
import BatonSyntax
import BatonTestSupport
import Foundation
import Testing

/// Geometric properties every sequence diagram must have, checked on the scene (no SVG
/// parsing) for every flow of every sample and test design.
@Suite struct SequenceSceneTests {
    struct Case: Sendable, CustomStringConvertible {
        var design: TestDesigns.Design
        var flow: String?
        var description: String { flow.map { "\(design.name) / \($0)" } ?? design.name }
    }

    static let cases: [Case] = TestDesigns.all.flatMap { design -> [Case] in
        let model = compile(design).model
        return model.flows.isEmpty ? [Case(design: design, flow: nil)] : model.flows.map { Case(design: design, flow: $0.name) }
    }

    static func compile(_ design: TestDesigns.Design) -> Compilation {
        Baton.compile(bytes: design.bytes, displayPath: design.url.path)
    }

    static func scene(_ testCase: Case) throws -> (Model, Scene) {
        let compilation = compile(testCase.design)
        let failed = compilation.hasErrors
        try #require(!failed, "\(testCase.design.name) does not compile")
        let flow = testCase.flow.flatMap { compilation.model.flow(named: $0)?.id }
        return (compilation.model, SequenceLayout.scene(model: compilation.model, flow: flow))
    }

    @Test(arguments: cases)
    func noTwoTextBoxesOverlap(_ testCase: Case) throws {
        let (_, scene) = try Self.scene(testCase)
        let texts = scene.textBlocks
        for i in texts.indices {
            for j in texts.indices where j > i {
                #expect(!texts[i].frame.overlaps(texts[j].frame, tolerance: 0.5),
                        "\(texts[i].lines.first ?? "") overlaps \(texts[j].lines.first ?? "")")
            }
        }
    }

    @Test(arguments: cases)
    func everythingLiesInsideTheCanvas(_ testCase: Case) throws {
        let (_, scene) = try Self.scene(testCase)
        let canvas = Rect(origin: .zero, size: scene.size).insetBy(-0.01)
        for item in scene.leafItems {
            #expect(canvas.contains(item.bounds), "\(item.bounds) is outside \(scene.size)")
        }
    }

    @Test(arguments: cases)
    func headBoxesDoNotOverlap(_ testCase: Case) throws {
        let (_, scene) = try Self.scene(testCase)
        let heads = scene.shapes.filter { if case .participant = $0.role { true } else { false } }
        for i in heads.indices {
            for j in heads.indices where j > i {
                #expect(!heads[i].frame.overlaps(heads[j].frame))
            }
        }
    }

    @Test(arguments: cases)
    func everyArrowStartsAndEndsOnALifeline(_ testCase: Case) throws {
        let (_, scene) = try Self.scene(testCase)
        let lifelines = scene.lines.filter { $0.role == .lifeline }
        let bars = scene.shapes.filter { $0.role == .activation }.map(\.frame)
        func isAttached(_ p: Point) -> Bool {
            for lifeline in lifelines where abs(lifeline.startPoint.x - p.x) < 0.01
                && p.y >= lifeline.startPoint.y && p.y <= lifeline.endPoint.y {
                return true
            }
            for bar in bars where (abs(bar.minX - p.x) < 0.01 || abs(bar.maxX - p.x) < 0.01)
                && p.y >= bar.minY - 0.01 && p.y <= bar.maxY + 0.01 {
                return true
            }
            return false
        }
        let arrows = scene.lines.filter { [.syncLine, .asyncLine, .callbackLine].contains($0.role) }
        for arrow in arrows {
            #expect(isAttached(arrow.startPoint), "arrow starts in mid-air at \(arrow.startPoint)")
            #expect(isAttached(arrow.endPoint), "arrow ends in mid-air at \(arrow.endPoint)")
        }
    }

    @Test(arguments: cases)
    func activationBarsNest(_ testCase: Case) throws {
        let (_, scene) = try Self.scene(testCase)
        let lifelineXs = scene.lines.filter { $0.role == .lifeline }.map(\.startPoint.x)
        let bars = scene.shapes.filter { $0.role == .activation }.map(\.frame)
        // Each bar belongs to the nearest lifeline at or left of its centre.
        func owner(_ bar: Rect) -> Double? { lifelineXs.filter { $0 <= bar.midX + 0.01 }.max() }
        for i in bars.indices {
            for j in bars.indices where j != i && owner(bars[i]) == owner(bars[j]) {
                let a = bars[i], b = bars[j]
                let disjoint = a.maxY <= b.minY || b.maxY <= a.minY
                let aInsideB = a.minY >= b.minY && a.maxY <= b.maxY
                let bInsideA = b.minY >= a.minY && b.maxY <= a.maxY
                #expect(disjoint || aInsideB || bInsideA, "bars \(a) and \(b) cross")
                if aInsideB && !disjoint && a != b {
                    #expect(a.midX > b.midX, "a nested bar must sit to the right of the bar it is in")
                }
            }
        }
    }

    @Test(arguments: cases)
    func fragmentFramesNestOrStandApart(_ testCase: Case) throws {
        let (_, scene) = try Self.scene(testCase)
        let frames = scene.shapes.filter { $0.role == .fragmentFrame }.map(\.frame)
        for i in frames.indices {
            for j in frames.indices where j > i {
                let a = frames[i], b = frames[j]
                #expect(a.maxY <= b.minY || b.maxY <= a.minY || a.contains(b) || b.contains(a),
                        "frames \(a) and \(b) overlap without nesting")
            }
        }
    }

    /// The baton sits on the initiator's lifeline; the arrowhead on the data's destination.
    @Test(arguments: cases)
    func theBatonSitsAtTheInitiator(_ testCase: Case) throws {
        let (model, scene) = try Self.scene(testCase)
        var lifelineX: [Int: Double] = [:]
        for case .group(let group) in scene.items where group.classes.hasPrefix("participant") {
            if let id = group.id, let index = Int(id.dropFirst()), case .shape(let shape)? = group.items.first {
                lifelineX[index] = shape.frame.midX
            }
        }
        for case .group(let group) in scene.items where group.classes.hasPrefix("interaction") {
            let index = try #require(group.id.flatMap { Int($0.dropFirst()) })
            let interaction = model[InteractionID(index)]
            guard case .line(let line)? = group.items.first else {
                Issue.record("interaction without a line")
                continue
            }
            let batonEnd = line.start.baton ? line.startPoint : line.endPoint
            let initiatorX = try #require(lifelineX[interaction.from.rawValue])
            #expect(abs(batonEnd.x - initiatorX) <= 30, "the baton of \(interaction.label ?? "") is not at the initiator")
            #expect(line.start.baton != line.end.baton, "exactly one end carries the baton")
            if interaction.arrow == .fetch {
                #expect(line.end.baton && line.end.arrowhead == .filled, "a fetch's arrowhead points at its initiator")
            } else {
                #expect(line.start.baton && line.end.arrowhead != nil)
            }
        }
    }

    // MARK: - Specific layouts

    static func scene(_ source: String, flow: String? = nil) throws -> (Model, Scene) {
        let compilation = Baton.compile(source: source, path: "test.baton")
        let errors = compilation.diagnostics.map(\.message)
        try #require(!compilation.hasErrors, "\(errors)")
        let id = try FlowSelection.flow(flow, in: compilation.model)
        return (compilation.model, SequenceLayout.scene(model: compilation.model, flow: id))
    }

    static func lifelineXs(_ scene: Scene) -> [Double] {
        scene.lines.filter { $0.role == .lifeline }.map(\.startPoint.x)
    }

    @Test func aLongLabelWidensTheSpacing() throws {
        let short = Self.lifelineXs(try Self.scene("service A\nservice B\nA -> B : go").1)
        let long = Self.lifelineXs(try Self.scene("service A\nservice B\nA -> B : a label with quite a few words in it").1)
        #expect(long[1] - long[0] > short[1] - short[0] + 50)
    }

    @Test func aVeryLongLabelWraps() throws {
        let label = String(repeating: "word ", count: 40)
        let (_, scene) = try Self.scene("service A\nservice B\nA -> B : \(label)")
        let text = try #require(scene.textBlocks.first { $0.role == .interactionLabel })
        #expect(text.lines.count > 1)
        #expect(text.frame.width <= 260 + 0.01)
    }

    @Test func aWordLongerThanALineIsBroken() throws {
        let (_, scene) = try Self.scene("service A\nservice B\nA -> B : \(String(repeating: "x", count: 200))")
        let text = try #require(scene.textBlocks.first { $0.role == .interactionLabel })
        #expect(text.lines.count > 1)
        #expect(text.lines.joined() == String(repeating: "x", count: 200))
    }

    @Test func onlyParticipantsOfTheFlowGetALifeline() throws {
        let (_, scene) = try Self.scene("service A\nservice Unused\nservice B\nA -> B : go")
        #expect(Self.lifelineXs(scene).count == 2)
        #expect(!scene.textBlocks.contains { $0.lines == ["Unused"] })
    }

    @Test func aModelWithoutFlowsShowsEveryParticipant() throws {
        let (_, scene) = try Self.scene("service A\nstore B\nqueue C")
        #expect(Self.lifelineXs(scene).count == 3)
    }

    @Test func aSelfMessageIsALoopBackToTheSameLifeline() throws {
        let (_, scene) = try Self.scene("service A\nA -> A : think")
        let line = try #require(scene.lines.first { $0.role == .syncLine })
        #expect(line.path.points.count == 4)
        #expect(line.startPoint.x == line.endPoint.x)
        #expect(line.endPoint.y > line.startPoint.y)
        #expect(line.path.points[1].x > line.startPoint.x)
    }

    @Test func aBlockOpensAnActivationBarOnThePassiveEnd() throws {
        let (_, scene) = try Self.scene("service A\nservice B\nservice C\nA -> B : go {\n  B -> C : on\n}")
        let bars = scene.shapes.filter { $0.role == .activation }
        #expect(bars.count == 1)
        let xs = Self.lifelineXs(scene)
        #expect(abs(try #require(bars.first).frame.midX - xs[1]) < 0.01)
    }

    @Test func theDescriptionSummarisesLongFlows() throws {
        var source = "service A\nservice B\n"
        for index in 0..<30 { source += "A -> B : step\(index)\n" }
        let (_, scene) = try Self.scene(source)
        #expect(scene.description.contains("step19"))
        #expect(!scene.description.contains("step20"))
        #expect(scene.description.contains("and 10 more interactions"))
    }

    @Test func aGuardStartsAfterTheBarItWouldCover() throws {
        let (_, scene) = try Self.scene("""
            service A
            service B
            A -> B : go {
              alt "a guard long enough to reach the bar" {
                B -> A : back
              }
            }
            """)
        let bar = try #require(scene.shapes.first { $0.role == .activation }).frame
        let guardText = try #require(scene.textBlocks.first { $0.role == .fragmentLabel })
        let tab = try #require(scene.shapes.first { $0.role == .fragmentTab }).frame
        // Beside the tab it would have started left of the bar and run through it.
        #expect(tab.maxX + SequenceStyle.tabPaddingX < bar.minX)
        #expect(guardText.frame.minX >= bar.maxX)
        let frame = try #require(scene.shapes.first { $0.role == .fragmentFrame }).frame
        #expect(frame.contains(guardText.frame))
    }

    @Test func aTabNeverCoversABar() throws {
        let (_, scene) = try Self.scene("""
            service A
            service B
            service C
            A -> B : go {
              opt "now" {
                B -> C : on
              }
            }
            """)
        let bar = try #require(scene.shapes.first { $0.role == .activation }).frame
        let tab = try #require(scene.shapes.first { $0.role == .fragmentTab }).frame
        #expect(tab.maxX <= bar.minX)
        // The frame still starts at the tab and holds the bar's side of the arrow.
        let frame = try #require(scene.shapes.first { $0.role == .fragmentFrame }).frame
        #expect(frame.minX == tab.minX && frame.maxX > bar.maxX)
    }

    @Test func everyHeadsNameSitsOnOneLine() throws {
        let (_, scene) = try Self.scene("""
            client Web
            service Api
            store Db
            queue Jobs
            topic Events
            driver Pump
            external Bank
            Web -> Api : go
            Api -> Db : save
            Api ->> Jobs : job
            Api ->> Events : event
            Pump <- Jobs : take
            Pump -> Bank : pay
            """)
        var middles: [Double] = []
        let lifelines = scene.lines.filter { $0.role == .lifeline }
        for case .group(let group) in scene.items where group.classes.hasPrefix("participant ") {
            guard case .shape(let shape)? = group.items.first, case .text(let name)? = group.items.last else { continue }
            middles.append(name.frame.midY)
            // The lifeline leaves the box where it ends.
            let lifeline = try #require(lifelines.first { abs($0.startPoint.x - shape.frame.midX) < 0.01 })
            #expect(abs(lifeline.startPoint.y - shape.frame.maxY) < 0.01)
        }
        #expect(middles.count == 7)
        #expect(middles.allSatisfy { abs($0 - middles[0]) < 0.01 }, "\(middles)")
    }

    @Test func aNoteOverSeveralLifelinesWrapsToItsBox() throws {
        let text = "the acquirer dedups on our order id, so authorising twice is harmless"
        let (_, scene) = try Self.scene("""
            service A
            service B
            service C
            service D
            A -> B : a label that spreads two lifelines apart
            B -> C : a label that spreads two lifelines apart
            C -> D : a label that spreads two lifelines apart
            note over A, D : \(text)
            """)
        let note = try #require(scene.shapes.first { $0.role == .note }).frame
        let words = try #require(scene.textBlocks.first { $0.role == .noteText })
        // Wider than the 220 px a note over one lifeline wraps at: the text takes the box's width.
        #expect(note.width > 400)
        #expect(words.lines == [text])
        #expect(words.frame.maxX <= note.maxX - SequenceStyle.notePaddingX)
    }

    @Test func aNamedFlowIsTitledWithTheDesign() throws {
        let (_, scene) = try Self.scene("title \"Shop\"\nservice A\nservice B\nflow \"Refund\" {\n  A -> B : refund\n}", flow: "Refund")
        #expect(scene.title == "Shop: Refund")
    }
}
