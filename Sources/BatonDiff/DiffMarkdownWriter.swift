import BatonSyntax

/// `baton diff --format markdown`: a comment for a pull request (GitHub Flavored Markdown). A
/// heading per design, the summary in bold, then a table per kind of element, the findings and
/// the numbers that moved; a table longer than `foldAfter` rows is folded into a `<details>`
/// block so a large change does not bury the conversation. Every name, value and message from a
/// design goes through `MarkdownText.escape`, so a label cannot add markup or break a table.
public enum DiffMarkdownWriter {
    /// Tables with more rows than this are folded.
    public static let foldAfter = 10

    public static func write(_ diffs: [DesignDiff]) -> String {
        diffs.map(write).joined(separator: "\n")
    }

    public static func write(_ diff: DesignDiff) -> String {
        var out = "## Design changes: \(escape(diff.old)) → \(escape(diff.new))\n\n"
        guard !diff.isEmpty else { return out + "No semantic differences.\n" }
        out += "**\(escape(DiffSummary(diff).sentence))**\n"
        if !diff.design.isEmpty {
            out += "\n" + diff.design.map { "- \($0.key): \(value($0.old)) → \(value($0.new))" }.joined(separator: "\n") + "\n"
        }
        for (section, changes) in diff.sections where !changes.isEmpty {
            let title = section.rawValue.prefix(1).uppercased() + section.rawValue.dropFirst()
            let kindColumn = section == .participants ? ["Kind"] : []
            let rows = changes.map { change in
                [change.change.rawValue, name(change)] + (section == .participants ? [escape(change.kind ?? "")] : [])
                    + [details(change)]
            }
            out += "\n" + table(title: title, header: ["Change", section.singular.prefix(1).uppercased() + section.singular.dropFirst()]
                                    + kindColumn + ["Details"], rows: rows)
        }
        if !diff.newFindings.isEmpty || !diff.resolvedFindings.isEmpty {
            let rows = diff.newFindings.map { finding("new", $0) } + diff.resolvedFindings.map { finding("resolved", $0) }
            out += "\n" + table(title: "Findings", header: ["", "Severity", "Rule", "Where", "Message"], rows: rows)
        }
        if !diff.metrics.isEmpty {
            let rows = diff.metrics.map { [$0.metric.title, escape($0.subject), escape($0.oldText), escape($0.newText)] }
            out += "\n" + table(title: "Numbers that moved", header: ["Number", "Of", "Old", "New"], rows: rows)
        }
        return out
    }

    /// A heading and a table, folded into `<details>` when it is long.
    static func table(title: String, header: [String], rows: [[String]]) -> String {
        var body = "| " + header.joined(separator: " | ") + " |\n"
        body += "|" + String(repeating: "---|", count: header.count) + "\n"
        for row in rows { body += "| " + row.map { $0.isEmpty ? " " : $0 }.joined(separator: " | ") + " |\n" }
        guard rows.count > foldAfter else { return "### \(title)\n\n" + body }
        return "### \(title)\n\n<details><summary>\(rows.count) \(title.lowercased())</summary>\n\n" + body + "\n</details>\n"
    }

    static func name(_ change: ElementChange) -> String {
        var text = escape(change.name)
        if let occurrence = change.occurrence { text += " (#\(occurrence))" }
        if let old = change.oldName { text += change.change == .renamed ? " (was \(escape(old)))" : "<br>was: \(escape(old))" }
        return text
    }

    /// The attributes, one per line in the cell.
    static func details(_ change: ElementChange) -> String {
        change.attributes.map { attribute in
            switch change.change {
            case .added: "\(escape(attribute.key)): \(value(attribute.new))"
            case .removed: "\(escape(attribute.key)): \(value(attribute.old))"
            case .changed, .renamed: "\(escape(attribute.key)): \(value(attribute.old)) → \(value(attribute.new))"
            }
        }.joined(separator: "<br>")
    }

    static func finding(_ tag: String, _ finding: FindingEntry) -> [String] {
        [tag, finding.severity, escape(finding.code),
         escape("\(finding.location.file):\(finding.location.line):\(finding.location.column)"), escape(finding.message)]
    }

    /// A value, or an em dash for none.
    static func value(_ text: String?) -> String {
        text.map(escape) ?? "—"
    }

    static func escape(_ text: String) -> String { MarkdownText.escape(text) }
}
