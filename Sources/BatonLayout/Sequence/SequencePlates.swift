/// Pass 6 (before the head boxes go on top): a plate under every text that a lifeline, an
/// activation bar, or a group box's or fragment's border would otherwise run through.
///
/// Labels cannot always move clear of lines: a label sits above its arrow, which crosses every
/// lifeline between its ends, and a group box's border runs wherever its members end. So the
/// line stops at the text instead, as in a hand-drawn diagram: a rectangle painted just before
/// the text in the colour behind it (the background, or a group box's fill when the plate lies
/// inside one), so the plate shows only where it hides a line. Texts nothing crosses get no
/// plate, and the drawing is unchanged there. What counts as crossing, and what already hides a
/// line (a tab, a note, a head box), is `SequenceViewGeometry`'s measure, so every crossing it
/// would count gets a plate.
struct SequencePlates {
    /// How far a plate reaches beyond its text on the left and right.
    static let paddingX = 2.0
    /// How far inside a group box's edge the group-coloured piece of a plate stops, so that the
    /// plate's background-coloured part still hides the (1 px) border.
    static let borderClearance = 1.0
    /// The height of the bands obstacles are filed in, and the length from which a vertical line
    /// is filed by its x instead (lifelines and group box sides run the whole height).
    static let band = 64.0

    typealias Obstacle = SequenceViewGeometry.Obstacle

    /// Every obstacle with its place in paint order.
    private var obstacles: [(index: Int, obstacle: Obstacle)] = []
    /// Long vertical lines, by x: found by a binary search on a text's horizontal extent.
    private var verticals: [(x: Double, obstacle: Int)] = []
    /// The other obstacles, filed in every band of `band` pixels their height touches.
    private var bands: [[Int]] = []
    private var covers: [(index: Int, frame: Rect)] = []
    private var groupBoxes: [Rect] = []

    /// `items` (in paint order) with a plate inserted before every crossed text.
    static func add(to items: [SceneItem]) -> [SceneItem] {
        var plates = SequencePlates()
        var index = 0
        plates.collect(items, index: &index)
        plates.verticals.sort { $0.x != $1.x ? $0.x < $1.x : $0.obstacle < $1.obstacle }
        index = 0
        return plates.plated(items, index: &index)
    }

    private mutating func collect(_ items: [SceneItem], index: inout Int) {
        for item in items {
            if case .group(let group) = item {
                collect(group.items, index: &index)
                continue
            }
            for obstacle in SequenceViewGeometry.obstacles(item) { file(obstacle, index: index) }
            if case .shape(let shape) = item {
                if SequenceViewGeometry.covers(shape.role) { covers.append((index, shape.frame)) }
                if shape.role == .groupBox { groupBoxes.append(shape.frame) }
            }
            index += 1
        }
    }

    private mutating func file(_ obstacle: Obstacle, index: Int) {
        let number = obstacles.count
        obstacles.append((index, obstacle))
        let bounds: Rect
        switch obstacle {
        case .segment(let a, let b):
            if a.x == b.x, abs(b.y - a.y) > Self.band {
                verticals.append((a.x, number))
                return
            }
            bounds = Rect(corner: a, corner: b)
        case .area(let rect):
            bounds = rect
        }
        guard bounds.minY.isFinite, bounds.maxY.isFinite else { return }
        let first = max(0, Int((bounds.minY / Self.band).rounded(.down)))
        let last = max(first, Int((bounds.maxY / Self.band).rounded(.down)))
        if bands.count <= last { bands += [[Int]](repeating: [], count: last + 1 - bands.count) }
        for band in first...last { bands[band].append(number) }
    }

    /// The obstacles that may cross `rect`: each tested by the caller.
    private func candidates(_ rect: Rect) -> [Int] {
        var out: [Int] = []
        var low = 0, high = verticals.count
        while low < high {
            let middle = (low + high) / 2
            if verticals[middle].x <= rect.minX { low = middle + 1 } else { high = middle }
        }
        while low < verticals.count, verticals[low].x < rect.maxX {
            out.append(verticals[low].obstacle)
            low += 1
        }
        guard rect.maxY >= 0, !bands.isEmpty else { return out }
        let first = max(0, Int((rect.minY / Self.band).rounded(.down)))
        let last = min(bands.count - 1, Int((rect.maxY / Self.band).rounded(.down)))
        if first <= last { for band in first...last { out += bands[band] } }
        return out
    }

    /// Whether a line painted before the text (at `index`) runs through `frame` with nothing
    /// opaque between them.
    private func isCrossed(_ frame: Rect, index: Int) -> Bool {
        let inner = frame.insetBy(SequenceViewGeometry.tolerance)
        return candidates(inner).contains { number in
            let o = obstacles[number]
            return o.index < index && o.obstacle.crosses(inner)
                && !covers.contains { $0.index > o.index && $0.index < index && $0.frame.contains(inner) }
        }
    }

    /// The plate under a text's `frame`: in the background colour, with a piece in the group
    /// fill over each group box it overlaps, inside the box's border, so the plate is the colour
    /// of what it lies on and only the lines under the text disappear (a border included).
    private func plate(_ text: Rect) -> [SceneItem] {
        let frame = Rect(x: text.minX - Self.paddingX, y: text.minY, width: text.width + 2 * Self.paddingX,
                         height: text.height)
        var out: [SceneItem] = []
        for box in groupBoxes {
            let inside = box.insetBy(Self.borderClearance)
            if inside.contains(frame) {
                out = [.shape(SceneShape(.rectangle, frame: frame, role: .labelPlate(onGroup: true)))]
                continue
            }
            guard inside.overlaps(frame) else { continue }
            if out.isEmpty { out.append(.shape(SceneShape(.rectangle, frame: frame, role: .labelPlate(onGroup: false)))) }
            let x0 = max(frame.minX, inside.minX), x1 = min(frame.maxX, inside.maxX)
            let y0 = max(frame.minY, inside.minY), y1 = min(frame.maxY, inside.maxY)
            out.append(.shape(SceneShape(.rectangle, frame: Rect(x: x0, y: y0, width: x1 - x0, height: y1 - y0),
                                         role: .labelPlate(onGroup: true))))
        }
        return out.isEmpty ? [.shape(SceneShape(.rectangle, frame: frame, role: .labelPlate(onGroup: false)))] : out
    }

    private func plated(_ items: [SceneItem], index: inout Int) -> [SceneItem] {
        var out: [SceneItem] = []
        out.reserveCapacity(items.count)
        for item in items {
            switch item {
            case .group(var group):
                group.items = plated(group.items, index: &index)
                out.append(.group(group))
                continue
            case .text(let text) where isCrossed(text.frame, index: index):
                out += plate(text.frame)
            default:
                break
            }
            out.append(item)
            index += 1
        }
        return out
    }
}
