import BatonLayout
import Foundation

/// A path in device pixels, flattened into polylines as it is built.
///
/// It takes the scene's coordinates and the PDF writer's vocabulary (move, line, cubic curve,
/// elliptical arc, close), multiplies by the image's scale, and replaces every curve by chords
/// no further than `tolerance` from it, so that the rasteriser only ever sees straight edges.
/// The number of chords grows with the square root of a curve's size and is capped, so a
/// huge or hostile curve costs a bounded amount.
struct RasterPath: Sendable, OutlinePath {
    struct Subpath: Sendable {
        var points: [Point]
        var closed: Bool
    }

    /// How far a chord may stray from the curve it replaces, in device pixels: a twentieth of
    /// a pixel, well below what antialiasing can show.
    static let tolerance = 0.05
    /// The most chords one curve becomes.
    static let maximumChords = 1_024

    private(set) var subpaths: [Subpath] = []
    private var current: [Point] = []
    /// Device pixels per scene unit.
    let scale: Double

    init(scale: Double) {
        self.scale = scale
    }

    /// The subpaths, the last one ended.
    var finished: [Subpath] {
        var all = subpaths
        if !current.isEmpty { all.append(Subpath(points: current, closed: false)) }
        return all
    }

    private func device(_ p: Point) -> Point { Point(x: p.x * scale, y: p.y * scale) }

    mutating func move(_ p: Point) {
        end(closed: false)
        current = [device(p)]
    }

    mutating func line(_ p: Point) {
        current.append(device(p))
    }

    /// A cubic Bézier from the current point.
    mutating func curve(_ c1: Point, _ c2: Point, _ to: Point) {
        guard let p0 = current.last else { return move(to) }
        cubic(p0, device(c1), device(c2), device(to))
    }

    /// A cubic Bézier in device pixels, from the current point `p0`.
    mutating func cubic(_ p0: Point, _ p1: Point, _ p2: Point, _ p3: Point) {
        // The chord error of n equal steps is at most 3/4 · max|second difference| / n².
        let dd = max(Self.length(p0.x - 2 * p1.x + p2.x, p0.y - 2 * p1.y + p2.y),
                     Self.length(p1.x - 2 * p2.x + p3.x, p1.y - 2 * p2.y + p3.y))
        let n = Self.chords(0.75 * dd)
        for step in 1...n {
            let t = Double(step) / Double(n), u = 1 - t
            let a = u * u * u, b = 3 * u * u * t, c = 3 * u * t * t, d = t * t * t
            current.append(Point(x: a * p0.x + b * p1.x + c * p2.x + d * p3.x, y: a * p0.y + b * p1.y + c * p2.y + d * p3.y))
        }
    }

    /// A quadratic Bézier in device pixels, from the current point `p0` (a glyph's curves).
    mutating func quadratic(_ p0: Point, _ p1: Point, _ p2: Point) {
        // The chord error of n equal steps is |second difference| / 4n².
        let n = Self.chords(0.25 * Self.length(p0.x - 2 * p1.x + p2.x, p0.y - 2 * p1.y + p2.y))
        for step in 1...n {
            let t = Double(step) / Double(n), u = 1 - t
            let a = u * u, b = 2 * u * t, c = t * t
            current.append(Point(x: a * p0.x + b * p1.x + c * p2.x, y: a * p0.y + b * p1.y + c * p2.y))
        }
    }

    /// An elliptical arc from angle `start` to `end` (radians, y down: π/2 is the bottom),
    /// continuing the current path, as `PDFContent.arc` draws it.
    mutating func arc(center c: Point, rx: Double, ry: Double, from start: Double, to end: Double) {
        let centre = device(c), rx = rx * scale, ry = ry * scale
        let radius = max(abs(rx), abs(ry))
        let sweep = abs(end - start)
        var n = 1
        if radius > Self.tolerance, sweep.isFinite {
            // A chord spanning angle θ strays r·(1 − cos(θ/2)) from the circle.
            let step = 2 * acos(1 - Self.tolerance / radius)
            n = min(Self.maximumChords, max(1, Int((sweep / step).rounded(.up))))
        }
        if current.isEmpty { current.append(Point(x: centre.x + rx * cos(start), y: centre.y + ry * sin(start))) }
        for step in 1...n {
            let angle = start + (end - start) * Double(step) / Double(n)
            current.append(Point(x: centre.x + rx * cos(angle), y: centre.y + ry * sin(angle)))
        }
    }

    mutating func close() {
        end(closed: true)
    }

    private mutating func end(closed: Bool) {
        if !current.isEmpty { subpaths.append(Subpath(points: current, closed: closed)) }
        current = []
    }

    // MARK: - Shapes, as the SVG elements start and run them (where a dash pattern begins)

    /// A rectangle, with corners rounded to `radius`: from the top left (after the corner),
    /// clockwise, as SVG's `<rect>`.
    mutating func rectangle(_ f: Rect, radius: Double) {
        let r = min(radius, f.width / 2, f.height / 2)
        guard r > 0 else {
            polygon([Point(x: f.minX, y: f.minY), Point(x: f.maxX, y: f.minY), Point(x: f.maxX, y: f.maxY), Point(x: f.minX, y: f.maxY)])
            return
        }
        move(Point(x: f.minX + r, y: f.minY))
        line(Point(x: f.maxX - r, y: f.minY))
        arc(center: Point(x: f.maxX - r, y: f.minY + r), rx: r, ry: r, from: -.pi / 2, to: 0)
        line(Point(x: f.maxX, y: f.maxY - r))
        arc(center: Point(x: f.maxX - r, y: f.maxY - r), rx: r, ry: r, from: 0, to: .pi / 2)
        line(Point(x: f.minX + r, y: f.maxY))
        arc(center: Point(x: f.minX + r, y: f.maxY - r), rx: r, ry: r, from: .pi / 2, to: .pi)
        line(Point(x: f.minX, y: f.minY + r))
        arc(center: Point(x: f.minX + r, y: f.minY + r), rx: r, ry: r, from: .pi, to: 3 * .pi / 2)
        close()
    }

    // MARK: - Helpers

    static func length(_ dx: Double, _ dy: Double) -> Double {
        (dx * dx + dy * dy).squareRoot()
    }

    /// Chords for a curve whose error with one chord would be `error` pixels.
    static func chords(_ error: Double) -> Int {
        guard error.isFinite, error > tolerance else { return 1 }
        return min(maximumChords, Int((error / tolerance).squareRoot().rounded(.up)))
    }
}
