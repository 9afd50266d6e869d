// A small TrueType file built in the test, so that the font reader is tested on exactly the
// structures it must handle — cmap formats 4 and 12, short and long loca, simple and composite
// glyphs (offsets, scales, point matching), kern pairs — whether or not the machine has fonts.

import Foundation

struct TestFontFile {
    /// A glyph: a simple one from contours of (x, y, on-curve) points, or a composite.
    enum Glyph {
        case empty
        case simple([[(Int, Int, Bool)]])
        /// Components: glyph, flags-free description (offset or matched points, scale).
        case composite([Component])
    }

    struct Component {
        var glyph: Int
        var dx = 0, dy = 0
        /// Point matching instead of an offset: (the glyph's point so far, the component's point).
        var match: (Int, Int)?
        var scale: Double?
    }

    var unitsPerEm = 1000
    var glyphs: [Glyph]
    var advances: [Int]
    /// Character → glyph.
    var characters: [(UInt32, Int)]
    var format12 = false
    var longLoca = false
    var kerning: [(Int, Int, Int)] = []

    func bytes() -> [UInt8] {
        var tables: [(String, [UInt8])] = []
        let (glyf, loca) = glyphData()
        tables.append(("cmap", cmap()))
        tables.append(("glyf", glyf))
        tables.append(("head", head()))
        tables.append(("hhea", hhea()))
        tables.append(("hmtx", advances.flatMap { Self.u16($0) + Self.u16(0) }))
        if !kerning.isEmpty { tables.append(("kern", kern())) }
        tables.append(("loca", loca))
        tables.append(("maxp", Self.u32(0x0000_5000) + Self.u16(glyphs.count)))
        var out = Self.u32(0x0001_0000) + Self.u16(tables.count) + Self.u16(0) + Self.u16(0) + Self.u16(0)
        var offset = 12 + 16 * tables.count
        var bodies: [UInt8] = []
        for (tag, body) in tables {
            out += Array(tag.utf8) + Self.u32(0) + Self.u32(offset) + Self.u32(body.count)
            var padded = body
            while padded.count % 4 != 0 { padded.append(0) }
            bodies += padded
            offset += padded.count
        }
        return out + bodies
    }

    func head() -> [UInt8] {
        var head = Self.u32(0x0001_0000) + Self.u32(0x0001_0000) + Self.u32(0) + Self.u32(0x5F0F_3CF5)
        head += Self.u16(0) + Self.u16(unitsPerEm) + [UInt8](repeating: 0, count: 16)
        head += Self.u16(0) + Self.u16(0) + Self.u16(1000) + Self.u16(1000)  // bounding box
        head += Self.u16(0) + Self.u16(8) + Self.u16(2) + Self.u16(longLoca ? 1 : 0) + Self.u16(0)
        return head
    }

    func hhea() -> [UInt8] {
        var hhea = Self.u32(0x0001_0000) + Self.u16(800) + Self.u16(0x10000 - 200) + Self.u16(0)
        hhea += [UInt8](repeating: 0, count: 24)
        hhea += Self.u16(advances.count)
        return hhea
    }

    func glyphData() -> (glyf: [UInt8], loca: [UInt8]) {
        var glyf: [UInt8] = []
        var offsets: [Int] = []
        for glyph in glyphs {
            offsets.append(glyf.count)
            switch glyph {
            case .empty:
                break
            case .simple(let contours):
                glyf += Self.u16(contours.count) + [UInt8](repeating: 0, count: 8)
                var end = -1
                for contour in contours {
                    end += contour.count
                    glyf += Self.u16(end)
                }
                glyf += Self.u16(0)  // no instructions
                let points = contours.flatMap { $0 }
                for point in points { glyf.append(point.2 ? 1 : 0) }  // long coordinates, no repeats
                var x = 0
                for point in points {
                    glyf += Self.u16((point.0 - x) & 0xFFFF)
                    x = point.0
                }
                var y = 0
                for point in points {
                    glyf += Self.u16((point.1 - y) & 0xFFFF)
                    y = point.1
                }
            case .composite(let components):
                glyf += Self.u16(0xFFFF) + [UInt8](repeating: 0, count: 8)
                for (index, component) in components.enumerated() {
                    var flags = 0x0001  // word arguments
                    if component.match == nil { flags |= 0x0002 }
                    if component.scale != nil { flags |= 0x0008 }
                    if index < components.count - 1 { flags |= 0x0020 }
                    glyf += Self.u16(flags) + Self.u16(component.glyph)
                    if let match = component.match {
                        glyf += Self.u16(match.0) + Self.u16(match.1)
                    } else {
                        glyf += Self.u16(component.dx & 0xFFFF) + Self.u16(component.dy & 0xFFFF)
                    }
                    if let scale = component.scale { glyf += Self.u16(Int((scale * 16384).rounded()) & 0xFFFF) }
                }
            }
            while glyf.count % 4 != 0 { glyf.append(0) }
        }
        offsets.append(glyf.count)
        let loca = longLoca ? offsets.flatMap { Self.u32($0) } : offsets.flatMap { Self.u16($0 / 2) }
        return (glyf, loca)
    }

    func cmap() -> [UInt8] {
        let sorted = characters.sorted { $0.0 < $1.0 }
        let subtable: [UInt8]
        if format12 {
            var body = Self.u16(12) + Self.u16(0) + Self.u32(16 + 12 * sorted.count) + Self.u32(0) + Self.u32(sorted.count)
            for (character, glyph) in sorted { body += Self.u32(Int(character)) + Self.u32(Int(character)) + Self.u32(glyph) }
            subtable = body
        } else {
            // One segment per character (a delta each), then the closing 0xFFFF segment.
            let segments = sorted.map { (start: Int($0.0), end: Int($0.0), delta: ($0.1 - Int($0.0)) & 0xFFFF) } + [(start: 0xFFFF, end: 0xFFFF, delta: 1)]
            let count = segments.count
            var body = Self.u16(4) + Self.u16(16 + 8 * count) + Self.u16(0) + Self.u16(2 * count) + Self.u16(0) + Self.u16(0) + Self.u16(0)
            for segment in segments { body += Self.u16(segment.end) }
            body += Self.u16(0)
            for segment in segments { body += Self.u16(segment.start) }
            for segment in segments { body += Self.u16(segment.delta) }
            for _ in segments { body += Self.u16(0) }
            subtable = body
        }
        let (platform, encoding) = format12 ? (3, 10) : (3, 1)
        return Self.u16(0) + Self.u16(1) + Self.u16(platform) + Self.u16(encoding) + Self.u32(12) + subtable
    }

    func kern() -> [UInt8] {
        let pairs = kerning.sorted { ($0.0, $0.1) < ($1.0, $1.1) }
        var subtable = Self.u16(pairs.count) + Self.u16(0) + Self.u16(0) + Self.u16(0)
        for (left, right, value) in pairs { subtable += Self.u16(left) + Self.u16(right) + Self.u16(value & 0xFFFF) }
        return Self.u16(0) + Self.u16(1) + Self.u16(0) + Self.u16(6 + subtable.count) + Self.u16(0x0001) + subtable
    }

    static func u16(_ value: Int) -> [UInt8] { [UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF)] }
    static func u32(_ value: Int) -> [UInt8] { u16(value >> 16 & 0xFFFF) + u16(value & 0xFFFF) }

    /// A font with a box (.notdef), a triangle with a curved side ("A"), the triangle again at
    /// half size beside itself ("B", composite), "C" placed by point matching, and a space.
    static func sample(format12: Bool = false, longLoca: Bool = false) -> TestFontFile {
        let box: Glyph = .simple([[(50, 0, true), (450, 0, true), (450, 700, true), (50, 700, true)]])
        let triangle: Glyph = .simple([[(0, 0, true), (500, 0, true), (250, 700, false)]])
        let pair: Glyph = .composite([Component(glyph: 1), Component(glyph: 1, dx: 600, dy: 0, scale: 0.5)])
        let matched: Glyph = .composite([Component(glyph: 1), Component(glyph: 1, match: (1, 0))])
        return TestFontFile(
            glyphs: [box, triangle, pair, matched, .empty],
            advances: [500, 600, 900, 1100, 250],
            characters: [(0x41, 1), (0x42, 2), (0x43, 3), (0x20, 4)] + (format12 ? [(0x1F600, 1)] : []),
            format12: format12, longLoca: longLoca, kerning: [(1, 1, -100)])
    }
}
