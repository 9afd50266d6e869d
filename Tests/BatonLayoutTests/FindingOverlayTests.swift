import Baton
import BatonLayout
import BatonModel
import BatonSyntax
import BatonTestSupport
import Foundation
import Testing

/// Findings drawn on the scene (`FindingOverlay`), checked on its geometry for every sample in
/// both views: each badge touches its element, covers no text and no other badge, the legend
/// lists every finding in order, and no marks change nothing.
@Suite struct FindingOverlayTests {
    struct Case: Sendable, CustomStringConvertible {
        enum Marks: String, Sendable { case findings, everything }
        var design: TestDesigns.Design
        var flow: String?
        var graph: Bool
        /// The sample's own findings, or a mark on every interaction and participant (crowded).
        var marks: Marks
        var description: String {
            "\(design.name)\(flow.map { " / \($0)" } ?? "") (\(graph ? "graph" : "sequence"), \(marks.rawValue))"
        }
    }

    static let cases: [Case] = TestDesigns.samples.flatMap { design -> [Case] in
        let model = Baton.compile(bytes: design.bytes, displayPath: design.url.path).model
        let flows: [String?] = model.flows.isEmpty ? [nil] : model.flows.map(\.name)
        return [Case.Marks.findings, .everything].flatMap { marks in
            flows.map { Case(design: design, flow: $0, graph: false, marks: marks) }
                + [Case(design: design, flow: nil, graph: true, marks: marks)]
        }
    }

    static func render(_ testCase: Case) throws -> (marks: [FindingMark], plain: Scene, marked: Scene) {
        let compilation = Baton.compile(bytes: testCase.design.bytes, displayPath: testCase.design.url.path)
        try #require(!compilation.hasErrors)
        let model = compilation.model
        let marks: [FindingMark]
        switch testCase.marks {
        case .findings:
            marks = Baton.findingMarks(compilation)
        case .everything:
            let severities = MarkSeverity.allCases
            marks = model.interactions.map {
                FindingMark(number: $0.id.rawValue + 1, severity: severities[$0.id.rawValue % 3], title: "every-interaction",
                            message: "interaction \($0.id.rawValue) <&> \"marked\"", interactions: [$0.id])
            } + model.participants.map {
                FindingMark(number: model.interactions.count + $0.id.rawValue + 1, severity: .info, title: "every-participant",
                            message: "participant \($0.id.rawValue)", participants: [$0.id])
            }
        }
        let flow = testCase.flow.flatMap { model.flow(named: $0)?.id }
        let plain = testCase.graph ? GraphViewLayout.scene(model: model, flow: flow) : SequenceLayout.scene(model: model, flow: flow)
        return (marks, plain, FindingOverlay.apply(marks, to: plain))
    }

    /// Groups of the scene with their paths of groups opened, in paint order.
    static func groups(_ items: [SceneItem]) -> [SceneGroup] {
        items.flatMap { item -> [SceneGroup] in
            guard case .group(let group) = item else { return [] }
            return [group] + groups(group.items)
        }
    }

    /// The badges on the diagram (not those in the legend): number, frame.
    static func badges(_ scene: Scene) -> [(number: Int, frame: Rect)] {
        scene.items.compactMap { item in
            guard case .group(let group) = item, group.classes.hasPrefix("finding-badge"),
                  let id = group.id, let number = Int(id.dropFirst()) else { return nil }
            guard case .shape(let circle) = group.items.first else { return nil }
            return (number, circle.frame)
        }
    }

    /// The box of every element a mark can point at, from the unmarked scene.
    static func elementBoxes(_ scene: Scene) -> (interactions: [InteractionID: Rect], participants: [ParticipantID: Rect]) {
        var interactions: [InteractionID: Rect] = [:], participants: [ParticipantID: Rect] = [:]
        for group in groups(scene.items) {
            switch group.marker {
            case .interaction(let id):
                for case .line(let line) in group.items { interactions[id] = SceneItem.line(line).bounds }
            case .interactions(let ids):
                for case .line(let line) in group.items { for id in ids { interactions[id] = SceneItem.line(line).bounds } }
            case .participant(let id) where !group.classes.hasPrefix("participant-footer"):
                for case .shape(let shape) in group.items where participants[id] == nil { participants[id] = shape.frame }
            default:
                break
            }
        }
        return (interactions, participants)
    }

    /// Whether a circle drawn in `frame` comes within `slack` of `box`.
    static func circle(_ frame: Rect, touches box: Rect, slack: Double = 1) -> Bool {
        let c = frame.center
        let dx = max(box.minX - c.x, 0, c.x - box.maxX), dy = max(box.minY - c.y, 0, c.y - box.maxY)
        return (dx * dx + dy * dy).squareRoot() <= frame.width / 2 + slack
    }

    @Test(arguments: cases)
    func everyBadgeTouchesItsElement(_ testCase: Case) throws {
        let (marks, plain, marked) = try Self.render(testCase)
        let boxes = Self.elementBoxes(plain)
        let badges = Self.badges(marked)
        for mark in marks {
            let targets = mark.interactions.compactMap { boxes.interactions[$0] } + mark.participants.compactMap { boxes.participants[$0] }
            let drawn = badges.filter { $0.number == mark.number }
            #expect(drawn.count == targets.count, "finding \(mark.number): \(drawn.count) badges for \(targets.count) elements")
            for (target, badge) in zip(targets, drawn) {
                #expect(Self.circle(badge.frame, touches: target), "badge \(mark.number) at \(badge.frame) misses \(target)")
            }
        }
    }

    @Test(arguments: cases)
    func badgesCoverNoTextAndNoOtherBadge(_ testCase: Case) throws {
        let (_, _, marked) = try Self.render(testCase)
        let badges = Self.badges(marked)
        let texts = marked.textBlocks.filter { $0.role != .findingNumber }
        for badge in badges {
            for text in texts where badge.frame.overlaps(text.frame, tolerance: 0.5) {
                Issue.record("badge \(badge.number) at \(badge.frame) covers \(text.lines.joined(separator: " ")) at \(text.frame)")
            }
        }
        for i in badges.indices {
            for j in badges.indices where j > i {
                let a = badges[i].frame, b = badges[j].frame
                let gap = a.center.distance(to: b.center) - (a.width + b.width) / 2
                #expect(gap >= -0.5, "badges \(badges[i].number) and \(badges[j].number) overlap")
            }
        }
        let canvas = Rect(origin: .zero, size: marked.size)
        for item in marked.items { #expect(canvas.insetBy(-0.5).contains(item.bounds), "off the canvas: \(item.bounds)") }
    }

    @Test(arguments: cases)
    func theLegendListsEveryFindingInOrder(_ testCase: Case) throws {
        let (marks, plain, marked) = try Self.render(testCase)
        guard !marks.isEmpty else {
            #expect(marked == plain)
            return
        }
        let legend = marked.items.last.flatMap { item -> SceneGroup? in
            if case .group(let group) = item, group.id == "findings" { group } else { nil }
        }
        let rows = try #require(legend).items.compactMap { item -> SceneGroup? in if case .group(let g) = item { g } else { nil } }
        #expect(rows.map(\.id) == marks.map { "finding-\($0.number)" })
        func squeezed(_ s: String) -> String { String(s.unicodeScalars.filter { !$0.properties.isWhitespace }.map(Character.init)) }
        for (row, mark) in zip(rows, marks) {
            let texts = row.items.compactMap { item -> TextBlock? in if case .text(let t) = item { t } else { nil } }
            #expect(texts.map { squeezed($0.lines.joined()) } == [mark.severity.rawValue, squeezed("\(mark.title): \(mark.message)")])
            // Below the diagram.
            #expect(row.items.allSatisfy { $0.bounds.minY >= plain.size.height - 20 })
        }
        #expect(marked.size.height > plain.size.height)
    }

    @Test func noMarksChangeNothing() throws {
        for design in TestDesigns.samples {
            let model = Baton.compile(bytes: design.bytes, displayPath: design.url.path).model
            let scene = SequenceLayout.scene(model: model, flow: model.flows.first?.id)
            #expect(FindingOverlay.apply([], to: scene) == scene)
        }
    }

    @Test func marksFollowTheChecksFindingsInSourceOrder() throws {
        let design = try #require(TestDesigns.named("card-payments"))
        let compilation = Baton.compile(bytes: design.bytes, displayPath: design.url.path)
        let findings = Baton.check(compilation)
        let marks = Baton.findingMarks(compilation)
        #expect(marks.map(\.number) == Array(1...findings.count))
        #expect(marks.map(\.title) == findings.map(\.code))
        #expect(marks.contains { $0.severity == .error } && marks.contains { $0.severity == .warning })
        #expect(marks.allSatisfy { !$0.interactions.isEmpty || !$0.participants.isEmpty })
    }
}
