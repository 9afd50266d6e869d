import Baton
import BatonCheck
import BatonModel
import BatonSyntax

/// What a hover shows: Markdown, and the span it is about (which the editor highlights).
public struct HoverResult: Hashable, Sendable {
    public var markdown: String
    public var span: Span

    public init(markdown: String, span: Span) {
        self.markdown = markdown
        self.span = span
    }
}

/// Hover (textDocument/hover): what the thing under the cursor means, with the numbers the
/// rules reason with, so a reader need not run `baton metrics` to learn them.
///
/// Every number comes from the code the rules and metrics use (`SyncGraph.fanOut`,
/// `CompositeAvailability`, `WorstCaseWaits` and `CheckContext.explainWait`), so a hover never
/// disagrees with a finding. Text from the design is escaped (`Markdown.escape`).
public enum Hover {
    /// The hover at `cursor`: on a rule id in a `# baton:ignore` comment, a participant name
    /// (anywhere it is written), an attribute key, or an interaction's arrow or label; nil
    /// elsewhere.
    public static func hover(_ analysis: Analysis, index: SymbolIndex, at cursor: Cursor) -> HoverResult? {
        let compilation = analysis.compilation
        guard compilation.syntax.indices.contains(cursor.file.rawValue) else { return nil }
        let lookup = SyntaxLookup(compilation, file: cursor.file)
        if let rule = ruleHover(lookup.syntax, at: cursor.offset) { return rule }
        if let occurrence = index.occurrence(at: cursor) {
            if let participant = occurrence.participant {
                return HoverResult(markdown: participantMarkdown(participant, in: analysis), span: occurrence.span)
            }
            return HoverResult(markdown: "**\(Markdown.escape(occurrence.name))** is not declared", span: occurrence.span)
        }
        if let (attribute, site) = lookup.attributeKey(at: cursor.offset),
           let markdown = attributeMarkdown(attribute.key, site: site) {
            return HoverResult(markdown: markdown, span: attribute.keySpan)
        }
        if let interaction = lookup.interaction(at: cursor.offset) {
            let span = interaction.arrowSpan.start <= cursor.offset && cursor.offset <= interaction.arrowSpan.end
                ? interaction.arrowSpan : (interaction.label?.span ?? interaction.arrowSpan)
            return HoverResult(markdown: interactionMarkdown(interaction, in: analysis), span: span)
        }
        return nil
    }

    // MARK: - Rule ids

    static func ruleHover(_ syntax: SyntaxFile, at offset: Int) -> HoverResult? {
        guard let comment = syntax.comments.first(where: { $0.span.start <= offset && offset <= $0.span.end }),
              let directive = SuppressionDirective.directive(in: comment),
              let reference = directive.rules.first(where: { $0.span.start <= offset && offset <= $0.span.end })
        else { return nil }
        return HoverResult(markdown: ruleMarkdown(reference.id), span: reference.span)
    }

    /// A rule's summary, rationale and where it is documented; for an unknown id, what it may
    /// have meant.
    static func ruleMarkdown(_ id: String) -> String {
        guard let descriptor = Rules.descriptor(id: id) else {
            var text = "**\(Markdown.escape(id))** is not a rule"
            if let suggestion = Rules.suggestion(for: id) { text += "; did you mean \(Markdown.code(suggestion))?" }
            return text
        }
        return """
            \(Markdown.code(descriptor.id)) (\(descriptor.defaultSeverity.rawValue) by default): \(descriptor.summary)

            \(descriptor.rationale)

            [docs/rules.md#\(descriptor.id)](\(ruleDocumentationLink(descriptor.id)))
            """
    }

    /// Where `docs/rules.md` documents a rule (the same link diagnostics carry as their code
    /// description): its heading is the id, so the anchor is the id.
    public static func ruleDocumentationLink(_ id: String) -> String {
        Baton.documentationURI(forCode: id) ?? "docs/rules.md#\(id)"
    }

    // MARK: - Participants

    static func participantMarkdown(_ id: ParticipantID, in analysis: Analysis) -> String {
        let compilation = analysis.compilation
        let model = compilation.model
        let participant = model[id]
        var header = "\(participant.kind.rawValue) **\(Markdown.escape(participant.name))**"
        if let label = participant.label { header += " — \(Markdown.escape(label))" }
        var lines: [String] = []
        let declaration = SyntaxLookup(compilation, file: participant.nameSpan.file).declaration(at: participant.nameSpan)
        let source = compilation.sources[participant.nameSpan.file]
        if let attributes = declaration?.attributes?.attributes, !attributes.isEmpty {
            lines.append("attributes: " + attributes.map { Markdown.escape(written($0, in: source)) }.joined(separator: ", "))
        }
        if let owner = participant.owner { lines.append("owner: \(Markdown.escape(owner))") }
        if let group = participant.group {
            lines.append("group: \(Markdown.escape(groupPath(group, in: model)))")
        }
        let syncGraph = SyncGraph(model)
        let availability = CompositeAvailability(model, graph: syncGraph)
        var composite = "composite availability: \(Describe.percent(availability[id], distinctFrom: participant.attributes.availability ?? 1))"
        let dependencies = availability.dependencies(of: id)
        if !dependencies.isEmpty {
            let own = participant.attributes.availability.map { "its own \(Describe.percent($0))" } ?? "its own 100% (undeclared)"
            let noun = dependencies.count == 1 ? "dependency" : "dependencies"
            let names = Describe.list(dependencies) { Markdown.escape(model[$0].name) }
            composite += " (\(own) × \(dependencies.count) synchronous \(noun): \(names))"
        }
        lines.append(composite)
        var fanOut = "fan-out: \(syncGraph.fanOut(id)) (distinct participants it calls or fetches from)"
        let sendsTo = Set(model.interactions.lazy.filter { $0.from == id && !$0.isSynchronous }.map(\.to)).count
        if sendsTo > 0 { fanOut += "; it also sends asynchronously to \(English.plural(sendsTo, "participant"))" }
        lines.append(fanOut)
        if participant.isImported || participant.nameSpan.file != compilation.rootFile {
            lines.append("imported from \(Markdown.escape(source.path))")
        }
        return header + "\n\n" + lines.map { "- " + $0 }.joined(separator: "\n")
    }

    /// `key` or `key=value`, the value as written, without the spaces around `=`.
    static func written(_ attribute: AttributeSyntax, in source: SourceFile) -> String {
        guard let value = attribute.value else { return attribute.key }
        return "\(attribute.key)=\(source.text(of: value.span))"
    }

    /// `Payments › Cards`: the group and the groups around it, outermost first, by display name.
    static func groupPath(_ id: GroupID, in model: Model) -> String {
        var names: [String] = []
        var current: GroupID? = id
        while let group = current, names.count <= model.groups.count {
            names.append(model[group].displayName)
            current = model[group].parent
        }
        return names.reversed().joined(separator: " › ")
    }

    // MARK: - Attribute keys

    static func attributeMarkdown(_ key: String, site: AttributeSite) -> String? {
        if let spec = AttributeSchema.specs(for: site).first(where: { $0.key == key }) {
            var text = "\(Markdown.code(spec.key)): \(spec.summary)\n\n- value: \(spec.valueType.summary)"
            if !spec.kinds.isEmpty { text += "\n- applies to: \(English.list(spec.kinds.map(\.rawValue)))" }
            return text
        }
        // A key that exists for other kinds of participant: say where it belongs.
        if case .participant(let kind) = site, let spec = AttributeSchema.participant.first(where: { $0.key == key }) {
            return "\(Markdown.code(spec.key)): \(spec.summary)\n\n- value: \(spec.valueType.summary)"
                + "\n- applies to \(English.list(spec.kinds.map(\.rawValue))), not \(kind.rawValue)"
        }
        return nil
    }

    // MARK: - Interactions

    static func interactionMarkdown(_ syntax: InteractionSyntax, in analysis: Analysis) -> String {
        let model = analysis.compilation.model
        var header = "\(Markdown.escape(syntax.from.name)) \(Markdown.code(syntax.arrow.rawValue)) \(Markdown.escape(syntax.to.name))"
        if let label = syntax.label, !label.text.isEmpty { header += " : \(Markdown.escape(label.text))" }
        var lines = ["\(syntax.arrow.words): \(syntax.arrow.meaning(from: Markdown.escape(syntax.from.name), to: Markdown.escape(syntax.to.name)))"]
        guard let interaction = model.interactions.first(where: { $0.span == syntax.span }) else {
            lines.append("not in the model: an end is not declared")
            return header + "\n\n" + lines.map { "- " + $0 }.joined(separator: "\n")
        }
        let context = CheckContext(model)
        let id = interaction.id
        lines.append("attempts: \(Describe.attempts(interaction.attributes.attempts))")
        if interaction.isSynchronous {
            lines.append("timeout: \(context.describeTimeout(id).map { Markdown.escape($0) } ?? "none")")
            lines.append("worst-case wait: \(Markdown.escape(context.explainWait(id)))")
            let path = context.syncPath(to: id)
            if path.count > 1 {
                lines.append("waited for through: \(Markdown.escape(context.chain(path)))")
            }
        } else {
            lines.append("worst-case wait: none, \(Markdown.escape(syntax.from.name)) does not wait")
        }
        return header + "\n\n" + lines.map { "- " + $0 }.joined(separator: "\n")
    }
}

extension Arrow {
    /// The arrow's name in docs/language.md's table of arrows.
    var words: String {
        switch self {
        case .call: "sync call"
        case .send: "async send"
        case .fetch: "sync fetch"
        case .callback: "callback"
        }
    }

    /// What the arrow says happens, from the initiator's side.
    func meaning(from: String, to: String) -> String {
        switch self {
        case .call: "\(from) calls \(to) and waits for the reply"
        case .send: "\(from) sends to \(to) and does not wait"
        case .fetch: "\(from) fetches (pulls) from \(to) and waits; the data goes \(to) → \(from)"
        case .callback: "\(from) calls back an endpoint \(to) registered earlier, and does not wait"
        }
    }
}
