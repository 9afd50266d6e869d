import Baton
import BatonLayout
@testable import BatonRender
import BatonTestSupport
import Foundation
import Testing

/// The PNG writer: the size asked for, the bytes (deterministic, nothing but IHDR, IDAT and
/// IEND), and the rasteriser's coverage — exact areas, antialiased edges, both fill rules,
/// dashes, text in the given faces. Compared with librsvg in `PNGClientTests`.
@Suite struct PNGWriterTests {
    /// The font built in the test: text draws as triangles, with no system font needed.
    static func builtFonts() throws -> PNGFonts {
        PNGFonts(regular: try TrueTypeFont(bytes: TestFontFile.sample().bytes()))
    }

    /// One line of text, 20 pixels, at (10, 30) in a 200 × 50 scene.
    static func textScene(_ text: String, weight: FontWeight = .regular, alignment: TextBlock.Alignment = .start) -> Scene {
        Scene(size: Size(width: 200, height: 50), title: "t", description: "d", roleDescription: "diagram", items: [
            .text(TextBlock(lines: [text], frame: Rect(x: 10, y: 10, width: 180, height: 25), alignment: alignment, fontSize: 20,
                            weight: weight, role: .interactionLabel, lineHeight: 25, baselineOffset: 20)),
        ])
    }

    /// Figures drawn black on white into a `width` × `height` image, decoded.
    static func draw(_ figures: [RasterFigure], width: Int, height: Int) throws -> DecodedPNG {
        let bytes = try PNGWriter.draw(figures, size: try PNGSize(canvas: Size(width: Double(width), height: Double(height)), scale: 1),
                                       background: RasterColor(red: 255, green: 255, blue: 255), fonts: try builtFonts())
        return try DecodedPNG(decoding: bytes)
    }

    static func polygon(_ points: [(Double, Double)], rule: RasterCoverage.FillRule = .nonZero) -> RasterFigure {
        var path = RasterPath(scale: 1)
        path.polygon(points.map { Point(x: $0.0, y: $0.1) })
        return RasterFigure(geometry: .fill(path), color: RasterColor(red: 0, green: 0, blue: 0), rule: rule, top: -1, bottom: 1_000)
    }

    static func gray(_ image: DecodedPNG, _ x: Int, _ y: Int) -> Int { Int(image.rgb(x: x, y: y).red) }

    static func render(_ name: String, view: RenderView, theme: Theme.Name = .light, scale: Double = 1,
                       fonts: PNGFonts? = nil) throws -> (png: [UInt8], scene: Size) {
        let design = try #require(TestDesigns.named(name))
        let compilation = Baton.compile(bytes: design.bytes, displayPath: design.url.path)
        var options = RenderOptions(format: .png, view: view, theme: theme)
        options.scale = scale
        let png = try Baton.renderPNG(compilation, source: design.bytes, options: options, fonts: try fonts ?? builtFonts())
        let svg = try Baton.render(compilation, source: design.bytes, options: RenderOptions(format: .svg, view: view, theme: theme))
        let width = try #require(PDFClientTests.attribute("width", in: svg)), height = try #require(PDFClientTests.attribute("height", in: svg))
        return (png, Size(width: width, height: height))
    }

    // MARK: - Size and bytes

    @Test(arguments: [1.0, 2, 1.5, 0.5, 0.1, 3.25])
    func theImageIsTheCanvasTimesTheScale(_ scale: Double) throws {
        for view in [RenderView.sequence, .graph] {
            let (png, canvas) = try Self.render("retry-storm-simulated", view: view, scale: scale)
            let image = try DecodedPNG(decoding: png)
            #expect(image.width == Int((canvas.width * scale - 1e-9).rounded(.up)))
            #expect(image.height == Int((canvas.height * scale - 1e-9).rounded(.up)))
            #expect(image.channels == 3)
        }
    }

    @Test func theBytesAreTheSameEveryTimeAndCarryNoTime() throws {
        let first = try Self.render("card-payments", view: .graph).png
        let second = try Self.render("card-payments", view: .graph).png
        #expect(first == second)
        let image = try DecodedPNG(decoding: first)
        #expect(image.chunks.first == "IHDR")
        #expect(image.chunks.last == "IEND")
        #expect(Set(image.chunks) == ["IHDR", "IDAT", "IEND"], "no tIME, tEXt or anything else: \(image.chunks)")
    }

    @Test func drawingBesideEncodingGivesTheSameBytes() throws {
        // Many bands: one thread draws while the other encodes, or one does both.
        let figures = (0..<40).map { (index: Int) -> RasterFigure in
            let x = Double(index), y = Double(index * 30)
            return Self.polygon([(x, y), (x + 60, y + 5), (10, y + 200)])
        }
        let size = try PNGSize(canvas: Size(width: 120, height: 1_400), scale: 1)
        let white = RasterColor(red: 255, green: 255, blue: 255)
        let together = try PNGWriter.draw(figures, size: size, background: white, fonts: try Self.builtFonts(), pipelined: true)
        let alone = try PNGWriter.draw(figures, size: size, background: white, fonts: try Self.builtFonts(), pipelined: false)
        #expect(together == alone)
        #expect(try DecodedPNG(decoding: together).height == 1_400)
    }

    @Test(arguments: [true, false])
    func aGlyphThatCannotBeReadIsAnError(pipelined: Bool) throws {
        // "C" nests in itself: reading it fails when the band that shows it is drawn, on
        // whichever thread draws.
        var file = TestFontFile.sample()
        file.glyphs[3] = .composite([TestFontFile.Component(glyph: 3)])
        let fonts = PNGFonts(regular: try TrueTypeFont(bytes: file.bytes()))
        let run = GlyphRun(bold: false, size: 20, baseline: 900, glyphs: [GlyphRun.Placed(glyph: 3, x: 10)])
        let figures = [Self.polygon([(0, 0), (10, 0), (0, 10)]),
                       RasterFigure(geometry: .glyphs(run), color: RasterColor(red: 0, green: 0, blue: 0), top: 860, bottom: 920)]
        let size = try PNGSize(canvas: Size(width: 100, height: 1_000), scale: 1)
        #expect(throws: FontError.self) {
            try PNGWriter.draw(figures, size: size, background: RasterColor(red: 255, green: 255, blue: 255), fonts: fonts, pipelined: pipelined)
        }
        let error = try #require(throws: RenderError.self) {
            try PNGWriter.write(Self.textScene("AC"), options: PNGOptions(fonts: fonts))
        }
        #expect(error.message.hasPrefix("cannot draw the text of the PNG: the font is damaged (glyph 3 nests components more than 8 deep)"))
    }

    @Test(arguments: Theme.Name.allCases)
    func theBackgroundIsTheThemes(_ theme: Theme.Name) throws {
        let image = try DecodedPNG(decoding: try Self.render("retry-storm-simulated", view: .sequence, theme: theme).png)
        let corner = image.rgb(x: image.width - 1, y: image.height - 1)
        let expected = try #require(RasterColor(Theme.named(theme).background))
        #expect(corner.red == expected.red && corner.green == expected.green && corner.blue == expected.blue)
    }

    @Test func flatPicturesCompressWell() throws {
        let (png, canvas) = try Self.render("latency-budget", view: .graph)
        let raw = Int(canvas.width) * Int(canvas.height) * 3
        #expect(png.count * 15 < raw, "\(png.count) bytes for \(raw) bytes of pixels")
    }

    // MARK: - Limits

    @Test(arguments: [0.0, 0.09, 16.5, -1, .nan, .infinity])
    func scalesOutsideTheRangeAreRefused(_ scale: Double) throws {
        let error = try #require(throws: RenderError.self) { try PNGSize(canvas: Size(width: 100, height: 100), scale: scale) }
        #expect(error.message.contains("--scale"))
    }

    @Test func tooManyPixelsAreRefusedNamingTheScale() throws {
        let error = try #require(throws: RenderError.self) { try PNGSize(canvas: Size(width: 5_223, height: 37_994), scale: 2) }
        #expect(error.message == "the PNG would be 10,446 × 75,988 pixels (794 megapixels), more than Baton writes (250 megapixels, 500,000 pixels a side)")
        #expect(error.help == "lower --scale (1.12 or less fits this diagram), or draw one flow")
        // The same diagram at scale 1 is within the limit.
        #expect(try PNGSize(canvas: Size(width: 5_223, height: 37_994), scale: 1).pixels == 198_442_662)
    }

    @Test func theVectorFormatsRefuseAScale() throws {
        let design = try #require(TestDesigns.named("saga"))
        let compilation = Baton.compile(bytes: design.bytes, displayPath: design.url.path)
        var options = RenderOptions(format: .svg)
        options.scale = 2
        let error = try #require(throws: RenderError.self) { try Baton.render(compilation, source: design.bytes, options: options) }
        #expect(error.message.hasPrefix("--scale applies to PNG only"))
    }

    // MARK: - Coverage

    @Test func coverageIsTheExactAreaOfEachPixel() throws {
        // A rectangle from x 1.25 to 3.5, rows 2 to 4: its left column is three-quarters covered,
        // its right one half.
        let image = try Self.draw([Self.polygon([(1.25, 2), (3.5, 2), (3.5, 4), (1.25, 4)])], width: 6, height: 6)
        for y in 2..<4 {
            #expect(abs(Self.gray(image, 1, y) - 64) <= 1)
            #expect(Self.gray(image, 2, y) == 0)
            #expect(abs(Self.gray(image, 3, y) - 128) <= 1)
            #expect(Self.gray(image, 4, y) == 255)
        }
        #expect((0..<6).allSatisfy { Self.gray(image, $0, 1) == 255 && Self.gray(image, $0, 4) == 255 })
    }

    @Test func diagonalEdgesAreAntialiased() throws {
        // A right triangle whose hypotenuse runs corner to corner through a 20-pixel square.
        let image = try Self.draw([Self.polygon([(0, 0), (20, 0), (0, 20)])], width: 20, height: 20)
        for x in 0..<20 {
            let along = Self.gray(image, x, 19 - x)  // the pixels the hypotenuse halves
            #expect(along > 100 && along < 155, "pixel (\(x), \(19 - x)) is \(along), not half covered")
            if x < 18 { #expect(Self.gray(image, x, 17 - x) == 0, "inside") }
            if x > 1 { #expect(Self.gray(image, x, 21 - x) == 255, "outside") }
        }
    }

    @Test func nonzeroAndEvenOddDifferWhereShapesOverlap() throws {
        // Two squares, wound the same way, overlapping in the middle (and a ring: a square with a
        // square hole wound the other way, which both rules leave empty).
        let squares = [(0.0, 0.0), (6, 0), (6, 6), (0, 6), (0, 0), (4, 4), (10, 4), (10, 10), (4, 10), (4, 4)]
        let nonZero = try Self.draw([Self.polygon(squares)], width: 12, height: 12)
        let evenOdd = try Self.draw([Self.polygon(squares, rule: .evenOdd)], width: 12, height: 12)
        #expect(Self.gray(nonZero, 5, 5) == 0)
        #expect(Self.gray(evenOdd, 5, 5) == 255)
        #expect(Self.gray(nonZero, 1, 1) == 0 && Self.gray(evenOdd, 1, 1) == 0)
        #expect(Self.gray(nonZero, 8, 8) == 0 && Self.gray(evenOdd, 8, 8) == 0)
        #expect(Self.gray(nonZero, 1, 8) == 255 && Self.gray(evenOdd, 1, 8) == 255)
    }

    @Test func dashedStrokesFollowThePattern() throws {
        // A 2-pixel line along row 4…6, dashed 4 on, 4 off from x = 0.
        var path = RasterPath(scale: 1)
        path.move(Point(x: 0, y: 5))
        path.line(Point(x: 32, y: 5))
        let figure = RasterFigure(geometry: .stroke(path, StrokeStyle(width: 2, dash: [4, 4])), color: RasterColor(red: 0, green: 0, blue: 0),
                                  top: 0, bottom: 10)
        let image = try Self.draw([figure], width: 32, height: 10)
        let row = (0..<32).map { Self.gray(image, $0, 4) }
        #expect(row == (0..<32).map { $0 % 8 < 4 ? 0 : 255 }, "\(row)")
        #expect((0..<32).allSatisfy { Self.gray(image, $0, 3) == 255 && Self.gray(image, $0, 6) == 255 })
    }

    @Test func strokedCornersHaveNoGapsAndRingsNoFill() throws {
        // A square outline 3 pixels wide: solid all round, corners included (mitred), hollow inside.
        var path = RasterPath(scale: 1)
        path.rectangle(Rect(x: 4, y: 4, width: 12, height: 12), radius: 0)
        let figure = RasterFigure(geometry: .stroke(path, StrokeStyle(width: 3, dash: nil)), color: RasterColor(red: 0, green: 0, blue: 0),
                                  top: 0, bottom: 20)
        let image = try Self.draw([figure], width: 20, height: 20)
        #expect(Self.gray(image, 3, 3) == 0, "the outer corner")
        #expect(Self.gray(image, 4, 4) == 0, "the corner itself")
        #expect(Self.gray(image, 5, 5) == 0, "the inner corner")
        #expect(Self.gray(image, 10, 3) == 0 && Self.gray(image, 16, 10) == 0)
        #expect(Self.gray(image, 10, 10) == 255, "hollow")
        #expect(Self.gray(image, 1, 1) == 255)
        // Half-covered edge pixels: the outline runs from 2.5 to 5.5.
        #expect(abs(Self.gray(image, 2, 10) - 128) <= 1 && abs(Self.gray(image, 5, 10) - 128) <= 1)
    }

    @Test func translucentPaintIsCompositedOverWhatIsBelow() throws {
        var path = RasterPath(scale: 1)
        path.rectangle(Rect(x: 0, y: 0, width: 4, height: 4), radius: 0)
        let figure = RasterFigure(geometry: .fill(path), color: RasterColor(red: 0, green: 0, blue: 0, opacity: 0.25), top: 0, bottom: 4)
        let image = try Self.draw([figure, figure], width: 4, height: 4)
        // 255 × 0.75 × 0.75, two layers of a quarter black.
        #expect(abs(Self.gray(image, 1, 1) - 143) <= 1)
    }

    // MARK: - Text

    @Test func textIsDrawnWithTheGivenFaceAtItsAnchor() throws {
        // "A" in the built font is a triangle 500 units wide on the baseline: at 20 pixels, 10 wide
        // and 14 tall, from x = 10 (start), and its advance is 12 pixels.
        let start = try DecodedPNG(decoding: try PNGWriter.write(Self.textScene("A"), options: PNGOptions(fonts: try Self.builtFonts())))
        let ink = try #require(RasterColor(Theme.light.textColor(.interactionLabel)))
        #expect(start.rgb(x: 15, y: 28).red == ink.red, "inside the triangle")
        #expect(start.rgb(x: 8, y: 28).red == 255 && start.rgb(x: 22, y: 28).red == 255, "either side of it")
        // Anchored at its end (190), the 12-pixel advance puts it at 178 … 188.
        let end = try DecodedPNG(decoding: try PNGWriter.write(Self.textScene("A", alignment: .end), options: PNGOptions(fonts: try Self.builtFonts())))
        #expect(end.rgb(x: 183, y: 28).red == ink.red)
        #expect(end.rgb(x: 15, y: 28).red == 255)
    }

    @Test func boldLabelsUseTheBoldFace() throws {
        // A "bold" face whose "A" is a box: where the box is and the triangle is not tells which
        // face drew the label.
        var file = TestFontFile.sample()
        file.glyphs[1] = file.glyphs[0]
        let bold = try TrueTypeFont(bytes: file.bytes())
        let fonts = PNGFonts(regular: try Self.builtFonts().regular, bold: bold)
        let corner = (x: 12, y: 18)  // top left of the box (50…450 × 0…700 units), outside the triangle
        let regular = try DecodedPNG(decoding: try PNGWriter.write(Self.textScene("A"), options: PNGOptions(fonts: fonts)))
        let boldImage = try DecodedPNG(decoding: try PNGWriter.write(Self.textScene("A", weight: .bold), options: PNGOptions(fonts: fonts)))
        #expect(regular.rgb(x: corner.x, y: corner.y).red == 255)
        #expect(boldImage.rgb(x: corner.x, y: corner.y).red < 100)
    }

    @Test func aCharacterTheFaceLacksTakesTheLayoutsWidthAndDrawsItsBox() throws {
        // "Z" is not in the built font: it is drawn as glyph 0 (the box) and takes the layout's
        // width for it, so the "A" after it moves right by that much.
        let scene = Self.textScene("ZA")
        let image = try DecodedPNG(decoding: try PNGWriter.write(scene, options: PNGOptions(fonts: try Self.builtFonts())))
        let width = TextMetrics(safetyFactor: 1).width(of: "Z", size: 20)
        #expect(image.rgb(x: 12, y: 18).red < 100, "the box")
        #expect(image.rgb(x: Int(10 + width + 5), y: 28).red < 100, "the triangle after it")
    }

    @Test(arguments: [
        ("Checkout → Payments", "Checkout → Payments"),
        ("API שלום", "API םולש"),
        ("שלום 123", "123 םולש"),
        ("שלום עולם — end", "םלוע םולש — end"),
        ("(שלום)", "(םולש)"),
        ("a שלום (x) עולם b", "a םולש (x) םלוע b"),
        ("שלום (עולם) טוב", "בוט (םלוע) םולש"),
        ("שלום [עולם]", "[םלוע] םולש"),
    ])
    func rightToLeftRunsAreDrawnRightToLeft(_ logical: String, _ drawn: String) {
        #expect(PNGBidi.visualOrder(logical) == drawn)
    }
}
