import BatonLayout
import BatonModel
import BatonRender
import BatonSyntax

/// `baton diff --to svg`: the graph view of both designs at once, laid out once, with what was
/// added drawn in green, what was removed in red and dashed, and what changed in amber, and a
/// key under it (`DiffOverlay`).
///
/// The drawing is the graph view of a *union* model: the new design, plus the participants and
/// interactions only the old design had (their ends the new design's participants where both
/// have them). A removed participant joins the new design's group of the same name, if there is
/// one. The layout is the graph view's own, unchanged; only the roles of the marked elements
/// change, so the theme paints them (both themes know the diff colours).
public enum DiffDiagram {
    public struct Options: Hashable, Sendable {
        public var theme: Theme.Name
        public var direction: LayoutDirection
        public var graphLimit: Int
        /// Nil: derived from both designs' root files, as `IDPrefix.derived` does for a render.
        public var idPrefix: String?

        public init(theme: Theme.Name = .light, direction: LayoutDirection = .leftToRight,
                    graphLimit: Int = GraphViewLimit.standard, idPrefix: String? = nil) {
            self.theme = theme
            self.direction = direction
            self.graphLimit = graphLimit
            self.idPrefix = idPrefix
        }
    }

    /// The SVG of the diff of `old` and `new` (`diff` is their `Differ.diff`).
    public static func svg(old: DesignSide, new: DesignSide, diff: DesignDiff, options: Options) throws(RenderError) -> String {
        let scene = try self.scene(old: old, new: new, diff: diff, options: options)
        let prefix = try options.idPrefix.map(IDPrefix.validated) ?? derivedPrefix(old: old, new: new, options: options)
        return SVGWriter.write(scene, options: SVGOptions(theme: Theme.named(options.theme), idPrefix: prefix))
    }

    public static func scene(old: DesignSide, new: DesignSide, diff: DesignDiff, options: Options) throws(RenderError) -> Scene {
        let (model, marks) = union(old: old, new: new)
        let untitled = DesignName.untitled(path: new.compilation.sources.files.first?.path ?? "")
        var scene: Scene
        do {
            scene = try GraphViewLayout.scene(model: model, flow: nil, untitled: untitled, direction: options.direction,
                                              limit: options.graphLimit)
        } catch {
            throw RenderError(
                message: "the diagram of the two designs has \(English.grouped(error.participants)) participants and "
                    + "\(English.grouped(error.connections)) connections together, more than the graph view's limit of "
                    + "\(English.grouped(error.limit))",
                help: "raise the limit with --graph-limit \(error.weight), or compare without --to svg")
        }
        scene = DiffOverlay.apply(marks, to: scene)
        scene.description = "What changed from \(diff.old) to \(diff.new): \(DiffSummary(diff).sentence). " + scene.description
        return scene
    }

    /// The union of the two designs and what happened to each of its elements.
    static func union(old: DesignSide, new: DesignSide) -> (Model, DiffMarks) {
        let matching = Matching(old: old, new: new)
        let oldModel = old.model, newModel = new.model
        var model = newModel
        let title = newModel.title.flatMap { $0.isEmpty ? nil : $0 }
            ?? DesignName.untitled(path: new.compilation.sources.files.first?.path ?? "")
        model.title = "\(title): \(old.label) → \(new.label)"
        var participantMarks = [DiffMark?](repeating: nil, count: newModel.participants.count)
        for participant in newModel.participants {
            guard let oldID = matching.participants.oldOf[participant.id.rawValue] else {
                participantMarks[participant.id.rawValue] = .added
                continue
            }
            let before = oldModel[oldID]
            let renamed = before.name != participant.name
            if renamed { model.participants[participant.id.rawValue].label = "\(participant.displayName) (was \(before.name))" }
            let lists = (ElementAttributes.participant(before, in: oldModel, names: matching.oldNames),
                         ElementAttributes.participant(participant, in: newModel, names: matching.newNames))
            if renamed || !ElementAttributes.changes(lists.0, lists.1).isEmpty { participantMarks[participant.id.rawValue] = .changed }
        }
        // The old design's participants the new one lacks, after the new design's own.
        var groupByName: [String: GroupID] = [:]
        for group in newModel.groups where groupByName[group.name] == nil { groupByName[group.name] = group.id }
        var unionID = [ParticipantID](repeating: ParticipantID(0), count: oldModel.participants.count)
        for participant in oldModel.participants {
            if let match = matching.participants.newOf[participant.id.rawValue] {
                unionID[participant.id.rawValue] = match
                continue
            }
            var removed = participant
            removed.id = ParticipantID(model.participants.count)
            removed.attributes.dlq = nil
            removed.group = participant.group.flatMap { groupByName[oldModel[$0].name] }
            if let group = removed.group { model.groups[group.rawValue].members.append(removed.id) }
            unionID[participant.id.rawValue] = removed.id
            model.participants.append(removed)
            participantMarks.append(.removed)
        }
        var interactionMarks = [DiffMark?](repeating: nil, count: newModel.interactions.count)
        for index in newModel.interactions.indices {
            let id = InteractionID(index)
            if matching.interactions.oldOf[index] == nil {
                interactionMarks[index] = .added
            } else if matching.interactionChanged(new: id) {
                interactionMarks[index] = .changed
            }
        }
        for interaction in oldModel.interactions where matching.interactions.newOf[interaction.id.rawValue] == nil {
            var removed = interaction
            removed.id = InteractionID(model.interactions.count)
            removed.from = unionID[interaction.from.rawValue]
            removed.to = unionID[interaction.to.rawValue]
            removed.flow = FlowID(0)
            removed.parent = nil
            removed.block = nil
            removed.attributes.replyTo = nil
            model.interactions.append(removed)
            interactionMarks.append(.removed)
        }
        return (model, DiffMarks(participants: participantMarks, interactions: interactionMarks))
    }

    /// `b-` and 10 hex digits of the `DiagramHash` of both root files and the options.
    static func derivedPrefix(old: DesignSide, new: DesignSide, options: Options) -> String {
        let oldBytes = old.compilation.sources.files.first?.bytes ?? []
        let newBytes = new.compilation.sources.files.first?.bytes ?? []
        let fields = [oldBytes, newBytes, Array("diff".utf8), Array(options.theme.rawValue.utf8), Array(options.direction.rawValue.utf8)]
        return "b-" + String(DiagramHash.hex(fields).prefix(10))
    }
}
