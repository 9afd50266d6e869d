import BatonLayout
import Foundation

/// The operators of a page's content stream, written in the scene's own coordinates (pixels,
/// y down: the page's transformation maps them onto points once, at the top of the stream).
///
/// Every drawn item sits between `q` and `Q`, so its colours, width and dash never leak into
/// the next one; numbers use the SVG writer's fixed format (at most two decimals).
struct PDFContent: OutlinePath {
    private(set) var text = ""
    /// The constant alpha of each translucent fill used, by its `ExtGState` name.
    private(set) var opacities: [String: Double] = [:]

    init(capacity: Int) {
        text.reserveCapacity(capacity)
    }

    mutating func op(_ s: String) {
        text += s
        text += "\n"
    }

    static func n(_ value: Double) -> String { SVGOutput.format(value) }

    static func p(_ point: Point) -> String { n(point.x) + " " + n(point.y) }

    // MARK: - Paint

    /// "r g b" for a `#rrggbb` colour, nil for "none" (or anything that is not one).
    static func rgb(_ color: String) -> String? {
        let hex = Array(color.utf8)
        guard hex.count == 7, hex[0] == UInt8(ascii: "#") else { return nil }
        var components: [String] = []
        for index in stride(from: 1, to: 7, by: 2) {
            guard let value = UInt8(String(decoding: hex[index..<index + 2], as: UTF8.self), radix: 16) else { return nil }
            // Three decimals tell all 256 levels apart.
            let scaled = (Double(value) / 255 * 1000).rounded() / 1000
            components.append(scaled == 0 ? "0" : scaled == 1 ? "1" : Self.fraction(scaled))
        }
        return components.joined(separator: " ")
    }

    mutating func fill(_ color: String) -> Bool {
        guard let rgb = Self.rgb(color) else { return false }
        op(rgb + " rg")
        return true
    }

    mutating func stroke(_ color: String, width: Double, dash: String?, roundCaps: Bool = false, roundJoins: Bool = false) -> Bool {
        guard width > 0, let rgb = Self.rgb(color) else { return false }
        op(rgb + " RG")
        op(Self.n(width) + " w")
        if let dash {
            let lengths = dash.split(separator: " ").compactMap { Double($0) }.map(Self.n)
            op("[" + lengths.joined(separator: " ") + "] 0 d")
        }
        if roundCaps { op("1 J") }
        if roundJoins { op("1 j") }
        return true
    }

    /// Sets a translucent fill through a named graphics state.
    mutating func fillOpacity(_ alpha: Double) {
        let name = "GS" + String(Int((alpha * 1000).rounded()))
        opacities[name] = alpha
        op("/" + name + " gs")
    }

    /// Fills, strokes, both, or only ends the path, as the paint says.
    mutating func paint(filled: Bool, stroked: Bool) {
        op(filled && stroked ? "B" : filled ? "f" : stroked ? "S" : "n")
    }

    // MARK: - Paths

    mutating func move(_ p: Point) { op(Self.p(p) + " m") }
    mutating func line(_ p: Point) { op(Self.p(p) + " l") }
    mutating func curve(_ c1: Point, _ c2: Point, _ to: Point) { op(Self.p(c1) + " " + Self.p(c2) + " " + Self.p(to) + " c") }
    mutating func close() { op("h") }

    mutating func rectangle(_ f: Rect, radius: Double) {
        let r = min(radius, f.width / 2, f.height / 2)
        guard r > 0 else {
            op(Self.n(f.minX) + " " + Self.n(f.minY) + " " + Self.n(f.width) + " " + Self.n(f.height) + " re")
            return
        }
        let k = r * (1 - Self.kappa)
        move(Point(x: f.minX + r, y: f.minY))
        line(Point(x: f.maxX - r, y: f.minY))
        curve(Point(x: f.maxX - k, y: f.minY), Point(x: f.maxX, y: f.minY + k), Point(x: f.maxX, y: f.minY + r))
        line(Point(x: f.maxX, y: f.maxY - r))
        curve(Point(x: f.maxX, y: f.maxY - k), Point(x: f.maxX - k, y: f.maxY), Point(x: f.maxX - r, y: f.maxY))
        line(Point(x: f.minX + r, y: f.maxY))
        curve(Point(x: f.minX + k, y: f.maxY), Point(x: f.minX, y: f.maxY - k), Point(x: f.minX, y: f.maxY - r))
        line(Point(x: f.minX, y: f.minY + r))
        curve(Point(x: f.minX, y: f.minY + k), Point(x: f.minX + k, y: f.minY), Point(x: f.minX + r, y: f.minY))
        close()
    }

    /// An elliptical arc from angle `start` to `end` (radians, y down: π/2 is the bottom),
    /// continuing the current path from its start point, in quarter turns of one cubic each.
    mutating func arc(center c: Point, rx: Double, ry: Double, from start: Double, to end: Double) {
        let quarters = max(1, Int((abs(end - start) / (Double.pi / 2)).rounded(.up)))
        let step = (end - start) / Double(quarters)
        let handle = 4.0 / 3.0 * tan(step / 4)
        func point(_ t: Double) -> Point { Point(x: c.x + rx * cos(t), y: c.y + ry * sin(t)) }
        func tangent(_ t: Double) -> Point { Point(x: -rx * sin(t), y: ry * cos(t)) }
        for index in 0..<quarters {
            let a = start + Double(index) * step, b = a + step
            let pa = point(a), pb = point(b), ta = tangent(a), tb = tangent(b)
            curve(Point(x: pa.x + handle * ta.x, y: pa.y + handle * ta.y),
                  Point(x: pb.x - handle * tb.x, y: pb.y - handle * tb.y), pb)
        }
    }

    /// The handle length of a quarter circle drawn as one cubic, as a fraction of the radius.
    static let kappa = 4.0 / 3.0 * (2.0.squareRoot() - 1)
}

extension PDFContent {
    /// A value in 0…1 with up to three decimals and no trailing zeros ("0.5", "0.125").
    static func fraction(_ value: Double) -> String {
        let thousandths = Int((value * 1000).rounded())
        var digits = String(thousandths)
        digits = String(repeating: "0", count: max(0, 3 - digits.count)) + digits
        while digits.hasSuffix("0") { digits.removeLast() }
        return "0." + digits
    }
}
