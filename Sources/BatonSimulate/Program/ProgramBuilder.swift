import BatonModel

/// Lowers a Model and a Scenario into a `Program` (see Program.swift for the shape).
///
/// The choices that give a design its executable meaning live here:
/// - a top-level fetch from a queue or topic (`A <- Q`) and a top-level delivery by a channel
///   (`Q ->> A`) are standing consumers, not steps of a run; the interactions written right
///   after them and initiated by the consumer are what it does with each message;
/// - a sync call or fetch to a station waits; `->>` and `~>` to a station are delivered without
///   waiting; anything into a channel is a send; a fetch from a channel inside a block takes one
///   message;
/// - `opt` runs with its `p` (default always); `alt` branches share what the declared `p`s
///   leave.
struct ProgramBuilder {
    let model: Model
    let scenario: Scenario
    let options: SimulationOptions
    private var program: Program

    init(model: Model, scenario: Scenario, options: SimulationOptions) {
        self.model = model
        self.scenario = scenario
        self.options = options
        program = Program(duration: scenario.duration, warmup: scenario.effectiveWarmup)
    }

    static func build(model: Model, scenario: Scenario, options: SimulationOptions) throws(SimulationError) -> Program {
        var builder = ProgramBuilder(model: model, scenario: scenario, options: options)
        try builder.validate()
        builder.declareParticipants()
        builder.declareSites()
        for flow in model.flows {
            builder.program.flowRoots.append(builder.lowerFlow(flow))
        }
        try builder.buildArrivals()
        try builder.checkPolls()
        builder.program.faults = FaultSchedule(faults: scenario.faults.filter { $0.participant.rawValue < model.participants.count },
                                               duration: scenario.duration)
        return builder.program
    }

    // MARK: validation

    private func validate() throws(SimulationError) {
        let duration = scenario.duration
        guard duration.isFinite, duration > 0 else {
            throw .invalidScenario("the duration must be a positive number of seconds")
        }
        let warmup = scenario.effectiveWarmup
        guard warmup.isFinite, warmup >= 0, warmup < duration else {
            throw .invalidScenario("the warm-up must be shorter than the duration")
        }
        for line in scenario.loads {
            guard line.rate.isFinite, line.rate >= 0 else { throw .invalidScenario("a load must be a rate of at least 0/s") }
            if let window = line.window { try validate(window) }
            if let flow = line.flow, flow.rawValue < 0 || flow.rawValue >= model.flows.count {
                throw .unknownFlow(flow.rawValue)
            }
        }
        for fault in scenario.faults {
            try validate(fault.window)
            switch fault.effect {
            case .slow(let factor):
                guard factor.isFinite, factor >= 0 else { throw .invalidScenario("a slowdown must be a finite factor") }
            case .errors(let probability), .capacity(let probability):
                guard probability >= 0, probability <= 1 else { throw .invalidScenario("a fault's percentage must be within 0% and 100%") }
            case .down, .hang:
                break
            }
        }
    }

    private func validate(_ window: TimeWindow) throws(SimulationError) {
        guard window.from.isFinite, window.to.isFinite, window.from >= 0, window.from < window.to else {
            throw .invalidScenario("a window must start at or after 0 and end after it starts")
        }
    }

    // MARK: participants

    private mutating func declareParticipants() {
        for participant in model.participants {
            let attributes = participant.attributes
            let servers = attributes.concurrency.map { max(0, $0) } ?? (participant.kind == .driver ? 1 : Int.max)
            var backlog = Int.max
            if case .count(let count) = attributes.backlog { backlog = max(0, count) }
            let reported = [.service, .external, .store, .driver].contains(participant.kind)
            program.stations.append(StationSpec(servers: servers, backlog: backlog,
                                                rateLimit: attributes.rateLimit.flatMap { $0 > 0 ? $0 : nil },
                                                failureProbability: 1 - min(1, max(0, attributes.availability ?? 1)),
                                                isReported: reported))
            if participant.kind.isChannel {
                program.channelOfParticipant.append(program.channels.count)
                var capacity = Int.max
                if case .count(let count) = attributes.capacity { capacity = max(0, count) }
                program.channels.append(ChannelSpec(
                    participant: participant.id.rawValue, isTopic: participant.kind == .topic, capacity: capacity,
                    overflow: attributes.overflow ?? .reject, ttl: attributes.ttl ?? .infinity, deadLetter: -1,
                    maxReceives: attributes.maxReceives.map { max(1, $0) } ?? Int.max,
                    atMostOnce: attributes.effectiveDelivery == .atMostOnce,
                    ordered: attributes.effectiveOrder != .unordered))
            } else {
                program.channelOfParticipant.append(-1)
            }
        }
        // Dead-letter channels, and the one lane of every queue (topics get a lane per subscriber).
        for index in program.channels.indices {
            let participant = model.participants[program.channels[index].participant]
            if let dlq = participant.attributes.dlq, dlq.rawValue < program.channelOfParticipant.count {
                program.channels[index].deadLetter = program.channelOfParticipant[dlq.rawValue]
            }
            if !program.channels[index].isTopic {
                _ = lane(channel: index, subscriber: -1)
            }
        }
    }

    /// The lane of a queue, or a topic subscriber's lane (created on first use).
    private mutating func lane(channel: Int, subscriber: Int) -> Int {
        let key = program.channels[channel].isTopic ? subscriber : -1
        if let existing = program.channels[channel].lanes.first(where: { program.lanes[$0].subscriber == key }) {
            return existing
        }
        program.lanes.append(LaneSpec(channel: channel, subscriber: key))
        program.channels[channel].lanes.append(program.lanes.count - 1)
        return program.lanes.count - 1
    }

    // MARK: sites

    private mutating func declareSites() {
        for interaction in model.interactions {
            let attributes = interaction.attributes
            let target = model[interaction.to]
            var site = Site(interaction: interaction.id.rawValue, initiator: interaction.from.rawValue,
                            target: interaction.to.rawValue)
            site.meanHandling = max(0, attributes.latency ?? target.attributes.latency ?? 0)
            if interaction.arrow != .send {
                site.timeout = attributes.timeout ?? target.attributes.timeout ?? .infinity
            }
            if interaction.isSynchronous, let budget = attributes.budget { site.budget = budget }
            switch attributes.retries {
            case nil: site.maxAttempts = 1
            case .count(let count): site.maxAttempts = count >= Int.max - 1 ? Int.max : max(0, count) + 1
            case .unbounded: site.maxAttempts = Int.max
            }
            site.backoff = attributes.backoff ?? .none
            site.backoffBase = max(0, attributes.effectiveBackoffBase)
            site.backoffCap = max(0, attributes.effectiveBackoffCap)
            site.jitter = attributes.jitter
            if attributes.circuitBreaker {
                site.breaker = program.breakerCount
                program.breakerCount += 1
            }
            program.sites.append(site)
        }
    }

    // MARK: flows and steps

    private func isChannel(_ participant: ParticipantID) -> Bool { model[participant].kind.isChannel }

    /// Whether a top-level interaction is a standing consumer rather than a step of each run.
    private func isStanding(_ interaction: Interaction) -> Bool {
        (interaction.arrow == .fetch && isChannel(interaction.to)) || isChannel(interaction.from)
    }

    private mutating func lowerFlow(_ flow: Flow) -> Int {
        var perRun: [Int] = []
        var index = 0
        let steps = flow.steps
        while index < steps.count {
            guard case .interaction(let id) = steps[index], isStanding(model[id]) else {
                if let node = lowerStep(steps[index]) { perRun.append(node) }
                index += 1
                continue
            }
            let interaction = model[id]
            let consumer = isChannel(interaction.from) ? interaction.to : interaction.from
            // What the consumer does with each message: the steps it initiates right after.
            var following: [Step] = []
            var next = index + 1
            while next < steps.count {
                if case .note = steps[next] { next += 1; continue }
                guard case .interaction(let nextID) = steps[next], model[nextID].from == consumer,
                      !isStanding(model[nextID]) else { break }
                following.append(steps[next])
                next += 1
            }
            registerConsumer(interaction, following: following)
            index = next
        }
        return sequence(perRun)
    }

    /// A block's steps as one node; a block of one step is that step (one task fewer per
    /// execution: the common single nested call costs no sequence).
    private mutating func lowerSteps(_ steps: [Step]) -> Int {
        let children = steps.compactMap { lowerStep($0) }
        if children.count == 1, let only = children.first { return only }
        return sequence(children)
    }

    private mutating func sequence(_ children: [Int]) -> Int {
        let first = program.nodeChildren.count
        program.nodeChildren.append(contentsOf: children)
        program.choiceThresholds.append(contentsOf: repeatElement(0, count: children.count))
        program.nodes.append(.sequence(first: first, count: children.count))
        return program.nodes.count - 1
    }

    private mutating func lowerStep(_ step: Step) -> Int? {
        switch step {
        case .note:
            return nil
        case .interaction(let id):
            return lowerInteraction(model[id])
        case .fragment(let fragment):
            return lowerFragment(fragment)
        }
    }

    private mutating func lowerFragment(_ fragment: Fragment) -> Int? {
        switch fragment.kind {
        case .loop:
            let body = lowerSteps(fragment.branches.first?.steps ?? [])
            program.nodes.append(.loop(times: max(0, fragment.times), body: body))
            return program.nodes.count - 1
        case .par:
            let bodies = fragment.branches.map { lowerSteps($0.steps) }
            let first = program.nodeChildren.count
            program.nodeChildren.append(contentsOf: bodies)
            program.choiceThresholds.append(contentsOf: repeatElement(0, count: bodies.count))
            program.nodes.append(.parallel(first: first, count: bodies.count))
            return program.nodes.count - 1
        case .opt, .alt:
            let probabilities = Self.branchProbabilities(fragment)
            let bodies = fragment.branches.map { lowerSteps($0.steps) }
            let first = program.nodeChildren.count
            var cumulative = 0.0
            for (body, probability) in zip(bodies, probabilities) {
                cumulative += probability
                program.nodeChildren.append(body)
                program.choiceThresholds.append(min(1, cumulative))
            }
            program.nodes.append(.choice(first: first, count: bodies.count))
            return program.nodes.count - 1
        }
    }

    /// The chance of each branch: `opt` runs with its `p` (default 1); `alt` branches without a
    /// `p` share equally what the declared ones leave; declared chances adding up to more than 1
    /// are scaled down to 1.
    static func branchProbabilities(_ fragment: Fragment) -> [Double] {
        let declared = fragment.branches.map { $0.probability.map { min(1, max(0, $0)) } }
        if fragment.kind == .opt {
            return declared.map { $0 ?? 1 }
        }
        let declaredSum = declared.compactMap { $0 }.reduce(0, +)
        let undeclared = declared.filter { $0 == nil }.count
        let share = undeclared > 0 ? max(0, 1 - declaredSum) / Double(undeclared) : 0
        var probabilities = declared.map { $0 ?? share }
        let total = probabilities.reduce(0, +)
        if total > 1 { probabilities = probabilities.map { $0 / total } }
        return probabilities
    }

    private mutating func lowerInteraction(_ interaction: Interaction) -> Int? {
        let index = interaction.id.rawValue
        if isChannel(interaction.from) {
            // A delivery by a push channel, written in the block of a send into it.
            registerConsumer(interaction, following: [])
            return nil
        }
        let channel = program.channelOfParticipant[interaction.to.rawValue]
        if channel >= 0 {
            if interaction.arrow == .fetch {
                program.sites[index].mode = .fetch
                program.sites[index].channel = channel
                program.sites[index].lane = lane(channel: channel, subscriber: interaction.from.rawValue)
                program.sites[index].block = lowerSteps(interaction.block ?? [])
            } else {
                program.sites[index].mode = .send
                program.sites[index].channel = channel
                program.sites[index].timeout = .infinity
                // The block of a send into a channel is the channel's: its deliveries.
                for step in interaction.block ?? [] {
                    if case .interaction(let id) = step, isChannel(model[id].from) {
                        registerConsumer(model[id], following: [])
                    }
                }
            }
        } else {
            program.sites[index].mode = interaction.isSynchronous ? .call : .deliver
            if let block = interaction.block {
                program.sites[index].block = lowerSteps(block)
            }
        }
        program.nodes.append(.step(site: index))
        return program.nodes.count - 1
    }

    // MARK: consumers

    private mutating func registerConsumer(_ interaction: Interaction, following: [Step]) {
        let index = interaction.id.rawValue
        guard program.sites[index].mode != .consume else { return }
        let isPush = isChannel(interaction.from)
        let channelParticipant = isPush ? interaction.from : interaction.to
        let channel = program.channelOfParticipant[channelParticipant.rawValue]
        let consumer = isPush ? interaction.to : interaction.from
        guard channel >= 0 else { return }
        program.sites[index].mode = .consume
        program.sites[index].channel = channel
        let lane = lane(channel: channel, subscriber: consumer.rawValue)
        program.sites[index].lane = lane

        var handlingSteps: [Int] = []
        if isPush && isChannel(consumer) {
            // A channel pushing into another channel forwards each message.
            let forward = program.channelOfParticipant[consumer.rawValue]
            program.sites[index].mode = .send
            program.sites[index].channel = forward
            program.nodes.append(.step(site: index))
            handlingSteps.append(program.nodes.count - 1)
        }
        if let block = interaction.block { handlingSteps.append(lowerSteps(block)) }
        handlingSteps += following.compactMap { lowerStep($0) }
        let handling = handlingSteps.isEmpty ? -1 : sequence(handlingSteps)
        if program.sites[index].mode == .send {
            // Counted as the forward's sends; the consumer itself is the forward.
            program.sites[index].lane = -1
        }

        let participant = model[consumer]
        let kind: ConsumerSpec.Kind = isPush ? .push : (participant.kind == .driver ? .driver : .poller)
        let latency = interaction.attributes.latency ?? participant.attributes.latency ?? 0
        let timeout = isPush && interaction.isSynchronous
            ? (interaction.attributes.timeout ?? participant.attributes.timeout ?? .infinity) : .infinity
        let spec = ConsumerSpec(kind: kind, participant: consumer.rawValue, lane: lane, site: index, handling: handling,
                                meanHandling: max(0, latency), timeout: timeout,
                                interval: max(0.001, participant.attributes.interval ?? 1),
                                batch: max(1, participant.attributes.batch ?? 1))
        program.consumers.append(spec)
        let consumerIndex = program.consumers.count - 1
        if kind != .driver {
            program.lanes[lane].consumers.append(consumerIndex)
            program.stations[consumer.rawValue].consumers.append(consumerIndex)
        }
    }

    // MARK: limits

    /// Drivers poll for the whole scenario: refuse a scenario whose polls alone exceed the event
    /// limit, before running for minutes to find out.
    private func checkPolls() throws(SimulationError) {
        let polls = program.consumers.filter { $0.kind == .driver }.reduce(0.0) { $0 + scenario.duration / $1.interval }
        guard polls <= Double(options.maximumEvents) else {
            throw .tooManyPolls(expected: polls, limit: options.maximumEvents)
        }
    }

    // MARK: arrivals

    private func flowIndex(of line: LoadLine) throws(SimulationError) -> Int {
        if let flow = line.flow ?? options.defaultFlow {
            guard flow.rawValue >= 0, flow.rawValue < model.flows.count else { throw .unknownFlow(flow.rawValue) }
            return flow.rawValue
        }
        if let flow = model.flows.first(where: \.isDefault) ?? model.flows.first { return flow.id.rawValue }
        throw .nothingToRun
    }

    private mutating func buildArrivals() throws(SimulationError) {
        let duration = scenario.duration
        var lines: [(flow: Int, rate: Double, from: Double, to: Double)] = []
        for line in scenario.loads {
            let window = line.window ?? TimeWindow(from: 0, to: duration)
            let from = min(duration, window.from)
            let to = min(duration, window.to)
            guard to > from else { continue }
            lines.append((try flowIndex(of: line), line.rate, from, to))
        }
        var expected = 0.0
        for flow in Array(Set(lines.map(\.flow))).sorted() {
            let mine = lines.filter { $0.flow == flow }
            let cuts = Array(Set([0, duration] + mine.flatMap { [$0.from, $0.to] })).sorted()
            var segments: [RateSegment] = []
            for (start, end) in zip(cuts, cuts.dropFirst()) where end > start {
                // The later line wins where windows overlap.
                let rate = mine.last { $0.from <= start && start < $0.to }?.rate ?? 0
                if let last = segments.last, last.rate == rate, last.end == start {
                    segments[segments.count - 1].end = end
                } else {
                    segments.append(RateSegment(start: start, end: end, rate: rate))
                }
                expected += rate * (end - start)
            }
            program.arrivals.append(ArrivalProcess(flow: flow, segments: segments))
        }
        guard expected <= Double(options.maximumArrivals) else {
            throw .tooManyArrivals(expected: expected, limit: options.maximumArrivals)
        }
    }
}
