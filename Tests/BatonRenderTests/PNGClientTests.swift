import Baton
import BatonLayout
import BatonRender
import BatonTestSupport
import Foundation
import Testing

/// librsvg (`rsvg-convert`, the renderer behind most Linux SVG previews) as the reference for
/// `--to png`: Baton's PNG of a diagram and librsvg's rendering of the same diagram's SVG, at
/// the same size, with the same font (Liberation Sans, which fontconfig gives librsvg for the
/// SVG's Arial), differ by little.
///
/// The bound: across every sample, both views and both themes, the normalised RMSE (root mean
/// square of the red, green and blue differences, over 255) is 0.002 to 0.0055 — the two
/// renderers differ only in how they flatten curves and round antialiased edges. The bound is
/// 0.015: about three times the worst sample, and a sixth of what moving the whole picture one
/// pixel sideways costs (about 0.08, measured here too), so a misplaced line of text, a missing
/// shape or a wrong colour fails it.
@Suite struct PNGClientTests {
    static let bound = 0.015
    static let samples = ["web-checkout", "card-payments", "clean-architecture", "order-pipeline", "webhook-integration"]
    static let fontDirectory = "/usr/share/fonts/truetype/liberation2/"

    static func fonts() throws -> PNGFonts {
        let regular = try ExternalProgram.requireFile(fontDirectory + "LiberationSans-Regular.ttf", package: "fonts-liberation2")
        let bold = try ExternalProgram.requireFile(fontDirectory + "LiberationSans-Bold.ttf", package: "fonts-liberation2")
        return PNGFonts(regular: try TrueTypeFont(bytes: [UInt8](try Data(contentsOf: regular))),
                        bold: try TrueTypeFont(bytes: [UInt8](try Data(contentsOf: bold))))
    }

    @Test(.requires(program: "rsvg-convert"), .requires(file: fontDirectory + "LiberationSans-Regular.ttf"),
          arguments: samples, [RenderView.sequence, .graph])
    func closeToLibrsvg(_ sample: String, _ view: RenderView) throws {
        let rsvg = try ExternalProgram.require("rsvg-convert", package: "librsvg2-bin")
        let fonts = try Self.fonts()
        let design = try #require(TestDesigns.named(sample))
        let compilation = Baton.compile(bytes: design.bytes, displayPath: design.url.path)
        for theme in Theme.Name.allCases {
            let svg = try Baton.render(compilation, source: design.bytes, options: RenderOptions(format: .svg, view: view, theme: theme))
            let png = try Baton.renderPNG(compilation, source: design.bytes, options: RenderOptions(format: .png, view: view, theme: theme),
                                          fonts: fonts)
            let ours = try DecodedPNG(decoding: png)
            let output = try rsvg.run(["--format=png", "--width=\(ours.width)", "--height=\(ours.height)"], input: Data(svg.utf8))
            try #require(output.status == 0, "rsvg-convert: \(output.standardError)")
            let theirs = try DecodedPNG(decoding: [UInt8](output.standardOutput))
            let rmse = try DecodedPNG.normalizedRMSE(ours, theirs)
            #expect(rmse < Self.bound, "\(sample), \(view) view, \(theme): normalised RMSE \(rmse)")
            // The bound tells pictures apart: one pixel off is far beyond it.
            if theme == .light {
                #expect(try Self.shiftedRMSE(ours, theirs) > 4 * Self.bound)
            }
        }
    }

    /// The RMSE with `a` moved one pixel to the right of `b`.
    static func shiftedRMSE(_ a: DecodedPNG, _ b: DecodedPNG) throws -> Double {
        let x = a.rgbBytes, y = b.rgbBytes
        var sum = 0.0, count = 0
        for row in 0..<a.height {
            for column in 1..<a.width {
                for channel in 0..<3 {
                    let d = Double(Int(x[(row * a.width + column - 1) * 3 + channel]) - Int(y[(row * a.width + column) * 3 + channel]))
                    sum += d * d
                    count += 1
                }
            }
        }
        return (sum / Double(count)).squareRoot() / 255
    }
}
