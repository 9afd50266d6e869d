// The pieces of the routes in each gap between layers, found by height: what the router checks a
// staggered run of ends against (`EdgeRouter.routes`). Each gap's pieces are sorted by their top,
// and tall pieces (a steep edge across many others) kept apart, so that a query looks at the
// pieces near the heights it asks for rather than at every piece of the gap. Pieces added after
// sorting (rerouted edges) are looked at one by one; a rerouted edge's old pieces are retired, not
// removed, so that rerouting costs nothing to undo.

struct PieceIndex {
    private struct Piece {
        var edge: Int
        var version: Int
        var a: Point
        var b: Point
        var minY: Double
        var maxY: Double
    }

    /// Pieces taller than this are looked at on every query of their gap.
    static let tall = 120.0

    private var sorted: [[Piece]]
    private var tallPieces: [[Piece]]
    private var added: [[Piece]]
    private var version: [Int] = []

    init(gaps: Int) {
        sorted = Array(repeating: [], count: gaps)
        tallPieces = Array(repeating: [], count: gaps)
        added = Array(repeating: [], count: gaps)
    }

    /// Adds a piece of edge `edge`'s route to gap `gap`.
    mutating func add(gap: Int, edge: Int, _ a: Point, _ b: Point) {
        while version.count <= edge { version.append(0) }
        let piece = Piece(edge: edge, version: version[edge], a: a, b: b, minY: min(a.y, b.y), maxY: max(a.y, b.y))
        if piece.maxY - piece.minY > Self.tall { tallPieces[gap].append(piece) } else { added[gap].append(piece) }
    }

    /// Sorts the pieces added so far, for `forEach`.
    mutating func sort() {
        for gap in added.indices {
            sorted[gap] += added[gap]
            sorted[gap].sort { $0.minY != $1.minY ? $0.minY < $1.minY : $0.edge < $1.edge }
            added[gap] = []
        }
    }

    /// Retires every piece of edge `edge` added so far.
    mutating func retire(_ edge: Int) {
        while version.count <= edge { version.append(0) }
        version[edge] += 1
    }

    /// Calls `body` with every current piece of gap `gap` whose height range meets `minY...maxY`.
    func forEach(gap: Int, minY: Double, maxY: Double, _ body: (Int, Point, Point) -> Void) {
        func visit(_ piece: Piece) {
            if piece.version == version[piece.edge] && piece.maxY >= minY && piece.minY <= maxY { body(piece.edge, piece.a, piece.b) }
        }
        let list = sorted[gap]
        var low = 0, high = list.count
        let from = minY - Self.tall
        while low < high {
            let middle = (low + high) / 2
            if list[middle].minY < from { low = middle + 1 } else { high = middle }
        }
        var k = low
        while k < list.count && list[k].minY <= maxY {
            visit(list[k])
            k += 1
        }
        for piece in tallPieces[gap] { visit(piece) }
        for piece in added[gap] { visit(piece) }
    }
}
