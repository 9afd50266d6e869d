// A TrueType font, read by Baton itself so that `--to png` draws text with no font library:
// the table directory and the tables that turn characters into outlines — `head` (units per
// em, the `loca` format), `hhea` and `hmtx` (advance widths), `maxp` (the glyph count), `cmap`
// (characters to glyphs, formats 4 and 12), `loca` and `glyf` (outlines, composite glyphs
// included) and, when present, `kern` (pair kerning, format 0).
//
// Every count and offset in the file is checked against the file before it is used, and every
// loop is bounded by the bytes it reads, so a truncated or hostile file gives a `FontError`.
// Hinting instructions are skipped: the rasteriser draws outlines unhinted, as librsvg does.

public struct TrueTypeFont: Sendable {
    /// Font units per em: outlines and advances are in these units.
    public let unitsPerEm: Int
    /// `hhea` ascender and descender (the descender negative, as stored).
    public let ascender: Int
    public let descender: Int
    public let glyphCount: Int
    /// The advance width of every glyph, in font units.
    let advances: [Int]
    /// Where each glyph's outline lies in `glyf` (glyphCount + 1 offsets, relative to it).
    let glyphOffsets: [Int]
    let glyf: (offset: Int, length: Int)
    let characters: CharacterMap
    let kerning: KerningPairs
    let data: FontData

    /// The sfnt versions of a font with TrueType outlines: 1.0, and Apple's `true`.
    static let trueTypeVersions: Set<Int> = [0x0001_0000, 0x7472_7565]

    public init(bytes: [UInt8]) throws(FontError) {
        let data = FontData(bytes: bytes)
        self.data = data
        guard data.count >= 12 else { throw FontError("too short to be a font (\(data.count) bytes)") }
        var start = 0
        let tag = try data.u32(0)
        if tag == 0x7474_6366 {  // "ttcf": a collection; the first font in it
            guard try data.u32(8) >= 1 else { throw FontError("a font collection with no fonts") }
            start = try data.u32(12)
        }
        let version = try data.u32(start)
        if version == 0x4F54_544F {  // "OTTO"
            throw FontError("it has PostScript (CFF) outlines; Baton reads TrueType outlines (a .ttf file)")
        }
        guard Self.trueTypeVersions.contains(version) else { throw FontError("not a TrueType font (it does not start like one)") }
        let tables = try Self.tableDirectory(data, at: start)
        func table(_ name: String) throws(FontError) -> (offset: Int, length: Int) {
            guard let found = tables.first(where: { $0.tag == name }) else { throw FontError("it has no '\(name)' table") }
            return (found.offset, found.length)
        }

        let head = try table("head")
        guard head.length >= 54, try data.u32(head.offset + 12) == 0x5F0F_3CF5 else { throw FontError("its 'head' table is damaged") }
        unitsPerEm = try data.u16(head.offset + 18)
        guard (16...16384).contains(unitsPerEm) else { throw FontError("its units per em (\(unitsPerEm)) are outside 16…16384") }
        let longOffsets = try data.i16(head.offset + 50)
        guard longOffsets == 0 || longOffsets == 1 else { throw FontError("its 'head' table names an unknown 'loca' format") }

        let maxp = try table("maxp")
        guard maxp.length >= 6 else { throw FontError("its 'maxp' table is too short") }
        glyphCount = try data.u16(maxp.offset + 4)
        guard glyphCount >= 1 else { throw FontError("it has no glyphs") }

        let hhea = try table("hhea")
        guard hhea.length >= 36 else { throw FontError("its 'hhea' table is too short") }
        ascender = try data.i16(hhea.offset + 4)
        descender = try data.i16(hhea.offset + 6)
        let metricCount = try data.u16(hhea.offset + 34)
        guard metricCount >= 1, metricCount <= glyphCount else { throw FontError("its 'hhea' table counts \(metricCount) advance widths for \(glyphCount) glyphs") }
        let hmtx = try table("hmtx")
        guard hmtx.length >= 4 * metricCount else { throw FontError("its 'hmtx' table is too short") }
        var advances: [Int] = []
        advances.reserveCapacity(glyphCount)
        for index in 0..<metricCount { advances.append(try data.u16(hmtx.offset + 4 * index)) }
        // Glyphs past the last metric share its advance.
        advances.append(contentsOf: repeatElement(advances[metricCount - 1], count: glyphCount - metricCount))
        self.advances = advances

        let loca = try table("loca")
        glyf = try table("glyf")
        let entry = longOffsets == 1 ? 4 : 2
        guard loca.length >= entry * (glyphCount + 1) else { throw FontError("its 'loca' table is too short for \(glyphCount) glyphs") }
        var offsets: [Int] = []
        offsets.reserveCapacity(glyphCount + 1)
        for index in 0...glyphCount {
            offsets.append(longOffsets == 1 ? try data.u32(loca.offset + 4 * index) : 2 * (try data.u16(loca.offset + 2 * index)))
        }
        glyphOffsets = offsets

        characters = try CharacterMap(data, table: try table("cmap"), glyphCount: glyphCount)
        // Kerning only improves spacing: a damaged 'kern' table is left out, not an error.
        if let kern = tables.first(where: { $0.tag == "kern" }) {
            kerning = (try? KerningPairs(data, offset: kern.offset, length: kern.length)) ?? KerningPairs()
        } else {
            kerning = KerningPairs()
        }
    }

    struct TableRecord {
        var tag: String
        var offset: Int
        var length: Int
    }

    /// The table records, each checked to lie inside the file.
    static func tableDirectory(_ data: FontData, at start: Int) throws(FontError) -> [TableRecord] {
        let count = try data.u16(start + 4)
        guard data.contains(start + 12, length: 16 * count) else { throw FontError("its table directory is cut short") }
        var tables: [TableRecord] = []
        for index in 0..<count {
            let record = start + 12 + 16 * index
            var tag = ""
            for byte in 0..<4 { tag.unicodeScalars.append(Unicode.Scalar(UInt8(try data.u8(record + byte)))) }
            let offset = try data.u32(record + 8), length = try data.u32(record + 12)
            guard data.contains(offset, length: length) else { throw FontError("its '\(tag)' table lies outside the file") }
            tables.append(TableRecord(tag: tag, offset: offset, length: length))
        }
        return tables
    }

    /// The glyph that draws `scalar`, or nil when the font has none for it.
    public func glyph(for scalar: Unicode.Scalar) -> Int? {
        characters.glyph(for: scalar.value)
    }

    /// The advance width of `glyph`, in font units.
    public func advance(of glyph: Int) -> Int {
        advances.indices.contains(glyph) ? advances[glyph] : 0
    }

    /// The kerning between two glyphs drawn one after the other, in font units (usually negative).
    public func kerning(_ left: Int, _ right: Int) -> Int {
        kerning.value(left, right)
    }

    /// The outline of `glyph`: its contours in font units, y up, composite glyphs resolved.
    public func outline(of glyph: Int) throws(FontError) -> GlyphOutline {
        var budget = GlyphOutline.pointBudget
        let outline = try GlyphOutline.read(self, glyph: glyph, depth: 0, budget: &budget)
        let reach = Double(8 * unitsPerEm)
        for contour in outline.contours {
            for point in contour where abs(point.x) > reach || abs(point.y) > reach {
                throw FontError("glyph \(glyph) reaches more than 8 em from its origin")
            }
        }
        return outline
    }
}
