import Baton
import BatonModel
import BatonSyntax
import Testing
@testable import BatonLayout

/// A participant's box is measured once (`ParticipantBox`) for both views: the same name wraps
/// into the same lines and, with the same label area, fills a box of the same size and shape.
@Suite struct ParticipantBoxTests {
    /// The shape and the name of the participant group `id`, wherever it is in `items`.
    static func box(_ id: String, in items: [SceneItem]) -> (shape: SceneShape, text: TextBlock)? {
        for item in items {
            guard case .group(let group) = item else { continue }
            if group.id == id, case .shape(let shape) = group.items.first, case .text(let text) = group.items.last {
                return (shape, text)
            }
            if let found = box(id, in: group.items) { return found }
        }
        return nil
    }

    @Test func bothViewsDrawEveryKindsBoxAlike() throws {
        // Two-line names everywhere, so the sequence view's common label area is each node's own;
        // no interactions, so no graph node grows to make room for edge ends.
        let source = ParticipantKind.allCases.enumerated()
            .map { "\($1.rawValue) P\($0) \"The customer's web browser session\"" }.joined(separator: "\n")
        let compilation = Baton.compile(source: source)
        try #require(!compilation.hasErrors)
        let sequence = SequenceLayout.scene(model: compilation.model, flow: nil)
        let graph = GraphViewLayout.scene(model: compilation.model, flow: nil)
        for (index, kind) in ParticipantKind.allCases.enumerated() {
            let head = try #require(Self.box("p\(index)", in: sequence.items), "no head box for the \(kind.rawValue)")
            let node = try #require(Self.box("p\(index)", in: graph.items), "no node for the \(kind.rawValue)")
            #expect(head.shape.kind == node.shape.kind)
            #expect(head.shape.kind == ShapeKind.participant(kind.shape))
            #expect(head.text.lines.count == 2)
            #expect(head.text.lines == node.text.lines)
            #expect(head.shape.frame.size == node.shape.frame.size, "the \(kind.rawValue)'s box")
            // The name sits at the same place in the box.
            #expect(abs((head.text.frame.midX - head.shape.frame.minX) - (node.text.frame.midX - node.shape.frame.minX)) < 1e-9)
            #expect(abs((head.text.frame.minY - head.shape.frame.minY) - (node.text.frame.minY - node.shape.frame.minY)) < 1e-9)
        }
    }
}
