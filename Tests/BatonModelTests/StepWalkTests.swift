import BatonModel
import BatonSyntax
import Testing

/// `Model.walk` is the one traversal of steps that dumps, exports, views and rules share: its
/// events come in document order, every opening event is closed, and depths follow the step tree.
@Suite struct StepWalkTests {
    static let source = """
        service A
        service B
        service C
        A -> B : outer {
          alt "ok" {
            B -> C : inner {
              C ->> A : deep
            }
          } else {
            note over B : nothing
          }
          B -> C : last
        }
        A -> C : after
        """

    /// Each event as `depth kind detail`.
    static func trace(_ model: Model, enteringBlocks: Bool = true) -> [String] {
        var lines: [String] = []
        model.walk(model.flows[0].steps, enteringBlocks: enteringBlocks) { event, depth in
            let text: String
            switch event {
            case .interaction(let id): text = "interaction \(model[id].label ?? "")"
            case .interactionEnd(let id): text = "end \(model[id].label ?? "")"
            case .fragment(let fragment): text = "fragment \(fragment.kind.rawValue)"
            case .branch(let fragment, let index): text = "branch \(fragment.branches[index].label ?? "-")"
            case .branchEnd(_, let index): text = "end branch \(index)"
            case .fragmentEnd(let fragment): text = "end \(fragment.kind.rawValue)"
            case .note(let note): text = "note \(note.text)"
            }
            lines.append("\(depth) \(text)")
        }
        return lines
    }

    @Test func eventsComeInDocumentOrderWithTreeDepths() {
        let model = compileClean(Self.source)
        #expect(Self.trace(model) == [
            "0 interaction outer",
            "1 fragment alt",
            "2 branch ok",
            "3 interaction inner",
            "4 interaction deep",
            "4 end deep",
            "3 end inner",
            "2 end branch 0",
            "2 branch -",
            "3 note nothing",
            "2 end branch 1",
            "1 end alt",
            "1 interaction last",
            "1 end last",
            "0 end outer",
            "0 interaction after",
            "0 end after",
        ])
    }

    @Test func withoutBlocksTheWalkStaysInOneBlockThroughFragments() throws {
        let model = compileClean(Self.source)
        let outer = try #require(model.interactions.first { $0.label == "outer" })
        var labels: [String] = []
        model.forEachInteraction(in: outer.block ?? [], enteringBlocks: false) { labels.append(model[$0].label ?? "") }
        #expect(labels == ["inner", "last"])
        #expect(!Self.trace(model, enteringBlocks: false).contains { $0.hasSuffix("inner") })
    }

    @Test func participantsTakingPartAreTheEndsOfInteractionsAndTheParticipantsUnderNotes() {
        let model = compileClean("""
            service A
            service B
            service Idle
            service Noted
            flow "F" {
              opt {
                A -> B : x
              }
              note over Noted : here
            }
            """)
        #expect(model.participantsTakingPart(in: model.flows[0].steps) == [true, true, false, true])
    }
}
