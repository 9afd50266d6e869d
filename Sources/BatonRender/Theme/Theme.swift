// Themes: what each style role looks like.
//
// Layout never picks a colour; it tags every item with a `StyleRole`, and a theme turns roles
// into paint. Both themes paint an opaque background, so a diagram stays readable whatever
// page it is pasted on (a light diagram on a dark page is a white card, never dark text on
// black); pick the file per colour scheme with `<picture>` or `#gh-dark-mode-only`.
//
// Colour is never the only carrier of meaning: line styles (solid, dashed, dotted) and arrowheads
// (filled, open) tell sync, async and callback apart in greyscale and for colour-blind readers.

import BatonLayout
import BatonModel
import BatonSyntax

/// Paint for a closed shape.
public struct ShapePaint: Hashable, Sendable {
    /// A colour, or "none".
    public var fill: String
    public var stroke: String
    public var strokeWidth: Double
    /// SVG `stroke-dasharray`, nil for solid.
    public var dash: String?
    /// SVG `fill-opacity`, nil for opaque: tints that let what is behind them show.
    public var fillOpacity: Double? = nil
}

/// Paint for an open line.
public struct LinePaint: Hashable, Sendable {
    public var stroke: String
    public var width: Double
    public var dash: String?
    /// Round caps turn a fine dash pattern into dots.
    public var roundCaps: Bool
    /// Round joins keep a jagged data line from growing mitred spikes at sharp turns.
    public var roundJoins: Bool = false
}

/// A named set of colours for every role.
public struct Theme: Hashable, Sendable {
    public enum Name: String, Hashable, Sendable, CaseIterable {
        case light
        case dark
    }

    public var name: Name
    public var background: String
    /// Text and default strokes.
    public var ink: String
    /// Secondary text and outlines (lifelines, frames, groups).
    public var muted: String
    public var faint: String
    /// Callbacks stand out in their own colour (as well as being dotted).
    public var callback: String
    public var groupFill: String
    /// The dashed outline of a group box. Strong enough to read on the background (at least 3:1
    /// in the dark theme, where a faint outline on a near-black page all but disappears).
    public var groupStroke: String
    public var tabFill: String
    public var noteFill: String
    public var noteStroke: String
    public var activationFill: String
    /// The badges and legend of drawn findings (`render --findings`), by severity.
    public var findings: FindingPalette
    /// Fill and stroke per participant shape.
    var participants: ParticipantPalette

    public struct KindColors: Hashable, Sendable {
        public var fill: String
        public var stroke: String
        init(_ fill: String, _ stroke: String) {
            self.fill = fill
            self.stroke = stroke
        }
    }

    /// A colour per finding severity; the number in a badge is drawn in the background colour.
    public struct FindingPalette: Hashable, Sendable {
        public var error: String
        public var warning: String
        public var info: String

        public subscript(severity: MarkSeverity) -> String {
            switch severity {
            case .error: error
            case .warning: warning
            case .info: info
            }
        }
    }

    /// The colours of every participant shape (so of every kind: kinds that share a shape share
    /// its colours). One stored property per shape, so that a new shape does not compile until
    /// both themes give it colours.
    struct ParticipantPalette: Hashable, Sendable {
        var person: KindColors
        var roundedBox: KindColors
        var dashedBox: KindColors
        var pipe: KindColors
        var fannedPipe: KindColors
        var cylinder: KindColors
        var hexagon: KindColors

        subscript(shape: ParticipantShape) -> KindColors {
            switch shape {
            case .person: person
            case .roundedBox: roundedBox
            case .dashedBox: dashedBox
            case .pipe: pipe
            case .fannedPipe: fannedPipe
            case .cylinder: cylinder
            case .hexagon: hexagon
            }
        }
    }

    /// The dash pattern of a participant's outline: a dashed box is a system outside your
    /// control; every other outline is solid.
    static func outlineDash(_ shape: ParticipantShape) -> String? {
        switch shape {
        case .dashedBox: "5 3"
        case .person, .roundedBox, .pipe, .fannedPipe, .cylinder, .hexagon: nil
        }
    }

    public static func named(_ name: Name) -> Theme {
        switch name {
        case .light: light
        case .dark: dark
        }
    }

    public static let light = Theme(
        name: .light, background: "#ffffff", ink: "#1f2328", muted: "#59636e", faint: "#afb8c1",
        callback: "#a0338a", groupFill: "#f6f8fa", groupStroke: "#afb8c1", tabFill: "#eaeef2", noteFill: "#fff8c5", noteStroke: "#d4a72c",
        activationFill: "#eaeef2",
        findings: FindingPalette(error: "#cf222e", warning: "#9a6700", info: "#0969da"),
        participants: ParticipantPalette(
            person: KindColors("#ddf4ff", "#0969da"),
            roundedBox: KindColors("#dafbe1", "#1a7f37"),
            dashedBox: KindColors("#f6f8fa", "#59636e"),
            pipe: KindColors("#fff8c5", "#9a6700"),
            fannedPipe: KindColors("#fff1e5", "#bc4c00"),
            cylinder: KindColors("#f3eeff", "#6639ba"),
            hexagon: KindColors("#d8f5f3", "#0f7b76")))

    public static let dark = Theme(
        name: .dark, background: "#0d1117", ink: "#e6edf3", muted: "#9198a1", faint: "#3d444d",
        callback: "#f778ba", groupFill: "#1c2128", groupStroke: "#656c76", tabFill: "#262c36", noteFill: "#2e2a13", noteStroke: "#bb8009",
        activationFill: "#262c36",
        findings: FindingPalette(error: "#f85149", warning: "#d29922", info: "#58a6ff"),
        participants: ParticipantPalette(
            person: KindColors("#0c2d6b", "#58a6ff"),
            roundedBox: KindColors("#0f3320", "#3fb950"),
            dashedBox: KindColors("#1c2128", "#9198a1"),
            pipe: KindColors("#3b2e08", "#d29922"),
            fannedPipe: KindColors("#3d1e0b", "#f0883e"),
            cylinder: KindColors("#2a1d4d", "#a371f7"),
            hexagon: KindColors("#0b3433", "#39c5bb")))

    /// The fill and stroke of a participant of `kind`.
    public func colors(for kind: ParticipantKind) -> KindColors {
        participants[kind.shape]
    }

    public func shapePaint(_ role: StyleRole) -> ShapePaint {
        switch role {
        case .participant(let kind):
            let colors = participants[kind.shape]
            return ShapePaint(fill: colors.fill, stroke: colors.stroke, strokeWidth: 1.5,
                              dash: Self.outlineDash(kind.shape))
        case .activation:
            return ShapePaint(fill: activationFill, stroke: muted, strokeWidth: 1, dash: nil)
        case .fragmentFrame:
            return ShapePaint(fill: "none", stroke: muted, strokeWidth: 1, dash: nil)
        case .fragmentTab:
            return ShapePaint(fill: tabFill, stroke: muted, strokeWidth: 1, dash: nil)
        case .note:
            return ShapePaint(fill: noteFill, stroke: noteStroke, strokeWidth: 1, dash: nil)
        case .groupBox:
            return ShapePaint(fill: groupFill, stroke: groupStroke, strokeWidth: 1, dash: "4 3")
        case .groupLabelBackground:
            return ShapePaint(fill: groupFill, stroke: "none", strokeWidth: 0, dash: nil)
        case .labelPlate(let onGroup):
            return ShapePaint(fill: onGroup ? groupFill : background, stroke: "none", strokeWidth: 0, dash: nil)
        case .findingBadge(let severity):
            return ShapePaint(fill: findings[severity], stroke: background, strokeWidth: 1.5, dash: nil)
        case .stepNumberPlate:
            return ShapePaint(fill: tabFill, stroke: muted, strokeWidth: 1, dash: nil)
        case .chart(let role):
            return chartShapePaint(role)
        case .diffParticipant(let mark, let kind):
            return diffShapePaint(mark, kind: kind)
        default:
            return ShapePaint(fill: "none", stroke: ink, strokeWidth: 1, dash: nil)
        }
    }

    public func linePaint(_ role: StyleRole) -> LinePaint {
        switch role {
        case .syncLine: LinePaint(stroke: ink, width: 1.5, dash: nil, roundCaps: false)
        case .asyncLine: LinePaint(stroke: ink, width: 1.5, dash: "7 4", roundCaps: false)
        case .callbackLine: LinePaint(stroke: callback, width: 1.5, dash: "0.5 4", roundCaps: true)
        case .lifeline: LinePaint(stroke: muted, width: 1, dash: "4 4", roundCaps: false)
        case .fragmentSeparator: LinePaint(stroke: muted, width: 1, dash: "6 3", roundCaps: false)
        case .timingBracket(let inversion): LinePaint(stroke: inversion ? findings.warning : muted, width: 1.5, dash: nil, roundCaps: false)
        case .chart(let role): chartLinePaint(role)
        case .diffLine(let mark, let arrow): diffLinePaint(mark, arrow: arrow)
        default: LinePaint(stroke: ink, width: 1, dash: nil, roundCaps: false)
        }
    }

    public func textColor(_ role: StyleRole) -> String {
        switch role {
        case .subtitle, .groupLabel: muted
        case .callbackLabel: callback
        case .findingNumber: background
        case .legendText: muted
        case .timingLabel(let inversion): inversion ? findings.warning : muted
        case .findingSeverity(let severity): findings[severity]
        case .chart(let role): chartTextColor(role)
        case .diffText(let mark): diffTextColor(mark)
        default: ink
        }
    }
}
