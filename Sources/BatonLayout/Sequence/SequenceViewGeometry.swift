// Measures the sequence view's picture as numbers: how many labels and guards have a lifeline,
// an activation bar or a border running through them, how many guards and fragment tabs sit on
// an activation bar, how many notes are wrapped narrower than their box (or overflow it), how
// many participant names sit off their row's line, and how big the drawing is.
//
// It reads only a finished `Scene`, so the same numbers come from any producer (and from
// hand-built scenes in tests), and a layout change can be judged before and after. The scene
// tells what is what by role and structure, the way `SequenceLayout` builds it:
// - lifelines are `.lifeline` lines, activation bars `.activation` shapes, group boxes
//   `.groupBox` shapes, fragments `.fragmentFrame` shapes with `.fragmentSeparator` lines and a
//   `.fragmentTab`, guards `.fragmentLabel` texts;
// - a note is a group holding a `.note` shape and its `.noteText`;
// - a head box is a group marked `.participant(…)` (classes `participant …`, or
//   `participant-footer …` for the copy under long lifelines) holding its shape and its name.
// Paint order counts: a line is hidden under a text only by an opaque shape (a plate, a tab, a
// note, a head box) painted after the line and before the text.

public enum SequenceViewGeometry {
    /// The defects and the size of one drawing.
    public struct Report: Hashable, Sendable, CustomStringConvertible {
        /// Text blocks that a lifeline, an activation bar, or a group box's or fragment's border
        /// (or separator) runs through, with no plate between the line and the text.
        public var crossedTexts: Int
        /// Guards (`[condition]`) that overlap an activation bar.
        public var guardsOnBars: Int
        /// Fragment tabs that cover part of an activation bar.
        public var tabsOnBars: Int
        /// Notes whose text breaks a line although the box had room for the next word, or whose
        /// text runs past the box's padding.
        public var notesMiswrapped: Int
        /// Participant names whose middle lies off their row's line (the line most names of the
        /// row share) by more than half a pixel.
        public var headNamesOffLine: Int
        /// The canvas.
        public var width: Double
        public var height: Double

        public init(crossedTexts: Int = 0, guardsOnBars: Int = 0, tabsOnBars: Int = 0, notesMiswrapped: Int = 0,
                    headNamesOffLine: Int = 0, width: Double = 0, height: Double = 0) {
            self.crossedTexts = crossedTexts
            self.guardsOnBars = guardsOnBars
            self.tabsOnBars = tabsOnBars
            self.notesMiswrapped = notesMiswrapped
            self.headNamesOffLine = headNamesOffLine
            self.width = width
            self.height = height
        }

        /// The sum of the defect counts (the size is not a defect).
        public var defects: Int { crossedTexts + guardsOnBars + tabsOnBars + notesMiswrapped + headNamesOffLine }

        public var description: String {
            "crossed texts \(crossedTexts), guards on bars \(guardsOnBars), tabs on bars \(tabsOnBars), "
                + "notes miswrapped \(notesMiswrapped), head names off line \(headNamesOffLine), "
                + "width \(GraphViewGeometry.Report.format(width, digits: 0)), "
                + "height \(GraphViewGeometry.Report.format(height, digits: 0))"
        }
    }

    /// Overlaps and crossings smaller than this (rounding, touching borders) do not count.
    static let tolerance = 0.5

    /// Measures a sequence view's scene. `metrics` must be the ones the scene was laid out
    /// with (notes are measured again to see whether the next word would have fitted).
    public static func report(_ scene: Scene, metrics: TextMetrics = TextMetrics()) -> Report {
        let leaves = scene.leafItems
        var report = Report(width: scene.size.width, height: scene.size.height)
        report.crossedTexts = crossedTexts(leaves)
        let bars = leaves.compactMap { if case .shape(let s) = $0, s.role == .activation { s.frame } else { nil } }
        for case .text(let text) in leaves where text.role == .fragmentLabel {
            if bars.contains(where: { $0.overlaps(text.frame, tolerance: tolerance) }) { report.guardsOnBars += 1 }
        }
        for case .shape(let shape) in leaves where shape.role == .fragmentTab {
            if bars.contains(where: { $0.overlaps(shape.frame, tolerance: tolerance) }) { report.tabsOnBars += 1 }
        }
        report.notesMiswrapped = notesMiswrapped(scene.items, metrics: metrics)
        report.headNamesOffLine = headNamesOffLine(scene.items)
        return report
    }

    // MARK: - Lines through text

    /// What may run through a text: the segments of lines and borders, and bars (whose whole
    /// area counts).
    enum Obstacle {
        case segment(Point, Point)
        case area(Rect)

        func crosses(_ rect: Rect) -> Bool {
            switch self {
            case .segment(let a, let b): rect.isCrossed(by: a, b)
            case .area(let area): area.overlaps(rect)
            }
        }
    }

    /// The obstacles an item is, if any.
    static func obstacles(_ item: SceneItem) -> [Obstacle] {
        switch item {
        case .line(let line) where line.role == .lifeline || line.role == .fragmentSeparator:
            let points = line.path.points
            guard points.count >= 2 else { return [] }
            return (1..<points.count).map { .segment(points[$0 - 1], points[$0]) }
        case .shape(let shape) where shape.role == .activation:
            return [.area(shape.frame)]
        case .shape(let shape) where shape.role == .groupBox || shape.role == .fragmentFrame:
            let f = shape.frame
            let corners = [Point(x: f.minX, y: f.minY), Point(x: f.maxX, y: f.minY),
                           Point(x: f.maxX, y: f.maxY), Point(x: f.minX, y: f.maxY)]
            return (0..<4).map { .segment(corners[$0], corners[($0 + 1) % 4]) }
        default:
            return []
        }
    }

    /// Whether a shape of this role is opaque and hides what is painted before it.
    static func covers(_ role: StyleRole) -> Bool {
        switch role {
        case .labelPlate, .fragmentTab, .note, .participant, .stepNumberPlate, .groupLabelBackground, .findingBadge:
            true
        default:
            false
        }
    }

    static func crossedTexts(_ leaves: [SceneItem]) -> Int {
        var lines: [(index: Int, obstacle: Obstacle)] = []
        var plates: [(index: Int, frame: Rect)] = []
        for (index, item) in leaves.enumerated() {
            for obstacle in obstacles(item) { lines.append((index, obstacle)) }
            if case .shape(let shape) = item, covers(shape.role) { plates.append((index, shape.frame)) }
        }
        var count = 0
        for (t, item) in leaves.enumerated() {
            guard case .text(let text) = item else { continue }
            let inner = text.frame.insetBy(tolerance)
            let crossed = lines.contains { o in
                guard o.obstacle.crosses(inner) else { return false }
                // Hidden when an opaque shape painted between the line and the text covers the text.
                return !plates.contains { c in c.index > o.index && c.index < t && c.frame.contains(inner) }
            }
            if crossed { count += 1 }
        }
        return count
    }

    // MARK: - Notes

    static func notesMiswrapped(_ items: [SceneItem], metrics: TextMetrics) -> Int {
        typealias S = SequenceStyle
        var count = 0
        func visit(_ items: [SceneItem]) {
            for item in items {
                guard case .group(let group) = item else { continue }
                let box = group.items.lazy.compactMap { if case .shape(let s) = $0, s.role == .note { s.frame } else { nil } }.first
                let text = group.items.lazy.compactMap { if case .text(let t) = $0, t.role == .noteText { t } else { nil } }.first
                guard let box, let text else {
                    visit(group.items)
                    continue
                }
                // The room the layout gives a note's text: the box less its padding and half the fold.
                let room = box.width - 2 * S.notePaddingX - S.noteFold / 2
                let overflows = text.frame.minX < box.minX + S.notePaddingX - tolerance
                    || text.frame.minX + text.frame.width > box.minX + S.notePaddingX + room + tolerance
                if overflows || wrappedShort(text, room: room, metrics: metrics) { count += 1 }
            }
        }
        visit(items)
        return count
    }

    /// Whether some line of `text` ends although the next line's first word would have fitted
    /// after it within `room`.
    static func wrappedShort(_ text: TextBlock, room: Double, metrics: TextMetrics) -> Bool {
        guard text.lines.count >= 2 else { return false }
        for i in 1..<text.lines.count {
            guard let next = text.lines[i].split(separator: " ").first else { continue }
            let joined = text.lines[i - 1] + " " + next
            if metrics.width(of: joined, size: text.fontSize, weight: text.weight) <= room { return true }
        }
        return false
    }

    // MARK: - Head names

    static func headNamesOffLine(_ items: [SceneItem]) -> Int {
        // The middle of each name, per row (the heads, and their copy under long lifelines).
        var rows: [String: [Double]] = [:]
        var rowOrder: [String] = []
        func visit(_ items: [SceneItem]) {
            for item in items {
                guard case .group(let group) = item else { continue }
                guard case .participant = group.marker else {
                    visit(group.items)
                    continue
                }
                let row = group.classes.split(separator: " ").first.map(String.init) ?? ""
                for case .text(let text) in group.items {
                    if rows[row] == nil { rowOrder.append(row) }
                    rows[row, default: []].append(text.frame.midY)
                }
            }
        }
        visit(items)
        var count = 0
        for row in rowOrder {
            let middles = rows[row] ?? []
            // The line most names share (the first of the most common, in drawing order).
            var best = middles.first ?? 0, bestCount = 0
            for m in middles {
                let shared = middles.filter { abs($0 - m) <= tolerance }.count
                if shared > bestCount { best = m; bestCount = shared }
            }
            count += middles.filter { abs($0 - best) > tolerance }.count
        }
        return count
    }
}
