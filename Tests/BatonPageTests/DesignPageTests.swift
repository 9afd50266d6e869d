import Baton
import BatonCheck
import BatonJSON
import BatonModel
import BatonPage
import BatonRender
import BatonTestSupport
import Foundation
import Testing

/// The design page (`DesignPage`): what it holds, that it loads nothing from anywhere, that its
/// policy names exactly its own style and script, and that hostile text stays text.
@Suite struct DesignPageTests {
    static let design = """
        title "Card payments"
        client Shopper
        service Shop [timeout=2s, idempotent]
        external Stripe "Payment provider" [availability=99.99%]
        queue Fulfil
        service Warehouse
        Shopper -> Shop : pay {
          Shop -> Stripe : createPayment [timeout=1s, retries=2]
        }
        Warehouse <- Fulfil : ShipOrder
        flow "Refund" {
          Shop -> Stripe : refund
        }
        """

    static func page(_ source: String, options: PageOptions = PageOptions()) throws -> String {
        let compilation = Baton.compile(source: source, path: "design.baton")
        return try DesignPage.html(compilation, source: Array(source.utf8), options: options)
    }

    static func count(_ needle: String, in text: String) -> Int {
        text.components(separatedBy: needle).count - 1
    }

    /// The text between `open` and the next `close` after it, every occurrence.
    static func contents(of open: String, _ close: String, in text: String) -> [String] {
        text.components(separatedBy: open).dropFirst().compactMap { $0.components(separatedBy: close).first }
    }

    @Test func holdsBothViewsEveryFlowInBothThemesAndTheContainersOfTheContract() throws {
        let html = try Self.page(Self.design)
        for id in ["baton-title", "baton-banner", "baton-flows", "baton-sequence", "baton-graph", "baton-findings", "baton-metrics",
                   "baton-tab-sequence", "baton-tab-graph", "baton-theme", "baton-view-sequence", "baton-view-graph"] {
            #expect(Self.count("id=\"\(id)\"", in: html) == 1, "\(id)")
        }
        // Two flows (the top-level steps and Refund), each in two themes, and the graph in two.
        #expect(Self.count("<svg ", in: html) == 6)
        #expect(Self.count("data-flow=\"0\"", in: html) == 2)
        #expect(Self.count("data-flow=\"1\"", in: html) == 2)
        #expect(Self.count("aria-roledescription=\"sequence diagram\"", in: html) == 4)
        #expect(html.contains("<select id=\"baton-flow\">"))
        #expect(html.contains("<option value=\"1\">Refund</option>"))
        // The default flow is shown first, in both themes; the graph view is in the document, hidden.
        #expect(Self.count("class=\"baton-diagram baton-current\" data-flow=\"0\"", in: html) == 2)
        #expect(html.contains("id=\"baton-view-graph\" data-view=\"graph\" role=\"tabpanel\" aria-labelledby=\"baton-tab-graph\" hidden>"))
        #expect(html.contains("<h1 id=\"baton-title\">Card payments</h1>"))
        #expect(html.contains("window.batonApply = function (fragments)"))
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\" data-theme=\"light\" data-theme-auto=\"\">"))
    }

    @Test func optionsPickWhatIsShownFirst() throws {
        let html = try Self.page(Self.design, options: PageOptions(theme: .dark, view: .graph, flow: "Refund"))
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\" data-theme=\"dark\">"))
        #expect(Self.count("class=\"baton-diagram baton-current\" data-flow=\"1\"", in: html) == 2)
        #expect(html.contains("<option value=\"1\" selected>Refund</option>"))
        #expect(html.contains("id=\"baton-view-sequence\" data-view=\"sequence\" role=\"tabpanel\" aria-labelledby=\"baton-tab-sequence\" hidden>"))
        #expect(throws: RenderError.self) { try Self.page(Self.design, options: PageOptions(flow: "Refnud")) }
        #expect(throws: RenderError.self) { try Self.page(Self.design, options: PageOptions(view: .simulation)) }
    }

    @Test func listsTheFindingsInSourceOrderWithTheirTargets() throws {
        let compilation = Baton.compile(source: Self.design, path: "design.baton")
        let diagnostics = Checker.check(compilation)
        #expect(!diagnostics.isEmpty)
        let html = try DesignPage.html(compilation, source: Array(Self.design.utf8))
        let items = Self.contents(of: "<li class=\"baton-finding\" ", "</li>", in: html)
        #expect(items.count == diagnostics.count)
        let targets = FindingTargets(compilation.model)
        for (index, (item, diagnostic)) in zip(items, diagnostics).enumerated() {
            let target = targets.target(of: diagnostic)
            let interactions = target.interactions.map { String($0.rawValue) }.joined(separator: " ")
            let participants = target.participants.map { String($0.rawValue) }.joined(separator: " ")
            #expect(item.hasPrefix("data-interactions=\"\(interactions)\" data-participants=\"\(participants)\"><button type=\"button\""))
            #expect(item.contains("<span class=\"baton-number\">\(index + 1)</span>"))
            #expect(item.contains("<code class=\"baton-rule\">\(diagnostic.code)</code>"))
            #expect(item.contains(XMLEscaping.escape(diagnostic.message)))
        }
        // The retry finding is about the createPayment call (interaction 1), at 8:3.
        let retry = try #require(items.first { $0.contains("retry-without-idempotency") })
        #expect(retry.hasPrefix("data-interactions=\"1\""))
        #expect(retry.contains("<span class=\"baton-location\">8:3</span>"))
        #expect(retry.contains("&#39;Shop&#39; retries &#39;createPayment&#39;"))
    }

    @Test func showsTheMetricsTable() throws {
        let html = try Self.page(Self.design)
        let metrics = try #require(Self.contents(of: "<div id=\"baton-metrics\">", "</div>", in: html).first)
        #expect(metrics.contains("<caption>Participants</caption>"))
        // Shop: one sync in (pay), two sync out (createPayment, refund), fan-out 1.
        #expect(metrics.contains("<tr><th scope=\"row\">Shop</th><td>service</td><td class=\"baton-numeric\">1</td>"
            + "<td class=\"baton-numeric\">2</td><td class=\"baton-numeric\">0</td><td class=\"baton-numeric\">0</td>"
            + "<td class=\"baton-numeric\">1</td>"))
        #expect(metrics.contains("<td class=\"baton-numeric\">99.99%</td>"))
        #expect(metrics.contains("<caption>Synchronous call trees</caption>"))
    }

    @Test func thePolicyNamesExactlyTheInlineStyleAndScript() throws {
        let html = try Self.page(Self.design)
        let policy = try #require(Self.contents(of: "<meta http-equiv=\"Content-Security-Policy\" content=\"", "\"", in: html).first)
        let styles = Self.contents(of: "<style>", "</style>", in: html)
        let scripts = Self.contents(of: "<script>", "</script>", in: html)
        #expect(styles.count == 1 && scripts.count == 1)
        let styleHash = Data(SHA256.hash(Array((styles.first ?? "").utf8))).base64EncodedString()
        let scriptHash = Data(SHA256.hash(Array((scripts.first ?? "").utf8))).base64EncodedString()
        #expect(policy == "default-src 'none'; img-src data:; style-src 'sha256-\(styleHash)'; script-src 'sha256-\(scriptHash)'; "
            + "base-uri 'none'; form-action 'none'")
        #expect(!html.contains("unsafe-inline"))
        // Nothing else would run: no inline handlers, no style attributes, no other script or style.
        #expect(!html.contains(" onclick=") && !html.contains(" onload=") && !html.contains(" style=\""))
    }

    @Test func loadsNothingFromAnywhere() throws {
        let html = try Self.page(Self.design)
        #expect(!html.contains(" src="))
        #expect(!html.contains("href="))
        #expect(!html.contains("url("))
        #expect(!html.contains("@import"))
        // The only URLs are the SVG namespace names, which nothing loads.
        let urls = Self.count("http://", in: html) + Self.count("https://", in: html) + Self.count("//", in: html.replacingOccurrences(of: "://", with: ""))
        #expect(urls == Self.count("xmlns=\"http://www.w3.org/2000/svg\"", in: html))
    }

    @Test func isDeterministic() throws {
        #expect(try Self.page(Self.design) == Self.page(Self.design))
        #expect(try Self.page(Self.design, options: PageOptions(theme: .dark)) == Self.page(Self.design, options: PageOptions(theme: .dark)))
    }

    @Test func hostileTextStaysText() throws {
        let hostile = "</script><script>alert(1)</script>"
        let source = """
            title "\(hostile) & \\"quoted\\" 'single' \u{202E}evil"
            service A "\(hostile)"
            service B "x\\" onmouseover=\\"alert(2)"
            A -> B : "\(hostile) <img src=x onerror=alert(3)>" [retries=2, timeout=1s]
            flow "<b>flow</b> \u{202E}" {
              B -> A : back
            }
            """
        let compilation = Baton.compile(source: source, path: "hostile.baton")
        #expect(!compilation.hasErrors, "\(compilation.diagnostics)")
        let html = try DesignPage.html(compilation, source: Array(source.utf8))
        #expect(Self.count("<script", in: html) == 1)
        #expect(Self.count("</script>", in: html) == 1)
        #expect(!html.contains("<img"))
        #expect(!html.contains("<b>"))
        #expect(!html.contains("onmouseover=\""))
        #expect(!html.contains("\u{202E}"))
        #expect(html.contains("&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(html.contains("<title>&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quoted&quot; &#39;single&#39; \\u{202E}evil</title>"))
        #expect(html.contains("&lt;b&gt;flow&lt;/b&gt; \\u{202E}</option>"))
    }

    @Test func aLiveScriptIsHashedAndCannotEndItsElement() throws {
        let live = "new EventSource('/events').onmessage = function (e) { batonApply(JSON.parse(e.data)); }; var s = '</script>';"
        let html = try Self.page(Self.design, options: PageOptions(liveScript: live))
        let scripts = Self.contents(of: "<script>", "</script>", in: html)
        #expect(scripts.count == 2)
        #expect(scripts.last == "\n" + live.replacingOccurrences(of: "</", with: "<\\/") + "\n")
        let policy = try #require(Self.contents(of: "content=\"default-src", "\"", in: html).first)
        for script in scripts {
            #expect(policy.contains("'sha256-" + Data(SHA256.hash(Array(script.utf8))).base64EncodedString() + "'"))
        }
        #expect(policy.contains("connect-src 'self'"))
    }

    @Test func compileErrorsAreABannerInsteadOfDiagrams() throws {
        let html = try Self.page("service A\nA -> Bx : <go>\n")
        let banner = try #require(Self.contents(of: "<div id=\"baton-banner\">", "</div>\n<main>", in: html).first)
        #expect(banner.contains("role=\"alert\""))
        #expect(banner.contains("<span class=\"baton-location\">2:6</span> <code class=\"baton-rule\">undeclared-name</code>"))
        #expect(!html.contains("<svg"))
        #expect(html.contains("<div class=\"baton-canvas\" id=\"baton-sequence\"></div>"))
    }

    @Test func theFragmentsAreThePagesParts() throws {
        let compilation = Baton.compile(source: Self.design, path: "design.baton")
        let fragments = try DesignPage.fragments(compilation, source: Array(Self.design.utf8))
        let html = try DesignPage.html(compilation, source: Array(Self.design.utf8))
        #expect(DesignPage.html(fragments) == html)
        #expect(html.contains("<div class=\"baton-canvas\" id=\"baton-graph\">" + fragments.graph + "</div>"))
        #expect(html.contains("<div id=\"baton-findings\">" + fragments.findings + "</div>"))
        #expect(!fragments.json.contains("\n"))
        let json = try JSONValue.parse(fragments.json)
        #expect(json["sequence"] == .string(fragments.sequence))
        #expect(json["title"] == .string("Card payments"))
    }

    @Test(.requires(program: "xmllint"))
    func xmllintReadsThePage() throws {
        let xmllint = try ExternalProgram.require("xmllint", package: "libxml2-utils")
        let html = try Self.page(Self.design)
        let result = try xmllint.run(["--html", "--noout", "-"], input: Data(html.utf8))
        // libxml2's HTML parser predates HTML5: it calls <svg>, <main> and the like unknown tags,
        // and nothing else may be wrong.
        let errors = result.standardError.split(separator: "\n").filter { $0.contains("error") }
        let other = errors.filter { $0.range(of: #"Tag [a-z]+ invalid$"#, options: .regularExpression) == nil }
        #expect(other.isEmpty, "\(other)")
        #expect(!errors.isEmpty || result.status == 0)
    }
}
