extension SceneItem {
    /// The box the item covers (strokes and markers aside).
    public var bounds: Rect {
        switch self {
        case .shape(let shape):
            return shape.frame
        case .text(let text):
            return text.frame
        case .line(let line):
            return Self.bounds(of: line.path.points)
        case .group(let group):
            guard let first = group.items.first else { return .zero }
            return group.items.dropFirst().reduce(first.bounds) { $0.union($1.bounds) }
        }
    }

    /// The item moved by `(dx, dy)`.
    public func offsetBy(dx: Double, dy: Double) -> SceneItem {
        let move = { (p: Point) in Point(x: p.x + dx, y: p.y + dy) }
        switch self {
        case .shape(var shape):
            shape.frame = shape.frame.offsetBy(dx: dx, dy: dy)
            if case .polygon(let points) = shape.kind { shape.kind = .polygon(points.map(move)) }
            return .shape(shape)
        case .text(var text):
            text.frame = text.frame.offsetBy(dx: dx, dy: dy)
            return .text(text)
        case .line(var line):
            switch line.path {
            case .polyline(let points): line.path = .polyline(points.map(move))
            case .bezier(let points): line.path = .bezier(points.map(move))
            }
            return .line(line)
        case .group(var group):
            group.items = group.items.map { $0.offsetBy(dx: dx, dy: dy) }
            return .group(group)
        }
    }

    static func bounds(of points: [Point]) -> Rect {
        guard let first = points.first else { return .zero }
        var minX = first.x, maxX = first.x, minY = first.y, maxY = first.y
        for p in points.dropFirst() {
            minX = min(minX, p.x); maxX = max(maxX, p.x)
            minY = min(minY, p.y); maxY = max(maxY, p.y)
        }
        return Rect(x: minX, y: minY, width: maxX - minX, height: maxY - minY)
    }
}

extension Scene {
    /// Every shape, line and text of the scene, with groups opened, in paint order.
    public var leafItems: [SceneItem] {
        var out: [SceneItem] = []
        func visit(_ items: [SceneItem]) {
            for item in items {
                if case .group(let group) = item { visit(group.items) } else { out.append(item) }
            }
        }
        visit(items)
        return out
    }

    /// Every text block, in paint order.
    public var textBlocks: [TextBlock] {
        leafItems.compactMap { if case .text(let text) = $0 { text } else { nil } }
    }

    /// Every line, in paint order.
    public var lines: [SceneLine] {
        leafItems.compactMap { if case .line(let line) = $0 { line } else { nil } }
    }

    /// Every shape, in paint order.
    public var shapes: [SceneShape] {
        leafItems.compactMap { if case .shape(let shape) = $0 { shape } else { nil } }
    }
}
