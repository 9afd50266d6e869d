import BatonModel
import BatonSyntax

/// What a comparison did to each participant and interaction of the design a diff diagram
/// draws (the union of two designs, `baton diff --to svg`), by raw id: nil (or `.unchanged`)
/// for unchanged.
public struct DiffMarks: Hashable, Sendable {
    /// Indexed by `ParticipantID.rawValue`.
    public var participants: [DiffMark?]
    /// Indexed by `InteractionID.rawValue`.
    public var interactions: [DiffMark?]

    public init(participants: [DiffMark?], interactions: [DiffMark?]) {
        self.participants = participants
        self.interactions = interactions
    }

    public func mark(of participant: ParticipantID) -> DiffMark {
        participant.rawValue < participants.count ? participants[participant.rawValue] ?? .unchanged : .unchanged
    }

    public func mark(of interaction: InteractionID) -> DiffMark {
        interaction.rawValue < interactions.count ? interactions[interaction.rawValue] ?? .unchanged : .unchanged
    }

    /// The mark of a graph edge, which stands for every interaction between two participants
    /// with one arrow: added or removed when all of them were, unchanged when none changed,
    /// and changed otherwise (some added, some removed, some changed, some not).
    public func mark(ofEdge ids: [InteractionID]) -> DiffMark {
        var seen: Set<DiffMark> = []
        for id in ids { seen.insert(mark(of: id)) }
        if seen.count == 1, let only = seen.first, only != .changed { return only }
        return seen.isEmpty ? .unchanged : .changed
    }

    /// How many participants and interactions carry `mark`.
    public func count(_ mark: DiffMark) -> (participants: Int, interactions: Int) {
        (participants.reduce(0) { $0 + (($1 ?? .unchanged) == mark ? 1 : 0) },
         interactions.reduce(0) { $0 + (($1 ?? .unchanged) == mark ? 1 : 0) })
    }
}

/// A diff drawn onto a finished scene: every participant and edge takes its mark's role (green
/// added, red and dashed removed, amber changed, grey unchanged — the theme decides the paint)
/// and a class `diff-added`, `diff-removed`, `diff-changed` or `diff-unchanged`, and a key under
/// the drawing says what each colour means and how many elements carry it.
///
/// Like `FindingOverlay` it works on the scene alone, through the groups' `ElementMarker`s, so
/// the layout is the graph view's own, untouched: the caller lays out the union of the two
/// designs once and hands the marks over.
public enum DiffOverlay {
    static let title = TextStyle(size: 12, weight: .bold, role: .legendTitle)
    static let text = TextStyle(size: 12, role: .legendText)
    static let margin = 20.0
    static let gap = 12.0
    static let rowGap = 8.0
    static let sampleBox = Size(width: 28, height: 16)
    static let sampleLength = 44.0
    static let sampleGap = 10.0

    public static func apply(_ marks: DiffMarks, to scene: Scene, metrics: TextMetrics = TextMetrics()) -> Scene {
        var out = scene
        out.items = scene.items.map { restyle($0, marks: marks) }
        let legend = legend(marks, top: scene.size.height - margin + gap, metrics: metrics)
        out.items.append(legend)
        out.size = Size(width: max(scene.size.width, (legend.bounds.maxX + margin).rounded(.up)),
                        height: (legend.bounds.maxY + margin).rounded(.up))
        return out
    }

    /// The item with the roles of its marked groups replaced.
    static func restyle(_ item: SceneItem, marks: DiffMarks) -> SceneItem {
        guard case .group(var group) = item else { return item }
        let mark: DiffMark? = switch group.marker {
        case .participant(let id): marks.mark(of: id)
        case .interaction(let id): marks.mark(of: id)
        case .interactions(let ids): marks.mark(ofEdge: ids)
        case nil: nil
        }
        // (Only the groups that draw an element have a mark; the others are searched for them.)
        if let mark {
            group.items = group.items.map { paint($0, mark) }
            group.classes += (group.classes.isEmpty ? "" : " ") + "diff-\(mark.rawValue)"
        } else {
            group.items = group.items.map { restyle($0, marks: marks) }
        }
        return .group(group)
    }

    /// An item of a marked element in its mark's roles: the participant's outline, the edge's
    /// line, and their text.
    static func paint(_ item: SceneItem, _ mark: DiffMark) -> SceneItem {
        switch item {
        case .shape(var shape):
            if case .participant(let kind) = shape.role { shape.role = .diffParticipant(mark, kind) }
            return .shape(shape)
        case .line(var line):
            if let arrow = arrow(drawnAs: line.role) { line.role = .diffLine(mark, arrow) }
            return .line(line)
        case .text(var text):
            if text.role == .participantLabel || text.role == .interactionLabel { text.role = .diffText(mark) }
            return .text(text)
        case .group(var group):
            group.items = group.items.map { paint($0, mark) }
            return .group(group)
        }
    }

    /// The arrow whose line pattern a line role draws (a fetch draws as a call).
    static func arrow(drawnAs role: StyleRole) -> Arrow? {
        switch role {
        case .syncLine: .call
        case .asyncLine: .send
        case .callbackLine: .callback
        default: nil
        }
    }

    /// What a colour means, for the key.
    static func meaning(_ mark: DiffMark) -> String {
        switch mark {
        case .added: "added: only in the new design"
        case .removed: "removed: only in the old design (dashed)"
        case .changed: "changed: in both, with a different attribute or interaction"
        case .unchanged: "unchanged: in both, the same"
        }
    }

    /// The key: a heading, then one row per mark — a sample node and a sample line in the
    /// mark's paint, what it means and how many elements carry it.
    static func legend(_ marks: DiffMarks, top: Double, metrics: TextMetrics) -> SceneItem {
        var y = top
        var rows: [SceneItem] = []
        let (titleLines, titleSize) = metrics.measure("Key: what changed from the old design to the new one",
                                                      style: title, maxWidth: .infinity)
        rows.append(.text(metrics.block(titleLines, size: titleSize, style: title, alignment: .start,
                                        anchor: Point(x: margin, y: y))))
        y += titleSize.height + rowGap
        let lineHeight = max(metrics.lineHeight(size: text.size), sampleBox.height)
        for mark in DiffMark.allCases {
            let midY = y + lineHeight / 2
            let box = Rect(x: margin, y: midY - sampleBox.height / 2, width: sampleBox.width, height: sampleBox.height)
            let lineStart = margin + sampleBox.width + sampleGap
            let ends = LineEnd.interaction(.call)
            let line = SceneLine(.polyline([Point(x: lineStart, y: midY), Point(x: lineStart + sampleLength, y: midY)]),
                                 start: ends.start, end: ends.end, role: .diffLine(mark, .call))
            let counted = marks.count(mark)
            let words = meaning(mark) + " (" + English.plural(counted.participants, "participant") + ", "
                + English.plural(counted.interactions, "interaction") + ")"
            let (lines, size) = metrics.measure(words, style: text, maxWidth: .infinity)
            let label = metrics.block(lines, size: size, style: text, alignment: .start,
                                      anchor: Point(x: lineStart + sampleLength + sampleGap, y: midY - size.height / 2))
            rows.append(.group(SceneGroup(id: "diff-legend-\(mark.rawValue)", classes: "legend-entry diff-\(mark.rawValue)", items: [
                .shape(SceneShape(.roundedRectangle(cornerRadius: 4), frame: box, role: .diffParticipant(mark, .service))),
                .line(line),
                .text(label),
            ])))
            y += lineHeight + rowGap
        }
        return .group(SceneGroup(id: "diff-legend", classes: "legend", items: rows))
    }
}
