import BatonModel

/// A closed shape in a frame.
public struct SceneShape: Hashable, Sendable {
    public var kind: ShapeKind
    /// The box the whole outline fits in.
    public var frame: Rect
    public var role: StyleRole

    public init(_ kind: ShapeKind, frame: Rect, role: StyleRole) {
        self.kind = kind
        self.frame = frame
        self.role = role
    }
}

/// The outlines Baton draws. Each is defined by its frame alone (plus a parameter or two), so
/// that a layout only decides *where*, and the renderer knows *how*.
public enum ShapeKind: Hashable, Sendable {
    case rectangle
    case roundedRectangle(cornerRadius: Double)
    case ellipse
    /// A closed polygon through absolute points (the frame is their bounding box).
    case polygon([Point])
    /// A person: a round head over a body with rounded shoulders; the label goes in the body.
    case person
    /// A vertical cylinder (a database): an elliptical lid at the top.
    case cylinder
    /// A horizontal cylinder (a queue): messages go in at one end and out at the other.
    case barrel
    /// A horizontal cylinder with a fan of three short lines at its outlet (a topic: every
    /// subscriber gets a copy).
    case fannedBarrel
    /// A hexagon with points on the left and right (a driver: active on both sides).
    case hexagon
    /// A sheet with a folded top-right corner.
    case note
    /// A fragment's keyword tab: a rectangle with its bottom-right corner cut off.
    case tab

    /// The outline that draws a participant's shape in every view (the dashes of a dashed box
    /// are the theme's paint).
    public static func participant(_ shape: ParticipantShape) -> ShapeKind {
        switch shape {
        case .person: .person
        case .roundedBox: .roundedRectangle(cornerRadius: 6)
        case .dashedBox: .rectangle
        case .pipe: .barrel
        case .fannedPipe: .fannedBarrel
        case .cylinder: .cylinder
        case .hexagon: .hexagon
        }
    }
}

/// How far a label must stay from each edge of a shape's frame so that it sits in the shape's
/// body (below a cylinder's lid, between a barrel's caps, between a hexagon's points), for a
/// frame of the given height.
public struct ShapeInsets: Hashable, Sendable {
    public var top: Double
    public var left: Double
    public var bottom: Double
    public var right: Double

    public init(top: Double = 0, left: Double = 0, bottom: Double = 0, right: Double = 0) {
        self.top = top
        self.left = left
        self.bottom = bottom
        self.right = right
    }

    public var horizontal: Double { left + right }
    public var vertical: Double { top + bottom }
}

extension ShapeKind {
    /// The radius of a person's head.
    public static let personHeadRadius = 7.0
    /// The height of a cylinder's lid (twice the ellipse's vertical radius).
    public static let cylinderLid = 10.0
    /// The width of a barrel's cap (twice the ellipse's horizontal radius).
    public static let barrelCap = 12.0
    /// The width of the fan after a topic's barrel.
    public static let fanWidth = 16.0

    /// The room the outline takes beyond the label's box, for a shape `height` pixels high.
    public func labelInsets(height: Double) -> ShapeInsets {
        switch self {
        case .person:
            ShapeInsets(top: 2 * Self.personHeadRadius + 2)
        case .cylinder:
            ShapeInsets(top: Self.cylinderLid, bottom: Self.cylinderLid / 2)
        case .barrel:
            ShapeInsets(left: Self.barrelCap / 2, right: Self.barrelCap)
        case .fannedBarrel:
            ShapeInsets(left: Self.barrelCap / 2, right: Self.barrelCap + Self.fanWidth)
        case .hexagon:
            ShapeInsets(left: Self.hexagonPoint(height: height), right: Self.hexagonPoint(height: height))
        case .note:
            ShapeInsets(right: 6)
        case .tab:
            ShapeInsets(right: 6)
        case .rectangle, .roundedRectangle, .ellipse, .polygon:
            ShapeInsets()
        }
    }

    /// How far a hexagon's left and right points stick out beyond its flat top and bottom.
    public static func hexagonPoint(height: Double) -> Double {
        (height / 2 * 0.6).rounded()
    }

    // The radii and reaches as drawn, for a given frame: renderers draw with them, and the graph
    // view clips edges to the same outlines (see `outline(in:)`).

    /// A hexagon's points in a frame of `size`: `hexagonPoint`, but never more than a third of the width.
    public static func hexagonInset(_ size: Size) -> Double {
        min(hexagonPoint(height: size.height), size.width / 3)
    }

    /// The vertical radius of a cylinder's lid (and bottom rim) in a frame `height` high.
    public static func cylinderLidRadius(height: Double) -> Double {
        min(cylinderLid / 2, height / 4)
    }

    /// The horizontal radius of a barrel's caps in a frame `width` wide.
    public static func barrelCapRadius(width: Double) -> Double {
        min(barrelCap / 2, width / 4)
    }

    /// How far the outer rays of a topic's fan reach above and below its middle.
    public static func fanSpread(height: Double) -> Double {
        min(8, height / 3)
    }

    /// A fanned barrel's barrel: the frame without the fan on its right.
    public static func fanBarrel(_ frame: Rect) -> Rect {
        Rect(x: frame.minX, y: frame.minY, width: frame.width - fanWidth, height: frame.height)
    }

    /// A topic's three rays leaving the barrel's outlet: one message, a copy for each
    /// subscriber. Bare lines to the frame's edge, nothing at their tips: a dot there would read
    /// as a baton (the mark of who initiates), and the topic initiates nothing. Every writer
    /// draws these, so the fan is the same in SVG and PDF.
    public static func fanRays(_ frame: Rect) -> [(from: Point, to: Point)] {
        let x0 = frame.maxX - fanWidth - barrelCap / 4, y0 = frame.midY, spread = fanSpread(height: frame.height)
        let x1 = frame.maxX
        return [-spread, 0, spread].map { (from: Point(x: x0, y: y0), to: Point(x: x1, y: y0 + $0)) }
    }

    /// A hexagon's corners in `frame`, clockwise from the top left.
    public static func hexagon(_ frame: Rect) -> [Point] {
        let h = hexagonInset(frame.size)
        return [Point(x: frame.minX + h, y: frame.minY), Point(x: frame.maxX - h, y: frame.minY), Point(x: frame.maxX, y: frame.midY),
                Point(x: frame.maxX - h, y: frame.maxY), Point(x: frame.minX + h, y: frame.maxY), Point(x: frame.minX, y: frame.midY)]
    }
}
