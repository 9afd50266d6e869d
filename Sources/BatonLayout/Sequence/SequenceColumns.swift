import BatonModel

/// The head boxes: each participant's box (`ParticipantBox`, as in the graph view) and its size.
struct SequenceHeads {
    var boxes: [ParticipantBox]
    var sizes: [Size]
    /// The height of the tallest box; boxes stand on a common baseline.
    var rowHeight: Double

    init(model: Model, cast: SequenceCast, metrics: TextMetrics) {
        boxes = cast.columns.map { ParticipantBox(model[$0], metrics: metrics) }
        // Every box gets the same label area, so the row reads as one band.
        let labelHeight = boxes.map(\.label.size.height).max() ?? 0
        sizes = boxes.map { box in
            let height = box.height(labelHeight: labelHeight)
            return Size(width: box.width(height: height, minWidth: SequenceStyle.headMinWidth), height: height)
        }
        rowHeight = sizes.map(\.height).max() ?? 0
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

    init(heads: SequenceHeads, cast: SequenceCast, model: Model, planner: inout SequencePlanner,
         metrics: TextMetrics) {
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
                x = xs[column - 1] + heads.sizes[column - 1].width / 2 + padRight[column - 1] + S.headGap
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
}
