import BatonLayout

/// Text blocks as `<text>`: one element per label, one `<tspan>` per line, each line placed
/// explicitly (SVG 1.1 has no wrapping, and baseline tricks such as `dominant-baseline` differ
/// between renderers, so the scene's baselines are used as they are).
enum SVGText {
    static func write(_ block: TextBlock, theme: Theme, into out: inout SVGOutput) {
        guard !block.lines.isEmpty else { return }
        let x = block.anchorX
        out.line("<text")
        out.attribute("x", x)
        out.attribute("y", block.baseline(ofLine: 0))
        out.attribute("font-size", block.fontSize)
        if block.weight == .bold { out.raw(" font-weight=\"bold\"") }
        switch block.alignment {
        case .start: break
        case .middle: out.raw(" text-anchor=\"middle\"")
        case .end: out.raw(" text-anchor=\"end\"")
        }
        out.attribute("fill", theme.textColor(block.role))
        out.raw(">")
        if block.lines.count == 1 {
            out.escaped(block.lines[0])
        } else {
            for (index, line) in block.lines.enumerated() {
                out.raw("<tspan")
                out.attribute("x", x)
                out.attribute("y", block.baseline(ofLine: index))
                out.raw(">")
                out.escaped(line)
                out.raw("</tspan>")
            }
        }
        out.raw("</text>\n")
    }
}
