// Builds the semantic model from the syntax of the root file and its imports.
//
// Four passes over the files, in statement order with each import expanded where it is
// written: declarations (names are global, so steps may use names declared later), attributes
// (which may name other participants), flows and steps (name resolution with "did you mean",
// the misplaced-step rule), then scenarios (which name participants, flows and interactions;
// see ScenarioBuilder). Every problem is a diagnostic; whatever can be resolved is kept so
// later diagnostics stay meaningful.

import BatonSyntax

struct ModelBuilder {
    let files: [LoadedFile]
    let sources: SourceMap
    var model = Model()
    /// Continues the import loader's collector: one error cap per file for every stage.
    var diagnostics: CappedDiagnostics
    /// Name → participant (its index) or group, for resolution (lookups only, never
    /// iterated; see `NameTable`).
    private var participantsByName = NameTable()
    private var groupsByName: [String: GroupID] = [:]
    /// The attribute list of each participant's declaration, and the syntax of each group,
    /// parallel to the model's arrays.
    private var declarationAttributes: [AttributeListSyntax?] = []
    private var groupSyntax: [GroupSyntax] = []
    private var participantNames: [String] = []
    private var flowSpans: [String: Span] = [:]
    /// Uses of undeclared names, reported once per name at its first use.
    private var undeclaredUses: [String: [Span]] = [:]
    var undeclaredOrder: [String] = []
    /// Types attribute values once every name is declared (pass 2 on). Made once rather than
    /// per attribute list: it is asked for every interaction.
    private var decoder = AttributeDecoder { _ in nil }
    /// Where this builder's interactions go while a large design's flows are built in parts
    /// (`ModelBuilder+Parts.swift`); nil when they are appended to `model.interactions`.
    var slots: InteractionSlots?

    /// The builder of what `loader` read. One collector from the first file parsed to the last
    /// model error, so a single cap covers every stage.
    init(_ loader: ImportLoader) {
        files = loader.files
        sources = loader.sources
        diagnostics = loader.diagnostics
    }

    var root: FileID { FileID(0) }

    /// The model; with `jobs` > 1, a design of `partsThreshold` interactions or more is built
    /// as `build(beside:)` builds it, with nothing beside: its flows and steps in parts on two
    /// threads when the design allows it. The result is the same.
    mutating func build(jobs: Int = 1) -> Model {
        if jobs > 1, let first = files.first, first.interactionCount >= Self.partsThreshold {
            return build(beside: {}).0
        }
        guard !files.isEmpty else { return model }
        let order = prepare()
        buildFlows(order)
        finish(order)
        return model
    }

    /// Interactions from which `build(jobs:)` builds in parts: below, a second thread costs
    /// about what it saves.
    static let partsThreshold = 2_000

    /// `build()`, with `beside` made on another thread meanwhile, from the start: beside the
    /// declarations and then the flows and steps, which are built in parts on both threads when
    /// the design allows it (see `buildFlowsInParts`), the other thread taking parts once
    /// `beside` is made.
    mutating func build<Beside: Sendable>(beside: @escaping @Sendable () -> Beside) -> (Model, Beside) {
        guard !files.isEmpty else { return (model, beside()) }
        // The other thread makes `beside` from the start, while this one reads the
        // declarations (passes 1 and 2, after which the parts are known), then takes its share
        // of the parts.
        let partner = Partner<Beside, [(Int, PartResult)]>(beside)
        let order = prepare()
        if let plan = partPlan(order) {
            buildFlowsInParts(order, plan: plan, partner: partner)
        } else {
            partner.hand(nil)
            buildFlows(order)
        }
        let made = partner.finish().first ?? beside()
        finish(order)
        return (model, made)
    }

    /// Passes 1 and 2; the statements in the order every pass visits them.
    mutating func prepare() -> [StatementPosition] {
        var order: [StatementPosition] = []
        var visited = Set<FileID>()
        collectStatements(in: root, visited: &visited, into: &order)
        model.participants.reserveCapacity(declarationCount(order))
        declare(order)
        decodeAttributes()
        return order
    }

    /// Pass 4 and the names left undeclared.
    private mutating func finish(_ order: [StatementPosition]) {
        buildScenarios(order)
        reportUndeclaredNames()
    }

    /// Where a statement is: its file and its index in that file's statements. The passes walk
    /// positions and read each statement in place; a list of the statements themselves copied
    /// every one of them, three times.
    struct StatementPosition {
        var file: FileID
        var index: Int
        /// What the statement is, read once when it is collected: each pass looks for a few
        /// kinds and passes the rest by without reading them (reading one to learn its kind
        /// copied it, 168 bytes, and a design's statements are tens of thousands).
        var kind: Kind

        enum Kind {
            case title, declaration, group, flow, step, scenario, other

            /// A flow or a top-level step: what pass 3 builds steps from.
            var holdsSteps: Bool { self == .flow || self == .step }

            /// A declaration or a group of them: what pass 1 makes participants from.
            var declares: Bool { self == .declaration || self == .group }
        }
    }


    /// One error per undeclared name, at its first use, with later uses as notes: a missing
    /// declaration is one mistake however often the name is used.
    private mutating func reportUndeclaredNames() {
        for name in undeclaredOrder {
            let uses = undeclaredUses[name] ?? []
            guard let first = uses.first else { continue }
            var help = "declare it first, for example: service \(name)"
            if let suggestion = Suggestion.closest(to: name, in: participantNames) {
                help = "did you mean '\(suggestion)'?"
            }
            var notes = uses.dropFirst().prefix(3).map { Diagnostic.Note("also used here", at: $0) }
            if uses.count > 4 { notes.append(.init(uses.count == 5 ? "and 1 more use" : "and \(uses.count - 4) more uses")) }
            diagnostics.append(Diagnostic(
                code: CompileError.undeclaredName, severity: .error,
                message: "'\(name)' is not declared", span: first, notes: notes, help: help))
        }
    }

    /// Participants declared in the statements (more than the model gets when a name is
    /// declared twice): the participants array is allocated once at this size.
    private func declarationCount(_ order: [StatementPosition]) -> Int {
        func members(_ list: [GroupSyntax.GroupMember]) -> Int {
            list.reduce(0) { count, member in
                switch member {
                case .declaration: count + 1
                case .group(let group): count + members(group.members)
                }
            }
        }
        var count = 0
        for position in order where position.kind.declares {
            switch files[position.file.rawValue].syntax.statements[position.index] {
            case .declaration: count += 1
            case .group(let group): count += members(group.members)
            default: break
            }
        }
        return count
    }

    /// A file's statements in order, each import expanded (once) where it is written.
    private func collectStatements(in file: FileID, visited: inout Set<FileID>, into order: inout [StatementPosition]) {
        guard visited.insert(file).inserted else { return }
        let loaded = files[file.rawValue]
        order.reserveCapacity(order.count + loaded.syntax.statements.count)
        for index in loaded.syntax.statements.indices {
            let kind: StatementPosition.Kind
            switch loaded.syntax.statements[index] {
            case .importFile:
                if let target = loaded.importTargets[index] {
                    collectStatements(in: target, visited: &visited, into: &order)
                    continue
                }
                kind = .other
            case .title: kind = .title
            case .declaration: kind = .declaration
            case .group: kind = .group
            case .flow: kind = .flow
            case .step: kind = .step
            case .scenario: kind = .scenario
            }
            order.append(StatementPosition(file: file, index: index, kind: kind))
        }
    }

    // MARK: - Pass 1: declarations

    private mutating func declare(_ order: [StatementPosition]) {
        for position in order where position.kind == .title || position.kind.declares {
            let file = position.file
            switch files[position.file.rawValue].syntax.statements[position.index] {
            case .title(let title):
                guard file == root else { continue }
                if model.title == nil {
                    model.title = title.text.value
                } else {
                    diagnostics.append(Diagnostic(
                        code: CompileError.duplicateDeclaration, severity: .error,
                        message: "the title is set twice", span: title.span, help: "keep one 'title' statement"))
                }
            case .declaration(let declaration):
                addParticipant(declaration, group: nil, imported: file != root)
            case .group(let group):
                if let id = addGroup(group, parent: nil, imported: file != root) { model.rootGroups.append(id) }
            default:
                break
            }
        }
    }

    private mutating func claimName(_ name: Identifier) -> Bool {
        if let existing = participantsByName[name.name] {
            duplicate(name, firstAt: model.participants[existing].nameSpan)
            return false
        }
        if let existing = groupsByName[name.name] {
            duplicate(name, firstAt: groupSyntax[existing.rawValue].name.span)
            return false
        }
        return true
    }

    private mutating func duplicate(_ name: Identifier, firstAt first: Span) {
        diagnostics.append(Diagnostic(
            code: CompileError.duplicateDeclaration, severity: .error,
            message: "'\(name.name)' is declared twice", span: name.span,
            notes: [.init("first declared here", at: first)],
            help: "rename one of them, or remove the second declaration"))
    }

    @discardableResult
    private mutating func addParticipant(_ declaration: DeclarationSyntax, group: GroupID?, imported: Bool) -> ParticipantID? {
        guard claimName(declaration.name) else { return nil }
        let id = ParticipantID(model.participants.count)
        model.participants.append(Participant(
            id: id, name: declaration.name.name, label: declaration.label?.value, kind: declaration.kind,
            attributes: ParticipantAttributes(), group: group, owner: nil, span: declaration.span,
            nameSpan: declaration.name.span, isImported: imported, attributeListSpan: declaration.attributes?.span))
        participantsByName.insert(declaration.name.name, value: id.rawValue)
        participantNames.append(declaration.name.name)
        declarationAttributes.append(declaration.attributes)
        return id
    }

    private mutating func addGroup(_ group: GroupSyntax, parent: GroupID?, imported: Bool) -> GroupID? {
        guard claimName(group.name) else { return nil }
        let id = GroupID(model.groups.count)
        model.groups.append(ParticipantGroup(
            id: id, name: group.name.name, label: group.label?.value, owner: nil, parent: parent,
            members: [], subgroups: [], span: group.span, isImported: imported))
        groupsByName[group.name.name] = id
        groupSyntax.append(group)
        for member in group.members {
            switch member {
            case .declaration(let declaration):
                if let member = addParticipant(declaration, group: id, imported: imported) {
                    model.groups[id.rawValue].members.append(member)
                }
            case .group(let nested):
                if let nestedID = addGroup(nested, parent: id, imported: imported) {
                    model.groups[id.rawValue].subgroups.append(nestedID)
                }
            }
        }
        return id
    }

    // MARK: - Pass 2: attributes

    private mutating func decodeAttributes() {
        // The participants as declared: a lookup reads only their ids and kinds, which later
        // passes do not change.
        decoder = attributeDecoder
        for index in model.groups.indices {
            decoder.decode(groupSyntax[index].attributes, at: .group, diagnostics: &diagnostics)
                .store(in: &model.groups[index])
        }
        for index in model.participants.indices {
            var attributes = ParticipantAttributes()
            if let list = declarationAttributes[index] {
                attributes.spans.reserveCapacity(list.attributes.count)
                decoder.decode(list, at: .participant(model.participants[index].kind), diagnostics: &diagnostics) {
                    attributes.keep($0)
                }
            }
            if attributes.dlq == model.participants[index].id, let span = attributes.spans["dlq"] {
                diagnostics.append(Diagnostic(
                    code: CompileError.invalidAttributeValue, severity: .error,
                    message: "'\(model.participants[index].name)' cannot be its own dead-letter queue", span: span,
                    help: "declare a separate queue for messages that cannot be delivered"))
                attributes.dlq = nil
            }
            model.participants[index].attributes = attributes
            model.participants[index].owner = attributes.owner ?? inheritedOwner(model.participants[index].group)
        }
    }

    private func inheritedOwner(_ group: GroupID?) -> String? {
        var current = group
        while let id = current {
            if let owner = model.groups[id.rawValue].owner { return owner }
            current = model.groups[id.rawValue].parent
        }
        return nil
    }

    private var attributeDecoder: AttributeDecoder {
        let kinds = model.participants.map(\.kind)
        let byName = participantsByName
        return AttributeDecoder { name in byName[name].map { (ParticipantID($0), kinds[$0]) } }
    }

    // MARK: - Pass 3: flows and steps

    mutating func buildFlows(_ order: [StatementPosition]) {
        // Allocated once at its size: grown by doubling, the largest array of the model was
        // copied about twice over, into memory touched for the first time.
        model.interactions.reserveCapacity(files.reduce(0) { $0 + $1.interactionCount })
        // Per file, its default flow and the steps it gathers: kept here until the end, so a
        // top-level step is appended in place rather than through an array of its own.
        var defaultFlows: [FlowID?] = Array(repeating: nil, count: files.count)
        var defaultSteps: [[Step]] = Array(repeating: [], count: files.count)
        // Allocated once at their size: a design written as one long list of top-level steps
        // grew its default flow by doubling, copying it about once over.
        var topLevelSteps = Array(repeating: 0, count: files.count)
        for position in order where position.kind == .step { topLevelSteps[position.file.rawValue] += 1 }
        for file in defaultSteps.indices where topLevelSteps[file] > 0 { defaultSteps[file].reserveCapacity(topLevelSteps[file]) }
        for position in order where position.kind.holdsSteps {
            let file = position.file
            switch files[position.file.rawValue].syntax.statements[position.index] {
            case .flow(let flow):
                let id = FlowID(model.flows.count)
                if let first = flowSpans[flow.name.value] {
                    diagnostics.append(Diagnostic(
                        code: CompileError.duplicateDeclaration, severity: .error,
                        message: "a flow named \"\(flow.name.value)\" already exists", span: flow.name.span,
                        notes: [.init("first declared here", at: first)], help: "give each flow its own name"))
                }
                flowSpans[flow.name.value] = flow.name.span
                model.flows.append(buildFlow(flow, id: id))
            case .step(let step):
                let id: FlowID
                if let existing = defaultFlows[file.rawValue] {
                    id = existing
                } else {
                    id = FlowID(model.flows.count)
                    defaultFlows[file.rawValue] = id
                    model.flows.append(Flow(id: id, name: defaultFlowName(file), description: nil, steps: [],
                                            span: step.span, isDefault: true))
                }
                buildStep(step, flow: id, enclosing: nil, into: &defaultSteps[file.rawValue])
            default:
                break
            }
        }
        for (file, id) in defaultFlows.enumerated() {
            if let id { model.flows[id.rawValue].steps = defaultSteps[file] }
        }
        checkFlowNames()
    }

    /// Named flow `id`: its attributes, then its steps.
    mutating func buildFlow(_ syntax: FlowSyntax, id: FlowID) -> Flow {
        var flow = Flow(id: id, name: syntax.name.value, description: nil, steps: [], span: syntax.span, isDefault: false)
        decoder.decode(syntax.attributes, at: .flow, diagnostics: &diagnostics).store(in: &flow)
        flow.steps = buildSteps(syntax.steps, flow: id, enclosing: nil)
        return flow
    }

    /// A named flow must not take the name of a default flow (its title or file name): it
    /// could never be chosen with --flow.
    mutating func checkFlowNames() {
        for flow in model.flows where !flow.isDefault {
            if let defaultFlow = model.flows.first(where: { $0.isDefault && $0.name == flow.name }) {
                diagnostics.append(Diagnostic(
                    code: CompileError.duplicateDeclaration, severity: .error,
                    message: "a flow named \"\(flow.name)\" already exists: the top-level steps form the default flow, named by the title or file name",
                    span: flow.span, notes: [.init("the default flow starts here", at: defaultFlow.span)],
                    help: "rename this flow, or change the title"))
            }
        }
    }

    // MARK: - Pass 4: scenarios

    private mutating func buildScenarios(_ order: [StatementPosition]) {
        var statements: [(FileID, ScenarioSyntax)] = []
        for position in order where position.kind == .scenario {
            if case .scenario(let scenario) = files[position.file.rawValue].syntax.statements[position.index] { statements.append((position.file, scenario)) }
        }
        guard !statements.isEmpty else { return }
        var builder = ScenarioBuilder(model: model, sources: sources, diagnostics: diagnostics)
        for (file, syntax) in statements {
            if let scenario = builder.scenario(syntax, defaultFlow: model.defaultFlow(of: file)) {
                model.scenarios.append(scenario)
            }
        }
        diagnostics = builder.diagnostics
    }

    /// The default flow is named by the file's title, else by its file name.
    func defaultFlowName(_ file: FileID) -> String {
        for statement in files[file.rawValue].syntax.statements {
            if case .title(let title) = statement { return title.text.value }
        }
        return DesignName.untitled(path: sources[file].path)
    }

    /// Who is acting in a block: the passive end of the interaction that owns it.
    struct Enclosing {
        var interaction: InteractionID
        var actor: ParticipantID
        var span: Span
    }

    /// A recursion over syntax, which `Model.walk` (a walk over the model it builds) cannot be.
    mutating func buildSteps(_ steps: [StepSyntax], flow: FlowID, enclosing: Enclosing?) -> [Step] {
        var result: [Step] = []
        result.reserveCapacity(steps.count)
        for index in steps.indices {
            buildStep(steps[index], flow: flow, enclosing: enclosing, into: &result)
        }
        return result
    }

    /// Builds one step and appends it to `result` (nothing when its names do not resolve).
    mutating func buildStep(_ step: StepSyntax, flow: FlowID, enclosing: Enclosing?, into result: inout [Step]) {
        switch step {
        case .interaction(let syntax):
            if let id = buildInteraction(syntax, flow: flow, enclosing: enclosing) {
                result.append(.interaction(id))
            }
        case .fragment(let syntax):
            var fragment = Fragment(kind: syntax.kind, times: 1, branches: [], span: syntax.span)
            var chances: [Chance?] = []
            let site = AttributeSite.fragment(syntax.kind)
            for (index, branch) in syntax.branches.enumerated() {
                var chance: Chance?
                // `opt [p=…]` and `alt [p=…]` write the first branch's chance on the header.
                let list = index == 0 ? syntax.attributes : branch.attributes
                for attribute in decoder.decode(list, at: site, diagnostics: &diagnostics) {
                    if case .percent(let fraction) = attribute.value {
                        chance = Chance(probability: fraction, span: attribute.span)
                    } else {
                        attribute.store(in: &fragment)
                    }
                }
                chances.append(chance)
            }
            if syntax.kind == .alt { checkChances(chances, of: syntax) }
            for (index, branch) in syntax.branches.enumerated() {
                fragment.branches.append(Fragment.Branch(
                    label: branch.label?.value, steps: buildSteps(branch.block.steps, flow: flow, enclosing: enclosing),
                    span: branch.keywordSpan.through(branch.block.span), probability: chances[index]?.probability))
            }
            result.append(.fragment(fragment))
        case .note(let syntax):
            let over = syntax.over.compactMap { resolve($0) }
            if over.count == syntax.over.count {
                result.append(.note(Note(over: over, text: syntax.text.text, span: syntax.span)))
            }
        }
    }

    /// A declared `p=` and where.
    private struct Chance {
        var probability: Double
        var span: Span
    }

    /// Exactly one branch of an `alt` runs, so the declared chances may not add up to more
    /// than 100%; and when every branch declares one they must add up to 100% exactly, since
    /// no branch would be left to take the rest.
    private mutating func checkChances(_ chances: [Chance?], of syntax: FragmentSyntax) {
        let declared = chances.compactMap { $0 }
        guard !declared.isEmpty else { return }
        let tolerance = 1e-9
        var running = 0.0
        for (index, chance) in declared.enumerated() {
            running += chance.probability
            guard running > 1 + tolerance else { continue }
            let total = declared.map(\.probability).reduce(0, +)
            diagnostics.append(Diagnostic(
                code: CompileError.invalidAttributeValue, severity: .error,
                message: "the branches of 'alt' declare chances that add up to \(LiteralFormat.percent(total)), more than 100%",
                span: chance.span,
                notes: declared.prefix(index).prefix(3).map { .init("also declared here", at: $0.span) },
                help: "exactly one branch runs: lower the chances so they add up to 100% at most"))
            return
        }
        let total = declared.map(\.probability).reduce(0, +)
        if declared.count == chances.count, total < 1 - tolerance, let last = declared.last {
            diagnostics.append(Diagnostic(
                code: CompileError.invalidAttributeValue, severity: .error,
                message: "every branch of 'alt' declares its chance, and they add up to \(LiteralFormat.percent(total)), not 100%",
                span: last.span,
                help: "exactly one branch runs: make the chances add up to 100%, or leave one branch without p to give it the rest"))
        }
    }

    private mutating func buildInteraction(_ syntax: InteractionSyntax, flow: FlowID, enclosing: Enclosing?) -> InteractionID? {
        let from = resolve(syntax.from)
        let to = resolve(syntax.to)
        if let enclosing, let from, from != enclosing.actor, let outer = interaction(enclosing.interaction) {
            let actor = model.participants[enclosing.actor.rawValue].name
            diagnostics.append(Diagnostic(
                code: CompileError.misplacedStep, severity: .error,
                message: "'\(syntax.from.name)' cannot initiate here: this block is what '\(actor)' does while handling '\(describe(outer))', so only '\(actor)' may initiate",
                span: syntax.span,
                notes: [.init("the enclosing interaction", at: enclosing.span)],
                help: "move this step out of the block, or make '\(actor)' its initiator"))
        }
        var attributes = InteractionAttributes()
        if let list = syntax.attributes {
            attributes.spans.reserveCapacity(list.attributes.count)
            decoder.decode(list, at: .interaction, diagnostics: &diagnostics) { attributes.keep($0) }
        }
        guard let from, let to else {
            // Still resolve names inside the block so every undeclared name is reported.
            if let block = syntax.block {
                _ = buildSteps(block.steps, flow: flow, enclosing: nil)
            }
            return nil
        }
        let id = nextInteractionID
        checkBackoff(&attributes)
        add(Interaction(
            id: id, from: from, to: to, arrow: syntax.arrow, label: syntax.label?.text,
            attributes: attributes, flow: flow, parent: enclosing?.interaction, block: nil,
            span: syntax.span, arrowSpan: syntax.arrowSpan, attributeListSpan: syntax.attributes?.span))
        if let block = syntax.block {
            let inner = Enclosing(interaction: id, actor: to, span: syntax.span)
            let steps = buildSteps(block.steps, flow: flow, enclosing: inner)
            setBlock(steps, of: id)
        }
        return id
    }

    /// The id the next interaction kept takes.
    private var nextInteractionID: InteractionID {
        slots?.nextID ?? InteractionID(model.interactions.count)
    }

    /// Keeps a new interaction: in the model's array, or in its slot when built in parts.
    /// Taken and moved there (handed on as borrowed, each interaction was copied: a retain of
    /// each of its lists and texts, and a release when the original went).
    private mutating func add(_ interaction: consuming Interaction) {
        guard slots != nil else {
            model.interactions.append(consume interaction)
            return
        }
        slots?.add(consume interaction)
    }

    private mutating func setBlock(_ steps: [Step], of id: InteractionID) {
        guard slots != nil else {
            model.interactions[id.rawValue].block = steps
            return
        }
        slots?.setBlock(steps, of: id)
    }

    /// An interaction kept already (nil only for one a part could not keep).
    private func interaction(_ id: InteractionID) -> Interaction? {
        guard let slots else { return model.interactions[id.rawValue] }
        return slots.interaction(id)
    }

    /// The delays of exponential backoff grow from `backoff-base` up to `backoff-cap`, so a cap
    /// below the base (declared, or the other's default) is a contradiction.
    private mutating func checkBackoff(_ attributes: inout InteractionAttributes) {
        guard attributes.backoffBase != nil || attributes.backoffCap != nil,
              attributes.effectiveBackoffCap < attributes.effectiveBackoffBase else { return }
        let key = attributes.backoffCap != nil ? "backoff-cap" : "backoff-base"
        let base = LiteralFormat.duration(attributes.effectiveBackoffBase) + (attributes.backoffBase == nil ? ", the default" : "")
        let cap = LiteralFormat.duration(attributes.effectiveBackoffCap) + (attributes.backoffCap == nil ? ", the default" : "")
        diagnostics.append(Diagnostic(
            code: CompileError.invalidAttributeValue, severity: .error,
            message: "'backoff-cap' (\(cap)) is shorter than 'backoff-base' (\(base))",
            span: attributes.spans[key] ?? attributes.spans["backoff-base"] ?? Span(file: root, start: 0, end: 0),
            help: attributes.backoffCap == nil
                ? "retries wait at most 'backoff-cap': declare it too, at least as long as the base"
                : "retries wait from 'backoff-base' up to 'backoff-cap': make the cap at least as long as the base"))
        attributes.backoffBase = nil
        attributes.backoffCap = nil
    }

    private func describe(_ interaction: Interaction) -> String {
        var text = "\(model.participants[interaction.from.rawValue].name) \(interaction.arrow.rawValue) \(model.participants[interaction.to.rawValue].name)"
        if let label = interaction.label { text += " : \(label)" }
        return text
    }

    private mutating func resolve(_ name: Identifier) -> ParticipantID? {
        if let index = participantsByName[name.name] { return ParticipantID(index) }
        if groupsByName[name.name] != nil {
            diagnostics.append(Diagnostic(
                code: CompileError.undeclaredName, severity: .error,
                message: "'\(name.name)' is a group, not a participant", span: name.span,
                help: "interactions connect participants; name one of the group's members"))
            return nil
        }
        if undeclaredUses[name.name] == nil { undeclaredOrder.append(name.name) }
        undeclaredUses[name.name, default: []].append(name.span)
        return nil
    }
}
