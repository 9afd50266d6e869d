import BatonModel

/// A participant's box as every view draws it: the outline of its kind's shape, with its
/// display name wrapped and centred in the shape's body (below a person's head or a cylinder's
/// lid, between a barrel's caps or a hexagon's points).
///
/// The sequence view's head boxes and the graph view's nodes are both measured and drawn here,
/// so a name wraps at the same place and reads the same in both pictures; the DOT export wraps
/// names with the same `measure` (through `GraphViewLabels`). What differs is each view's to
/// say: how high the label area is (the sequence view gives a whole row of heads its tallest
/// name's height; a graph node is at least one line high) and the narrowest box.
struct ParticipantBox {
    /// How names are set: the style, and the width at which they wrap.
    static let label = TextStyle(size: 13, weight: .bold, role: .participantLabel)
    static let maxLabelWidth = 150.0
    /// Between the name and the outline's body, on each side.
    static let paddingX = 12.0
    static let paddingY = 8.0

    var shape: ShapeKind
    var label: MeasuredText

    init(_ participant: Participant, metrics: TextMetrics) {
        shape = .participant(participant.kind.shape)
        label = Self.measure(participant.displayName, metrics: metrics)
    }

    /// A name wrapped at `maxLabelWidth` and measured.
    static func measure(_ name: String, metrics: TextMetrics) -> MeasuredText {
        let (lines, size) = metrics.measure(name, style: label, maxWidth: maxLabelWidth)
        return MeasuredText(lines: lines, size: size)
    }

    /// The height of the box around a label area `labelHeight` high: the padding, then the room
    /// the outline takes beyond the body (a person's head, a cylinder's lid and rim).
    func height(labelHeight: Double) -> Double {
        let body = labelHeight + 2 * Self.paddingY
        return body + shape.labelInsets(height: body).vertical
    }

    /// The width that fits the label in the shape at `height` (a hexagon's points grow with
    /// it), and at least `minWidth`.
    func width(height: Double, minWidth: Double) -> Double {
        max(label.size.width + 2 * Self.paddingX + shape.labelInsets(height: height).horizontal, minWidth)
    }

    /// The box drawn in `frame` for `participant`: a group `id` of classes `role` and the kind's
    /// keyword (`participant service`), holding the shape and the name.
    func item(_ participant: Participant, frame: Rect, id: String, role: String = "participant",
              metrics: TextMetrics) -> SceneItem {
        let insets = shape.labelInsets(height: frame.height)
        let center = Point(x: frame.minX + insets.left + (frame.width - insets.horizontal) / 2,
                           y: frame.minY + insets.top + (frame.height - insets.vertical) / 2)
        let text = metrics.block(label.lines, size: label.size, style: Self.label, alignment: .middle,
                                 anchor: Point(x: center.x, y: center.y - label.size.height / 2))
        return .group(SceneGroup(id: id, classes: role + " " + participant.kind.rawValue,
                                   marker: .participant(participant.id), items: [
            .shape(SceneShape(shape, frame: frame, role: .participant(participant.kind))),
            .text(text),
        ]))
    }
}
