import Baton
import BatonCheck
import BatonLayout
import BatonModel
import BatonSyntax
import BatonTestSupport
import Foundation
import Testing

/// The explanations a diagram can carry (`--legend`, `--numbers`, `--timing`), checked on the
/// scene's geometry for every sample: nothing new covers a label, another new item or leaves
/// the canvas; the key has one entry per arrow kind drawn, drawn as that arrow; the numbers run
/// 1, 2, … and touch their arrows; the brackets span their bars and are marked as inversions
/// exactly where the `timeout-inversion` rule fires.
@Suite struct DiagramExplanationTests {
    struct Case: Sendable, CustomStringConvertible {
        var design: TestDesigns.Design
        var flow: String?
        var graph: Bool
        var description: String { "\(design.name)\(flow.map { " / \($0)" } ?? "") (\(graph ? "graph" : "sequence"))" }
    }

    static let cases: [Case] = TestDesigns.samples.flatMap { design -> [Case] in
        let model = Baton.compile(bytes: design.bytes, displayPath: design.url.path).model
        let flows: [String?] = model.flows.isEmpty ? [nil] : model.flows.map(\.name)
        return flows.map { Case(design: design, flow: $0, graph: false) } + [Case(design: design, flow: nil, graph: true)]
    }

    /// The plain scene, the scene with every explanation on, and the compilation.
    static func render(_ testCase: Case) throws -> (plain: Scene, explained: Scene, compilation: Compilation) {
        let compilation = Baton.compile(bytes: testCase.design.bytes, displayPath: testCase.design.url.path)
        try #require(!compilation.hasErrors)
        let model = compilation.model
        let flow = testCase.flow.flatMap { model.flow(named: $0)?.id }
        if testCase.graph {
            let plain = GraphViewLayout.scene(model: model, flow: flow)
            return (plain, NotationLegend.apply(to: plain), compilation)
        }
        let plain = SequenceLayout.scene(model: model, flow: flow)
        let annotated = SequenceLayout.scene(model: model, flow: flow, annotations: SequenceAnnotations(numbers: true, timing: true))
        return (plain, NotationLegend.apply(to: annotated), compilation)
    }

    static func groups(_ items: [SceneItem]) -> [SceneGroup] {
        items.flatMap { item -> [SceneGroup] in
            guard case .group(let group) = item else { return [] }
            return [group] + groups(group.items)
        }
    }

    static func leaves(_ items: [SceneItem]) -> [SceneItem] {
        items.flatMap { item -> [SceneItem] in
            if case .group(let group) = item { return leaves(group.items) }
            return [item]
        }
    }

    static let explanationClasses = ["step-number", "timing", "legend"]

    /// The items the explanations added, each with what it belongs to.
    static func added(_ scene: Scene) -> [(owner: String, item: SceneItem)] {
        scene.items.flatMap { item -> [(String, SceneItem)] in
            guard case .group(let group) = item,
                  let first = group.classes.split(separator: " ").first.map(String.init),
                  explanationClasses.contains(first) else { return [] }
            return leaves(group.items).map { (group.id ?? first, $0) }
        }
    }

    /// Whether `item` covers `rect`: a box overlapping it, or a line passing through it.
    static func covers(_ item: SceneItem, _ rect: Rect) -> Bool {
        switch item {
        case .line(let line):
            let points = line.path.points
            return zip(points, points.dropFirst()).contains { segment($0, $1, entersInteriorOf: rect) }
        default:
            return item.bounds.overlaps(rect, tolerance: 0.5)
        }
    }

    @Test(arguments: cases)
    func addedItemsCoverNoLabelNoEachOtherAndStayOnTheCanvas(_ testCase: Case) throws {
        let (plain, explained, _) = try Self.render(testCase)
        let added = Self.added(explained)
        let labels = plain.textBlocks
        for (owner, item) in added {
            for label in labels where Self.covers(item, label.frame) {
                Issue.record("\(owner) at \(item.bounds) covers '\(label.lines.joined(separator: " "))' at \(label.frame)")
            }
        }
        // Boxes of different explanations: no two overlap (a plate's number lies on its plate).
        for i in added.indices {
            for j in added.indices where j > i && added[i].owner != added[j].owner {
                let a = added[i].item, b = added[j].item
                if case .line = a, case .line = b { continue }
                let box: SceneItem, other: SceneItem
                if case .line = a { (box, other) = (b, a) } else { (box, other) = (a, b) }
                if Self.covers(other, box.bounds) {
                    Issue.record("\(added[i].owner) at \(a.bounds) and \(added[j].owner) at \(b.bounds) overlap")
                }
            }
        }
        let canvas = Rect(origin: .zero, size: explained.size)
        for (owner, item) in added { #expect(canvas.contains(item.bounds), "\(owner) off the canvas: \(item.bounds)") }
        // The original drawing is kept as it was, under the additions.
        #expect(explained.items.filter { item in
            guard case .group(let group) = item else { return true }
            return !Self.explanationClasses.contains(String(group.classes.split(separator: " ").first ?? ""))
        } == plain.items)
    }

    @Test(arguments: cases)
    func theKeyHasAnEntryPerArrowKindDrawnAsThatArrow(_ testCase: Case) throws {
        let (plain, explained, _) = try Self.render(testCase)
        let used = Arrow.allCases.filter { arrow in
            Self.groups(plain.items).contains { $0.classes == "interaction " + Self.className(arrow) }
        }
        #expect(NotationLegend.arrows(in: plain) == used)
        let entries = Self.groups(explained.items).filter { $0.classes.hasPrefix("legend-entry ") }
        #expect(entries.map { String($0.classes.dropFirst("legend-entry ".count)) } == used.map(Self.className))
        for (arrow, entry) in zip(used, entries) {
            let lines = entry.items.compactMap { if case .line(let line) = $0 { line } else { nil } }
            try #require(lines.count == 1)
            let ends = LineEnd.interaction(arrow)
            #expect(lines[0].start == ends.start && lines[0].end == ends.end && lines[0].role == .line(for: arrow))
            #expect(entry.items.contains { if case .text = $0 { true } else { false } })
        }
        if used.isEmpty { #expect(explained == plain) }
    }

    static func className(_ arrow: Arrow) -> String {
        switch arrow {
        case .call: "call"
        case .send: "send"
        case .fetch: "fetch"
        case .callback: "callback"
        }
    }

    @Test(arguments: cases.filter { !$0.graph })
    func numbersAreSequentialAndTouchTheirArrowsStart(_ testCase: Case) throws {
        let (plain, explained, _) = try Self.render(testCase)
        let arrows: [[Point]] = Self.groups(plain.items).compactMap { group in
            guard case .interaction = group.marker else { return nil }
            for case .line(let line) in group.items {
                // From the initiator: a fetch's line is drawn towards it.
                let points = line.path.points
                return group.classes.hasSuffix(" fetch") ? points.reversed() : points
            }
            return nil
        }
        let plates = explained.items.compactMap { item -> (String, Rect)? in
            guard case .group(let group) = item, group.classes == "step-number" else { return nil }
            let frame = group.items.compactMap { if case .shape(let shape) = $0 { shape.frame } else { nil } }.first
            let number = group.items.compactMap { if case .text(let text) = $0 { text.lines.joined() } else { nil } }.first
            guard let frame, let number else { return nil }
            return (number, frame)
        }
        #expect(plates.map(\.0) == arrows.indices.map { String($0 + 1) })
        for ((number, frame), points) in zip(plates, arrows) {
            let a = points[0], b = points[1]
            let length = a.distance(to: b)
            let t = ((frame.center.x - a.x) * (b.x - a.x) + (frame.center.y - a.y) * (b.y - a.y)) / (length * length)
            let foot = a.interpolated(to: b, t)
            #expect(abs(foot.distance(to: frame.center) - frame.height / 2) < 0.5, "plate \(number) does not touch its arrow")
            #expect(t > 0 && (t <= 0.5 || t * length <= frame.width + 12), "plate \(number) is not at its arrow's start: t = \(t)")
        }
    }

    @Test(arguments: cases.filter { !$0.graph })
    func bracketsSpanTheirBarsAndMarkExactlyTheInversionsTheRuleFinds(_ testCase: Case) throws {
        let (plain, explained, compilation) = try Self.render(testCase)
        let model = compilation.model
        let bars = plain.shapes.filter { $0.role == .activation }.map(\.frame)
        var brackets: [(id: InteractionID, inversion: Bool, points: [Point])] = []
        for item in explained.items {
            guard case .group(let group) = item, group.classes.hasPrefix("timing"), let id = group.id,
                  let raw = Int(id.dropFirst()) else { continue }
            var points: [Point] = []
            for case .line(let line) in group.items { points += line.path.points }
            brackets.append((InteractionID(raw), group.classes == "timing inversion", points))
        }
        for bracket in brackets {
            let top = bracket.points.map(\.y).min() ?? 0, bottom = bracket.points.map(\.y).max() ?? 0
            let x = bracket.points.map(\.x).min() ?? 0
            #expect(bars.contains { abs($0.minY - top) <= 2 && abs($0.maxY - bottom) <= 2 && abs($0.maxX - x) <= 3 },
                    "bracket of interaction \(bracket.id.rawValue) spans no bar")
            #expect(WorstCaseWaits.timeout(of: model[bracket.id], in: model) != nil)
        }
        // Every call with a timeout and a block drawn here has a bracket.
        let drawn = Set(Self.groups(plain.items).compactMap { group -> InteractionID? in
            if case .interaction(let id) = group.marker { id } else { nil }
        })
        let expected = drawn.filter {
            model[$0].isSynchronous && model[$0].block != nil && WorstCaseWaits.timeout(of: model[$0], in: model) != nil
        }
        #expect(Set(brackets.map(\.id)) == expected)
        // Inversions: the enclosing calls the rule's findings point at (in their notes).
        let findings = Checker.check(compilation).filter { $0.code == "timeout-inversion" }
        let parents = Set(findings.flatMap { finding in
            finding.notes.compactMap { note in note.span.flatMap { span in model.interactions.first { $0.span == span }?.id } }
        })
        #expect(Set(brackets.filter(\.inversion).map(\.id)) == parents.intersection(drawn))
        for bracket in brackets where bracket.inversion {
            let group = explained.items.first { if case .group(let g) = $0 { g.id == "t\(bracket.id.rawValue)" } else { false } }
            let texts = group.map { Self.leaves([$0]) } ?? []
            #expect(texts.contains { if case .text(let t) = $0 { t.role == .timingLabel(inversion: true) && t.lines.joined().contains("inversion") } else { false } })
        }
    }

    @Test func theSamplesIncludeInversionsAndBrackets() throws {
        // The test above would pass vacuously on samples without timeouts: make sure it is not.
        var inversions = 0, brackets = 0
        for testCase in Self.cases where !testCase.graph {
            let (_, explained, _) = try Self.render(testCase)
            for group in Self.groups(explained.items) {
                if group.classes == "timing inversion" { inversions += 1 }
                if group.classes.hasPrefix("timing") { brackets += 1 }
            }
        }
        #expect(inversions >= 3)
        #expect(brackets > inversions)
    }
}
