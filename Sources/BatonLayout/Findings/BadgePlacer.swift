import BatonModel

/// Finds where a finding's badge goes: the places that touch its element, in order of
/// preference, tried until one covers no text and no badge placed before it.
struct BadgePlacer {
    /// Where text is (badges must not cover it), and the badges placed so far.
    private var taken: [Rect]
    private let groups: [SceneGroup]

    init(scene: Scene) {
        taken = scene.textBlocks.map(\.frame)
        var groups: [SceneGroup] = []
        func visit(_ items: [SceneItem]) {
            for item in items {
                guard case .group(let group) = item else { continue }
                if group.marker != nil { groups.append(group) }
                visit(group.items)
            }
        }
        visit(scene.items)
        self.groups = groups
    }

    /// The line drawing `interaction`: its own arrow, or the edge that stands for it.
    func path(of interaction: InteractionID) -> [Point]? {
        for group in groups {
            switch group.marker {
            case .interaction(let id) where id == interaction: break
            case .interactions(let ids) where ids.contains(interaction): break
            default: continue
            }
            for item in group.items {
                if case .line(let line) = item { return Self.flattened(line.path) }
            }
        }
        return nil
    }

    /// The head box of `participant` (not its repeat under the lifelines), or its node.
    func box(of participant: ParticipantID) -> Rect? {
        for group in groups where group.marker == .participant(participant) && !group.classes.hasPrefix("participant-footer") {
            for item in group.items {
                if case .shape(let shape) = item { return shape.frame }
            }
        }
        return nil
    }

    /// The first candidate centre where a badge `diameter` wide covers nothing, now taken.
    mutating func place(size diameter: Double, candidates: [Point]) -> Rect? {
        let frames = candidates.map { Rect(center: $0, size: Size(width: diameter, height: diameter)) }
        let onCanvas = frames.filter { $0.minX >= 0 && $0.minY >= 0 }
        let free = onCanvas.first { frame in !taken.contains { $0.overlaps(frame, tolerance: -1) } }
        guard let chosen = free ?? onCanvas.first ?? frames.first else { return nil }
        taken.append(chosen)
        return chosen
    }

    /// Centres along a line: from near its start (past the baton) onwards, each on the line
    /// first, then beside it on either side (touching it).
    static func candidates(along points: [Point]) -> [Point] {
        guard points.count >= 2 else { return [] }
        let r = FindingOverlay.radius
        var out: [Point] = []
        var travelled = 0.0
        var next = 2 * r + 4
        for (a, b) in zip(points, points.dropFirst()) {
            let length = a.distance(to: b)
            guard length > 0 else { continue }
            let tangent = Point(x: (b.x - a.x) / length, y: (b.y - a.y) / length)
            let normal = Point(x: -tangent.y, y: tangent.x)
            while next <= travelled + length {
                let p = a.interpolated(to: b, (next - travelled) / length)
                out += [p, p + normal * r, p - normal * r]
                next += r / 2
            }
            travelled += length
        }
        // A line too short for the steps above: its middle.
        if out.isEmpty, let first = points.first, let last = points.last {
            out.append(first.interpolated(to: last, 0.5))
        }
        return out
    }

    /// Centres on a box's outline: its top-right corner, then along the top edge leftwards and
    /// down the right edge, alternately.
    static func candidates(around box: Rect) -> [Point] {
        let r = FindingOverlay.radius
        var out = [Point(x: box.maxX, y: box.minY)]
        var step = r / 2
        while step <= max(box.width, box.height) {
            if step <= box.width { out.append(Point(x: box.maxX - step, y: box.minY)) }
            if step <= box.height { out.append(Point(x: box.maxX, y: box.minY + step)) }
            step += r / 2
        }
        return out
    }

    /// The path as straight segments: Bézier curves sampled finely enough for placing badges.
    static func flattened(_ path: LinePath) -> [Point] {
        switch path {
        case .polyline(let points):
            return points
        case .bezier(let points):
            guard let first = points.first else { return [] }
            var out = [first]
            var index = 0
            while index + 3 < points.count {
                let p0 = points[index], c1 = points[index + 1], c2 = points[index + 2], p1 = points[index + 3]
                for step in 1...12 {
                    let t = Double(step) / 12, u = 1 - t
                    let a = u * u * u, b = 3 * u * u * t, c = 3 * u * t * t, d = t * t * t
                    out.append(Point(x: a * p0.x + b * c1.x + c * c2.x + d * p1.x,
                                     y: a * p0.y + b * c1.y + c * c2.y + d * p1.y))
                }
                index += 3
            }
            return out
        }
    }
}
