import BatonJSON

/// The parts of a design page that change when the design does, each the exact inner HTML of
/// the page's container with the same name (`id="baton-<name>"`), except `title`, which is
/// plain text. A live server sends them (as `json`, one line: fit for a server-sent event) and
/// the page's `batonApply(fragments)` swaps them in without a reload, keeping the reader's
/// tab, flow, theme, pan and zoom, and scroll position.
public struct PageFragments: Hashable, Sendable {
    /// The design's title, plain text (the page's `<title>` and `#baton-title`).
    public var title: String
    /// `#baton-banner`: the compile errors, or empty when the design compiles.
    public var banner: String
    /// `#baton-flows`: the flow switcher (a `<select id="baton-flow">`), empty with fewer than two flows.
    public var flows: String
    /// `#baton-sequence`: one `.baton-diagram` per flow and theme (`data-flow`, `data-theme`).
    public var sequence: String
    /// `#baton-graph`: one `.baton-diagram` per theme.
    public var graph: String
    /// `#baton-findings`: the findings as an `<ol>`, or a line saying there are none.
    public var findings: String
    /// `#baton-metrics`: the metrics tables.
    public var metrics: String

    public init(title: String, banner: String, flows: String, sequence: String, graph: String, findings: String, metrics: String) {
        self.title = title
        self.banner = banner
        self.flows = flows
        self.sequence = sequence
        self.graph = graph
        self.findings = findings
        self.metrics = metrics
    }

    /// The fragments as one JSON object on one line, keys in this order: title, banner, flows,
    /// sequence, graph, findings, metrics (what `batonApply` reads).
    public var json: String {
        JSONValue.object([
            ("title", .string(title)),
            ("banner", .string(banner)),
            ("flows", .string(flows)),
            ("sequence", .string(sequence)),
            ("graph", .string(graph)),
            ("findings", .string(findings)),
            ("metrics", .string(metrics)),
        ]).serialized(pretty: false)
    }
}
