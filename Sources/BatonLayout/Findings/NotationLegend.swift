import BatonSyntax

/// A key under a finished diagram that explains its notation (`baton render --legend`): one row
/// per arrow kind the diagram draws, each with a sample arrow and what it means.
///
/// It works on the scene alone (the arrow kinds come from the interaction groups' classes), so
/// both views get the same key from one stage. The samples are drawn with the very line ends
/// and roles the layouts give real arrows (`LineEnd.interaction`, `StyleRole.line(for:)`), so the
/// key cannot drift from the drawing. Only the kinds the diagram uses get a row: a key that
/// explains arrows the reader cannot find is noise. A diagram without arrows gets no key.
public enum NotationLegend {
    static let title = TextStyle(size: 12, weight: .bold, role: .legendTitle)
    static let text = TextStyle(size: 12, role: .legendText)
    static let margin = 20.0
    static let gap = 12.0
    static let rowGap = 8.0
    static let sampleLength = 56.0
    static let sampleGap = 10.0

    /// The arrow kinds the scene draws, in the order of `Arrow.allCases`.
    public static func arrows(in scene: Scene) -> [Arrow] {
        var classes: Set<String> = []
        func visit(_ items: [SceneItem]) {
            for item in items {
                guard case .group(let group) = item else { continue }
                let words = group.classes.split(separator: " ")
                if words.first == "interaction", words.count > 1 { classes.insert(String(words[1])) }
                visit(group.items)
            }
        }
        visit(scene.items)
        return Arrow.allCases.filter { classes.contains(className($0)) }
    }

    /// What a sample of `arrow` says.
    static func explanation(_ arrow: Arrow) -> String {
        switch arrow {
        case .call: "call (A -> B): filled arrowhead, the initiator waits for the answer"
        case .send: "send (A ->> B): open arrowhead, the initiator does not wait"
        case .fetch: "fetch (A <- B): the initiator pulls the data towards itself and waits"
        case .callback: "callback (A ~> B): dotted, a call back to an endpoint registered earlier"
        }
    }

    static func className(_ arrow: Arrow) -> String { SequenceBody.className(arrow) }

    /// The scene with the key below it; unchanged when it draws no arrows.
    public static func apply(to scene: Scene, metrics: TextMetrics = TextMetrics()) -> Scene {
        let arrows = arrows(in: scene)
        guard !arrows.isEmpty else { return scene }
        var y = scene.size.height - margin + gap
        var rows: [SceneItem] = []
        let (titleLines, titleSize) = metrics.measure("Key: the dot marks who initiates (holds the baton), the arrowhead where the data goes",
                                                      style: title, maxWidth: .infinity)
        rows.append(.text(metrics.block(titleLines, size: titleSize, style: title, alignment: .start,
                                        anchor: Point(x: margin, y: y))))
        y += titleSize.height + rowGap
        let lineHeight = metrics.lineHeight(size: text.size)
        for arrow in arrows {
            let midY = y + lineHeight / 2
            // Drawn as the sequence view draws an arrow: from the initiator on the left; a
            // fetch's line runs backwards, so its dot and arrowhead meet at the initiator.
            let points = [Point(x: margin + 4, y: midY), Point(x: margin + 4 + sampleLength, y: midY)]
            let ends = LineEnd.interaction(arrow)
            let line = SceneLine(.polyline(arrow == .fetch ? points.reversed() : points), start: ends.start, end: ends.end,
                                 role: .line(for: arrow))
            let (lines, size) = metrics.measure(explanation(arrow), style: text, maxWidth: .infinity)
            let label = metrics.block(lines, size: size, style: text, alignment: .start,
                                      anchor: Point(x: margin + 8 + sampleLength + sampleGap, y: y))
            rows.append(.group(SceneGroup(id: "legend-\(className(arrow))", classes: "legend-entry \(className(arrow))",
                                          items: [.line(line), .text(label)])))
            y += lineHeight + rowGap
        }
        var out = scene
        let legend = SceneItem.group(SceneGroup(id: "legend", classes: "legend", items: rows))
        out.items.append(legend)
        out.size = Size(width: max(scene.size.width, (legend.bounds.maxX + margin).rounded(.up)),
                        height: (legend.bounds.maxY + margin).rounded(.up))
        return out
    }
}
