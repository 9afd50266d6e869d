import BatonLayout
import BatonSyntax
import Foundation

/// The pixel size of a PNG and the bounds it must keep: the scale a caller may ask for, and the
/// most pixels Baton writes, so that a mistyped `--scale` or a huge design is refused with a
/// clear message before any work rather than filling the disk or the reader's memory.
public struct PNGSize: Hashable, Sendable {
    public var width: Int
    public var height: Int

    /// `--scale`: from a tenth of the scene's size to sixteen times it.
    public static let scales: ClosedRange<Double> = 0.1...16
    /// 250 megapixels: a 1,000-interaction sequence diagram (about 200 megapixels at scale 1)
    /// fits; beyond it, image viewers and browsers refuse or crawl (a decoded image of that
    /// size is 750 MB).
    public static let maximumPixels = 250_000_000
    /// The longest side: PNG allows 2³¹ − 1, but one row of pixels is held in memory per band.
    public static let maximumSide = 500_000

    public var pixels: Int { width * height }

    /// The size of `canvas` at `scale` device pixels per scene unit, rounded up so the whole
    /// drawing fits; at least one pixel each way.
    public init(canvas: Size, scale: Double) throws(RenderError) {
        guard scale.isFinite, Self.scales.contains(scale) else {
            throw RenderError(message: "--scale \(SVGOutput.format(scale)) is outside \(SVGOutput.format(Self.scales.lowerBound))…\(SVGOutput.format(Self.scales.upperBound))",
                              help: "1 draws one pixel per SVG unit (the default); 2 doubles the size, for sharp pictures on high-density screens")
        }
        let w = (canvas.width * scale - 1e-9).rounded(.up), h = (canvas.height * scale - 1e-9).rounded(.up)
        guard w.isFinite, h.isFinite else { throw RenderError(message: "the diagram has no finite size") }
        let width = Int(min(max(w, 1), 1e12)), height = Int(min(max(h, 1), 1e12))
        if width > Self.maximumSide || height > Self.maximumSide || width * height > Self.maximumPixels {
            let megapixels = Double(width) * Double(height) / 1e6
            let fitting = min(scale * (Double(Self.maximumPixels) / (Double(width) * Double(height))).squareRoot(),
                              scale * Double(Self.maximumSide) / Double(max(width, height)))
            let advice = fitting >= Self.scales.lowerBound
                ? "lower --scale (\(Self.floorHundredths(fitting)) or less fits this diagram), or draw one flow"
                : "draw one flow, or write SVG or PDF, which are vectors and have no pixel limit"
            throw RenderError(
                message: "the PNG would be \(English.grouped(width)) × \(English.grouped(height)) pixels (\(English.grouped(Int(megapixels.rounded())))"
                    + " megapixels), more than Baton writes (\(Self.maximumPixels / 1_000_000) megapixels, \(English.grouped(Self.maximumSide)) pixels a side)",
                help: advice)
        }
        self.width = width
        self.height = height
    }

    static func floorHundredths(_ value: Double) -> String {
        SVGOutput.format((value * 100).rounded(.down) / 100)
    }
}
