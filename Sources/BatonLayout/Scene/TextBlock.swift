import BatonSyntax

/// One label: lines already wrapped and measured, in a box.
///
/// The box is exact for the metrics that measured it: `frame.width` is the widest line and
/// `frame.height` is `lines.count × lineHeight`. Renderers place each line's baseline with
/// `baseline(ofLine:)`, so they never need font metrics of their own.
public struct TextBlock: Hashable, Sendable {
    public enum Alignment: Hashable, Sendable {
        case start
        case middle
        case end
    }

    public var lines: [String]
    public var frame: Rect
    public var alignment: Alignment
    public var fontSize: Double
    public var weight: FontWeight
    public var role: StyleRole
    /// Distance between consecutive baselines.
    public var lineHeight: Double
    /// From the top of a line's box to its baseline.
    public var baselineOffset: Double

    public init(lines: [String], frame: Rect, alignment: Alignment, fontSize: Double, weight: FontWeight,
                role: StyleRole, lineHeight: Double, baselineOffset: Double) {
        self.lines = lines
        self.frame = frame
        self.alignment = alignment
        self.fontSize = fontSize
        self.weight = weight
        self.role = role
        self.lineHeight = lineHeight
        self.baselineOffset = baselineOffset
    }

    /// The x every line is anchored at (SVG's `text-anchor` start, middle or end).
    public var anchorX: Double {
        switch alignment {
        case .start: frame.minX
        case .middle: frame.midX
        case .end: frame.maxX
        }
    }

    /// The baseline of line `index` (0-based).
    public func baseline(ofLine index: Int) -> Double {
        frame.minY + Double(index) * lineHeight + baselineOffset
    }
}

/// A font size and weight, with the metrics that measure them: what a layout needs to turn a
/// string into a `TextBlock`.
public struct TextStyle: Hashable, Sendable {
    public var size: Double
    public var weight: FontWeight
    public var role: StyleRole

    public init(size: Double, weight: FontWeight = .regular, role: StyleRole) {
        self.size = size
        self.weight = weight
        self.role = role
    }
}

extension TextMetrics {
    /// The lines of `text` wrapped to `maxWidth`, with their measured size.
    ///
    /// Runs of white space collapse to one space first, as SVG will draw them, and control
    /// characters other than line breaks become spaces: what is measured is what is drawn.
    public func measure(_ text: String, style: TextStyle, maxWidth: Double) -> (lines: [String], size: Size) {
        let lines = wrap(Self.drawable(text), maxWidth: maxWidth, size: style.size, weight: style.weight)
        var width = 0.0
        for line in lines { width = Swift.max(width, self.width(of: line, size: style.size, weight: style.weight)) }
        return (lines, Size(width: width, height: Double(lines.count) * lineHeight(size: style.size)))
    }

    /// A text block for `lines` (as returned by `measure`) whose box has its top-left corner,
    /// top centre or top-right corner (by `alignment`) at `anchor`.
    public func block(_ lines: [String], size: Size, style: TextStyle, alignment: TextBlock.Alignment,
                      anchor: Point) -> TextBlock {
        let x: Double = switch alignment {
        case .start: anchor.x
        case .middle: anchor.x - size.width / 2
        case .end: anchor.x - size.width
        }
        let lineHeight = lineHeight(size: style.size)
        // A browser centres the glyphs' ascent + descent in the line box: half the line gap goes above.
        let halfGap = (lineHeight - ascent(size: style.size) - descent(size: style.size)) / 2
        return TextBlock(lines: lines, frame: Rect(x: x, y: anchor.y, width: size.width, height: size.height),
                         alignment: alignment, fontSize: style.size, weight: style.weight, role: style.role,
                         lineHeight: lineHeight, baselineOffset: halfGap + ascent(size: style.size))
    }

    /// `text` as SVG will draw it: tabs become spaces, runs of spaces collapse, and the
    /// characters `ControlCharacters` hides are written out (`\u{202E}`), as the SVG escaping
    /// writes them (line breaks stay, for wrapping).
    static func drawable(_ text: String) -> String {
        var needsWork = false
        var previousSpace = false
        for scalar in text.unicodeScalars {
            let isSpace = scalar == " "
            if isSpace && previousSpace || scalar == "\t" || scalar != "\n" && ControlCharacters.isHidden(scalar) {
                needsWork = true
                break
            }
            previousSpace = isSpace
        }
        guard needsWork else { return text }
        var out = String.UnicodeScalarView()
        previousSpace = false
        for scalar in text.unicodeScalars {
            if scalar != "\n" && ControlCharacters.isHidden(scalar) {
                out.append(contentsOf: ControlCharacters.written(scalar).unicodeScalars)
                previousSpace = false
                continue
            }
            let scalar = scalar == "\t" ? " " : scalar
            if scalar == " " && previousSpace { continue }
            previousSpace = scalar == " "
            out.append(scalar)
        }
        return String(out)
    }
}
