import BatonModel

/// The head boxes: each participant's box (`ParticipantBox`, as in the graph view) and its size.
struct SequenceHeads {
    var boxes: [ParticipantBox]
    var sizes: [Size]
    /// How far each box stands above the row's bottom: the bodies of all boxes (where the names
    /// are) line up, so a cylinder, whose rim hangs below its body, reaches lower than the
    /// others instead of lifting its name above theirs.
    var lifts: [Double]
    /// From the top of the tallest box to the bottom of the lowest.
    var rowHeight: Double

    init(model: Model, cast: SequenceCast, spacing: SequenceSpacing, metrics: TextMetrics) {
        boxes = cast.columns.map { id in
            var box = ParticipantBox(model[id], metrics: metrics)
            if spacing == .tight, box.label.size.width > SequenceStyle.tightNameWidth {
                box.label = Self.balanced(model[id].displayName, metrics: metrics) ?? box.label
            }
            return box
        }
        // Every box gets the same label area, so the row reads as one band.
        let labelHeight = boxes.map(\.label.size.height).max() ?? 0
        sizes = boxes.map { box in
            let height = box.height(labelHeight: labelHeight)
            return Size(width: box.width(height: height, minWidth: SequenceStyle.headMinWidth), height: height)
        }
        let below = zip(boxes, sizes).map { box, size in box.shape.labelInsets(height: size.height).bottom }
        let lowest = below.max() ?? 0
        lifts = below.map { lowest - $0 }
        rowHeight = zip(sizes, lifts).map { $0.height + $1 }.max() ?? 0
    }

    /// A one-line name broken into two lines as even as its spaces allow (the narrowest
    /// width at which it takes two lines), or nil when it has no space or is more than a line.
    static func balanced(_ name: String, metrics: TextMetrics) -> MeasuredText? {
        let style = ParticipantBox.label
        let words = TextMetrics.drawable(name).split(separator: " ")
        guard words.count >= 2, !name.contains(where: \.isNewline) else { return nil }
        var best = Double.infinity
        for split in 1..<words.count {
            let left = words[..<split].joined(separator: " "), right = words[split...].joined(separator: " ")
            best = min(best, max(metrics.width(of: left, size: style.size, weight: style.weight),
                                 metrics.width(of: right, size: style.size, weight: style.weight)))
        }
        let (lines, size) = metrics.measure(name, style: style, maxWidth: best)
        guard lines.count == 2 else { return nil }
        return MeasuredText(lines: lines, size: size)
    }
}

/// How far apart the head boxes stand. Comfortable by default; tight when the row of heads
/// would be wider than `SequenceStyle.wideCastWidth` (a page, or a README on GitHub): the gap
/// between neighbouring boxes shrinks, and long names wrap onto two even lines, so a cast of
/// ten or more fits in less width. Labels above arrows keep the room they need either way.
enum SequenceSpacing {
    case comfortable
    case tight

    /// Between neighbouring head boxes.
    var headGap: Double {
        switch self {
        case .comfortable: SequenceStyle.headGap
        case .tight: SequenceStyle.tightHeadGap
        }
    }
}

/// Pass 2: the x of every lifeline, and the horizontal extent of every group box.
///
/// Every requirement has the form "lifeline j lies at least d to the right of lifeline i"
/// (i < j): neighbouring head boxes must not touch, a label must fit above its arrow, a note
/// must not cover the next lifeline, a group's name must fit in its box. Such a system is
/// solved exactly, and with the narrowest result, by one pass from left to right: each x is the
/// largest of the lower bounds its constraints give (a longest path in a DAG).
struct SequenceColumns {
    var xs: [Double]
    /// Per group (parallel to `cast.groups`): the box's left and right edge.
    var groupEdges: [(left: Double, right: Double)]
    var groupLabels: [MeasuredText]

    init(heads: SequenceHeads, cast: SequenceCast, model: Model, spacing: SequenceSpacing,
         planner: inout SequencePlanner, metrics: TextMetrics) {
        typealias S = SequenceStyle
        let count = cast.columns.count
        var padLeft = [Double](repeating: 0, count: count)
        var padRight = [Double](repeating: 0, count: count)
        var offsets: [(left: Double, right: Double)] = []
        groupLabels = []
        for group in cast.groups {
            let label = metrics.measure(model[group.id].displayName, style: S.groupLabel, maxWidth: S.groupLabelMaxWidth)
            groupLabels.append(MeasuredText(lines: label.lines, size: label.size))
            padLeft[group.first] += S.groupPadding
            padRight[group.last] += S.groupPadding
            let need = label.size.width + 2 * S.groupLabelPadding
            let firstHalf = heads.sizes[group.first].width / 2, lastHalf = heads.sizes[group.last].width / 2
            if group.first == group.last {
                let have = 2 * firstHalf + padLeft[group.first] + padRight[group.last]
                if need > have {
                    padLeft[group.first] += (need - have) / 2
                    padRight[group.last] += (need - have) / 2
                }
            } else {
                planner.require(group.first, group.last,
                                atLeast: need - firstHalf - padLeft[group.first] - lastHalf - padRight[group.last])
            }
            offsets.append((firstHalf + padLeft[group.first], lastHalf + padRight[group.last]))
        }
        var xs = [Double](repeating: 0, count: count)
        for column in 0..<count {
            var x = 0.0
            if column > 0 {
                x = xs[column - 1] + heads.sizes[column - 1].width / 2 + padRight[column - 1] + spacing.headGap
                    + padLeft[column] + heads.sizes[column].width / 2
            }
            for constraint in planner.constraints[column] {
                x = max(x, xs[constraint.lo] + constraint.distance)
            }
            xs[column] = x
        }
        self.xs = xs
        groupEdges = zip(cast.groups, offsets).map { group, offset in
            (xs[group.first] - offset.left, xs[group.last] + offset.right)
        }
    }

    /// From the left edge of the first head box (or group box) to the right edge of the last.
    func headsWidth(_ heads: SequenceHeads) -> Double {
        guard let first = xs.first, let last = xs.last, let firstSize = heads.sizes.first,
              let lastSize = heads.sizes.last else { return 0 }
        var left = first - firstSize.width / 2, right = last + lastSize.width / 2
        for edges in groupEdges {
            left = min(left, edges.left)
            right = max(right, edges.right)
        }
        return right - left
    }
}
