import BatonLayout
import BatonSyntax
import Foundation

/// Text blocks as glyphs of a TrueType face, one figure per line, placed as the SVG writer
/// places its `<text>`: the scene's baseline, anchored at start, middle or end by the width of
/// the line as drawn (advances plus pair kerning, as Pango measures it for librsvg).
///
/// The characters are the ones the SVG holds: line breaks and tabs are spaces, the characters
/// `ControlCharacters` hides are written out (`\u{202E}`), and text is composed first (`e` +
/// combining acute is the font's `é`). A character the face lacks takes the width the layout
/// gave it and is drawn as the face's missing-glyph box, except marks and format characters,
/// which take no room and draw nothing. Right-to-left runs are drawn right to left (`PNGBidi`).
enum PNGText {
    /// The layout's widths, without its safety margin: for characters the face lacks.
    static let metrics = TextMetrics(safetyFactor: 1)

    static func write(_ block: TextBlock, theme: Theme, fonts: PNGFonts, into canvas: inout PNGCanvas) {
        guard let color = RasterColor(theme.textColor(block.role)) else { return }
        let bold = block.weight == .bold
        let font = bold ? fonts.bold : fonts.regular
        let size = block.fontSize * canvas.scale
        guard size > 0, size.isFinite else { return }
        for (index, line) in block.lines.enumerated() {
            var (glyphs, width) = layout(PNGBidi.visualOrder(drawable(line)), font: font, size: size, weight: block.weight)
            guard !glyphs.isEmpty else { continue }
            let anchor = block.anchorX * canvas.scale
            let start: Double = switch block.alignment {
            case .start: anchor
            case .middle: anchor - width / 2
            case .end: anchor - width
            }
            for glyph in glyphs.indices { glyphs[glyph].x += start }
            let baseline = block.baseline(ofLine: index) * canvas.scale
            let run = GlyphRun(bold: bold, size: size, baseline: baseline, glyphs: glyphs)
            // Rows any glyph may reach: the font reader refuses outlines beyond 8 em. (Real
            // glyphs reach about one em; the edges give the exact rows once built.)
            let reach = 8 * size
            canvas.add(RasterFigure(geometry: .glyphs(run), color: color, top: baseline - reach, bottom: baseline + reach))
        }
    }

    /// The glyphs of one line with their origins (from 0), and the line's advance width.
    static func layout(_ line: String, font: TrueTypeFont, size: Double, weight: FontWeight) -> ([GlyphRun.Placed], Double) {
        let k = size / Double(font.unitsPerEm)
        var placed: [GlyphRun.Placed] = []
        var x = 0.0
        var previous: Int?
        for scalar in line.unicodeScalars {
            if let glyph = font.glyph(for: scalar) {
                if let previous { x += Double(font.kerning(previous, glyph)) * k }
                placed.append(GlyphRun.Placed(glyph: glyph, x: x))
                x += Double(font.advance(of: glyph)) * k
                previous = glyph
                continue
            }
            previous = nil
            let advance = metrics.width(of: String(Character(scalar)), size: size, weight: weight)
            switch scalar.properties.generalCategory {
            case .nonspacingMark, .enclosingMark, .format, .control, .lineSeparator, .paragraphSeparator:
                break
            default:
                placed.append(GlyphRun.Placed(glyph: 0, x: x))
            }
            x += advance
        }
        return (placed, x)
    }

    /// `line` as the SVG writer's escaping leaves it, composed.
    static func drawable(_ line: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in line.unicodeScalars {
            if scalar == "\n" || scalar == "\t" {
                out.append(" ")
            } else if ControlCharacters.isHidden(scalar) {
                out.append(contentsOf: ControlCharacters.written(scalar).unicodeScalars)
            } else if scalar.value == 0xFFFE || scalar.value == 0xFFFF {
                out.append("\u{FFFD}")
            } else {
                out.append(scalar)
            }
        }
        return String(out).precomposedStringWithCanonicalMapping
    }
}
