/// Text measurement without a font engine: widths and vertical metrics of Arial-compatible text.
///
/// Baton must size boxes around labels at compile time, with no browser, no FreeType and no
/// fontconfig (docs/rendering.md#what-the-svg-guarantees, "Text that fits"). It therefore
/// measures with a built-in table of Liberation Sans advance widths — Liberation Sans is
/// metric-compatible with Arial and Helvetica, and fontconfig resolves `Arial` to it on Linux —
/// and the SVG renderer must emit `fontFamily` so that viewers draw with the font that was
/// measured. (Plain `sans-serif` often resolves to DejaVu Sans,
/// about 14% wider.) `textLength` cannot rescue a wrong estimate: librsvg ignores it.
///
/// Measurement is a pure function of the string: the same text gives the same width on every
/// machine. Kerning is ignored, which overestimates slightly (Liberation Sans' kerning pairs
/// mostly tighten), and `safetyFactor` adds a margin on top for the differences that remain
/// between renderers (see `defaultSafetyFactor`).
public struct TextMetrics: Sendable, Hashable {
    /// The `font-family` to emit with text measured by these metrics: Arial where installed,
    /// Helvetica on macOS, Liberation Sans (same advances) on Linux, and only then the generic.
    public static let fontFamily = "Arial, Helvetica, 'Liberation Sans', sans-serif"

    /// The multiplier `width(of:size:weight:)` applies to the sum of advances by default: 4%.
    ///
    /// Measured against librsvg 2.54 on Liberation Sans, the summed advances already cover the
    /// inked width (ink is narrower by the outer side bearings). The margin is for what the
    /// table cannot see: browsers rounding each glyph's advance to whole pixels when hinting
    /// (up to half a pixel per glyph, most visible at small sizes), Arial and Helvetica not
    /// being exactly Liberation Sans for every non-ASCII glyph, and fallback fonts for
    /// characters the table lacks. A wider margin makes every box visibly loose.
    public static let defaultSafetyFactor = 1.04

    /// The multiplier applied to every width; 1 gives the font's exact advance widths.
    public var safetyFactor: Double

    let regular: FontFace
    let bold: FontFace

    /// Metrics of Liberation Sans / Arial, with widths multiplied by `safetyFactor`.
    public init(safetyFactor: Double = TextMetrics.defaultSafetyFactor) {
        self.safetyFactor = safetyFactor
        self.regular = .liberationSansRegular
        self.bold = .liberationSansBold
    }

    /// The width of `text` drawn on one line at `size` pixels (the CSS `font-size`), including
    /// `safetyFactor`. SVG collapses white space, but this measures the string as given:
    /// collapse runs of spaces first if the text may contain them.
    public func width(of text: String, size: Double, weight: FontWeight = .regular) -> Double {
        let face = self.face(weight)
        var units = 0
        for character in text {
            units += face.units(of: character)
        }
        return scaled(units, face: face, size: size)
    }

    /// The distance between the baselines of consecutive lines: the font's ascent + descent +
    /// line gap (1.149 em), which is what browsers use for `line-height: normal`.
    public func lineHeight(size: Double) -> Double {
        Double(regular.ascent + regular.descent + regular.lineGap) * size / Double(regular.unitsPerEm)
    }

    /// The height of the font's ascent above the baseline (0.905 em). The first baseline of a
    /// block of lines whose top is at `y` sits at `y + ascent(size:)` (plus half the line gap,
    /// to match a browser's `line-height: normal` box).
    public func ascent(size: Double) -> Double {
        Double(regular.ascent) * size / Double(regular.unitsPerEm)
    }

    /// The depth of the font's descent below the baseline (0.212 em), as a positive number.
    public func descent(size: Double) -> Double {
        Double(regular.descent) * size / Double(regular.unitsPerEm)
    }

    /// The height of capital letters (0.688 em). To centre a line of text on `y`, put its
    /// baseline at `y + capHeight(size:) / 2` — explicit arithmetic instead of
    /// `dominant-baseline`, which renderers implement differently.
    public func capHeight(size: Double) -> Double {
        Double(regular.capHeight) * size / Double(regular.unitsPerEm)
    }

    func face(_ weight: FontWeight) -> FontFace {
        switch weight {
        case .regular: regular
        case .bold: bold
        }
    }

    /// Pixels for `units` font units of `face` at `size`, with the safety factor.
    func scaled(_ units: Int, face: FontFace, size: Double) -> Double {
        Double(units) * size / Double(face.unitsPerEm) * safetyFactor
    }
}
