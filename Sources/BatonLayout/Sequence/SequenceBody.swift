import BatonModel
import BatonSyntax

/// Pass 3: walks the planned steps from top to bottom, giving each its own band of rows, and
/// draws interactions, activation bars, fragments and notes.
///
/// Each step owns the vertical band it is drawn in (a label sits above its arrow, a note or a
/// fragment header has a row of its own), so text in different steps can never overlap; the
/// horizontal pass already made every label fit between its lifelines.
struct SequenceBody {
    let xs: [Double]
    let metrics: TextMetrics
    /// The top of the next step.
    private(set) var y: Double

    // Layers, drawn in this order.
    private(set) var bars: [(level: Int, item: SceneItem)] = []
    private(set) var frames: [SceneItem] = []
    private(set) var messages: [SceneItem] = []
    private(set) var notes: [SceneItem] = []
    /// Every interaction's arrow in drawing order, its points from the initiator's end, and
    /// every activation bar with the interaction whose block it is: what `SequenceAnnotations`
    /// places step numbers and timing brackets at.
    private(set) var arrows: [(interaction: InteractionID, points: [Point])] = []
    private(set) var activations: [(interaction: InteractionID, rect: Rect)] = []

    /// Open activation bars per column: where each starts.
    private var open: [[Double]]
    /// The horizontal extent of what the fragments being walked contain, innermost last.
    private var extents: [(minX: Double, maxX: Double)?] = []
    private var fragmentCount = 0
    private var noteCount = 0

    init(xs: [Double], top: Double, metrics: TextMetrics) {
        self.xs = xs
        self.metrics = metrics
        y = top
        open = [[Double]](repeating: [], count: xs.count)
    }

    mutating func lay(_ steps: [PlannedStep]) {
        for step in steps {
            switch step {
            case .message(let message): lay(message)
            case .fragment(let fragment): lay(fragment)
            case .note(let note): lay(note)
            }
        }
    }

    // MARK: - Interactions

    private mutating func lay(_ message: PlannedMessage) {
        typealias S = SequenceStyle
        let top = y
        let arrowY = top + (message.label.isEmpty ? S.unlabelledGap : message.label.size.height + S.labelGap)
        var points: [Point]
        var label: TextBlock?
        let barStart: Double
        if message.isSelf {
            let lifeline = xs[message.from]
            let out = lifeline + SequenceGeometry.barEdge(depth: message.fromDepth, side: .right)
            let back = lifeline + SequenceGeometry.barEdge(depth: message.toDepth, side: .right)
            let bottom = arrowY + S.selfLoopHeight
            points = [Point(x: out, y: arrowY), Point(x: out + S.selfLoopWidth, y: arrowY),
                      Point(x: out + S.selfLoopWidth, y: bottom), Point(x: back, y: bottom)]
            if !message.label.isEmpty {
                label = block(message.label, S.label(message.arrow), .start, at: Point(x: out + S.selfLabelOffset, y: top))
            }
            barStart = bottom
            y = bottom + S.stepGap
        } else {
            let rightwards = message.to > message.from
            let fromX = xs[message.from]
                + SequenceGeometry.barEdge(depth: message.fromDepth, side: rightwards ? .right : .left)
            let toX = xs[message.to]
                + SequenceGeometry.barEdge(depth: message.toDepth, side: rightwards ? .left : .right)
            points = [Point(x: fromX, y: arrowY), Point(x: toX, y: arrowY)]
            if !message.label.isEmpty {
                label = block(message.label, S.label(message.arrow), .middle, at: Point(x: (fromX + toX) / 2, y: top))
            }
            barStart = arrowY
            y = arrowY + S.stepGap
        }
        // The baton sits where the initiator is; the arrowhead where the data arrives. A fetch
        // pulls data towards its initiator, so its line runs backwards and both end up at its end.
        let ends = LineEnd.interaction(message.arrow)
        let line = SceneLine(.polyline(message.arrow == .fetch ? points.reversed() : points), start: ends.start,
                             end: ends.end, role: .line(for: message.arrow))
        arrows.append((message.interaction, points))
        var items: [SceneItem] = [.line(line)]
        if let label { items.append(.text(label)) }
        track(points: points)
        if let label { track(label.frame) }
        // A frame around this step must also clear the activation bars at both ends.
        for (column, depth) in [(message.from, message.fromDepth), (message.to, message.toDepth)] {
            track(minX: xs[column] + min(0, SequenceGeometry.barEdge(depth: depth, side: .left)),
                  maxX: xs[column] + max(0, SequenceGeometry.barEdge(depth: depth, side: .right)))
        }
        messages.append(.group(SceneGroup(id: "i\(message.interaction.rawValue)",
                                          classes: "interaction \(Self.className(message.arrow))",
                                          marker: .interaction(message.interaction), items: items)))

        guard let block = message.block else { return }
        let column = message.to
        open[column].append(barStart)
        let level = open[column].count
        lay(block)
        let start = open[column].removeLast()
        let end = max(y - S.stepGap + S.barTail, start + S.barMinHeight)
        let center = xs[column] + SequenceGeometry.barCenter(level: level)
        let rect = Rect(x: center - S.barWidth / 2, y: start, width: S.barWidth, height: end - start)
        bars.append((level, .shape(SceneShape(.rectangle, frame: rect, role: .activation))))
        activations.append((message.interaction, rect))
        track(rect)
        y = end + S.stepGap
    }

    static func className(_ arrow: Arrow) -> String {
        switch arrow {
        case .call: "call"
        case .send: "send"
        case .fetch: "fetch"
        case .callback: "callback"
        }
    }

    // MARK: - Fragments

    private mutating func lay(_ fragment: PlannedFragment) {
        typealias S = SequenceStyle
        fragmentCount += 1
        let id = "f\(fragmentCount)"
        let top = y
        let keywordHeight = fragment.keyword.size.height + 2 * S.tabPaddingY
        let headerGuard = fragment.guards.first ?? .empty
        let headerHeight = max(keywordHeight, headerGuard.size.height + 2 * S.tabPaddingY)
        y = top + headerHeight + S.framePadding / 2
        extents.append(nil)
        var separators: [(y: Double, guardText: MeasuredText)] = []
        for (index, branch) in fragment.branches.enumerated() {
            if index > 0 {
                let separatorY = y - S.stepGap / 2
                let guardText = fragment.guards[index]
                separators.append((separatorY, guardText))
                y = separatorY + S.stepGap / 2 + (guardText.isEmpty ? 0 : guardText.size.height + S.branchLabelGap)
            }
            let branchTop = y
            lay(branch)
            // An empty branch still gets a row, so that its separators do not coincide.
            if y == branchTop { y += S.emptyBranchHeight }
        }
        let content = extents.removeLast()
        let bottom = y - S.stepGap + S.framePadding
        let home = xs.isEmpty ? 0 : xs[min(fragment.homeColumn, xs.count - 1)]
        var left = (content?.minX ?? home) - S.framePadding
        var right = (content?.maxX ?? home) + S.framePadding
        let tabWidth = fragment.keyword.size.width + 2 * S.tabPaddingX + S.tabCut
        var needed = tabWidth + (headerGuard.isEmpty ? 0 : S.tabPaddingX + headerGuard.size.width) + S.guardTrailingPadding
        for separator in separators {
            needed = max(needed, S.tabPaddingX + separator.guardText.size.width + S.guardTrailingPadding)
        }
        if right - left < needed {
            // Too narrow for its own labels: grow around the middle.
            let grow = (needed - (right - left)) / 2
            left -= grow
            right += grow
        }
        // The bars of the blocks this fragment is in run past its header and separators: the
        // tab must not cover one (the frame reaches further left instead), and a guard starts
        // after any it would overlap.
        let bars = openBars()
        func blocking(_ x: Double, _ width: Double) -> (minX: Double, maxX: Double)? {
            bars.first { $0.minX < x + width + S.barClearance && $0.maxX > x - S.barClearance }
        }
        while let bar = blocking(left, tabWidth) { left = bar.minX - S.barClearance - tabWidth }
        func guardX(_ x: Double, _ text: MeasuredText) -> Double {
            var x = x
            while let bar = blocking(x, text.size.width) { x = bar.maxX + S.tabPaddingX }
            right = max(right, x + text.size.width + S.guardTrailingPadding)
            return x
        }
        let headerGuardX = headerGuard.isEmpty ? 0 : guardX(left + tabWidth + S.tabPaddingX, headerGuard)
        let separatorGuardXs = separators.map { $0.guardText.isEmpty ? 0 : guardX(left + S.tabPaddingX, $0.guardText) }
        let frame = Rect(x: left, y: top, width: right - left, height: bottom - top)
        var items: [SceneItem] = [
            .shape(SceneShape(.rectangle, frame: frame, role: .fragmentFrame)),
            .shape(SceneShape(.tab, frame: Rect(x: left, y: top, width: tabWidth, height: keywordHeight),
                              role: .fragmentTab)),
            .text(block(fragment.keyword, S.fragmentKeyword, .start,
                        at: Point(x: left + S.tabPaddingX, y: top + S.tabPaddingY))),
        ]
        if !headerGuard.isEmpty {
            items.append(.text(block(headerGuard, S.fragmentLabel, .start,
                                     at: Point(x: headerGuardX, y: top + S.tabPaddingY))))
        }
        for (separator, x) in zip(separators, separatorGuardXs) {
            items.append(.line(SceneLine(.polyline([Point(x: left, y: separator.y), Point(x: right, y: separator.y)]),
                                         role: .fragmentSeparator)))
            if !separator.guardText.isEmpty {
                items.append(.text(block(separator.guardText, S.fragmentLabel, .start,
                                         at: Point(x: x, y: separator.y + S.branchLabelGap))))
            }
        }
        frames.append(.group(SceneGroup(id: id, classes: "fragment \(fragment.kind.rawValue)", items: items)))
        track(frame)
        y = bottom + S.stepGap
    }

    // MARK: - Notes

    private mutating func lay(_ note: PlannedNote) {
        typealias S = SequenceStyle
        noteCount += 1
        var left: Double, right: Double
        if note.first == note.last {
            left = xs[note.first] - note.minWidth / 2
            right = xs[note.first] + note.minWidth / 2
        } else {
            left = xs[note.first] - S.noteOverhang
            right = xs[note.last] + S.noteOverhang
            if right - left < note.minWidth {
                let grow = (note.minWidth - (right - left)) / 2
                left -= grow
                right += grow
            }
        }
        // A note over several lifelines is as wide as they are apart: its text wraps to that
        // width rather than to the narrower one it was measured at, so it fills its box.
        var wrapped = note.text
        if note.first != note.last {
            let room = right - left - 2 * S.notePaddingX - S.noteFold / 2
            let (lines, size) = metrics.measure(note.source, style: S.noteText, maxWidth: room)
            wrapped = MeasuredText(lines: lines, size: size)
        }
        let frame = Rect(x: left, y: y, width: right - left, height: wrapped.size.height + 2 * S.notePaddingY)
        let text = block(wrapped, S.noteText, .start, at: Point(x: left + S.notePaddingX, y: y + S.notePaddingY))
        notes.append(.group(SceneGroup(id: "n\(noteCount)", classes: "note", items: [
            .shape(SceneShape(.note, frame: frame, role: .note)),
            .text(text),
        ])))
        track(frame)
        y = frame.maxY + S.stepGap
    }

    // MARK: - Helpers

    /// The horizontal extent of the activation bars open now, per lifeline (a nested bar
    /// widens its lifeline's extent to the right).
    private func openBars() -> [(minX: Double, maxX: Double)] {
        typealias S = SequenceStyle
        return open.indices.compactMap { column in
            let levels = open[column].count
            guard levels > 0 else { return nil }
            return (xs[column] + SequenceGeometry.barCenter(level: 1) - S.barWidth / 2,
                    xs[column] + SequenceGeometry.barCenter(level: levels) + S.barWidth / 2)
        }
    }

    private func block(_ text: MeasuredText, _ style: TextStyle, _ alignment: TextBlock.Alignment,
                       at anchor: Point) -> TextBlock {
        metrics.block(text.lines, size: text.size, style: style, alignment: alignment, anchor: anchor)
    }

    /// Widens the extent of every fragment being walked to cover `rect`.
    private mutating func track(_ rect: Rect) {
        track(minX: rect.minX, maxX: rect.maxX)
    }

    private mutating func track(points: [Point]) {
        guard let first = points.first else { return }
        var minX = first.x, maxX = first.x
        for point in points { minX = min(minX, point.x); maxX = max(maxX, point.x) }
        track(minX: minX, maxX: maxX)
    }

    private mutating func track(minX: Double, maxX: Double) {
        guard let last = extents.indices.last else { return }
        if let extent = extents[last] {
            extents[last] = (min(extent.minX, minX), max(extent.maxX, maxX))
        } else {
            extents[last] = (minX, maxX)
        }
    }
}
