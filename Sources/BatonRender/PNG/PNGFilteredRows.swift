/// A band's rows as the PNG stores them before compression: each row's filter byte and
/// residuals, and the part of each that may not be zero (the compressor's checksum skips the
/// rest). Filtering happens where the band was drawn, so that the thread that compresses does
/// only that.
struct PNGFilteredRows {
    /// Bytes a filtered row takes: the filter byte, then three per pixel.
    let stride: Int
    private(set) var rows = 0
    private(set) var bytes: [UInt8]
    /// Per row, the bytes that may not be zero (all others are).
    private(set) var live: [Range<Int>]

    init(width: Int, capacity: Int) {
        stride = width * PNGEncoder.bytesPerPixel + 1
        bytes = [UInt8](repeating: 0, count: stride * capacity)
        live = Array(repeating: 0..<0, count: capacity)
    }

    /// The filtered rows of `band`, the first filtered against `filter`'s last row, which then
    /// becomes the band's last.
    mutating func fill(from band: RasterBand, with filter: inout PNGBandFilter) {
        rows = band.rows
        let pixelBytes = stride - 1
        let stride = self.stride
        var live = self.live
        bytes.withUnsafeMutableBufferPointer { out in
            guard let base = out.baseAddress else { return }
            band.pixels.withUnsafeBufferPointer { pixels in
                for row in 0..<band.rows {
                    let target = UnsafeMutableBufferPointer(start: base + row * stride, count: stride)
                    // The filter writes only what may not be zero: the rest of the row must be
                    // zero already, so what the last band left there is wiped.
                    UnsafeMutableBufferPointer(rebasing: target[live[row]]).update(repeating: 0)
                    let current = UnsafeBufferPointer(rebasing: pixels[row * pixelBytes..<(row + 1) * pixelBytes])
                    if row == 0 {
                        live[row] = filter.filter(current, above: nil, into: target)
                    } else {
                        let above = UnsafeBufferPointer(rebasing: pixels[(row - 1) * pixelBytes..<row * pixelBytes])
                        live[row] = filter.filter(current, above: above, into: target)
                    }
                }
                if band.rows > 0 {
                    filter.remember(UnsafeBufferPointer(rebasing: pixels[(band.rows - 1) * pixelBytes..<band.rows * pixelBytes]))
                }
            }
        }
        self.live = live
    }
}

/// What filtering carries from one band to the next: the last row drawn (zeros before the
/// first, as PNG defines it), and working space.
struct PNGBandFilter {
    private var last: [UInt8]
    private var changes: [Range<Int>] = []

    init(width: Int) {
        last = [UInt8](repeating: 0, count: width * PNGEncoder.bytesPerPixel)
    }

    /// Filters `row` against `above` (nil: the last row remembered) into `out`, zeroed.
    mutating func filter(_ row: UnsafeBufferPointer<UInt8>, above: UnsafeBufferPointer<UInt8>?,
                         into out: UnsafeMutableBufferPointer<UInt8>) -> Range<Int> {
        var changes: [Range<Int>] = []
        swap(&changes, &self.changes)
        defer { swap(&changes, &self.changes) }
        if let above {
            return PNGRowFilter.filter(row, previous: above, bytesPerPixel: PNGEncoder.bytesPerPixel, into: out, changes: &changes)
        }
        return last.withUnsafeBufferPointer { above in
            PNGRowFilter.filter(row, previous: above, bytesPerPixel: PNGEncoder.bytesPerPixel, into: out, changes: &changes)
        }
    }

    mutating func remember(_ row: UnsafeBufferPointer<UInt8>) {
        last.withUnsafeMutableBufferPointer { _ = $0.update(fromContentsOf: row) }
    }
}
