import BatonLayout
import BatonModel
import BatonRender

/// The page's pictures: the sequence view of every flow and the graph view of the whole
/// design, each drawn in both themes by the render stage, so that switching flow or theme is
/// only a matter of which `.baton-diagram` is shown (no drawing in the browser, and the page
/// is the same bytes whatever the reader picks).
///
/// Every SVG keeps its own content-derived id prefix (`IDPrefix.derived` differs by view,
/// flow and theme), so the many diagrams on one page never share an id.
enum PageDiagrams {
    /// `#baton-sequence`'s content: a `.baton-diagram` per flow (in declaration order) and theme;
    /// the one of `current` carries `baton-current`. A design without flows has one sequence
    /// diagram, of every participant, with `data-flow="0"`.
    static func sequence(_ compilation: Compilation, source: [UInt8], current: FlowID?, untitled: String) -> String {
        let model = compilation.model
        let flows: [FlowID?] = model.flows.isEmpty ? [nil] : model.flows.map { Optional($0.id) }
        var out = ""
        for (index, flow) in flows.enumerated() {
            let isCurrent = flow == current || (flow == nil && current == nil)
            let options = RenderOptions(format: .svg, view: .sequence, flow: flow.map { model[$0].name })
            for (theme, picture) in pictures(compilation, source: source, options: options, untitled: untitled) {
                out += open(flow: index, theme: theme, current: isCurrent) + picture + "</div>\n"
            }
        }
        return out
    }

    /// `#baton-graph`'s content: the graph view of every flow, a `.baton-diagram` per theme. A
    /// graph view over its limit is replaced by the error that says so.
    static func graph(_ compilation: Compilation, source: [UInt8], direction: LayoutDirection?, limit: Int, untitled: String) -> String {
        var out = ""
        let options = RenderOptions(format: .svg, view: .graph, direction: direction, graphLimit: limit)
        for (theme, picture) in pictures(compilation, source: source, options: options, untitled: untitled) {
            out += open(flow: nil, theme: theme, current: true) + picture + "</div>\n"
        }
        return out
    }

    /// The flow switcher's content: a labelled `<select id="baton-flow">` whose option values
    /// are the `data-flow` numbers; empty for fewer than two flows (nothing to switch).
    static func switcher(_ model: Model, current: FlowID?) -> String {
        guard model.flows.count > 1 else { return "" }
        var out = "<label for=\"baton-flow\">Flow</label>\n<select id=\"baton-flow\">\n"
        for (index, flow) in model.flows.enumerated() {
            let selected = flow.id == current ? " selected" : ""
            out += "<option value=\"\(index)\"\(selected)>\(PageText.escape(flow.name))</option>\n"
        }
        return out + "</select>\n"
    }

    private static func open(flow: Int?, theme: Theme.Name, current: Bool) -> String {
        let flowAttribute = flow.map { " data-flow=\"\($0)\"" } ?? ""
        return "<div class=\"baton-diagram\(current ? " baton-current" : "")\"\(flowAttribute) data-theme=\"\(theme.rawValue)\">\n"
    }

    /// One diagram in every theme (laid out once), or the render stage's refusal as a
    /// paragraph for each (a graph view over its limit).
    private static func pictures(_ compilation: Compilation, source: [UInt8], options: RenderOptions,
                                 untitled: String) -> [(Theme.Name, String)] {
        let themes = Theme.Name.allCases
        do {
            let outputs = try Renderer.render(compilation, source: source, options: options, themes: Array(themes), untitled: untitled)
            return zip(themes, outputs).map { theme, output in
                (theme, output.text.hasSuffix("\n") ? output.text : output.text + "\n")
            }
        } catch {
            var text = "<p class=\"baton-error\">" + PageText.escape(error.message)
            if let help = error.help { text += "<br>" + PageText.escape("help: " + help) }
            return themes.map { ($0, text + "</p>\n") }
        }
    }
}
