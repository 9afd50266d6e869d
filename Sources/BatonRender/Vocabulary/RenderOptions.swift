import BatonLayout

/// Everything that decides the picture besides the design itself: with the root file's bytes,
/// these options determine the output, ids included.
public struct RenderOptions: Hashable, Sendable {
    public var format: RenderFormat
    /// Nil: the format's own (SVG: sequence; DOT: graph; Mermaid: sequence).
    public var view: RenderView?
    /// A flow by name; nil: the root file's default flow, else the first flow (the graph view:
    /// every flow).
    public var flow: String?
    /// The simulation view's scenario by name; nil: the design's only one.
    public var scenario: String?
    public var theme: Theme.Name
    /// Overrides the content-derived id prefix.
    public var idPrefix: String?
    /// The graph view's direction (SVG, PDF, DOT and Mermaid alike); nil: the graph view chooses
    /// the one that fits a page (see `GraphViewLayout.direction`). The sequence view has only one.
    public var direction: LayoutDirection?
    /// The largest graph view laid out, in participants and connections together (see
    /// `GraphViewLimit`); a bigger one is refused before it takes long. DOT is not limited: it
    /// only lists the design, and Graphviz does the layout (without a direction, a DOT or Mermaid
    /// export of a view over the limit runs left to right: Baton draws no picture to agree with).
    public var graphLimit: Int
    /// Findings to draw on an SVG diagram (badges at their elements and a legend below), in
    /// number order; empty draws none and changes nothing. The Mermaid and DOT exports ignore
    /// them: they have no room for badges that Baton places.
    public var marks: [FindingMark] = []
    /// A key below the diagram explaining its arrows (both SVG views; `--legend`).
    public var legend = false
    /// Step numbers at the start of every arrow (the SVG sequence view; `--numbers`).
    public var numbers = false
    /// Timeout brackets on activation bars, inversions marked (the SVG sequence view; `--timing`).
    public var timing = false
    /// PNG pixels per scene unit (`--scale`, within `PNGSize.scales`); the vector formats are
    /// drawn at the scene's size and refuse any other scale.
    public var scale = 1.0
    /// 50,000: the heaviest graph views within it take seconds and under 1 GB.
    public static let defaultGraphLimit = GraphViewLimit.standard
    /// The greatest limit the command line takes: 200 times the default, far beyond what a
    /// machine lays out, so it bounds nothing real — it only keeps a mistyped number from
    /// being read as "no limit".
    public static let maximumGraphLimit = 10_000_000

    public init(format: RenderFormat = .svg, view: RenderView? = nil, flow: String? = nil,
                theme: Theme.Name = .light, idPrefix: String? = nil, direction: LayoutDirection? = nil,
                graphLimit: Int = RenderOptions.defaultGraphLimit, scenario: String? = nil) {
        self.format = format
        self.view = view
        self.flow = flow
        self.scenario = scenario
        self.theme = theme
        self.idPrefix = idPrefix
        self.direction = direction
        self.graphLimit = graphLimit
    }

    /// The explanations drawn on the picture, as named in hashes: empty when none is on, so ids
    /// and file names change only when one is.
    public var explanationWords: [String] {
        [legend ? "legend" : nil, numbers ? "numbers" : nil, timing ? "timing" : nil].compactMap { $0 }
    }

    /// The view actually drawn.
    public var effectiveView: RenderView {
        view ?? (format == .dot ? .graph : .sequence)
    }
}
