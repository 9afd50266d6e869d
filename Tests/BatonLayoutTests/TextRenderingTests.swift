import Foundation
import BatonTestSupport
import Testing

@testable import BatonLayout

/// Predicted widths against what a real SVG renderer draws: `rsvg-convert` (librsvg, the renderer
/// of GNOME, Wikipedia thumbnails, pandoc/LaTeX pipelines and many doc builds) renders the text
/// with `TextMetrics.fontFamily`, and we measure the ink in the PNG.
///
/// Ink is narrower than the advance width: it starts after the first glyph's left side bearing
/// and ends before the last glyph's right side bearing (together 0–3 px at 20 px), while
/// antialiasing can add a faint column at either end. Measured with librsvg 2.54 / Pango at 9 to
/// 20 px, ink / advance stayed between 0.987 and 1.003, so the exact advance must be within 3%
/// of the ink width. And — the property layout depends on — the width with the default safety
/// factor must cover the ink, from the text's x to its last inked column.
@Suite struct TextRenderingTests {
    static let samples = [
        "Hello distributed world",
        "Authorize payment → capture (idempotent, 3 retries)",
        "Ça coûte 12,50 € — naïve façade, Straße, Øresund, Łódź",
        "Ответ сервиса платежей: λ-функция",
        "POST /v1/payments/{id}/capture?expand=charges&limit=100 HTTP/1.1",
        "WWWWWWWWWW iiiiiiiiii mmmmmmmmmm 0123456789",
    ]
    /// Where the text starts; the canvas is wide enough that nothing is clipped on the right.
    static let x = 20.0

    @Test(.requires(program: "rsvg-convert"), arguments: samples, [(FontWeight.regular, 20.0), (.bold, 20), (.regular, 12), (.bold, 12)])
    func predictedWidthMatchesLibrsvgInk(text: String, style: (weight: FontWeight, size: Double)) throws {
        let rsvg = try ExternalProgram.require("rsvg-convert", package: "librsvg2-bin")
        let ink = try Self.inkedColumns(of: text, weight: style.weight, size: style.size, renderer: rsvg)
        let inkWidth = Double(ink.count)
        let advance = TextMetrics(safetyFactor: 1).width(of: text, size: style.size, weight: style.weight)
        let safe = TextMetrics().width(of: text, size: style.size, weight: style.weight)

        #expect(abs(advance - inkWidth) <= 0.03 * advance, "advance \(advance) vs ink \(inkWidth)")
        #expect(Double(ink.lowerBound) >= Self.x - 1, "ink starts before x")
        #expect(Double(ink.upperBound + 1) <= Self.x + safe, "ink ends at \(ink.upperBound + 1), box at \(Self.x + safe)")
    }

    /// Renders `text` at (x, 40) on a transparent canvas and returns the columns with ink.
    static func inkedColumns(
        of text: String, weight: FontWeight, size: Double, renderer: ExternalProgram
    ) throws -> ClosedRange<Int> {
        let canvasWidth = Int(x + TextMetrics().width(of: text, size: size, weight: weight) * 1.5 + 40)
        let escaped = text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
        let svg = """
            <svg xmlns="http://www.w3.org/2000/svg" width="\(canvasWidth)" height="60" viewBox="0 0 \(canvasWidth) 60">\
            <text x="\(Int(x))" y="40" font-family="\(TextMetrics.fontFamily)" font-size="\(Int(size))"\
            \(weight == .bold ? " font-weight=\"bold\"" : "") fill="#000">\(escaped)</text></svg>
            """
        let output = try renderer.run(["--format=png"], input: Data(svg.utf8))
        try #require(output.status == 0, "rsvg-convert failed: \(output.standardError)")
        let image = try DecodedPNG(decoding: [UInt8](output.standardOutput))
        #expect(image.width == canvasWidth)
        return try #require(image.inkedColumns(), "nothing was drawn")
    }
}
