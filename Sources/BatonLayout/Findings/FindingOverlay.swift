import BatonModel

/// Findings drawn onto a finished scene: a numbered badge at every element a `FindingMark` is
/// about, and the legend of all marks below the diagram.
///
/// It works on the scene alone, through the groups' `ElementMarker`s, so the sequence view and
/// the graph view get the same badges from one stage, and neither layout changes. A badge
/// touches its element — on an arrow near the arrow's start, on a participant at its head box's
/// top-right corner — and is moved along the arrow or the box's edge until it covers no text and
/// no other badge. With no marks the scene comes back unchanged.
public enum FindingOverlay {
    /// The badge's radius (it grows for numbers too wide for it).
    static let radius = 8.0
    static let number = TextStyle(size: 10, weight: .bold, role: .findingNumber)
    static let legendText = TextStyle(size: 12, role: .findingLegend)
    static let margin = 20.0
    /// Between the diagram and the legend, between its rows, between a badge and its text.
    static let legendGap = 12.0
    static let rowGap = 6.0
    static let columnGap = 8.0
    /// The legend wraps at the diagram's width, but never narrower than this.
    static let legendMinWidth = 320.0

    public static func apply(_ marks: [FindingMark], to scene: Scene, metrics: TextMetrics = TextMetrics()) -> Scene {
        guard !marks.isEmpty else { return scene }
        var placer = BadgePlacer(scene: scene)
        var badges: [SceneItem] = []
        for mark in marks {
            for interaction in mark.interactions {
                guard let path = placer.path(of: interaction),
                      let frame = placer.place(size: badgeSize(mark, metrics: metrics), candidates: BadgePlacer.candidates(along: path))
                else { continue }
                badges.append(badge(mark, frame: frame, metrics: metrics))
            }
            for participant in mark.participants {
                guard let box = placer.box(of: participant),
                      let frame = placer.place(size: badgeSize(mark, metrics: metrics), candidates: BadgePlacer.candidates(around: box))
                else { continue }
                badges.append(badge(mark, frame: frame, metrics: metrics))
            }
        }
        var out = scene
        out.items += badges
        var width = scene.size.width, height = scene.size.height
        for badge in badges {
            width = max(width, (badge.bounds.maxX + 2).rounded(.up))
            height = max(height, (badge.bounds.maxY + 2).rounded(.up))
        }
        let legend = legend(marks, top: height - margin + legendGap, width: max(width - 2 * margin, legendMinWidth),
                            metrics: metrics)
        out.items.append(legend)
        out.size = Size(width: max(width, (legend.bounds.maxX + margin).rounded(.up)),
                        height: (legend.bounds.maxY + margin).rounded(.up))
        return out
    }

    /// The badge's square: the circle's diameter, wide enough for the number.
    static func badgeSize(_ mark: FindingMark, metrics: TextMetrics) -> Double {
        let text = metrics.width(of: String(mark.number), size: number.size, weight: number.weight)
        return max(2 * radius, text + 6)
    }

    /// A circle of the severity's colour with the number in it.
    static func badge(_ mark: FindingMark, frame: Rect, metrics: TextMetrics) -> SceneItem {
        let label = String(mark.number)
        let (lines, size) = metrics.measure(label, style: number, maxWidth: .infinity)
        let text = metrics.block(lines, size: size, style: number, alignment: .middle,
                                 anchor: Point(x: frame.midX, y: frame.midY - size.height / 2))
        return .group(SceneGroup(id: "m\(mark.number)", classes: "finding-badge \(mark.severity.rawValue)", items: [
            .shape(SceneShape(.ellipse, frame: frame, role: .findingBadge(mark.severity))),
            .text(text),
        ]))
    }

    /// Every mark in number order: its badge, its severity, then its title and message wrapped
    /// to what is left of `width`.
    static func legend(_ marks: [FindingMark], top: Double, width: Double, metrics: TextMetrics) -> SceneItem {
        var severityWidth = 0.0
        for mark in marks {
            severityWidth = max(severityWidth, metrics.width(of: mark.severity.rawValue, size: legendText.size, weight: .bold))
        }
        var rows: [SceneItem] = []
        var y = top
        let lineHeight = metrics.lineHeight(size: legendText.size)
        for mark in marks {
            let diameter = badgeSize(mark, metrics: metrics)
            let badgeFrame = Rect(x: margin, y: y + max(0, (lineHeight - diameter) / 2), width: diameter, height: diameter)
            let severityX = margin + 2 * radius + columnGap + max(0, diameter - 2 * radius)
            let severityStyle = TextStyle(size: legendText.size, weight: .bold, role: .findingSeverity(mark.severity))
            let (severityLines, severitySize) = metrics.measure(mark.severity.rawValue, style: severityStyle, maxWidth: .infinity)
            let severity = metrics.block(severityLines, size: severitySize, style: severityStyle, alignment: .start,
                                         anchor: Point(x: severityX, y: y))
            let textX = severityX + severityWidth + columnGap
            let (lines, size) = metrics.measure("\(mark.title): \(mark.message)", style: legendText,
                                                maxWidth: max(80, margin + width - textX))
            let text = metrics.block(lines, size: size, style: legendText, alignment: .start, anchor: Point(x: textX, y: y))
            rows.append(.group(SceneGroup(id: "finding-\(mark.number)", classes: "finding \(mark.severity.rawValue)", items: [
                badge(mark, frame: badgeFrame, metrics: metrics), .text(severity), .text(text),
            ])))
            y = max(text.frame.maxY, badgeFrame.maxY) + rowGap
        }
        return .group(SceneGroup(id: "findings", classes: "findings", items: rows))
    }
}
