import BatonJSON
import BatonModel
import BatonSyntax

/// `baton metrics` output: an aligned text table, or JSON. Deterministic: rows in declaration
/// and document order, numbers formatted without locale. Names and labels in the table are made
/// visible (`ControlCharacters.visible`): it is printed on a terminal.
public enum MetricsReport {
    public static func text(_ metrics: DesignMetrics, sources: SourceMap) -> String {
        var rows = [["PARTICIPANT", "KIND", "SYNC IN", "SYNC OUT", "ASYNC IN", "ASYNC OUT", "FAN-OUT", "AVAILABILITY", "COMPOSITE"]]
        for row in metrics.participants {
            rows.append([ControlCharacters.visible(row.name), row.kind.rawValue, String(row.syncIn), String(row.syncOut), String(row.asyncIn),
                         String(row.asyncOut), String(row.fanOut), row.availability.map { LiteralFormat.percent($0) } ?? "-",
                         LiteralFormat.percent(row.compositeAvailability)])
        }
        var out = table(rows, rightAligned: Set(2...6))
        if !metrics.callTrees.isEmpty {
            var trees = [["CALL TREE", "LINE", "DEPTH", "WORST-CASE WAIT"]]
            for tree in metrics.callTrees {
                let line = sources[tree.span.file].location(of: tree.span.start).line
                trees.append([truncated(ControlCharacters.visible(tree.description), 60), String(line), String(tree.depth), Describe.duration(tree.worstCaseWait)])
            }
            out += "\n" + table(trees, rightAligned: [1, 2])
        }
        return out
    }

    public static func json(_ metrics: DesignMetrics, sources: SourceMap, file: String) -> String {
        let participants = metrics.participants.map { row -> JSONValue in
            .object([
                ("name", .string(row.name)),
                ("kind", .string(row.kind.rawValue)),
                ("syncIn", .int(row.syncIn)),
                ("syncOut", .int(row.syncOut)),
                ("asyncIn", .int(row.asyncIn)),
                ("asyncOut", .int(row.asyncOut)),
                ("fanOut", .int(row.fanOut)),
                ("availability", row.availability.map { .double(rounded($0)) } ?? .null),
                ("compositeAvailability", .double(rounded(row.compositeAvailability))),
            ])
        }
        let trees = metrics.callTrees.map { tree -> JSONValue in
            let location = sources[tree.span.file].location(of: tree.span.start)
            return .object([
                ("root", .string(tree.description)),
                ("file", .string(sources[tree.span.file].path)),
                ("line", .int(location.line)),
                ("column", .int(location.column)),
                ("depth", .int(tree.depth)),
                ("worstCaseWaitSeconds", tree.worstCaseWait.isFinite ? .double(rounded(tree.worstCaseWait)) : .string("unbounded")),
            ])
        }
        return JSONValue.object([
            ("version", .int(1)),
            ("file", .string(file)),
            ("participants", .array(participants)),
            ("callTrees", .array(trees)),
        ]).serialized(pretty: true) + "\n"
    }

    /// Twelve significant decimals: enough for availabilities, and free of binary noise.
    static func rounded(_ value: Double) -> Double {
        (value * 1e12).rounded() / 1e12
    }

    static func truncated(_ text: String, _ width: Int) -> String {
        text.count <= width ? text : String(text.prefix(width - 1)) + "…"
    }

    static func table(_ rows: [[String]], rightAligned: Set<Int>) -> String {
        guard let header = rows.first else { return "" }
        var widths = Array(repeating: 0, count: header.count)
        for row in rows { for (index, cell) in row.enumerated() { widths[index] = max(widths[index], cell.count) } }
        var out = ""
        for row in rows {
            var line = ""
            for (index, cell) in row.enumerated() {
                let padding = String(repeating: " ", count: widths[index] - cell.count)
                let last = index == row.count - 1
                line += rightAligned.contains(index) ? padding + cell : cell + (last ? "" : padding)
                if !last { line += "  " }
            }
            while line.hasSuffix(" ") { line.removeLast() }
            out += line + "\n"
        }
        return out
    }
}
