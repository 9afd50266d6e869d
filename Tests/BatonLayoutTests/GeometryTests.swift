// Points, rectangles, polylines and node outlines.

import Foundation
import Testing
@testable import BatonLayout

@Suite struct GeometryTests {
    @Test func rectangles() {
        let r = Rect(x: 10, y: 20, width: 30, height: 40)
        #expect(r.center == Point(x: 25, y: 40))
        #expect(r.contains(Point(x: 10, y: 60)))
        #expect(!r.overlaps(Rect(x: 40, y: 20, width: 5, height: 5)), "touching is not overlapping")
        #expect(r.overlaps(Rect(x: 39, y: 59, width: 5, height: 5)))
        #expect(r.union(Rect(x: 0, y: 0, width: 1, height: 1)) == Rect(x: 0, y: 0, width: 40, height: 60))
        #expect(r.insetBy(5) == Rect(x: 15, y: 25, width: 20, height: 30))
        #expect(Rect(center: Point(x: 0, y: 0), size: Size(width: 4, height: 2)) == Rect(x: -2, y: -1, width: 4, height: 2))
        #expect(Size(width: -3, height: .nan).sanitized == .zero)
    }

    @Test func polylines() {
        let p = [Point(x: 0, y: 0), Point(x: 1, y: 0), Point(x: 2, y: 0), Point(x: 2, y: 0), Point(x: 2, y: 3)]
        #expect(Polyline.length(p) == 5)
        #expect(Polyline.simplified(p) == [Point(x: 0, y: 0), Point(x: 2, y: 0), Point(x: 2, y: 3)])
        #expect(Polyline.segmentsCross(Point(x: 0, y: 0), Point(x: 2, y: 2), Point(x: 0, y: 2), Point(x: 2, y: 0)))
        #expect(!Polyline.segmentsCross(Point(x: 0, y: 0), Point(x: 2, y: 2), Point(x: 2, y: 2), Point(x: 3, y: 0)), "sharing an end is not crossing")
        #expect(!Polyline.segmentsCross(Point(x: 0, y: 0), Point(x: 2, y: 0), Point(x: 1, y: 0), Point(x: 3, y: 0)), "collinear is not crossing")
        #expect(Polyline.intersection(Point(x: 0, y: 0), Point(x: 2, y: 2), Point(x: 0, y: 2), Point(x: 2, y: 0)) == Point(x: 1, y: 1))
    }

    @Test func smoothCurvesPassThroughThePoints() {
        let p = [Point(x: 0, y: 0), Point(x: 10, y: 0), Point(x: 20, y: 10), Point(x: 30, y: 10)]
        let c = Polyline.smoothCubicBezier(through: p)
        #expect(c.count == 3 * (p.count - 1) + 1)
        for (i, q) in p.enumerated() { #expect(c[3 * i] == q) }
        // Ends leave and arrive along the first and last segments (arrowheads keep their direction).
        #expect(c[1].y == 0 && c[c.count - 2].y == 10)
        let sampled = Polyline.sampleCubicBezier(c, steps: 4)
        #expect(sampled.first == p.first && sampled.last == p.last && sampled.count == 4 * 3 + 1)
    }

    @Test(arguments: [
        BorderShape.rectangle, .roundedRectangle(radius: 8), .ellipse, .hexagon(inset: 10), .cylinder(cap: 6), .horizontalCylinder(cap: 6),
    ])
    func exitPointsLieOnTheOutline(_ shape: BorderShape) {
        let frame = Rect(x: 100, y: 50, width: 80, height: 40)
        for k in 0..<24 {
            let angle = Double(k) / 24 * 2 * Double.pi
            let far = Point(x: frame.midX + 500 * cos(angle), y: frame.midY + 500 * sin(angle))
            let p = shape.borderPoint(toward: far, in: frame)
            let direction = (far - frame.center) * (1 / frame.center.distance(to: far))
            #expect(shape.contains(p - direction * 0.01, in: frame), "\(shape) at \(angle): just inside")
            #expect(!shape.contains(p + direction * 0.01, in: frame), "\(shape) at \(angle): just outside")
        }
    }

    @Test func exactBordersOfSimpleShapes() {
        let frame = Rect(x: 0, y: 0, width: 100, height: 50)
        let r = BorderShape.rectangle.exitPoint(from: frame.center, toward: Point(x: 200, y: 25), in: frame)
        #expect(abs(r.x - 100) < 1e-6 && abs(r.y - 25) < 1e-9)
        let e = BorderShape.ellipse.borderPoint(toward: Point(x: 50, y: -100), in: frame)
        #expect(abs(e.x - 50) < 1e-6 && abs(e.y) < 1e-6)
        let d = 1 / (2.0).squareRoot()
        let diagonal = BorderShape.ellipse.borderPoint(toward: Point(x: 50 + 50 * d * 10, y: 25 + 25 * d * 10), in: frame)
        #expect(abs(diagonal.x - (50 + 50 * d)) < 1e-6 && abs(diagonal.y - (25 + 25 * d)) < 1e-6)
        #expect(!BorderShape.roundedRectangle(radius: 10).contains(Point(x: 0.5, y: 0.5), in: frame))
        #expect(!BorderShape.hexagon(inset: 20).contains(Point(x: 1, y: 1), in: frame))
        #expect(BorderShape.hexagon(inset: 20).contains(Point(x: 1, y: 25), in: frame))
        #expect(!BorderShape.cylinder(cap: 8).contains(Point(x: 1, y: 1), in: frame))
        #expect(BorderShape.cylinder(cap: 8).contains(Point(x: 1, y: 25), in: frame))
    }
}
