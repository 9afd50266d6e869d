/// What `Model.walk` reports about the steps it passes, in document order.
///
/// Every opening event has its closing one, so a consumer that writes nested output (an
/// indented dump, Mermaid's `activate`/`end` pairs) can keep its own nesting; one that only
/// collects handles the events it cares about.
public enum StepEvent: Sendable {
    /// An interaction, before the steps of its block.
    case interaction(InteractionID)
    /// After the interaction's block (right after `.interaction` when it has none, or when the
    /// walk does not enter blocks).
    case interactionEnd(InteractionID)
    /// A fragment, before its first branch.
    case fragment(Fragment)
    /// Branch `index` of `fragment`, before its steps.
    case branch(Fragment, index: Int)
    case branchEnd(Fragment, index: Int)
    /// After the fragment's last branch.
    case fragmentEnd(Fragment)
    case note(Note)
}

extension Model {
    /// The one walk over steps: `steps` and everything nested in them, depth first in document
    /// order, with fragments entered branch by branch and, when `enteringBlocks`, interactions'
    /// blocks entered right after the interaction (otherwise the walk stays in one block: the
    /// steps of `steps` through fragments).
    ///
    /// `depth` counts the nodes of the step tree above an event's step: the steps of a block
    /// are one deeper than their interaction, a fragment's branches one deeper than the
    /// fragment, and a branch's steps one deeper than the branch. Closing events have the depth
    /// of their opening one.
    ///
    /// Traversals that compute something per subtree (the worst-case wait of a block, whose
    /// fragments combine their branches by sum, maximum or product) or that build a tree of
    /// their own (the sequence layout's plan) keep their own recursion; everything that visits
    /// steps in order uses this.
    public func walk(_ steps: [Step], enteringBlocks: Bool = true, depth: Int = 0,
                     _ visit: (StepEvent, _ depth: Int) -> Void) {
        for step in steps {
            switch step {
            case .interaction(let id):
                visit(.interaction(id), depth)
                if enteringBlocks, let block = interactions[id.rawValue].block {
                    walk(block, enteringBlocks: true, depth: depth + 1, visit)
                }
                visit(.interactionEnd(id), depth)
            case .fragment(let fragment):
                visit(.fragment(fragment), depth)
                for (index, branch) in fragment.branches.enumerated() {
                    visit(.branch(fragment, index: index), depth + 1)
                    walk(branch.steps, enteringBlocks: enteringBlocks, depth: depth + 2, visit)
                    visit(.branchEnd(fragment, index: index), depth + 1)
                }
                visit(.fragmentEnd(fragment), depth)
            case .note(let note):
                visit(.note(note), depth)
            }
        }
    }

    /// Every interaction of `steps`, in document order, through fragments and (when
    /// `enteringBlocks`) blocks.
    public func forEachInteraction(in steps: [Step], enteringBlocks: Bool = true, _ body: (InteractionID) -> Void) {
        walk(steps, enteringBlocks: enteringBlocks) { event, _ in
            if case .interaction(let id) = event { body(id) }
        }
    }

    /// Who takes part in `steps`, indexed by `ParticipantID.rawValue`: both ends of every
    /// interaction, and the participants under every note (what the sequence view gives a
    /// lifeline and the graph view a node, for one flow).
    public func participantsTakingPart(in steps: [Step]) -> [Bool] {
        var shown = [Bool](repeating: false, count: participants.count)
        walk(steps) { event, _ in
            switch event {
            case .interaction(let id):
                shown[interactions[id.rawValue].from.rawValue] = true
                shown[interactions[id.rawValue].to.rawValue] = true
            case .note(let note):
                for id in note.over { shown[id.rawValue] = true }
            case .interactionEnd, .fragment, .branch, .branchEnd, .fragmentEnd:
                break
            }
        }
        return shown
    }
}
