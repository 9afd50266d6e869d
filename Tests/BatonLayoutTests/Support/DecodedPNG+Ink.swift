import BatonTestSupport

extension DecodedPNG {
    /// The columns holding any pixel with alpha above `threshold`, or `nil` if none does: where
    /// `rsvg-convert` put ink on a transparent canvas (an RGB image has no alpha, so every pixel
    /// counts).
    func inkedColumns(alphaAbove threshold: UInt8 = 0) -> ClosedRange<Int>? {
        var low = Int.max
        var high = Int.min
        for y in 0..<height {
            for x in 0..<width where channels < 4 || pixels[(y * width + x) * channels + 3] > threshold {
                low = min(low, x)
                high = max(high, x)
            }
        }
        return low <= high ? low...high : nil
    }
}
