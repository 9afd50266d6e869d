import BatonSyntax

/// `baton diff --format text`: the differences for people at a terminal, in the order of
/// `DesignDiff` — one line per element (`+` added, `-` removed, `~` changed, `>` renamed), its
/// attributes indented below it as `key: old → new`, then the findings, the numbers that moved
/// and a summary line. Coloured only when asked (a terminal, as `baton check` decides); every
/// name, value and message is made visible (`ControlCharacters.visible`) first.
public struct DiffTextWriter: Sendable {
    public var color: Bool

    public init(color: Bool = false) { self.color = color }

    /// What an absent value reads as.
    static let unset = "unset"

    public func write(_ diffs: [DesignDiff]) -> String {
        diffs.map(write).joined(separator: "\n")
    }

    public func write(_ diff: DesignDiff) -> String {
        let header = paint("diff \(visible(diff.old)) \(visible(diff.new))", "1")
        guard !diff.isEmpty else { return header + "\nno semantic differences\n" }
        var out = header + "\n"
        for change in diff.design {
            out += "\n" + paint("~ \(change.key): \(value(change.old)) → \(value(change.new))", "33") + "\n"
        }
        for (section, changes) in diff.sections where !changes.isEmpty {
            out += "\n" + paint(section.rawValue.prefix(1).uppercased() + section.rawValue.dropFirst(), "1") + "\n"
            for change in changes { out += element(change) }
        }
        if !diff.newFindings.isEmpty || !diff.resolvedFindings.isEmpty {
            out += "\n" + paint("Findings", "1") + "\n"
            for finding in diff.newFindings { out += findingLine(finding, new: true) }
            for finding in diff.resolvedFindings { out += findingLine(finding, new: false) }
        }
        if !diff.metrics.isEmpty {
            out += "\n" + paint("Numbers that moved", "1") + "\n"
            let width = diff.metrics.map(\.metric.title.count).max() ?? 0
            for metric in diff.metrics {
                let title = metric.metric.title
                let padding = String(repeating: " ", count: width - title.count)
                let subject = visible(metric.subject)
                out += "  \(title)\(padding)  \(subject): \(metric.oldText) → \(metric.newText)\n"
            }
        }
        return out + "\n" + DiffSummary(diff).sentence + "\n"
    }

    /// One element: its marker, kind and name, where it is, then its attributes.
    func element(_ change: ElementChange) -> String {
        let (marker, code) = Self.marker(change.change)
        var head = "\(marker) "
        if let kind = change.kind, !isArrow(kind) { head += kind + " " }
        head += visible(change.name)
        if let old = change.oldName, change.change == .renamed { head += " (was \(visible(old)))" }
        if let occurrence = change.occurrence { head += " (#\(occurrence))" }
        var out = "  " + paint(head, code)
        if let location = change.newLocation ?? change.oldLocation {
            out += "  " + paint("\(visible(location.file)):\(location.line)", "2")
        }
        out += "\n"
        if let old = change.oldName, change.change == .changed { out += "      was: \(visible(old))\n" }
        for attribute in change.attributes {
            switch change.change {
            case .added: out += "      \(attribute.key): \(value(attribute.new))\n"
            case .removed: out += "      \(attribute.key): \(value(attribute.old))\n"
            case .changed, .renamed: out += "      \(attribute.key): \(value(attribute.old)) → \(value(attribute.new))\n"
            }
        }
        return out
    }

    func findingLine(_ finding: FindingEntry, new: Bool) -> String {
        let tag = new ? paint("new", "31") : paint("resolved", "32")
        let place = "\(visible(finding.location.file)):\(finding.location.line):\(finding.location.column)"
        return "  \(tag) \(finding.severity)[\(finding.code)] \(place): \(visible(finding.message))\n"
    }

    static func marker(_ change: ElementChange.Change) -> (String, String) {
        switch change {
        case .added: ("+", "32")
        case .removed: ("-", "31")
        case .changed: ("~", "33")
        case .renamed: (">", "36")
        }
    }

    func isArrow(_ kind: String) -> Bool { Arrow(rawValue: kind) != nil }

    func value(_ text: String?) -> String {
        text.map(visible) ?? Self.unset
    }

    func visible(_ text: String) -> String { ControlCharacters.visible(text) }

    private func paint(_ text: String, _ code: String) -> String {
        color ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }
}
