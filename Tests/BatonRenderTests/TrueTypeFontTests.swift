import BatonLayout
@testable import BatonRender
import BatonTestSupport
import BatonWorkload
import Foundation
import Testing

/// The TrueType reader behind `--to png`: the tables it reads, on a font built here and on the
/// system's Liberation Sans, and its behaviour on damaged and hostile files.
@Suite struct TrueTypeFontTests {
    static let liberationDirectory = "/usr/share/fonts/truetype/liberation2/"

    static func liberation(_ file: String = "LiberationSans-Regular.ttf") throws -> [UInt8] {
        let url = try ExternalProgram.requireFile(liberationDirectory + file, package: "fonts-liberation2")
        return [UInt8](try Data(contentsOf: url))
    }

    // MARK: - A font built in the test

    @Test(arguments: [(false, false), (true, false), (false, true), (true, true)])
    func readsTheTablesOfABuiltFont(format12: Bool, longLoca: Bool) throws {
        let font = try TrueTypeFont(bytes: TestFontFile.sample(format12: format12, longLoca: longLoca).bytes())
        #expect(font.unitsPerEm == 1000)
        #expect(font.ascender == 800)
        #expect(font.descender == -200)
        #expect(font.glyphCount == 5)
        #expect(font.glyph(for: "A") == 1)
        #expect(font.glyph(for: "B") == 2)
        #expect(font.glyph(for: " ") == 4)
        #expect(font.glyph(for: "Z") == nil, "unmapped")
        #expect(font.glyph(for: "😀") == (format12 ? 1 : nil), "only format 12 reaches beyond the BMP")
        #expect(font.advance(of: 2) == 900)
        #expect(font.kerning(1, 1) == -100)
        #expect(font.kerning(1, 2) == 0)
    }

    @Test func readsSimpleAndCompositeOutlines() throws {
        let font = try TrueTypeFont(bytes: TestFontFile.sample().bytes())
        let triangle = try font.outline(of: 1)
        #expect(triangle.contours.count == 1)
        #expect(triangle.contours[0].map(\.onCurve) == [true, true, false])
        #expect(triangle.contours[0].map { [$0.x, $0.y] } == [[0, 0], [500, 0], [250, 700]])
        // The composite: the triangle, then the triangle at half size, 600 units to the right.
        let pair = try font.outline(of: 2)
        #expect(pair.contours.count == 2)
        #expect(pair.contours[1].map { [$0.x, $0.y] } == [[600, 0], [850, 0], [725, 350]])
        // Point matching: the second triangle's point 0 lands on the first one's point 1.
        let matched = try font.outline(of: 3)
        #expect(matched.contours[1].map { [$0.x, $0.y] } == [[500, 0], [1000, 0], [750, 700]])
        #expect(try font.outline(of: 4).contours.isEmpty, "the space has no outline")
    }

    @Test func compositesThatNestTooDeepAreRefused() throws {
        var file = TestFontFile.sample()
        // Glyph 3 uses itself: without a depth limit this would never end.
        file.glyphs[3] = .composite([TestFontFile.Component(glyph: 3)])
        let font = try TrueTypeFont(bytes: file.bytes())
        #expect(throws: FontError.self) { try font.outline(of: 3) }
        #expect(try font.outline(of: 1).contours.count == 1, "the other glyphs are still read")
    }

    @Test func fansOfEmptyComponentsAreBounded() throws {
        var file = TestFontFile.sample()
        // Each level uses the next level 200 times: 200⁸ visits unless components are counted.
        file.glyphs = (0..<9).map { level in
            level == 8 ? .empty : .composite(Array(repeating: TestFontFile.Component(glyph: level + 1), count: 200))
        }
        file.advances = Array(repeating: 500, count: 9)
        file.characters = [(0x41, 0)]
        file.kerning = []
        let font = try TrueTypeFont(bytes: file.bytes())
        let started = Date()
        #expect(throws: FontError.self) { try font.outline(of: 0) }
        #expect(Date().timeIntervalSince(started) < 5)
    }

    @Test(arguments: [
        ([UInt8](), "too short"),
        (Array("OTTO........".utf8), "PostScript"),
        (Array("<svg></svg>.".utf8), "not a TrueType font"),
    ])
    func filesThatAreNoTrueTypeAreNamedSo(_ bytes: [UInt8], _ reason: String) throws {
        let error = try #require(throws: FontError.self) { try TrueTypeFont(bytes: bytes) }
        #expect(error.message.contains(reason), "\(error.message)")
    }

    @Test func aMissingTableIsNamed() throws {
        var bytes = TestFontFile.sample().bytes()
        // Rename "glyf" in the directory (the second table record).
        bytes[12 + 16] = UInt8(ascii: "x")
        let error = try #require(throws: FontError.self) { try TrueTypeFont(bytes: bytes) }
        #expect(error.message == "it has no 'glyf' table")
    }

    // MARK: - Liberation Sans

    @Test(.requires(file: liberationDirectory + "LiberationSans-Regular.ttf"),
          .requires(file: liberationDirectory + "LiberationSans-Bold.ttf"),
          arguments: [(FontWeight.regular, "LiberationSans-Regular.ttf"), (.bold, "LiberationSans-Bold.ttf")])
    func advancesAreTheLayoutsWidths(_ weight: FontWeight, _ file: String) throws {
        let font = try TrueTypeFont(bytes: try Self.liberation(file))
        #expect(font.unitsPerEm == 2048)
        // The layout's built-in table and the font agree, character by character.
        let metrics = TextMetrics(safetyFactor: 1)
        for text in ["Hello, world", "Checkout → Payments", "ÅÉÎÕÜ åéîõü ß", "0123456789 %&@"] {
            var units = 0
            for scalar in text.unicodeScalars {
                let glyph = try #require(font.glyph(for: scalar), "\(scalar) is in Liberation Sans")
                units += font.advance(of: glyph)
            }
            let fromFont = Double(units) * 20 / 2048
            #expect(abs(fromFont - metrics.width(of: text, size: 20, weight: weight)) < 1e-9, "\(text)")
        }
    }

    @Test(.requires(file: liberationDirectory + "LiberationSans-Regular.ttf"))
    func everyGlyphOfLiberationSansIsRead() throws {
        let font = try TrueTypeFont(bytes: try Self.liberation())
        var composites = 0, points = 0
        for glyph in 0..<font.glyphCount {
            let outline = try font.outline(of: glyph)
            points += outline.contours.reduce(0) { $0 + $1.count }
            if outline.contours.count > 1 { composites += 1 }
        }
        #expect(points > 50_000)
        #expect(composites > 500)
        // "AV" is a kerning pair; "é" comes from a composite of "e" and the acute accent.
        let a = try #require(font.glyph(for: "A")), v = try #require(font.glyph(for: "V"))
        #expect(font.kerning(a, v) < 0)
        let e = try #require(font.glyph(for: "e")), eAcute = try #require(font.glyph(for: "é"))
        #expect(try font.outline(of: eAcute).contours.count == (try font.outline(of: e).contours.count) + 1)
    }

    // MARK: - Damaged and hostile fonts

    /// Seeded mutations of real and built fonts: every one is either read or refused with a
    /// `FontError` — and when read, every glyph can be asked for and a line of text drawn —
    /// with no crash and no runaway loop.
    @Test func mutatedFontsAreReadOrRefusedNeverCrash() throws {
        var originals = [TestFontFile.sample().bytes(), TestFontFile.sample(format12: true, longLoca: true).bytes()]
        if FileManager.default.isReadableFile(atPath: Self.liberationDirectory + "LiberationSans-Regular.ttf") || ExternalProgram.isCI {
            originals.append(try Self.liberation())
        }
        var random = SplitMix64(seed: 14)
        var refused = 0, read = 0
        let started = Date()
        for iteration in 0..<600 {
            let original = originals[iteration % originals.count]
            let mutated = Self.mutate(original, &random)
            let font: TrueTypeFont
            do {
                font = try TrueTypeFont(bytes: mutated)
            } catch {
                refused += 1
                continue
            }
            read += 1
            for scalar in "AVé ☺😀".unicodeScalars { _ = font.glyph(for: scalar) }
            // Every glyph of the small fonts; a sample of the big one.
            let glyphs = font.glyphCount <= 16 ? Array(0..<font.glyphCount) : (0..<64).map { _ in Int(random.next() % UInt64(font.glyphCount)) }
            for glyph in glyphs {
                _ = try? font.outline(of: glyph)
                _ = font.advance(of: glyph)
            }
            _ = try? PNGWriter.write(PNGWriterTests.textScene("AVé BA C ☺"), options: PNGOptions(fonts: PNGFonts(regular: font)))
        }
        #expect(refused > 50, "the mutations damage structures the reader checks")
        #expect(read > 50, "and many leave a readable font")
        #expect(Date().timeIntervalSince(started) < 120)
    }

    /// One seeded mutation: bytes overwritten in the table directory or at the start of a table
    /// (where counts and offsets live), bytes flipped anywhere, or the file cut short.
    static func mutate(_ bytes: [UInt8], _ random: inout SplitMix64) -> [UInt8] {
        var out = bytes
        func index(below limit: Int) -> Int { Int(random.next() % UInt64(max(1, limit))) }
        switch random.next() % 4 {
        case 0:
            let tableCount = Int(bytes[4]) << 8 | Int(bytes[5])
            for _ in 0..<1 + index(below: 4) { out[index(below: 12 + 16 * tableCount)] = UInt8(truncatingIfNeeded: random.next()) }
        case 1:
            let tableCount = Int(bytes[4]) << 8 | Int(bytes[5])
            let record = 12 + 16 * index(below: tableCount)
            let offset = Int(bytes[record + 8]) << 24 | Int(bytes[record + 9]) << 16 | Int(bytes[record + 10]) << 8 | Int(bytes[record + 11])
            for _ in 0..<1 + index(below: 6) {
                let at = min(bytes.count - 1, offset + index(below: 64))
                out[at] = UInt8(truncatingIfNeeded: random.next())
            }
        case 2:
            for _ in 0..<1 + index(below: 32) { out[index(below: bytes.count)] ^= UInt8(truncatingIfNeeded: random.next() | 1) }
        default:
            out = Array(bytes.prefix(index(below: bytes.count)))
        }
        return out
    }
}
