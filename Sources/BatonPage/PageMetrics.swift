import BatonCheck
import BatonModel
import BatonSyntax

/// `#baton-metrics`' content: the numbers `baton metrics` prints, as two tables — per
/// participant (sync and async in and out, fan-out, declared and composite availability) and
/// per synchronous call tree (depth, the root's worst-case wait).
enum PageMetrics {
    static func tables(_ metrics: DesignMetrics, compilation: Compilation) -> String {
        var out = "<table class=\"baton-table\">\n<caption>Participants</caption>\n<thead><tr>"
        for (title, numeric) in [("Participant", false), ("Kind", false), ("Sync in", true), ("Sync out", true), ("Async in", true),
                                 ("Async out", true), ("Fan-out", true), ("Availability", true), ("Composite", true)] {
            out += "<th scope=\"col\"\(numeric ? " class=\"baton-numeric\"" : "")>\(title)</th>"
        }
        out += "</tr></thead>\n<tbody>\n"
        for row in metrics.participants {
            out += "<tr><th scope=\"row\">\(PageText.escape(row.name))</th><td>\(row.kind.rawValue)</td>"
            for number in [row.syncIn, row.syncOut, row.asyncIn, row.asyncOut, row.fanOut] {
                out += "<td class=\"baton-numeric\">\(number)</td>"
            }
            out += "<td class=\"baton-numeric\">\(row.availability.map { LiteralFormat.percent($0) } ?? "–")</td>"
            out += "<td class=\"baton-numeric\">\(LiteralFormat.percent(row.compositeAvailability))</td></tr>\n"
        }
        out += "</tbody>\n</table>\n"
        guard !metrics.callTrees.isEmpty else { return out }
        out += "<table class=\"baton-table\">\n<caption>Synchronous call trees</caption>\n<thead><tr>"
        out += "<th scope=\"col\">Call tree</th><th scope=\"col\" class=\"baton-numeric\">Line</th>"
        out += "<th scope=\"col\" class=\"baton-numeric\">Depth</th><th scope=\"col\" class=\"baton-numeric\">Worst-case wait</th>"
        out += "</tr></thead>\n<tbody>\n"
        for tree in metrics.callTrees {
            let place = PageFindings.location(tree.span, compilation: compilation)
            let line = place.split(separator: ":").dropLast().joined(separator: ":")
            out += "<tr><th scope=\"row\">\(PageText.escape(tree.description))</th><td class=\"baton-numeric\">\(PageText.escape(line))</td>"
            out += "<td class=\"baton-numeric\">\(tree.depth)</td><td class=\"baton-numeric\">\(LiteralFormat.duration(tree.worstCaseWait))</td></tr>\n"
        }
        return out + "</tbody>\n</table>\n"
    }
}
