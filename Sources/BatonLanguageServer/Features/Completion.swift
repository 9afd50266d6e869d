import BatonCheck
import BatonModel
import BatonSyntax

/// One completion proposal.
public struct CompletionItem: Hashable, Sendable {
    public enum Kind: String, Hashable, Sendable, CaseIterable {
        case participant, attributeKey, attributeValue, rule, keyword, participantKind
    }

    /// What the list shows, and what is inserted unless `insertText` says otherwise.
    public var label: String
    public var kind: Kind
    /// One line beside the label: a participant's kind, an attribute's meaning, a rule's summary.
    public var detail: String
    /// What to insert when it differs from the label (`timeout=` for the key `timeout`).
    public var insertText: String?
    /// The partial word the item replaces; nil to insert at the cursor.
    public var replaceSpan: Span?
    /// The item's place in the list, zero-padded so it sorts as text (editors sort by label
    /// unless given one).
    public var sortText: String

    public init(label: String, kind: Kind, detail: String, insertText: String? = nil, replaceSpan: Span? = nil,
                sortText: String = "") {
        self.label = label
        self.kind = kind
        self.detail = detail
        self.insertText = insertText
        self.replaceSpan = replaceSpan
        self.sortText = sortText
    }
}

/// Completion (textDocument/completion): what may be written at the cursor, from the text
/// before it (see `CompletionContext`), with names and kinds taken from the analysis's model
/// (the last compilation, which may have errors: whatever was declared is offered).
///
/// Every list comes from the table that defines it — keywords from `Keyword`, kinds from
/// `ParticipantKind`, attributes from `AttributeSchema` and the kind table, rules from
/// `Rules.descriptors`, scenario words from the parser — so a new keyword, attribute or rule is
/// offered without a change here. Items come grouped by relevance, each group sorted by label
/// (example values in their natural order), and all items are proposed whatever has been typed:
/// the editor filters them against the word being typed (`replaceSpan`).
public enum Completion {
    public static func completions(_ analysis: Analysis, at cursor: Cursor) -> [CompletionItem] {
        let sources = analysis.compilation.sources.files
        guard sources.indices.contains(cursor.file.rawValue) else { return [] }
        return completions(in: sources[cursor.file.rawValue], at: cursor.offset, model: analysis.model)
    }

    /// Completions at `offset` of `source`, with names from `model`. The server passes the
    /// buffer as it is now and the newest model it has, which may be a keystroke behind: the
    /// context comes from the text, so completing never waits for a compilation.
    public static func completions(in source: SourceFile, at offset: Int, model: Model) -> [CompletionItem] {
        let context = CompletionContext.at(source, offset: offset)
        var items = items(for: context.want, model: model)
        for index in items.indices {
            items[index].replaceSpan = context.replaceSpan
            items[index].sortText = String(repeating: "0", count: max(0, 4 - String(index).count)) + String(index)
        }
        return items
    }

    static func items(for want: CompletionContext.Want, model: Model) -> [CompletionItem] {
        switch want {
        case .nothing:
            return []
        case .ruleIDs(let listed):
            return Rules.descriptors.filter { !listed.contains($0.id) }.sorted { $0.id < $1.id }
                .map { CompletionItem(label: $0.id, kind: .rule, detail: $0.summary) }
        case .statementStart(let block):
            return statementStart(block, model: model)
        case .participant(let kinds):
            return participants(model, kinds: kinds)
        case .faultEffect:
            return BatonParser.faultEffectWords.map { CompletionItem(label: $0, kind: .keyword, detail: "what the fault does") }
        case .expectation:
            return BatonParser.expectationWords.map { CompletionItem(label: $0, kind: .keyword, detail: "what the expectation measures") }
        case .attributeKey(let site, let present):
            guard let site else { return [] }
            return AttributeSchema.specs(for: site).filter { !present.contains($0.key) }.sorted { $0.key < $1.key }
                .map { spec in
                    CompletionItem(label: spec.key, kind: .attributeKey, detail: spec.summary,
                                   insertText: spec.valueType == .flag ? nil : spec.key + "=")
                }
        case .attributeValue(let key, let site, let owner):
            return values(key: key, site: site, owner: owner, model: model)
        }
    }

    /// Keywords and names that may start a statement in `block`.
    static func statementStart(_ block: CompletionContext.Block, model: Model) -> [CompletionItem] {
        let kinds = ParticipantKind.allCases.sorted { $0.rawValue < $1.rawValue }
            .map { CompletionItem(label: $0.keyword.rawValue, kind: .participantKind, detail: "declare a \($0.rawValue)") }
        func keywords(_ include: (Keyword) -> Bool) -> [CompletionItem] {
            Keyword.allCases.filter { ParticipantKind(keyword: $0) == nil && include($0) }.sorted { $0.rawValue < $1.rawValue }
                .map { CompletionItem(label: $0.rawValue, kind: .keyword, detail: keywordDetail($0)) }
        }
        let isStep: (Keyword) -> Bool = { FragmentSyntax.Kind(rawValue: $0.rawValue) != nil || $0 == .note }
        switch block {
        case .top:
            // Everything but the words that only continue a statement.
            let continuing: [Keyword] = [.else, .and, .over, .unbounded]
            return kinds + participants(model, kinds: nil) + keywords { !continuing.contains($0) }
        case .group:
            return kinds + keywords { $0 == .group }
        case .steps:
            return participants(model, kinds: nil) + keywords(isStep)
        case .scenario:
            return BatonParser.scenarioLineWords.map { CompletionItem(label: $0, kind: .keyword, detail: "a scenario line") }
        }
    }

    static func keywordDetail(_ keyword: Keyword) -> String {
        switch keyword {
        case .title: "the design's title"
        case .import: "declarations from another file"
        case .group: "a group of participants"
        case .flow: "a named flow of steps"
        case .loop, .opt, .alt, .par: "a fragment of steps"
        case .note: "a note over participants"
        case .scenario: "load, faults and expectations for baton simulate"
        default: "keyword"
        }
    }

    /// Declared participants (of `kinds` when given), by name.
    static func participants(_ model: Model, kinds: [ParticipantKind]?, except excluded: String? = nil) -> [CompletionItem] {
        model.participants
            .filter { participant in kinds.map { $0.contains(participant.kind) } ?? true }
            .filter { $0.name != excluded }
            .sorted { $0.name < $1.name }
            .map { participant in
                var detail = participant.kind.rawValue
                if let label = participant.label { detail += " — \(label)" }
                return CompletionItem(label: participant.name, kind: .participant, detail: detail)
            }
    }

    /// What may follow `key=` at `site`.
    static func values(key: String, site: AttributeSite?, owner: String?, model: Model) -> [CompletionItem] {
        guard let site else { return [] }
        let spec = AttributeSchema.specs(for: site).first { $0.key == key }
            ?? { if case .participant = site { AttributeSchema.participant.first { $0.key == key } } else { nil } }()
        guard let spec else { return [] }
        func examples(_ values: [String], _ detail: String) -> [CompletionItem] {
            values.map { CompletionItem(label: $0, kind: .attributeValue, detail: detail) }
        }
        switch spec.valueType {
        case .flag, .count, .string:
            return []
        case .choice(let choices):
            return examples(choices.sorted(), spec.summary)
        case .countOrUnbounded:
            return examples([Keyword.unbounded.rawValue], "no limit")
        case .participant(let kinds):
            return participants(model, kinds: kinds, except: owner)
        case .duration:
            return examples(["100ms", "250ms", "500ms", "1s", "2s", "5s", "30s", "1m"], "a duration")
        case .percent:
            return examples(["99%", "99.9%", "99.95%", "99.99%"], "a percentage")
        case .rate:
            return examples(["10/s", "100/s", "1000/s", "6000/m"], "a rate")
        case .stringOrName:
            // The teams already named, so that one team is spelt one way.
            let owners = Set(model.participants.compactMap(\.attributes.owner) + model.groups.compactMap(\.owner))
            // A team that is not a plain name is inserted as a string.
            return owners.sorted().map { owner in
                CompletionItem(label: owner, kind: .attributeValue, detail: "an owner already named",
                               insertText: Rename.nameProblem(owner) == nil ? nil : LiteralFormat.string(owner))
            }
        }
    }
}
