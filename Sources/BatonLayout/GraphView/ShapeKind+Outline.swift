/// The outline of each drawn shape, as the layered layout sees it: where edges end.
///
/// The radii come from the same functions the renderer draws with, so an arrowhead's tip lands
/// on the stroke the reader sees, not on the shape's bounding box.
extension ShapeKind {
    /// The outline of this shape drawn in a frame of `size`.
    public func outline(size: Size) -> BorderShape {
        switch self {
        case .rectangle, .polygon, .note, .tab:
            .rectangle
        case .roundedRectangle(let radius):
            .roundedRectangle(radius: radius)
        case .ellipse:
            .ellipse
        case .person:
            .person(head: Self.personHeadRadius)
        case .cylinder:
            .cylinder(cap: Self.cylinderLidRadius(height: size.height))
        case .barrel:
            .horizontalCylinder(cap: Self.barrelCapRadius(width: size.width))
        case .fannedBarrel:
            // The rays end in dots of radius 2 two pixels before the frame's right side.
            .fannedCylinder(cap: Self.barrelCapRadius(width: size.width - Self.fanWidth), fan: Self.fanWidth,
                            spread: Self.fanSpread(height: size.height) + 2)
        case .hexagon:
            .hexagon(inset: Self.hexagonInset(size))
        }
    }
}
