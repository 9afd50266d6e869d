import BatonSyntax

/// An open line: an interaction's arrow, a lifeline, a separator, an edge.
public struct SceneLine: Hashable, Sendable {
    public var path: LinePath
    /// What is drawn where the path begins, and where it ends.
    public var start: LineEnd
    public var end: LineEnd
    public var role: StyleRole

    public init(_ path: LinePath, start: LineEnd = .plain, end: LineEnd = .plain, role: StyleRole) {
        self.path = path
        self.start = start
        self.end = end
        self.role = role
    }

    /// The first and last points of the path.
    public var startPoint: Point { path.points.first ?? .zero }
    public var endPoint: Point { path.points.last ?? .zero }
}

/// The geometry of a line.
public enum LinePath: Hashable, Sendable {
    /// Straight segments through the points.
    case polyline([Point])
    /// Cubic Bézier segments: `[p0, c1, c2, p1, c1, c2, p2, …]` (3n + 1 points), as SVG `C` and
    /// Graphviz splines use.
    case bezier([Point])

    public var points: [Point] {
        switch self {
        case .polyline(let points), .bezier(let points): points
        }
    }
}

/// The decoration at one end of a line.
///
/// Baton's one idea, drawn: the **baton** (a filled dot) marks the end that initiates; the
/// **arrowhead** marks where the data goes. For most interactions they sit at opposite ends. For
/// a fetch (`A <- B`) the initiator is also where the data arrives, so both are at the same end:
/// the dot sits on the end point and the arrowhead's tip touches the dot.
public struct LineEnd: Hashable, Sendable {
    public var arrowhead: Arrowhead?
    public var baton: Bool

    public init(arrowhead: Arrowhead? = nil, baton: Bool = false) {
        self.arrowhead = arrowhead
        self.baton = baton
    }

    public static let plain = LineEnd()
}

public enum Arrowhead: Hashable, Sendable {
    /// A filled triangle: the initiator waits (a call or a fetch).
    case filled
    /// An open (hollow) triangle: the initiator does not wait (a send or a callback). Graphviz
    /// draws the same head (`onormal`), so the DOT export agrees with the drawing.
    case open
}

extension LineEnd {
    /// The two ends of an interaction's line drawn **in the data direction** (from where the
    /// data starts to where it arrives), as both views draw it: the baton where the initiator
    /// is, the arrowhead where the data arrives. For a fetch the initiator is where the data
    /// arrives, so the end carries both.
    public static func interaction(_ arrow: Arrow) -> (start: LineEnd, end: LineEnd) {
        let head = Arrowhead(for: arrow)
        if arrow == .fetch { return (.plain, LineEnd(arrowhead: head, baton: true)) }
        return (LineEnd(baton: true), LineEnd(arrowhead: head))
    }
}

extension Arrowhead {
    /// The arrowhead for an interaction: filled when the initiator waits for it.
    public init(for arrow: Arrow) {
        self = arrow.isSynchronous ? .filled : .open
    }
}
