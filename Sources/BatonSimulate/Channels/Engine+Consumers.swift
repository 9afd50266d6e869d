// Standing consumers and fetches. A consumer handles a message on one of its participant's
// servers (shared with the calls it receives, which go first): a handling time, then the
// handling steps; success delivers the message, failure hands it back to the channel. A
// driver polls every `interval` and takes up to `batch` messages per free server, handled
// together. A sync push delivery (`Q -> A`) that outlasts its timeout is redelivered while the
// consumer goes on (wasted work). A fetch from a channel inside a block takes one message,
// waiting up to its timeout when the channel is empty (without a timeout it does not wait).

extension Engine {
    /// Starts handling a message (or a driver's batch: a list through `MessageState.next`).
    mutating func startHandling(consumer: Int, first message: Int, count: Int) {
        let spec = consumerSpecs[consumer]
        let handling = allocateTask(.handling, run: messages[message].run, parent: -1)
        tasks[handling].node = consumer
        tasks[handling].station = spec.participant
        tasks[handling].message = message
        tasks[handling].counter = count
        tasks[handling].arrived = now
        var current = message
        while current >= 0 {
            messages[current].receives += 1
            lanes[messages[current].lane].inFlight += 1
            if messages[current].receives == 1 { recorder.firstAttempt(site: spec.site, at: now) }
            recorder.attempt(site: spec.site, at: now)
            current = messages[current].next
        }
        if spanLog.isOn { traceHandling(handling, message: message) }
        recorder.accepted(station: spec.participant, at: now)
        startWork(handling)
        if spec.timeout.isFinite {
            events.schedule(.deliveryTimeout, at: now + spec.timeout, target: handling,
                            generation: tasks[handling].generation)
        }
    }

    /// The handling (time and steps) is over: settle its messages, free the server.
    mutating func finishHandling(_ handling: Int, _ outcome: Outcome) {
        let station = tasks[handling].station
        if spanLog.isOn { traceTaskEnded(handling, outcome) }
        releaseServer(of: handling)
        if !tasks[handling].flags.contains(.abandoned) {
            settle(messages: tasks[handling].message, site: consumerSpecs[tasks[handling].node].site, outcome)
        }
        freeTask(handling)
        stationFreed(station)
    }

    /// A sync push delivery waited too long: the channel takes the messages back; the
    /// consumer's work goes on, abandoned.
    mutating func deliveryTimedOut(_ handling: Int) {
        guard tasks[handling].kind == .handling, !tasks[handling].flags.contains(.abandoned) else { return }
        abandon(handling)
        settle(messages: tasks[handling].message, site: consumerSpecs[tasks[handling].node].site, .timeout)
        tasks[handling].message = -1
    }

    private mutating func settle(messages first: Int, site: Int, _ outcome: Outcome) {
        var current = first
        while current >= 0 {
            let next = messages[current].next
            messages[current].next = -1
            recorder.outcome(site: site, outcome, at: now)
            if outcome.isSuccess {
                receiveSucceeded(message: current)
            } else {
                receiveFailed(message: current)
            }
            current = next
        }
    }

    /// A driver polls: up to `batch` messages per free server.
    mutating func driverTick(consumer: Int) {
        let spec = consumerSpecs[consumer]
        if now + spec.interval <= duration {
            events.schedule(.driverTick, at: now + spec.interval, target: consumer)
        }
        let station = spec.participant
        let lane = spec.lane
        guard stations[station].fault.isWorking, channelFaults[laneSpecs[lane].channel].isWorking else { return }
        while stations[station].busy < stations[station].servers {
            var first = -1
            var last = -1
            var taken = 0
            while taken < spec.batch, let message = takeValid(lane: lane) {
                if first < 0 { first = message } else { messages[last].next = message }
                last = message
                taken += 1
            }
            guard first >= 0 else { return }
            startHandling(consumer: consumer, first: first, count: taken)
        }
    }

    /// The lane's first message that has not expired.
    private mutating func takeValid(lane: Int) -> Int? {
        let channel = laneSpecs[lane].channel
        let ttl = channelSpecs[channel].ttl
        while let message = popLane(lane) {
            if ttl.isFinite && now - messages[message].created > ttl {
                recorder.channels[channel].expired += 1
                freeMessage(message)
                continue
            }
            return message
        }
        return nil
    }

    // MARK: fetches inside blocks

    mutating func startFetch(site: Int, parent: Int) {
        let spec = sites[site]
        let fetch = allocateTask(.fetch, run: tasks[parent].run, parent: parent)
        tasks[fetch].node = site
        if spanLog.isOn { traceFetch(fetch) }
        recorder.firstAttempt(site: site, at: now)
        recorder.attempt(site: site, at: now)
        let lane = spec.lane
        let fault = channelFaults[spec.channel]
        if fault.down {
            recorder.outcome(site: site, .rejected, at: now)
            if spanLog.isOn { traceTaskEnded(fetch, .rejected) }
            completeParent(of: fetch, .failure)
            return freeTask(fetch)
        }
        if fault.isWorking, let message = takeValid(lane: lane) {
            return beginFetchHandling(fetch, message: message)
        }
        if spec.timeout.isFinite && spec.timeout > 0 {
            tasks[fetch].flags.insert(.parked)
            lanes[lane].fetchers.append(slot: fetch, generation: tasks[fetch].generation)
            events.schedule(.fetchTimeout, at: now + spec.timeout, target: fetch, generation: tasks[fetch].generation)
            return
        }
        // Nothing to take and no reason to wait: an empty poll is not a failure.
        recorder.outcome(site: site, .success, at: now)
        if spanLog.isOn { traceTaskEnded(fetch, .success) }
        completeParent(of: fetch, .success)
        freeTask(fetch)
    }

    /// A fetch got a message: its handling time, then the fetch's block.
    mutating func beginFetchHandling(_ fetch: Int, message: Int) {
        messages[message].receives += 1
        lanes[messages[message].lane].inFlight += 1
        tasks[fetch].message = message
        let time = random.exponential(mean: sites[tasks[fetch].node].meanHandling)
        events.schedule(.handlingDone, at: now + time, target: fetch, generation: tasks[fetch].generation)
    }

    mutating func finishFetch(_ fetch: Int, _ outcome: Outcome) {
        let message = tasks[fetch].message
        if message >= 0 {
            if outcome.isSuccess { receiveSucceeded(message: message) } else { receiveFailed(message: message) }
        }
        recorder.outcome(site: tasks[fetch].node, outcome, at: now)
        if spanLog.isOn { traceTaskEnded(fetch, outcome) }
        completeParent(of: fetch, outcome)
        freeTask(fetch)
    }

    mutating func fetchTimedOut(_ fetch: Int) {
        guard tasks[fetch].kind == .fetch, tasks[fetch].flags.contains(.parked) else { return }
        tasks[fetch].flags.remove(.parked)
        recorder.outcome(site: tasks[fetch].node, .timeout, at: now)
        if spanLog.isOn { traceTaskEnded(fetch, .timeout) }
        completeParent(of: fetch, .failure)
        freeTask(fetch)
    }
}
