// The diff diagram's paint (`DiffOverlay`, `baton diff --to svg`), kept beside the diagrams'
// so that each theme is one look across all views.
//
// The colours are the ones code review tools use for a diff — green added, red removed, amber
// changed — taken from the same GitHub primer scale as the rest of the theme, and unchanged
// elements are grey, so that a participant's usual colour (a service is green) never reads as a
// change. Colour is never the only carrier: a removed element is also dashed (outline and line),
// changed ones are drawn with a heavier stroke than unchanged ones, and the SVG groups carry
// `diff-added`, `diff-removed`, `diff-changed` and `diff-unchanged` classes for tools.

import BatonLayout
import BatonModel
import BatonSyntax

/// The colours of the marks in one theme: a stroke (also the text colour) and a fill for
/// nodes.
public struct DiffColors: Hashable, Sendable {
    public struct Pair: Hashable, Sendable {
        public var stroke: String
        public var fill: String
    }

    public var added: Pair
    public var removed: Pair
    public var changed: Pair
    /// Neutral, so that colour always means a change.
    public var unchanged: Pair

    public subscript(mark: DiffMark) -> Pair {
        switch mark {
        case .added: added
        case .removed: removed
        case .changed: changed
        case .unchanged: unchanged
        }
    }

    public static let light = DiffColors(added: Pair(stroke: "#1a7f37", fill: "#dafbe1"),
                                         removed: Pair(stroke: "#cf222e", fill: "#ffebe9"),
                                         changed: Pair(stroke: "#9a6700", fill: "#fff8c5"),
                                         unchanged: Pair(stroke: "#59636e", fill: "#f6f8fa"))

    public static let dark = DiffColors(added: Pair(stroke: "#3fb950", fill: "#12261e"),
                                        removed: Pair(stroke: "#f85149", fill: "#25171c"),
                                        changed: Pair(stroke: "#d29922", fill: "#272115"),
                                        unchanged: Pair(stroke: "#9198a1", fill: "#151b23"))
}

extension Theme {
    /// The diff colours of this theme.
    public var diff: DiffColors {
        switch name {
        case .light: .light
        case .dark: .dark
        }
    }

    /// The dash of a removed element's outline or line (one that is not dashed already).
    static let removedDash = "4 3"

    func diffShapePaint(_ mark: DiffMark, kind: ParticipantKind) -> ShapePaint {
        let colors = diff[mark]
        let dash = mark == .removed ? Self.outlineDash(kind.shape) ?? Self.removedDash : Self.outlineDash(kind.shape)
        return ShapePaint(fill: colors.fill, stroke: colors.stroke, strokeWidth: mark == .unchanged ? 1.5 : 2.5, dash: dash)
    }

    func diffLinePaint(_ mark: DiffMark, arrow: Arrow) -> LinePaint {
        // The arrow's own pattern (an async line's dashes, a callback's dots) stays, so the line
        // still says what kind of interaction it is; a removed call is dashed too.
        var paint = linePaint(.line(for: arrow))
        paint.stroke = diff[mark].stroke
        paint.width = mark == .unchanged ? 1.5 : 2
        if mark == .removed, paint.dash == nil { paint.dash = Self.removedDash }
        return paint
    }

    /// Text of a marked element: unchanged text keeps the ink, so names stay easy to read.
    func diffTextColor(_ mark: DiffMark) -> String {
        mark == .unchanged ? ink : diff[mark].stroke
    }
}
