import BatonJSON

/// `baton diff --format json`: the machine contract, version 1, documented field by field in
/// docs/diff.md and checked by `schema/baton-diff.schema.json`. Keys in a fixed order, every key
/// always present (null when it has no value), elements in the order of `DesignDiff`; times in
/// seconds and availabilities as fractions, an infinite number as the string `"unbounded"`.
public enum DiffJSONWriter {
    public static let version = 1

    public static func write(_ diffs: [DesignDiff]) -> String {
        JSONValue.object([
            ("version", .int(version)),
            ("equal", .bool(diffs.allSatisfy(\.isEmpty))),
            ("designs", .array(diffs.map(design))),
        ]).serialized(pretty: true) + "\n"
    }

    static func design(_ diff: DesignDiff) -> JSONValue {
        let summary = DiffSummary(diff)
        var counts: [(String, JSONValue)] = ElementChange.Section.allCases.map { section in
            (section.rawValue, .object(ElementChange.Change.allCases.map { ($0.rawValue, .int(summary.count(section, $0))) }))
        }
        counts.append(("findings", .object([("new", .int(summary.newFindings)), ("resolved", .int(summary.resolvedFindings))])))
        counts.append(("metrics", .int(summary.metrics)))
        return .object([
            ("old", .string(diff.old)),
            ("new", .string(diff.new)),
            ("equal", .bool(diff.isEmpty)),
            ("summary", .object(counts)),
            ("design", .array(diff.design.map(attribute))),
            ("participants", .array(diff.participants.map(element))),
            ("interactions", .array(diff.interactions.map(element))),
            ("groups", .array(diff.groups.map(element))),
            ("flows", .array(diff.flows.map(element))),
            ("scenarios", .array(diff.scenarios.map(element))),
            ("findings", .object([
                ("new", .array(diff.newFindings.map(finding))),
                ("resolved", .array(diff.resolvedFindings.map(finding))),
            ])),
            ("metrics", .array(diff.metrics.map(metric))),
        ])
    }

    static func element(_ change: ElementChange) -> JSONValue {
        .object([
            ("change", .string(change.change.rawValue)),
            ("name", .string(change.name)),
            ("oldName", change.oldName.map(JSONValue.string) ?? .null),
            ("kind", change.kind.map(JSONValue.string) ?? .null),
            ("occurrence", change.occurrence.map(JSONValue.int) ?? .null),
            ("attributes", .array(change.attributes.map(attribute))),
            ("oldLocation", change.oldLocation.map(location) ?? .null),
            ("newLocation", change.newLocation.map(location) ?? .null),
        ])
    }

    static func attribute(_ change: AttributeChange) -> JSONValue {
        .object([
            ("key", .string(change.key)),
            ("old", change.old.map(JSONValue.string) ?? .null),
            ("new", change.new.map(JSONValue.string) ?? .null),
        ])
    }

    static func location(_ location: DiffLocation) -> JSONValue {
        .object([("file", .string(location.file)), ("line", .int(location.line)), ("column", .int(location.column))])
    }

    static func finding(_ finding: FindingEntry) -> JSONValue {
        .object([
            ("code", .string(finding.code)),
            ("severity", .string(finding.severity)),
            ("message", .string(finding.message)),
            ("file", .string(finding.location.file)),
            ("line", .int(finding.location.line)),
            ("column", .int(finding.location.column)),
            ("fingerprint", .string(finding.fingerprint)),
        ])
    }

    static func metric(_ change: MetricChange) -> JSONValue {
        .object([
            ("metric", .string(change.metric.rawValue)),
            ("subject", .string(change.subject)),
            ("old", number(change.old)),
            ("new", number(change.new)),
            ("oldText", .string(change.oldText)),
            ("newText", .string(change.newText)),
        ])
    }

    /// Twelve significant decimals, as `baton metrics --format json` writes them; infinite as
    /// `"unbounded"`.
    static func number(_ value: Double) -> JSONValue {
        value.isFinite ? .double((value * 1e12).rounded() / 1e12) : .string("unbounded")
    }
}
