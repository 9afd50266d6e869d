/// One face of the built-in font (Liberation Sans Regular or Bold): its advance widths and the
/// vertical metrics needed to place baselines, all in font units.
///
/// Everything is kept in integer font units and only scaled to pixels at the end, so the width
/// of a string is exactly the sum of the widths of its parts; word wrapping relies on that.
struct FontFace: Sendable, Hashable {
    /// Font units per em (2048 for Liberation Sans).
    let unitsPerEm: Int
    /// Distance from the baseline up to the top of the line box (`hhea.ascender`).
    let ascent: Int
    /// Distance from the baseline down to the bottom of the line box (`hhea.descender`, positive).
    let descent: Int
    /// Extra space browsers add between lines for `line-height: normal` (`hhea.lineGap`).
    let lineGap: Int
    /// Height of capital letters (`OS/2.sCapHeight`), for centring a line on a point.
    let capHeight: Int
    /// Height of lowercase letters (`OS/2.sxHeight`).
    let xHeight: Int
    /// The font's own average advance (`OS/2.xAvgCharWidth`), used for characters it lacks.
    let averageAdvance: Int
    /// Advances of every code point the font maps.
    let advances: AdvanceTable

    /// The width of `character` (one grapheme cluster) in font units.
    ///
    /// Characters the font lacks are drawn by some fallback font we cannot know, so they get a
    /// policy rather than a measurement:
    /// - East Asian Wide and Fullwidth characters (CJK, kana, Hangul) and emoji: one em, because
    ///   every CJK and emoji font draws them on a square body.
    /// - Combining marks (`Mn`, `Me`), format characters (`Cf`: joiners, bidi controls) and
    ///   control characters: zero, since they draw on or between their neighbours; a tab
    ///   counts as a space because SVG turns tabs into spaces.
    /// - Anything else (Arabic, Devanagari, Thai, ...): the font's average advance.
    ///
    /// A cluster that renders as one emoji (a flag, a ZWJ family, a skin-tone or keycap
    /// sequence) or starts with a wide character is one em in total, not one per scalar.
    func units(of character: Character) -> Int {
        let scalars = character.unicodeScalars
        var iterator = scalars.makeIterator()
        guard let first = iterator.next() else { return 0 }
        guard iterator.next() != nil else { return units(of: first) }
        if Self.isWide(first) && advances.advance(of: first) == nil {
            return unitsPerEm
        }
        if first.properties.isEmoji && scalars.contains(where: Self.makesEmojiSequence) {
            return unitsPerEm
        }
        var total = 0
        for scalar in scalars {
            total += units(of: scalar)
        }
        return total
    }

    /// The width of a lone scalar in font units, following the policy of `units(of:)`.
    func units(of scalar: Unicode.Scalar) -> Int {
        if let advance = advances.advance(of: scalar) {
            return advance
        }
        if scalar == "\t" {
            return advances.advance(of: " ") ?? averageAdvance
        }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format, .control:
            return 0
        default:
            break
        }
        if Self.isWide(scalar) || scalar.properties.isEmojiPresentation {
            return unitsPerEm
        }
        return averageAdvance
    }

    /// Whether a fallback font will draw `scalar` about one em wide: East Asian Wide or
    /// Fullwidth, or a regional indicator (half of a flag; East_Asian_Width calls them neutral,
    /// but every emoji font draws them square).
    static func isWide(_ scalar: Unicode.Scalar) -> Bool {
        let codePoint = scalar.value
        if codePoint < 0x1100 { return false }  // nothing below Hangul Jamo is wide
        if (0x1F1E6...0x1F1FF).contains(codePoint) { return true }
        guard let range = AdvanceTable.lastIndex(in: EastAsianWideRanges.starts, notAbove: codePoint)
        else { return false }
        return codePoint <= EastAsianWideRanges.ends[range]
    }

    /// Scalars that glue an emoji cluster into one glyph: the emoji variation selector, the
    /// zero-width joiner, the combining keycap, skin-tone modifiers and tag characters.
    static func makesEmojiSequence(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0xFE0F, 0x200D, 0x20E3, 0x1F3FB...0x1F3FF, 0xE0020...0xE007F: true
        default: false
        }
    }
}
