import BatonModel
import BatonSyntax

/// What the sequence view may add to explain itself (`baton render --numbers`, `--timing`).
/// Both are off by default, and then the scene is exactly what it is without them.
public struct SequenceAnnotations: Hashable, Sendable {
    /// A step number on a small plate at the initiator's end of every arrow: 1, 2, … in
    /// drawing order (top to bottom, nested blocks included), so a text can say "step 4".
    public var numbers: Bool
    /// A bracket beside the activation bar of every sync call with a known timeout, labelled
    /// with the timeout and the worst-case wait of its block; a block that can wait longer
    /// than the timeout (a timeout inversion) is marked in the warning colour.
    public var timing: Bool

    public init(numbers: Bool = false, timing: Bool = false) {
        self.numbers = numbers
        self.timing = timing
    }

    public static let none = SequenceAnnotations()

    // Measurements, in pixels.
    static let numberStyle = TextStyle(size: 9, weight: .bold, role: .stepNumber)
    static let plateRadius = 6.5
    static let timingStyle = TextStyle(size: 11, role: .timingLabel(inversion: false))
    /// Between an activation bar and its bracket, the bracket's ticks, bracket and label.
    static let bracketGap = 2.0
    static let bracketTick = 4.0
    static let labelGap = 3.0

    /// The plates and brackets for a laid-out body, in the body's coordinates: placed where
    /// they cover no text (labels, notes, fragment headers) and nothing placed before them.
    func items(model: Model, body: SequenceBody, metrics: TextMetrics) -> [SceneItem] {
        guard numbers || timing else { return [] }
        var taken: [Rect] = []
        for item in body.frames + body.messages + body.notes {
            Self.collectObstacles(item, into: &taken)
        }
        var out: [SceneItem] = []
        if numbers { out += numberPlates(body: body, taken: &taken, metrics: metrics) }
        if timing { out += timingBrackets(model: model, body: body, taken: &taken, metrics: metrics) }
        return out
    }

    /// The frames of every text and note in `item`.
    static func collectObstacles(_ item: SceneItem, into taken: inout [Rect]) {
        switch item {
        case .text(let text): taken.append(text.frame)
        case .shape(let shape) where shape.role == .note: taken.append(shape.frame)
        case .group(let group): for child in group.items { collectObstacles(child, into: &taken) }
        default: break
        }
    }

    // MARK: - Step numbers

    private func numberPlates(body: SequenceBody, taken: inout [Rect], metrics: TextMetrics) -> [SceneItem] {
        var out: [SceneItem] = []
        for (index, arrow) in body.arrows.enumerated() {
            let label = String(index + 1)
            let (lines, size) = metrics.measure(label, style: Self.numberStyle, maxWidth: .infinity)
            let plate = Size(width: max(2 * Self.plateRadius, size.width + 5), height: 2 * Self.plateRadius)
            let candidates = Self.candidates(along: arrow.points, plate: plate)
            let frames = candidates.map { Rect(center: $0, size: plate) }
            guard let frame = frames.first(where: { frame in !taken.contains { $0.overlaps(frame) } }) ?? frames.first
            else { continue }
            taken.append(frame)
            let text = metrics.block(lines, size: size, style: Self.numberStyle, alignment: .middle,
                                     anchor: Point(x: frame.midX, y: frame.midY - size.height / 2))
            out.append(.group(SceneGroup(id: "s\(index + 1)", classes: "step-number", marker: nil, items: [
                .shape(SceneShape(.ellipse, frame: frame, role: .stepNumberPlate)), .text(text),
            ])))
        }
        return out
    }

    /// Centres of a plate that touches the first segment of an arrow (drawn from the
    /// initiator), nearest the initiator first: below the line, then above it, moving along.
    static func candidates(along points: [Point], plate: Size) -> [Point] {
        guard points.count >= 2 else { return [] }
        let a = points[0], b = points[1]
        let length = a.distance(to: b)
        guard length > 0 else { return [] }
        let tangent = Point(x: (b.x - a.x) / length, y: (b.y - a.y) / length)
        // Perpendicular, pointing down for a horizontal arrow whichever way it runs.
        let normal = Point(x: -tangent.y * (tangent.x < 0 ? -1 : 1), y: abs(tangent.x))
        let reach = plate.height / 2
        var out: [Point] = []
        // Clear of the dot, and of a timing bracket beside the bar the arrow leaves.
        let first = plate.width / 2 + 8
        var along = first
        while along <= max(length - plate.width / 2, first) {
            let p = a + tangent * along
            out += [p + normal * reach, p - normal * reach]
            along += 3
        }
        return out
    }

    // MARK: - Timing

    private func timingBrackets(model: Model, body: SequenceBody, taken: inout [Rect], metrics: TextMetrics) -> [SceneItem] {
        let waits = WorstCaseWaits(model)
        // Labels also keep off the bars and the arrows.
        var labelObstacles = body.activations.map(\.rect)
        for arrow in body.arrows { labelObstacles.append(SceneItem.bounds(of: arrow.points).insetBy(-1)) }
        var fallbackX = 0.0
        for item in body.frames + body.messages + body.notes { fallbackX = max(fallbackX, item.bounds.maxX) }
        for activation in body.activations { fallbackX = max(fallbackX, activation.rect.maxX) }
        fallbackX += 12
        var out: [SceneItem] = []
        for activation in body.activations {
            let interaction = model[activation.interaction]
            guard interaction.isSynchronous, let block = interaction.block,
                  let timeout = WorstCaseWaits.timeout(of: interaction, in: model) else { continue }
            let wait = waits.cost(of: block, in: model)
            let inversion = Self.exceeds(wait, timeout)
            let bar = activation.rect
            // The bracket: right of the bar, its ticks pointing away; interrupted where text (a
            // note drawn across the bar) crosses it, so that it covers no text.
            let x = bar.maxX + Self.bracketGap, tip = x + Self.bracketTick
            let segments = Self.bracketSegments(x: x, tip: tip, top: bar.minY, bottom: bar.maxY, avoiding: taken)
            let bracketBox = Rect(x: x, y: bar.minY, width: Self.bracketTick, height: bar.height)
            var text = "≤ \(LiteralFormat.duration(timeout)) · waits up to \(LiteralFormat.duration(wait))"
            if inversion { text = "! " + text + ": inversion" }
            let style = TextStyle(size: Self.timingStyle.size, weight: inversion ? .bold : .regular,
                                  role: .timingLabel(inversion: inversion))
            let (lines, size) = metrics.measure(text, style: style, maxWidth: .infinity)
            // Beside the bracket, from the bar's top down; else left of the bar.
            var candidates: [(Point, TextBlock.Alignment)] = []
            for (anchorX, alignment) in [(tip + Self.labelGap, TextBlock.Alignment.start), (bar.minX - Self.labelGap, .end)] {
                var y = bar.minY
                repeat {
                    candidates.append((Point(x: anchorX, y: y), alignment))
                    y += 4
                } while y + size.height <= bar.maxY
            }
            func frame(_ candidate: (Point, TextBlock.Alignment)) -> Rect {
                let (p, alignment) = candidate
                return Rect(x: alignment == .start ? p.x : p.x - size.width, y: p.y, width: size.width, height: size.height)
            }
            let obstacles = taken + labelObstacles
            var chosen = candidates.first { candidate in !obstacles.contains { $0.overlaps(frame(candidate)) } }
            if chosen == nil {
                // Nowhere beside the bar: right of the whole drawing, level with the bar's top
                // (or below labels already put there).
                var y = bar.minY
                while taken.contains(where: { $0.overlaps(Rect(x: fallbackX, y: y, width: size.width, height: size.height)) }) {
                    y += 4
                }
                chosen = (Point(x: fallbackX, y: y), .start)
            }
            guard let place = chosen else { continue }
            let label = metrics.block(lines, size: size, style: style, alignment: place.1, anchor: place.0)
            taken.append(label.frame)
            out.append(.group(SceneGroup(id: "t\(activation.interaction.rawValue)",
                                         classes: inversion ? "timing inversion" : "timing",
                                         marker: nil, items: [
            ] + segments.map { .line(SceneLine(.polyline($0), role: .timingBracket(inversion: inversion))) }
              + [.text(label)])))
            taken.append(bracketBox)
        }
        return out
    }

    /// The polylines of a bracket from `top` to `bottom` at `x` with ticks out to `tip`, leaving
    /// out the stretches where a rectangle of `obstacles` lies across it.
    static func bracketSegments(x: Double, tip: Double, top: Double, bottom: Double, avoiding obstacles: [Rect]) -> [[Point]] {
        let lane = Rect(x: min(x, tip), y: top, width: abs(tip - x), height: bottom - top)
        let blocked = obstacles.filter { $0.overlaps(lane) }.map { (max($0.minY, top) - 1, min($0.maxY, bottom) + 1) }
            .sorted { $0.0 < $1.0 }
        var open: [(Double, Double)] = []
        var y = top
        for (from, to) in blocked {
            if from > y { open.append((y, from)) }
            y = max(y, to)
        }
        if y < bottom { open.append((y, bottom)) }
        return open.map { (from, to) in
            var points = [Point(x: tip, y: from), Point(x: tip, y: to)]
            if from == top { points.insert(Point(x: x, y: top), at: 0) }
            if to == bottom { points.append(Point(x: x, y: bottom)) }
            return points
        }.filter { SceneItem.bounds(of: $0).height > 0 }
    }

    /// Whether `value` exceeds `limit`, with the same tolerance for rounding the
    /// `timeout-inversion` rule uses, so a bracket is marked exactly where the rule fires.
    static func exceeds(_ value: Double, _ limit: Double) -> Bool {
        if value.isInfinite { return !limit.isInfinite }
        return value > limit + max(abs(limit), 1) * 1e-9
    }
}
