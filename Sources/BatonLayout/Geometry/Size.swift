// A width and a height, in points.

public struct Size: Hashable, Sendable, CustomStringConvertible {
    public var width: Double
    public var height: Double

    public init(width: Double, height: Double) {
        self.width = width
        self.height = height
    }

    public static let zero = Size(width: 0, height: 0)

    public var description: String { "\(width)×\(height)" }

    /// The same size with both sides swapped, for drawing in the other direction.
    public var transposed: Size { Size(width: height, height: width) }

    /// Negative, infinite and NaN sides become 0, so that bad input cannot poison a layout.
    public var sanitized: Size {
        func clean(_ v: Double) -> Double { v.isFinite && v > 0 ? v : 0 }
        return Size(width: clean(width), height: clean(height))
    }
}
