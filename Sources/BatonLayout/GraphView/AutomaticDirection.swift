// The graph view's direction when nobody gives one. Left to right reads like most architecture
// diagrams, but a long pipeline drawn that way comes out six or seven times wider than high, and
// at the width of a README (880 px) its text shrinks below reading size. So the view keeps left
// to right while the drawing is at most `widestAspect` times wider than high (or higher than
// wide), or narrow enough that no page shrinks it (`narrowWidth`: two or three boxes in a row
// read best as a row), and otherwise takes top to bottom when that fits better.
//
// Small graphs are laid out both ways and judged by their real sizes. Big ones, where placing
// and routing twice would cost seconds, are judged by the sizes their first layering promises
// (`LayeringProfile.estimatedSize`), which takes time linear in the graph; the DOT and Mermaid
// exports make the same choice the same way, so every rendering of a view agrees.

extension LayoutDirection {
    /// The word that asks the graph view to choose its direction (`--direction auto`,
    /// `direction=auto`); giving no direction asks the same.
    public static let automaticWord = "auto"

    /// Every word a direction option takes: `auto`, `LR`, `TB`.
    public static var words: [String] { [automaticWord] + allCases.map(\.rawValue) }
}

enum AutomaticDirection {
    /// The widest aspect ratio (width over height, or height over width) a drawing may have
    /// before the other direction is tried.
    static let widestAspect = 3.0
    /// A drawing at most this wide stays left to right whatever its shape: half a README's width
    /// (880 px), which no page shrinks.
    static let narrowWidth = 440.0
    /// Graphs whose first layering has more vertices than this choose from estimated sizes.
    static let exactVertices = 1_500

    /// How far a drawing of `size` is outside the accepted shapes: 1 inside them, else its
    /// aspect ratio over `widestAspect` (either way round).
    static func misfit(_ size: Size) -> Double {
        guard size.width > 0, size.height > 0 else { return 1 }
        let aspect = size.width / size.height
        return max(1, aspect / widestAspect, 1 / (aspect * widestAspect))
    }

    /// Left to right when its drawing fits or is narrow, else whichever fits better (left to
    /// right on a tie).
    static func choose(leftToRight: Size, topToBottom: () -> Size) -> LayoutDirection {
        let wide = misfit(leftToRight)
        guard wide > 1, leftToRight.width > narrowWidth else { return .leftToRight }
        return misfit(topToBottom()) < wide ? .topToBottom : .leftToRight
    }
}
