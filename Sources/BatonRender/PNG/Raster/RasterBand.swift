/// A band of image rows in memory, RGB, 8 bits a channel: the image is drawn and compressed one
/// band at a time, so a tall diagram never needs all its pixels at once. The buffer is reused
/// from band to band, and only what was painted is wiped for the next.
///
/// Paint is composited source-over in 8-bit sRGB, as librsvg (cairo) and browsers composite
/// SVG: `result = paint × α + below × (1 − α)`, α being coverage × opacity. The background is
/// opaque (both themes paint one), so the image needs no alpha channel.
struct RasterBand {
    let width: Int
    /// Rows the buffer holds; the last band of an image may use fewer.
    let capacity: Int
    /// The first image row in the band, and how many rows it holds now.
    private(set) var top = 0
    private(set) var rows = 0
    var pixels: [UInt8]

    /// The columns painted in each row since the band was last started (`lowerBound >=
    /// upperBound`: none): a new band restores only those to the background, not every pixel.
    private var painted: [Range<Int>]
    /// The background the buffer holds outside `painted`.
    private var filledWith: RasterColor?

    init(width: Int, capacity: Int) {
        self.width = width
        self.capacity = capacity
        pixels = [UInt8](repeating: 0, count: width * capacity * 3)
        painted = Array(repeating: 0..<width, count: capacity)
    }

    /// Starts the band at image row `top` with `rows` rows of `background`.
    mutating func start(top: Int, rows: Int, background: RasterColor) {
        self.top = top
        self.rows = rows
        let whole = filledWith != background
        filledWith = background
        let width = self.width, painted = self.painted
        pixels.withUnsafeMutableBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            for row in 0..<capacity {
                let range = whole ? 0..<width : painted[row]
                guard range.lowerBound < range.upperBound else { continue }
                var p = base + (row * width + range.lowerBound) * 3
                for _ in range {
                    p[0] = background.red
                    p[1] = background.green
                    p[2] = background.blue
                    p += 3
                }
            }
        }
        for row in 0..<capacity { self.painted[row] = 0..<0 }
    }

    /// Paints `color` at `coverage` × `color.opacity` over pixels `from ..< to` of band row `row`.
    mutating func blend(row: Int, from: Int, to: Int, coverage: Float, color: RasterColor) {
        let start = max(0, from), end = min(width, to)
        guard start < end, row >= 0, row < rows else { return }
        let alpha = Int((coverage * color.opacity * 255).rounded())
        guard alpha > 0 else { return }
        let before = painted[row]
        painted[row] = before.lowerBound < before.upperBound ? min(before.lowerBound, start)..<max(before.upperBound, end) : start..<end
        let r = Int(color.red), g = Int(color.green), b = Int(color.blue)
        pixels.withUnsafeMutableBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            var p = base + (row * width + start) * 3
            if alpha >= 255 {
                for _ in start..<end {
                    p[0] = color.red
                    p[1] = color.green
                    p[2] = color.blue
                    p += 3
                }
                return
            }
            let inverse = 255 - alpha
            for _ in start..<end {
                p[0] = Self.mix(r, Int(p[0]), alpha, inverse)
                p[1] = Self.mix(g, Int(p[1]), alpha, inverse)
                p[2] = Self.mix(b, Int(p[2]), alpha, inverse)
                p += 3
            }
        }
    }

    /// (source × α + destination × (255 − α)) / 255, rounded.
    @inline(__always)
    static func mix(_ source: Int, _ destination: Int, _ alpha: Int, _ inverse: Int) -> UInt8 {
        let v = source * alpha + destination * inverse + 128
        return UInt8(truncatingIfNeeded: (v + (v >> 8)) >> 8)
    }
}

/// An sRGB colour with the opacity it is painted at.
struct RasterColor: Hashable, Sendable {
    var red: UInt8
    var green: UInt8
    var blue: UInt8
    var opacity: Float = 1

    /// `#rrggbb`; nil for "none" (or anything else), which paints nothing.
    init?(_ hex: String, opacity: Double? = nil) {
        let digits = Array(hex.utf8)
        guard digits.count == 7, digits[0] == UInt8(ascii: "#") else { return nil }
        var values: [UInt8] = []
        for index in stride(from: 1, to: 7, by: 2) {
            guard let value = UInt8(String(decoding: digits[index..<index + 2], as: UTF8.self), radix: 16) else { return nil }
            values.append(value)
        }
        self.init(red: values[0], green: values[1], blue: values[2], opacity: Float(min(1, max(0, opacity ?? 1))))
    }

    init(red: UInt8, green: UInt8, blue: UInt8, opacity: Float = 1) {
        self.red = red
        self.green = green
        self.blue = blue
        self.opacity = opacity
    }
}
