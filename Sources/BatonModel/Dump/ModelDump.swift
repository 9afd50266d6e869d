import BatonSyntax

/// A readable text form of the semantic model with its derived quantities, for golden tests
/// and `baton dump --model`. Deterministic: everything in model order.
public enum ModelDump {
    public static func dump(_ model: Model) -> String {
        var out = ""
        if let title = model.title { out += "title \(LiteralFormat.string(title))\n" }
        for participant in model.participants {
            out += "participant \(participant.name): \(participant.kind.rawValue)"
            if let label = participant.label { out += " label=\(LiteralFormat.string(label))" }
            if let group = participant.group { out += " group=\(model[group].name)" }
            if let owner = participant.owner { out += " owner=\(LiteralFormat.string(owner))" }
            if participant.isImported { out += " imported" }
            out += "\n"
            let attributes = describe(participant.attributes, model: model)
            if !attributes.isEmpty { out += "  " + attributes + "\n" }
        }
        for group in model.groups {
            out += "group \(group.name)"
            if let parent = group.parent { out += " parent=\(model[parent].name)" }
            if let owner = group.owner { out += " owner=\(LiteralFormat.string(owner))" }
            out += " members=[\(group.members.map { model[$0].name }.joined(separator: ", "))]\n"
        }
        let waits = WorstCaseWaits(model)
        for flow in model.flows {
            out += "flow \(LiteralFormat.string(flow.name))\(flow.isDefault ? " default" : "")"
            if let description = flow.description { out += " description=\(LiteralFormat.string(description))" }
            out += "\n"
            steps(flow.steps, model: model, waits: waits, indent: 1, out: &out)
        }
        for scenario in model.scenarios { out += Self.scenario(scenario, model: model) }
        let graph = SyncGraph(model)
        let availability = CompositeAvailability(model, graph: graph)
        out += "derived\n"
        for participant in model.participants {
            let successors = graph.successors[participant.id.rawValue].map { model[$0].name }
            out += "  \(participant.name): fan-out=\(graph.fanOut(participant.id))"
            if !successors.isEmpty { out += " calls=[\(successors.joined(separator: ", "))]" }
            out += " availability=\(LiteralFormat.percent(availability[participant.id], digits: 6))\n"
        }
        return out
    }

    /// One line per step, indented by its depth in the step tree (a fragment's branches get a
    /// line of their own, their steps one level further in).
    static func steps(_ steps: [Step], model: Model, waits: WorstCaseWaits, indent: Int, out: inout String) {
        model.walk(steps) { event, depth in
            let pad = String(repeating: "  ", count: indent + depth)
            switch event {
            case .interaction(let id):
                let interaction = model[id]
                out += pad + "#\(id.rawValue) \(model[interaction.from].name) \(interaction.arrow.rawValue) \(model[interaction.to].name)"
                if let label = interaction.label { out += " : \(LiteralFormat.string(label))" }
                let attributes = describe(interaction.attributes, model: model)
                if !attributes.isEmpty { out += " [\(attributes)]" }
                out += " attempts=\(LiteralFormat.number(interaction.attributes.attempts))"
                if let wait = waits[id] { out += " wait=\(LiteralFormat.duration(wait))" }
                out += "\n"
            case .fragment(let fragment):
                out += pad + fragment.kind.rawValue + (fragment.kind == .loop ? " times=\(fragment.times)" : "") + "\n"
            case .branch(let fragment, let index):
                let branch = fragment.branches[index]
                out += pad + "branch" + (branch.label.map { " " + LiteralFormat.string($0) } ?? "")
                    + (branch.probability.map { " p=" + LiteralFormat.percent($0) } ?? "") + "\n"
            case .note(let note):
                out += pad + "note over \(note.over.map { model[$0].name }.joined(separator: ", ")) : \(LiteralFormat.string(note.text))\n"
            case .interactionEnd, .branchEnd, .fragmentEnd:
                break
            }
        }
    }

    /// A scenario with every default applied, times in Baton's duration notation.
    static func scenario(_ scenario: Scenario, model: Model) -> String {
        func window(_ window: TimeWindow?) -> String {
            window.map { " from=\(LiteralFormat.duration($0.from)) to=\(LiteralFormat.duration($0.to))" } ?? ""
        }
        var out = "scenario \(LiteralFormat.string(scenario.name)) duration=\(LiteralFormat.duration(scenario.duration))"
        out += " warmup=\(LiteralFormat.duration(scenario.effectiveWarmup))\(scenario.warmup == nil ? " (default)" : "")"
        out += " seed=\(scenario.seed)\n"
        for load in scenario.loads {
            out += "  load \(LiteralFormat.number(load.rate))/s"
            if let flow = load.flow { out += " flow=\(LiteralFormat.string(model.flows[flow.rawValue].name))" }
            out += window(load.window) + "\n"
        }
        for fault in scenario.faults {
            out += "  fault \(model[fault.participant].name) "
            switch fault.effect {
            case .down: out += "down"
            case .hang: out += "hang"
            case .slow(let factor): out += "slow x\(LiteralFormat.number(factor))"
            case .errors(let probability): out += "errors \(LiteralFormat.percent(probability))"
            case .capacity(let fraction): out += "capacity \(LiteralFormat.percent(fraction))"
            }
            out += window(fault.window) + "\n"
        }
        for expectation in scenario.expectations {
            out += "  expect "
            switch expectation.measure {
            case .goodput(let comparison, let fraction, let after):
                out += "goodput \(comparison.rawValue) \(LiteralFormat.percent(fraction))"
                if let after { out += " after=\(LiteralFormat.duration(after))" }
            case .responseTime(let percentile, let flow, let comparison, let seconds):
                out += "response-time p=\(LiteralFormat.percent(percentile))"
                if let flow { out += " flow=\(LiteralFormat.string(model.flows[flow.rawValue].name))" }
                out += " \(comparison.rawValue) \(LiteralFormat.duration(seconds))"
            case .amplification(let interaction, let comparison, let value):
                out += "amplification"
                if let interaction { out += " #\(interaction.rawValue)" }
                out += " \(comparison.rawValue) \(LiteralFormat.number(value))"
            case .recovers(let within):
                out += "recovers within=\(LiteralFormat.duration(within))"
            case .queueMax(let channel, let max):
                out += "queue \(model[channel].name) max=\(max)"
            }
            out += " text=\(LiteralFormat.string(expectation.text))\n"
        }
        return out
    }

    static func describe(_ a: ParticipantAttributes, model: Model) -> String {
        var parts: [String] = []
        if let v = a.availability { parts.append("availability=\(LiteralFormat.percent(v))") }
        if let v = a.slo { parts.append("slo=\(LiteralFormat.percent(v))") }
        if let v = a.latency { parts.append("latency=\(LiteralFormat.duration(v))") }
        if a.idempotent { parts.append("idempotent") }
        if let v = a.concurrency { parts.append("concurrency=\(v)") }
        if let v = a.rateLimit { parts.append("rate-limit=\(LiteralFormat.number(v))/s") }
        if let v = a.timeout { parts.append("timeout=\(LiteralFormat.duration(v))") }
        if let v = a.delivery { parts.append("delivery=\(v.rawValue)") }
        if let v = a.order { parts.append("order=\(v.rawValue)") }
        if let v = a.capacity { parts.append("capacity=\(v)") }
        if let v = a.overflow { parts.append("overflow=\(v.rawValue)") }
        if let v = a.ttl { parts.append("ttl=\(LiteralFormat.duration(v))") }
        if let v = a.dlq { parts.append("dlq=\(model[v].name)") }
        if let v = a.maxReceives { parts.append("max-receives=\(v)") }
        if a.push { parts.append("push") }
        if let v = a.interval { parts.append("interval=\(LiteralFormat.duration(v))") }
        if let v = a.batch { parts.append("batch=\(v)") }
        if let v = a.backlog { parts.append("backlog=\(v)") }
        return parts.joined(separator: " ")
    }

    static func describe(_ a: InteractionAttributes, model: Model) -> String {
        var parts: [String] = []
        if let v = a.timeout { parts.append("timeout=\(LiteralFormat.duration(v))") }
        if let v = a.retries { parts.append("retries=\(v)") }
        if let v = a.backoff { parts.append("backoff=\(v.rawValue)") }
        if let v = a.backoffBase { parts.append("backoff-base=\(LiteralFormat.duration(v))") }
        if let v = a.backoffCap { parts.append("backoff-cap=\(LiteralFormat.duration(v))") }
        if a.jitter { parts.append("jitter") }
        if a.circuitBreaker { parts.append("circuit-breaker") }
        if a.idempotent { parts.append("idempotent") }
        if let v = a.latency { parts.append("latency=\(LiteralFormat.duration(v))") }
        if let v = a.budget { parts.append("budget=\(LiteralFormat.duration(v))") }
        if a.ordered { parts.append("ordered") }
        if let v = a.correlation { parts.append("correlation=\(LiteralFormat.string(v))") }
        if let v = a.replyTo { parts.append("reply-to=\(model[v].name)") }
        return parts.joined(separator: " ")
    }
}
