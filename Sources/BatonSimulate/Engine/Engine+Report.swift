import BatonModel

// Turns the engine's counters into a `SimulationResult` (without recovery verdicts and
// expectation outcomes, which are computed from it).

extension Engine {
    func report(model: Model, scenario: Scenario) -> SimulationResult {
        let measured = max(1e-12, duration - warmup)
        let loadedFlows = Array(Set(program.arrivals.map(\.flow))).sorted()

        let flows = loadedFlows.map { flow -> FlowResult in
            let counters = recorder.flows.element(flow)
            let started = Double(counters.started)
            let succeeded = Double(counters.succeeded)
            let failed = Double(counters.failed)
            return FlowResult(
                flow: FlowID(flow), name: model.flows[flow].name, started: Figure(started), succeeded: Figure(succeeded),
                failed: Figure(failed), unfinished: Figure(max(0, started - succeeded - failed)),
                offeredLoad: Figure(started / measured), goodput: Figure(succeeded / measured),
                successRatio: started > 0 ? Figure(succeeded / started) : nil,
                responseTime: LatencySummary(sketch: recorder.response.sketch(flow)),
                completionTime: LatencySummary(sketch: recorder.completion.sketch(flow)))
        }

        var interactions: [InteractionResult] = []
        for (index, site) in sites.enumerated() where site.mode != .inert {
            let interaction = model.interactions[index]
            let counters = recorder.interactions.element(index)
            let role: InteractionResult.Role
            switch site.mode {
            case .call: role = .call
            case .send: role = .send
            case .deliver: role = .delivery
            case .fetch: role = .fetch
            case .consume, .inert: role = .consumer
            }
            interactions.append(InteractionResult(
                interaction: interaction.id, from: interaction.from, to: interaction.to,
                fromName: model[interaction.from].name, toName: model[interaction.to].name, label: interaction.label,
                span: interaction.span, role: role, firstAttempts: Figure(Double(counters.firstAttempts)),
                attempts: Figure(Double(counters.attempts)),
                amplification: counters.firstAttempts > 0
                    ? Figure(Double(counters.attempts) / Double(counters.firstAttempts)) : nil,
                successes: Figure(Double(counters.successes)), failures: Figure(Double(counters.failures)),
                timeouts: Figure(Double(counters.timeouts)), rejections: Figure(Double(counters.rejections)),
                shortCircuited: Figure(Double(counters.shortCircuited)),
                breakerOpenings: Figure(Double(counters.breakerOpenings))))
        }

        var participants: [ParticipantResult] = []
        for (index, spec) in stationSpecs.enumerated() where spec.isReported {
            let participant = model.participants[index]
            let counters = recorder.stations.element(index)
            let meanBusy = recorder.levels.measuredArea(index) / measured
            let meanWaiting = recorder.levels.measuredArea(recorder.lineLevels + index) / measured
            let servers = spec.servers == Int.max ? nil : spec.servers
            participants.append(ParticipantResult(
                participant: participant.id, name: participant.name, kind: participant.kind, servers: servers,
                utilisation: servers.flatMap { $0 > 0 ? Figure(meanBusy / Double($0)) : nil },
                meanBusy: Figure(meanBusy), meanWaiting: Figure(meanWaiting),
                maxWaiting: Figure(recorder.levels.measuredMaximum(recorder.lineLevels + index)),
                meanInSystem: Figure(meanBusy + meanWaiting), throughput: Figure(Double(counters.accepted) / measured),
                meanSojourn: counters.sojournCount > 0 ? Figure(counters.sojourn / Double(counters.sojournCount)) : nil,
                meanWait: counters.waitCount > 0 ? Figure(counters.wait / Double(counters.waitCount)) : nil,
                handled: Figure(Double(counters.handled)), wastedWork: Figure(counters.wastedWork),
                wastedAttempts: Figure(Double(counters.wastedAttempts)), rejected: Figure(Double(counters.rejected)),
                hung: Figure(Double(counters.hung))))
        }

        var channels: [ChannelResult] = []
        for (index, spec) in channelSpecs.enumerated() {
            let participant = model.participants[spec.participant]
            let counters = recorder.channels.element(index)
            let (waitingExpired, left) = endOfScenarioCount(channel: index)
            let depth = recorder.depthLevels + index
            channels.append(ChannelResult(
                participant: participant.id, name: participant.name, kind: participant.kind,
                published: Figure(Double(counters.published)), sent: Figure(Double(counters.sent)),
                rejected: Figure(Double(counters.rejected)), delivered: Figure(Double(counters.delivered)),
                dropped: Figure(Double(counters.dropped)), expired: Figure(Double(counters.expired + waitingExpired)),
                deadLettered: Figure(Double(counters.deadLettered)), left: Figure(Double(left)),
                redelivered: Figure(Double(counters.redelivered)),
                maxDepth: Figure(recorder.levels.overallMaximum(depth)),
                meanDepth: Figure(recorder.levels.intervalAreas(depth).reduce(0, +) / duration)))
        }

        return SimulationResult(
            scenario: scenario.name, duration: duration, warmup: warmup, seed: scenario.seed, runs: 1,
            events: Figure(Double(processed)), flows: flows, interactions: interactions, participants: participants,
            channels: channels, recovery: [], expectations: [], series: series(loadedFlows: loadedFlows))
    }

    /// Messages in a channel at the end: those past their time to live count as expired, the
    /// rest (waiting, being handled, awaiting redelivery) as left.
    private func endOfScenarioCount(channel: Int) -> (expired: Int, left: Int) {
        let ttl = channelSpecs[channel].ttl
        var expired = 0
        var left = 0
        for lane in channelSpecs[channel].lanes {
            left += lanes[lane].inFlight + lanes[lane].delayed
            var message = lanes[lane].head
            while message >= 0 {
                let state = messages.element(message)
                if ttl.isFinite && duration - state.created > ttl { expired += 1 } else { left += 1 }
                message = state.next
            }
        }
        return (expired, left)
    }

    private func series(loadedFlows: [Int]) -> TimeSeries {
        let count = clock.count
        let lengths = (0..<count).map { max(1e-12, clock.length($0)) }
        func perSecond(_ values: ArraySlice<Double>) -> [Double] {
            zip(values, lengths).map { $0 / $1 }
        }
        func slice(_ table: SlotTable<Double>, _ row: Int) -> ArraySlice<Double> {
            table.elements(row * count, count)[...]
        }

        var flowSeries: [FlowSeries] = []
        var allResponses = Array(repeating: QuantileSketch(), count: count)
        var scheduledTotal = Array(repeating: 0.0, count: count)
        for flow in loadedFlows {
            let scheduled = scheduledLoad(flow: flow)
            for index in 0..<count { scheduledTotal[index] += scheduled[index] }
            var p50: [Double?] = []
            var p95: [Double?] = []
            var p99: [Double?] = []
            for index in 0..<count {
                let sketch = recorder.flowResponse.sketch(flow * count + index)
                allResponses[index].merge(sketch)
                p50.append(sketch.quantile(0.5))
                p95.append(sketch.quantile(0.95))
                p99.append(sketch.quantile(0.99))
            }
            flowSeries.append(FlowSeries(
                flow: FlowID(flow), scheduledLoad: scheduled, offeredLoad: perSecond(slice(recorder.flowArrivals, flow)),
                goodput: perSecond(slice(recorder.flowSucceeded, flow)), failures: perSecond(slice(recorder.flowFailed, flow)),
                responseP50: p50, responseP95: p95, responseP99: p99))
        }
        func total(_ pick: (FlowSeries) -> [Double]) -> [Double] {
            (0..<count).map { index in flowSeries.reduce(0) { $0 + pick($1)[index] } }
        }

        var participants: [ParticipantSeries] = []
        for (index, spec) in stationSpecs.enumerated() where spec.isReported {
            participants.append(ParticipantSeries(
                participant: ParticipantID(index),
                meanWaiting: perSecond(recorder.levels.intervalAreas(recorder.lineLevels + index)[...]),
                maxWaiting: recorder.levels.intervalMaxima(recorder.lineLevels + index),
                meanBusy: perSecond(recorder.levels.intervalAreas(index)[...])))
        }
        let channels = channelSpecs.indices.map { index in
            ChannelSeries(participant: ParticipantID(channelSpecs[index].participant),
                          meanDepth: perSecond(recorder.levels.intervalAreas(recorder.depthLevels + index)[...]),
                          maxDepth: recorder.levels.intervalMaxima(recorder.depthLevels + index))
        }
        var interactions: [InteractionSeries] = []
        var attempts = Array(repeating: 0.0, count: count)
        for (index, site) in sites.enumerated() where site.mode != .inert {
            let perInterval = perSecond(slice(recorder.attemptSeries, index))
            for row in 0..<count { attempts[row] += perInterval[row] }
            interactions.append(InteractionSeries(interaction: InteractionID(index), attempts: perInterval,
                                                  firstAttempts: perSecond(slice(recorder.firstAttemptSeries, index))))
        }
        return TimeSeries(
            interval: clock.width, count: count, scheduledLoad: scheduledTotal, offeredLoad: total(\.offeredLoad),
            goodput: total(\.goodput), failures: total(\.failures), responseP50: allResponses.map { $0.quantile(0.5) },
            responseP95: allResponses.map { $0.quantile(0.95) }, responseP99: allResponses.map { $0.quantile(0.99) },
            attempts: attempts, flows: flowSeries, participants: participants, channels: channels,
            interactions: interactions)
    }

    /// The rate the load lines ask for, averaged over each interval.
    private func scheduledLoad(flow: Int) -> [Double] {
        var rates = Array(repeating: 0.0, count: clock.count)
        for process in program.arrivals where process.flow == flow {
            for segment in process.segments where segment.rate > 0 {
                var index = clock.index(segment.start)
                while index < clock.count && clock.start(index) < segment.end {
                    let overlap = min(segment.end, clock.end(index)) - max(segment.start, clock.start(index))
                    if overlap > 0 { rates[index] += segment.rate * overlap / max(1e-12, clock.length(index)) }
                    index += 1
                }
            }
        }
        return rates
    }
}
