import BatonModel
import BatonSyntax

/// The findings list and the compile-error banner: diagnostics as the page shows them.
enum PageFindings {
    /// `#baton-findings`' content: an `<ol>` of the findings in source order (the order
    /// `Checker.check` returns). Each `<li class="baton-finding">` carries the model ids it is
    /// about — `data-interactions="N M"` and `data-participants="N M"`, from `FindingTargets`, the
    /// numbers the SVG writer puts on interaction groups (`data-interaction`), participant groups
    /// (`data-participant`) and graph edges (`data-interactions`) — and a `<button>` that
    /// highlights them.
    static func list(_ diagnostics: [Diagnostic], compilation: Compilation) -> String {
        guard !diagnostics.isEmpty else { return "<p class=\"baton-none\">No findings.</p>\n" }
        let targets = FindingTargets(compilation.model)
        var out = "<ol class=\"baton-finding-list\">\n"
        for (index, diagnostic) in diagnostics.enumerated() {
            let target = targets.target(of: diagnostic)
            let interactions = target.interactions.map { String($0.rawValue) }.joined(separator: " ")
            let participants = target.participants.map { String($0.rawValue) }.joined(separator: " ")
            let severity = diagnostic.severity.rawValue
            out += "<li class=\"baton-finding\" data-interactions=\"\(interactions)\" data-participants=\"\(participants)\">"
            out += "<button type=\"button\" aria-pressed=\"false\">"
            out += "<span class=\"baton-number\">\(index + 1)</span> "
            out += "<span class=\"baton-severity baton-\(severity)\">\(severity)</span> "
            out += "<code class=\"baton-rule\">\(PageText.escape(diagnostic.code))</code> "
            out += "<span class=\"baton-location\">\(PageText.escape(location(diagnostic.span, compilation: compilation)))</span><br>"
            out += "<span class=\"baton-message\">\(PageText.escape(diagnostic.message))</span>"
            if let help = diagnostic.help {
                out += "<br><span class=\"baton-help\">help: \(PageText.escape(help))</span>"
            }
            out += "</button></li>\n"
        }
        return out + "</ol>\n"
    }

    /// `#baton-banner`'s content: the compile errors (message and place), shown instead of the
    /// diagrams, which a design with errors does not have; empty when it compiles.
    static func banner(_ compilation: Compilation) -> String {
        let errors = compilation.diagnostics.filter { $0.severity == .error }.sorted(by: Diagnostic.sourceOrder)
        guard !errors.isEmpty else { return "" }
        var out = "<div class=\"baton-banner\" role=\"alert\">\n"
        out += "<h2>The design does not compile</h2>\n<ul>\n"
        for error in errors {
            out += "<li><span class=\"baton-location\">\(PageText.escape(location(error.span, compilation: compilation)))</span> "
            out += "<code class=\"baton-rule\">\(PageText.escape(error.code))</code> "
            out += "<span class=\"baton-message\">\(PageText.escape(error.message))</span>"
            if let help = error.help { out += "<br><span class=\"baton-help\">help: \(PageText.escape(help))</span>" }
            out += "</li>\n"
        }
        return out + "</ul>\n</div>\n"
    }

    /// `line:column` in the root file, `file:line:column` in an imported one.
    static func location(_ span: Span, compilation: Compilation) -> String {
        guard compilation.sources.files.indices.contains(span.file.rawValue) else { return "" }
        let source = compilation.sources[span.file]
        let position = source.location(of: span.start)
        let place = "\(position.line):\(position.column)"
        return span.file == compilation.rootFile ? place : source.path + ":" + place
    }
}
