import BatonRender
import Baton
import BatonCheck
import BatonModel
import BatonPage
import BatonServe
import BatonSyntax
import Foundation

/// The page `baton serve` shows for a design: the design page of `render --to html` (both
/// views, every flow, both themes, findings, metrics, pan and zoom) plus a live script that
/// listens to the design's event stream and hands each update to the page's
/// `batonApply(fragments)`, which swaps the changed parts in place — no reload, so the tab, the
/// flow, the theme, pan, zoom and scroll stay.
///
/// While the design does not compile, the page keeps its last good diagrams, findings and
/// metrics and shows the compile errors in the banner above them.
final class ServeDesignPage: DesignPageProvider, @unchecked Sendable {
    /// The script the page adds for a live server: it listens to the design's event stream and
    /// hands each update to `batonApply`. The events URL is the page's own (`/design/…` →
    /// `/events/…`) with the generation the page shows, so a page made just before an edit is
    /// sent that edit as soon as it connects. (Its hash is in each page's policy.)
    static func liveScript(generation: Int) -> String {
        """
        (function () {
          "use strict";
          if (!window.EventSource) return;
          var url = location.pathname.replace(/^\\/design\\//, "/events/") + "?since=\(generation)";
          var source = new EventSource(url);
          source.addEventListener("update", function (event) {
            var fragments;
            try { fragments = JSON.parse(event.data); } catch (error) { return; }
            if (window.batonApply) window.batonApply(fragments);
            document.documentElement.setAttribute("data-baton-updates",
              String(Number(document.documentElement.getAttribute("data-baton-updates") || "0") + 1));
          });
          source.addEventListener("removed", function () {
            var banner = document.getElementById("baton-banner");
            if (banner) banner.textContent = "This design was removed from the served folder.";
          });
        })();
        """
    }

    private let lock = NSLock()
    /// The fragments of each design's last good version, by the generation they were drawn from.
    private var drawn: [String: (generation: Int, fragments: PageFragments)] = [:]
    private var configurations = ConfigurationFiles()

    func page(for design: DesignState, links: DesignLinks) -> DesignPageContent {
        let options = pageOptions(design)
        return DesignPageContent(html: DesignPage.html(fragments(design), options: options),
                                 contentSecurityPolicy: DesignPage.contentSecurityPolicy(options) + "; frame-ancestors 'none'")
    }

    func update(for design: DesignState) -> String {
        fragments(design).json
    }

    /// The page options of a design: the live script, and the `.baton.json` that `baton check`
    /// would use for it (a broken one: the defaults, and the page says nothing of it).
    private func pageOptions(_ design: DesignState) -> PageOptions {
        let directory = (design.path as NSString).deletingLastPathComponent
        let configuration = lock.withLock { (try? configurations.configuration(forDirectory: directory)) ?? .defaults }
        return PageOptions(configuration: configuration, untitled: design.relativePath,
                           liveScript: Self.liveScript(generation: design.generation))
    }

    /// What the page shows now: the current version when it compiles; otherwise the last good
    /// version's diagrams under a banner with the current errors.
    func fragments(_ design: DesignState) -> PageFragments {
        let options = pageOptions(design)
        if design.problem == nil, let compilation = design.compilation, !compilation.hasErrors {
            return drawnFragments(design.relativePath, generation: design.generation, compilation: compilation,
                                  source: design.source, options: options)
        }
        let banner = Self.banner(design)
        guard let good = design.lastGood else {
            return PageFragments(title: design.title ?? design.relativePath, banner: banner, flows: "", sequence: "",
                                 graph: "", findings: "", metrics: "")
        }
        var fragments = drawnFragments(design.relativePath, generation: good.generation, compilation: good.compilation,
                                       source: good.source, options: options)
        fragments.banner = banner
        return fragments
    }

    /// The compile errors of the current version (as the page writes them), or the problem
    /// that kept it from compiling at all (a file that cannot be read).
    static func banner(_ design: DesignState) -> String {
        if let compilation = design.compilation, compilation.hasErrors {
            return DesignPage.banner(compilation)
        }
        guard let problem = design.problem else { return "" }
        return "<p role=\"alert\">\(XMLEscaping.escape(problem.message)) (\(XMLEscaping.escape(problem.file)), line \(problem.line), column \(problem.column))</p>\n"
    }

    private func drawnFragments(_ key: String, generation: Int, compilation: Compilation, source: [UInt8],
                                options: PageOptions) -> PageFragments {
        if let cached = lock.withLock({ drawn[key] }), cached.generation == generation { return cached.fragments }
        let fragments: PageFragments
        do {
            fragments = try DesignPage.fragments(compilation, source: source, options: options)
        } catch {
            return PageFragments(title: compilation.model.title ?? key,
                                 banner: "<p role=\"alert\">Cannot draw it: \(XMLEscaping.escape(error.message))</p>\n",
                                 flows: "", sequence: "", graph: "", findings: "", metrics: "")
        }
        lock.withLock { drawn[key] = (generation, fragments) }
        return fragments
    }
}
