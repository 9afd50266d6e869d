// Just enough of a TrueType reader to check the generated width table against the font itself:
// the table directory, `head` (units per em), `hhea` (vertical metrics, advance count), `hmtx`
// (advances) and a format-4 `cmap` subtable (the Basic Multilingual Plane, which is all that
// Liberation Sans maps). The generator script uses fontTools; reading the file a second,
// independent way catches a generator bug or a stale committed table.

import Foundation

struct TrueTypeFont {
    struct Invalid: Error, CustomStringConvertible {
        var description: String
    }

    let unitsPerEm: Int
    let ascent: Int
    /// Positive, as Baton stores it (`hhea` stores it negative).
    let descent: Int
    let lineGap: Int
    /// Advance width in font units of every code point the font maps.
    let advances: [UInt32: Int]

    init(contentsOf url: URL) throws {
        let bytes = [UInt8](try Data(contentsOf: url))
        func u16(_ at: Int) -> Int { Int(bytes[at]) << 8 | Int(bytes[at + 1]) }
        func i16(_ at: Int) -> Int { Int(Int16(bitPattern: UInt16(u16(at)))) }
        func u32(_ at: Int) -> Int { u16(at) << 16 | u16(at + 2) }

        var tables: [String: Int] = [:]
        let tableCount = u16(4)
        for i in 0..<tableCount {
            let record = 12 + 16 * i
            let tag = String(decoding: bytes[record..<record + 4], as: UTF8.self)
            tables[tag] = u32(record + 8)
        }
        guard let head = tables["head"], let hhea = tables["hhea"], let hmtx = tables["hmtx"], let cmap = tables["cmap"]
        else { throw Invalid(description: "missing a required table") }

        unitsPerEm = u16(head + 18)
        ascent = i16(hhea + 4)
        descent = -i16(hhea + 6)
        lineGap = i16(hhea + 8)
        let metricCount = u16(hhea + 34)
        func advance(glyph: Int) -> Int {
            u16(hmtx + 4 * min(glyph, metricCount - 1))  // glyphs past the last metric repeat it
        }

        var subtable: Int?
        for i in 0..<u16(cmap + 2) {
            let record = cmap + 4 + 8 * i
            if u16(record) == 3, u16(record + 2) == 1 {  // Windows, Unicode BMP
                subtable = cmap + u32(record + 4)
            }
        }
        guard let format4 = subtable, u16(format4) == 4 else { throw Invalid(description: "no format-4 cmap") }
        let segmentCount = u16(format4 + 6) / 2
        let ends = format4 + 14
        let starts = ends + 2 * segmentCount + 2
        let deltas = starts + 2 * segmentCount
        let rangeOffsets = deltas + 2 * segmentCount
        var advances: [UInt32: Int] = [:]
        for segment in 0..<segmentCount {
            let start = u16(starts + 2 * segment)
            let end = u16(ends + 2 * segment)
            let delta = u16(deltas + 2 * segment)
            let rangeOffset = u16(rangeOffsets + 2 * segment)
            guard start != 0xFFFF else { continue }
            for codePoint in start...end {
                var glyph: Int
                if rangeOffset == 0 {
                    glyph = (codePoint + delta) & 0xFFFF
                } else {
                    let address = rangeOffsets + 2 * segment + rangeOffset + 2 * (codePoint - start)
                    glyph = u16(address)
                    if glyph != 0 { glyph = (glyph + delta) & 0xFFFF }
                }
                if glyph != 0 {
                    advances[UInt32(codePoint)] = advance(glyph: glyph)
                }
            }
        }
        self.advances = advances
    }
}
