// BatonDiff: the semantic difference of two designs (`baton diff`). Two compiled and checked
// designs (`DesignSide`) go in; a `DesignDiff` comes out — participants, interactions, groups,
// flows and scenarios added, removed, renamed or changed attribute by attribute, the findings
// that are new and those that are resolved, and the derived numbers that moved — and the writers
// turn it into text, JSON, Markdown or a diagram. Every stage is a pure function of its values;
// matching uses dictionaries, output follows the designs' own order, never a dictionary's.

/// What changed between two designs, in the new design's order (removed elements after the
/// others, in the old design's order). Empty when the designs mean the same: layout, comments
/// and the way a value is written (`5000ms`, `5s`) make no difference.
public struct DesignDiff: Hashable, Sendable {
    /// What the two designs are called in reports: their paths, or `REV:path` for a git revision.
    public var old: String
    public var new: String
    /// Design-wide attributes (the title).
    public var design: [AttributeChange]
    public var participants: [ElementChange]
    public var interactions: [ElementChange]
    public var groups: [ElementChange]
    public var flows: [ElementChange]
    public var scenarios: [ElementChange]
    /// Findings of `baton check` only the new design has, in its source order.
    public var newFindings: [FindingEntry]
    /// Findings only the old design has, in its source order.
    public var resolvedFindings: [FindingEntry]
    /// Derived numbers that moved, for elements in both designs (see `MetricChange.Metric`).
    public var metrics: [MetricChange]

    public init(old: String, new: String, design: [AttributeChange] = [], participants: [ElementChange] = [],
                interactions: [ElementChange] = [], groups: [ElementChange] = [], flows: [ElementChange] = [],
                scenarios: [ElementChange] = [], newFindings: [FindingEntry] = [], resolvedFindings: [FindingEntry] = [],
                metrics: [MetricChange] = []) {
        self.old = old
        self.new = new
        self.design = design
        self.participants = participants
        self.interactions = interactions
        self.groups = groups
        self.flows = flows
        self.scenarios = scenarios
        self.newFindings = newFindings
        self.resolvedFindings = resolvedFindings
        self.metrics = metrics
    }

    /// Whether the designs mean the same (`baton diff` exits 0).
    public var isEmpty: Bool {
        design.isEmpty && participants.isEmpty && interactions.isEmpty && groups.isEmpty && flows.isEmpty
            && scenarios.isEmpty && newFindings.isEmpty && resolvedFindings.isEmpty && metrics.isEmpty
    }

    /// The element lists with their names, in the order every writer shows them.
    public var sections: [(section: ElementChange.Section, changes: [ElementChange])] {
        [(.participants, participants), (.interactions, interactions), (.groups, groups), (.flows, flows),
         (.scenarios, scenarios)]
    }
}

/// One element added, removed, renamed or changed.
public struct ElementChange: Hashable, Sendable {
    public enum Change: String, Hashable, Sendable, CaseIterable {
        case added
        case removed
        /// A participant under a new name, otherwise the same (see `ParticipantMatching`); its
        /// `attributes` may still list changes (a label).
        case renamed
        case changed
    }

    /// The kinds of element a diff lists, each a section of the reports.
    public enum Section: String, Hashable, Sendable, CaseIterable {
        case participants
        case interactions
        case groups
        case flows
        case scenarios

        /// "participant", "interaction", … for sentences.
        public var singular: String {
            switch self {
            case .participants: "participant"
            case .interactions: "interaction"
            case .groups: "group"
            case .flows: "flow"
            case .scenarios: "scenario"
            }
        }
    }

    public var change: Change
    /// What it is called in the new design (the old one for a removed element): a participant's,
    /// group's, flow's or scenario's name, an interaction as `A -> B : label`.
    public var name: String
    /// The old name, for a renamed participant, or an interaction whose ends were renamed.
    public var oldName: String?
    /// A participant's kind (`service`); an interaction's arrow (`->`); nil otherwise.
    public var kind: String?
    /// For an interaction that shares its ends, arrow and label with others: which of them (1,
    /// 2, … in document order of the new design, of the old one when removed); nil when unique.
    public var occurrence: Int?
    /// Attribute by attribute, in the schema's order: for a changed or renamed element the ones
    /// that differ, for an added one every declared attribute (old nil), for a removed one every
    /// attribute it had (new nil).
    public var attributes: [AttributeChange]
    /// Where it is declared in each design (nil on the side it is missing from).
    public var oldLocation: DiffLocation?
    public var newLocation: DiffLocation?

    public init(change: Change, name: String, oldName: String? = nil, kind: String? = nil, occurrence: Int? = nil,
                attributes: [AttributeChange] = [], oldLocation: DiffLocation? = nil, newLocation: DiffLocation? = nil) {
        self.change = change
        self.name = name
        self.oldName = oldName
        self.kind = kind
        self.occurrence = occurrence
        self.attributes = attributes
        self.oldLocation = oldLocation
        self.newLocation = newLocation
    }
}

/// One attribute's value in each design, as Baton writes it (`AttributeSpec.written`); nil where
/// it is not declared.
public struct AttributeChange: Hashable, Sendable {
    public var key: String
    public var old: String?
    public var new: String?

    public init(key: String, old: String?, new: String?) {
        self.key = key
        self.old = old
        self.new = new
    }
}

/// A place in one design: the file as reports name it, 1-based line and column.
public struct DiffLocation: Hashable, Sendable {
    public var file: String
    public var line: Int
    public var column: Int

    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }
}

/// A finding of `baton check` that only one design has.
public struct FindingEntry: Hashable, Sendable {
    /// The rule's id (`missing-timeout`).
    public var code: String
    /// `error`, `warning` or `info`.
    public var severity: String
    public var message: String
    public var location: DiffLocation
    /// The finding's line-free identity, exactly as SARIF's `partialFingerprints`
    /// (`primaryLocationLineHash`) gives it: `Fingerprint.hash` and its occurrence (`hash:N`).
    public var fingerprint: String

    public init(code: String, severity: String, message: String, location: DiffLocation, fingerprint: String) {
        self.code = code
        self.severity = severity
        self.message = message
        self.location = location
        self.fingerprint = fingerprint
    }
}

/// A derived number that moved (docs/language.md#13-derived-quantities), of an element both
/// designs have.
public struct MetricChange: Hashable, Sendable {
    public enum Metric: String, Hashable, Sendable, CaseIterable {
        /// Of a call tree's root interaction, in seconds (infinite: unbounded).
        case worstCaseWait
        /// The largest product of attempts along a path of a call tree (infinite: unbounded).
        case amplification
        /// Of a participant, a fraction in 0…1.
        case compositeAvailability
        /// Of a participant: how many distinct participants it calls or fetches from synchronously.
        case fanOut

        /// What the reports call it.
        public var title: String {
            switch self {
            case .worstCaseWait: "worst-case wait"
            case .amplification: "retry amplification"
            case .compositeAvailability: "composite availability"
            case .fanOut: "fan-out"
            }
        }
    }

    public var metric: Metric
    /// The call tree's root interaction (`A -> B : label`) or the participant's name, as the new
    /// design calls it.
    public var subject: String
    public var old: Double
    public var new: Double
    /// The values as the reports print them (`2.5s`, `unbounded`, `99.85%`, `3`): precise enough
    /// to tell the two apart.
    public var oldText: String
    public var newText: String

    public init(metric: Metric, subject: String, old: Double, new: Double, oldText: String, newText: String) {
        self.metric = metric
        self.subject = subject
        self.old = old
        self.new = new
        self.oldText = oldText
        self.newText = newText
    }
}
