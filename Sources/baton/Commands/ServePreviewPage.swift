import Baton
import BatonJSON
import BatonModel
import BatonRender
import BatonServe
import BatonSyntax
import Foundation

/// The page `baton serve` shows for a design until the full design page (sequence and graph
/// views, findings, metrics, updated in place by `batonApply`) is wired in through the same
/// `DesignPageProvider` protocol: the sequence view, the findings as text, and a banner with
/// the compile error while the last good diagram stays on screen.
///
/// Its one inline script listens to the design's event stream and swaps the diagram, the
/// banner and the findings from each `update`; the content security policy allows exactly that
/// script, by its SHA-256 hash, and connections back to this server — nothing else.
final class ServePreviewPage: DesignPageProvider, @unchecked Sendable {
    private let lock = NSLock()
    /// The last good render of each design: the generation it was drawn from, and the SVG.
    private var renders: [String: (generation: Int, svg: String)] = [:]

    static let script = """
        (function () {
          var diagram = document.getElementById("baton-diagram");
          var banner = document.getElementById("baton-error");
          var findings = document.getElementById("baton-findings");
          var source = new EventSource(document.body.getAttribute("data-events"));
          source.addEventListener("update", function (event) {
            var update = JSON.parse(event.data);
            if (update.svg !== null) { diagram.innerHTML = update.svg; }
            if (update.error) {
              banner.textContent = "Does not compile: " + update.error.message + " (line " + update.error.line + ", column " + update.error.column + ")";
              banner.hidden = false;
            } else {
              banner.textContent = "";
              banner.hidden = true;
            }
            findings.textContent = update.findings.length === 0 ? "No findings." : update.findings.map(function (f) {
              return f.file + ":" + f.line + ":" + f.column + ": " + f.severity + ": " + f.message + " [" + f.code + "]";
            }).join("\\n");
          });
          source.addEventListener("removed", function () {
            banner.textContent = "This design was removed.";
            banner.hidden = false;
          });
        })();
        """

    static let contentSecurityPolicy = "default-src 'none'; script-src 'sha256-"
        + Data(SHA256.hash(Array(script.utf8))).base64EncodedString()
        + "'; connect-src 'self'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"

    func page(for design: DesignState, links: DesignLinks) -> DesignPageContent {
        let view = content(design)
        let title = design.title ?? design.relativePath
        var banner = "<div id=\"baton-error\" role=\"alert\" hidden></div>"
        if let error = view.error {
            banner = "<div id=\"baton-error\" role=\"alert\">Does not compile: \(HTMLText.escaped(error.message)) (line \(error.line), column \(error.column))</div>"
        }
        let findings = view.findings.isEmpty ? "No findings." : view.findings.map(\.text).joined(separator: "\n")
        let html = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <title>\(HTMLText.escaped(title)) — Baton</title>
            </head>
            <body data-events="\(HTMLText.escaped(links.events))">
            <p><a href="\(HTMLText.escaped(links.index))">All designs</a> · <code>\(HTMLText.escaped(design.relativePath))</code></p>
            <h1>\(HTMLText.escaped(title))</h1>
            \(banner)
            <div id="baton-diagram">\(view.svg ?? "")</div>
            <h2>Findings</h2>
            <pre id="baton-findings">\(HTMLText.escaped(findings))</pre>
            <script>\(Self.script)</script>
            </body>
            </html>

            """
        return DesignPageContent(html: html, contentSecurityPolicy: Self.contentSecurityPolicy)
    }

    func update(for design: DesignState) -> String {
        let view = content(design)
        let error: JSONValue = view.error.map { .object([("message", .string($0.message)), ("line", .int($0.line)), ("column", .int($0.column))]) } ?? .null
        let findings = JSONValue.array(view.findings.map(\.json))
        return JSONValue.object([("svg", view.svg.map(JSONValue.string) ?? .null), ("findings", findings), ("error", error)])
            .serialized(pretty: false)
    }

    struct Finding {
        var file: String
        var line: Int
        var column: Int
        var severity: String
        var message: String
        var code: String

        var text: String { "\(file):\(line):\(column): \(severity): \(message) [\(code)]" }
        var json: JSONValue {
            .object([("file", .string(file)), ("line", .int(line)), ("column", .int(column)), ("severity", .string(severity)),
                     ("message", .string(message)), ("code", .string(code))])
        }
    }

    struct View {
        var svg: String?
        var findings: [Finding]
        var error: DesignProblem?
    }

    /// What the page shows: the last good diagram, the findings, and the problem, if any.
    func content(_ design: DesignState) -> View {
        var findings: [Finding] = []
        if let compilation = design.compilation {
            for diagnostic in design.findings {
                let start = compilation.sources.location(of: diagnostic.span).start
                findings.append(Finding(file: compilation.sources[diagnostic.span.file].path, line: start.line, column: start.column,
                                        severity: diagnostic.severity.rawValue, message: diagnostic.message, code: diagnostic.code))
            }
        }
        var problem = design.problem
        var svg: String?
        if let good = design.lastGood {
            do {
                svg = try render(design.relativePath, good)
            } catch {
                if problem == nil {
                    problem = DesignProblem(message: "cannot draw it: \(error.message)", file: design.relativePath, line: 0, column: 0)
                }
            }
        }
        return View(svg: svg, findings: findings, error: problem)
    }

    /// The sequence view of a good version, from memory when that version was drawn before.
    private func render(_ key: String, _ good: GoodVersion) throws(RenderError) -> String {
        if let cached = lock.withLock({ renders[key] }), cached.generation == good.generation { return cached.svg }
        let svg = try Baton.render(good.compilation, source: good.source, options: RenderOptions())
        lock.withLock { renders[key] = (good.generation, svg) }
        return svg
    }
}
