import BatonRender
import BatonSyntax

/// The site's front page: every design served, sorted, with its title and its findings.
/// Plain HTML with no script and no style, so its policy allows nothing.
enum IndexPage {
    static func html(designs: [DesignState], root: String) -> String {
        var html = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <title>Baton designs</title>
            </head>
            <body>
            <h1>Baton designs</h1>
            <p>\(English.plural(designs.count, "design")) in <code>\(XMLEscaping.escape(root))</code></p>
            <ul>

            """
        for design in designs {
            let links = DesignLinks(relativePath: design.relativePath)
            html += "<li><a href=\"\(XMLEscaping.escape(links.page))\">\(XMLEscaping.escape(design.relativePath))</a>"
            if let title = design.title { html += " — \(XMLEscaping.escape(title))" }
            html += " <small>(\(XMLEscaping.escape(summary(design))))</small></li>\n"
        }
        html += "</ul>\n</body>\n</html>\n"
        return html
    }

    /// "does not compile", "no findings", "2 warnings, 1 info".
    static func summary(_ design: DesignState) -> String {
        if design.compilation == nil || design.compilation?.hasErrors == true { return "does not compile" }
        let counts = design.counts
        var parts: [String] = []
        if counts.errors > 0 { parts.append(counts.errors == 1 ? "1 error" : "\(counts.errors) errors") }
        if counts.warnings > 0 { parts.append(counts.warnings == 1 ? "1 warning" : "\(counts.warnings) warnings") }
        if counts.infos > 0 { parts.append("\(counts.infos) info") }
        return parts.isEmpty ? "no findings" : parts.joined(separator: ", ")
    }
}
