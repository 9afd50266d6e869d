// BatonPage: the design page — one self-contained HTML file with a design's sequence view (every
// flow) and graph view, both themes, its findings and its metrics (`baton render --to html`,
// and the page `baton serve` keeps up to date). It draws through BatonRender and lists what
// BatonCheck finds, which is why it is a stage of its own: the render stage never sees a
// diagnostic.

import BatonCheck
import BatonLayout
import BatonModel
import BatonRender
import BatonSyntax

/// A design as one HTML page for sharing and CI artifacts, with no external requests of any
/// kind: inline SVG, inline CSS, a little inline JavaScript, all under a Content-Security-Policy
/// that allows only those (by their SHA-256) and `data:` images.
///
/// The page is a pure function of the compilation, the root file's bytes and the options: the
/// same input gives the same bytes.
///
/// ## The DOM contract (for a live server)
///
/// The parts that change with the design are `PageFragments`, each the inner HTML of one
/// container, so a server can send new ones and the page swaps them in without a reload:
///
/// | container | fragment |
/// |---|---|
/// | `#baton-title` (an `<h1>`, and the document's `<title>`) | `title` (plain text) |
/// | `#baton-banner` | `banner`: compile errors, else empty |
/// | `#baton-flows` | `flows`: the flow `<select id="baton-flow">`, empty with one flow |
/// | `#baton-sequence` | `sequence`: `.baton-diagram[data-flow][data-theme]`, one per flow and theme |
/// | `#baton-graph` | `graph`: `.baton-diagram[data-theme]`, one per theme |
/// | `#baton-findings` | `findings`: `ol > li.baton-finding[data-interactions][data-participants] > button` |
/// | `#baton-metrics` | `metrics`: the tables |
///
/// The page's script defines `window.batonApply(fragments)`: given an object with any of those
/// keys (as `PageFragments.json` writes them), it replaces those containers' content and keeps
/// the tab, the flow (by its `data-flow` number, when it still exists), the theme, each view's
/// pan and zoom (a CSS transform on `#baton-sequence` and `#baton-graph`, which are never
/// replaced) and the scroll position; a highlighted finding is cleared. A server adds its own
/// script with `PageOptions.liveScript`, which the policy then allows (and `connect-src 'self'`).
///
/// Highlighting reads the SVG writer's attributes: `data-interaction="N"` on an interaction's
/// group, `data-participant="N"` on a participant's, `data-interactions="N M"` on a graph edge;
/// the matches get the class `baton-highlight`.
public enum DesignPage {
    /// The whole page. Throws for options the design cannot satisfy (an unknown `flow`; a view
    /// that is not a diagram). A design with compile errors is a page too: the errors in the
    /// banner, no diagrams.
    public static func html(_ compilation: Compilation, source: [UInt8], options: PageOptions = PageOptions()) throws(RenderError) -> String {
        html(try fragments(compilation, source: source, options: options), options: options)
    }

    /// The banner fragment of a compilation: its compile errors, empty when it has none. A live
    /// server shows it over the last good version's diagrams.
    public static func banner(_ compilation: Compilation) -> String {
        compilation.hasErrors ? PageFindings.banner(compilation) : ""
    }

    /// The page's Content-Security-Policy for these options, as its `<meta http-equiv>` says it:
    /// a server sends the same one as a header, so both allow exactly the page's own style and
    /// scripts.
    public static func contentSecurityPolicy(_ options: PageOptions = PageOptions()) -> String {
        ContentSecurityPolicy.policy(style: PageStyle.css, scripts: scripts(options), connectToSelf: options.liveScript != nil)
    }

    /// The inline scripts, exactly as written into the page (their bytes are what the policy hashes).
    static func scripts(_ options: PageOptions) -> [String] {
        var scripts = [PageScript.javascript]
        if let live = options.liveScript { scripts.append("\n" + live.replacing("</", with: "<\\/") + "\n") }
        return scripts
    }

    /// The parts of the page that depend on the design (see the type's documentation).
    public static func fragments(_ compilation: Compilation, source: [UInt8], options: PageOptions = PageOptions()) throws(RenderError) -> PageFragments {
        guard options.view != .simulation else {
            throw RenderError(message: "the HTML page shows the sequence and graph views, not the simulation view",
                              help: "use --view sequence or --view graph (the tab shown first), or render the simulation view as SVG")
        }
        let model = compilation.model
        let untitled = options.untitled
            ?? (compilation.sources.files.isEmpty ? DesignName.untitled : DesignName.untitled(path: compilation.sources[compilation.rootFile].path))
        let title = model.title ?? untitled
        if compilation.hasErrors {
            return PageFragments(title: title, banner: PageFindings.banner(compilation), flows: "", sequence: "", graph: "",
                                 findings: "<p class=\"baton-none\">Not checked: the design does not compile.</p>\n",
                                 metrics: "<p class=\"baton-none\">None: the design does not compile.</p>\n")
        }
        let current = try FlowSelection.flow(options.flow, in: model)
        let diagnostics = Checker.check(compilation, configuration: options.configuration)
        return PageFragments(
            title: title, banner: "", flows: PageDiagrams.switcher(model, current: current),
            sequence: PageDiagrams.sequence(compilation, source: source, current: current, untitled: untitled),
            graph: PageDiagrams.graph(compilation, source: source, direction: options.direction, limit: options.graphLimit, untitled: untitled),
            findings: PageFindings.list(diagnostics, compilation: compilation),
            metrics: PageMetrics.tables(DesignMetrics(model), compilation: compilation))
    }

    /// The page around `fragments`: head (policy, style), header (title, tabs, flow switcher,
    /// theme switch), the views with their zoom buttons, the findings and metrics, the script.
    public static func html(_ fragments: PageFragments, options: PageOptions = PageOptions()) -> String {
        let style = PageStyle.css
        let scripts = scripts(options)
        let policy = contentSecurityPolicy(options)
        let theme = (options.theme ?? .light).rawValue
        let auto = options.theme == nil ? " data-theme-auto=\"\"" : ""
        let title = PageText.escape(fragments.title)
        let first: RenderView = options.view == .graph ? .graph : .sequence

        var out = "<!DOCTYPE html>\n<html lang=\"en\" data-theme=\"\(theme)\"\(auto)>\n<head>\n<meta charset=\"utf-8\">\n"
        out += "<meta http-equiv=\"Content-Security-Policy\" content=\"\(policy)\">\n"
        out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        out += "<meta name=\"generator\" content=\"Baton\">\n"
        out += "<title>\(title)</title>\n<style>\(style)</style>\n</head>\n<body>\n<header>\n"
        out += "<h1 id=\"baton-title\">\(title)</h1>\n"
        out += "<div class=\"baton-group\" role=\"tablist\" aria-label=\"View\">\n"
        for view in RenderView.diagrams {
            let selected = view == first
            out += "<button type=\"button\" role=\"tab\" id=\"baton-tab-\(view.rawValue)\" data-view=\"\(view.rawValue)\" "
                + "aria-controls=\"baton-view-\(view.rawValue)\" aria-selected=\"\(selected)\" tabindex=\"\(selected ? 0 : -1)\">"
                + "\(view == .sequence ? "Sequence" : "Graph")</button>\n"
        }
        out += "</div>\n<div class=\"baton-group\" id=\"baton-flows\">\(fragments.flows)</div>\n"
        out += "<button type=\"button\" id=\"baton-theme\" aria-pressed=\"\(theme == "dark")\">Dark theme</button>\n</header>\n"
        out += "<div id=\"baton-banner\">\(fragments.banner)</div>\n<main>\n<section class=\"baton-views\" aria-label=\"Diagrams\">\n"
        for view in RenderView.diagrams {
            let name = view.rawValue
            let heading = view == .sequence ? "Sequence view" : "Graph view"
            out += "<div class=\"baton-view\" id=\"baton-view-\(name)\" data-view=\"\(name)\" role=\"tabpanel\" aria-labelledby=\"baton-tab-\(name)\""
                + (view == first ? "" : " hidden") + ">\n"
            out += "<h2>\(heading)</h2>\n"
            out += "<div class=\"baton-zoom\" role=\"group\" aria-label=\"Zoom the \(heading.lowercased())\">"
                + "<button type=\"button\" data-zoom=\"in\" aria-label=\"Zoom in\">+</button>"
                + "<button type=\"button\" data-zoom=\"out\" aria-label=\"Zoom out\">−</button>"
                + "<button type=\"button\" data-zoom=\"reset\">Fit</button>"
                + "<span class=\"baton-hint\">wheel to zoom, drag to pan</span></div>\n"
            out += "<div class=\"baton-viewport\">\n<div class=\"baton-canvas\" id=\"baton-\(name)\">"
                + (view == .sequence ? fragments.sequence : fragments.graph) + "</div>\n</div>\n</div>\n"
        }
        out += "</section>\n<aside class=\"baton-side\">\n"
        out += "<section aria-labelledby=\"baton-findings-heading\">\n<h2 id=\"baton-findings-heading\">Findings</h2>\n"
        out += "<div id=\"baton-findings\">\(fragments.findings)</div>\n</section>\n"
        out += "<section aria-labelledby=\"baton-metrics-heading\">\n<h2 id=\"baton-metrics-heading\">Metrics</h2>\n"
        out += "<div id=\"baton-metrics\">\(fragments.metrics)</div>\n</section>\n</aside>\n</main>\n"
        for script in scripts { out += "<script>\(script)</script>\n" }
        return out + "</body>\n</html>\n"
    }
}
