import BatonCheck
import BatonLayout
import BatonRender

/// What a design page shows first and how its diagrams are laid out. The page always holds
/// both views, every flow and both themes; these options only pick the ones shown at first
/// (the reader switches with the page's buttons) and the layout choices the reader cannot
/// change.
public struct PageOptions: Sendable {
    /// The theme shown first; nil follows the reader's `prefers-color-scheme` (light without
    /// script).
    public var theme: Theme.Name?
    /// The tab shown first: `.sequence` or `.graph` (`.simulation` is not a page view).
    public var view: RenderView
    /// The flow shown first in the sequence view, by name; nil: the file's default flow, else the
    /// first (as `baton render` picks it).
    public var flow: String?
    /// The graph view's direction; nil: the one that fits a page (see `GraphViewLayout.direction`).
    public var direction: LayoutDirection?
    /// The graph view's size limit (see `RenderOptions.graphLimit`); a bigger graph view is
    /// replaced by its error message, and the rest of the page is still written.
    public var graphLimit: Int
    /// The rules' configuration, so that the page lists what `baton check` reports.
    public var configuration: Configuration
    /// The untitled design's name (nil: its file's name).
    public var untitled: String?
    /// One more inline script, for a live server (`baton serve`) to subscribe to updates and call
    /// `batonApply`. It is hashed into the Content-Security-Policy like the page's own script,
    /// and the policy then allows `connect-src 'self'` (nothing else). Trusted code, not data;
    /// any `</` in it is written `<\/` so that it cannot end its element.
    public var liveScript: String?

    public init(theme: Theme.Name? = nil, view: RenderView = .sequence, flow: String? = nil,
                direction: LayoutDirection? = nil, graphLimit: Int = RenderOptions.defaultGraphLimit,
                configuration: Configuration = .defaults, untitled: String? = nil, liveScript: String? = nil) {
        self.theme = theme
        self.view = view
        self.flow = flow
        self.direction = direction
        self.graphLimit = graphLimit
        self.configuration = configuration
        self.untitled = untitled
        self.liveScript = liveScript
    }
}
