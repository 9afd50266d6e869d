// Channels: a queue has one lane; a topic has one lane per subscriber, and each message sent is
// copied into every lane. A lane holds at most `capacity` waiting messages; when full,
// `overflow` decides: `reject` fails the send, `drop-newest` discards the new message,
// `drop-oldest` discards the oldest waiting one, `backpressure` makes the sender wait for room
// (its waiting counts against its own caller's timeout). Undeclared overflow rejects.
// Messages older than `ttl` expire where they wait. A down channel refuses sends and delivers
// nothing; a hanging one accepts sends and delivers nothing.

extension Engine {
    /// A send's attempt: into every lane of its channel.
    mutating func offer(call: Int) {
        let spec = sites[tasks[call].node]
        let channel = spec.channel
        let fault = channelFaults[channel]
        if fault.down {
            recorder.channels[channel].rejected += 1
            return complete(call, generation: tasks[call].generation, .rejected)
        }
        if fault.errorProbability > 0, random.chance(fault.errorProbability) {
            return complete(call, generation: tasks[call].generation, .failure)
        }
        let run = tasks[call].run
        let span = tasks[call].openSpan
        var refused = false
        var blocked = 0
        for lane in channelSpecs[channel].lanes {
            switch place(lane: lane, run: run, span: span) {
            case .placed:
                break
            case .refused:
                refused = true
            case .full:
                let message = allocateMessage(run: run, lane: lane, span: span)
                lanes[lane].blockedSenders.append(slot: call, generation: tasks[call].generation, message: message)
                blocked += 1
            }
        }
        if refused {
            recorder.channels[channel].rejected += 1
            complete(call, generation: tasks[call].generation, .rejected)
        } else {
            recorder.channels[channel].published += 1
            if blocked > 0 {
                tasks[call].pending = blocked
                tasks[call].flags.insert(.parked)
            } else {
                complete(call, generation: tasks[call].generation, .success)
            }
        }
        for lane in channelSpecs[channel].lanes {
            dispatch(lane: lane)
        }
    }

    enum Placement { case placed, refused, full }

    /// A new message for one lane, under the channel's capacity and overflow policy.
    private mutating func place(lane: Int, run: Int, span: Int32) -> Placement {
        let channel = laneSpecs[lane].channel
        let spec = channelSpecs[channel]
        if lanes[lane].count < spec.capacity && lanes[lane].blockedSenders.isEmpty {
            recorder.channels[channel].sent += 1
            appendToLane(allocateMessage(run: run, lane: lane, span: span), lane: lane)
            return .placed
        }
        switch spec.overflow {
        case .dropNewest:
            recorder.channels[channel].sent += 1
            recorder.channels[channel].dropped += 1
            return .placed
        case .dropOldest:
            recorder.channels[channel].sent += 1
            if let oldest = popLane(lane, admitting: false) {
                recorder.channels[channel].dropped += 1
                freeMessage(oldest)
                appendToLane(allocateMessage(run: run, lane: lane, span: span), lane: lane)
            } else {
                recorder.channels[channel].dropped += 1
            }
            return .placed
        case .reject:
            return .refused
        case .backpressure:
            return .full
        }
    }

    /// A message enters a lane at the back (or, redelivered into an ordered channel, the front).
    mutating func appendToLane(_ message: Int, lane: Int, atFront: Bool = false) {
        messages[message].lane = lane
        messages[message].next = -1
        if lanes[lane].head < 0 {
            lanes[lane].head = message
            lanes[lane].tail = message
        } else if atFront {
            messages[message].next = lanes[lane].head
            lanes[lane].head = message
        } else {
            messages[lanes[lane].tail].next = message
            lanes[lane].tail = message
        }
        lanes[lane].count += 1
        recorder.depthChanged(channel: laneSpecs[lane].channel, by: 1, at: now)
    }

    /// Removes the lane's first message; with `admitting`, a sender waiting for room gets in.
    mutating func popLane(_ lane: Int, admitting: Bool = true) -> Int? {
        let head = lanes[lane].head
        guard head >= 0 else { return nil }
        lanes[lane].head = messages[head].next
        if lanes[lane].head < 0 { lanes[lane].tail = -1 }
        messages[head].next = -1
        lanes[lane].count -= 1
        recorder.depthChanged(channel: laneSpecs[lane].channel, by: -1, at: now)
        if admitting { admitBlockedSenders(lane: lane) }
        return head
    }

    /// Backpressure: while there is room, the longest-waiting sender's message gets in.
    private mutating func admitBlockedSenders(lane: Int) {
        let channel = laneSpecs[lane].channel
        while lanes[lane].count < channelSpecs[channel].capacity, let waiting = lanes[lane].blockedSenders.popFirst() {
            recorder.channels[channel].sent += 1
            appendToLane(waiting.message, lane: lane)
            let call = waiting.slot
            guard isLive(call, waiting.generation), tasks[call].kind == .call else { continue }
            tasks[call].pending -= 1
            if tasks[call].pending == 0 {
                tasks[call].flags.remove(.parked)
                complete(call, generation: waiting.generation, .success)
            }
        }
    }

    /// Drops expired messages from the front of a lane.
    private mutating func purgeExpired(lane: Int) {
        let channel = laneSpecs[lane].channel
        let ttl = channelSpecs[channel].ttl
        guard ttl.isFinite else { return }
        while lanes[lane].head >= 0, now - messages[lanes[lane].head].created > ttl, let expired = popLane(lane) {
            recorder.channels[channel].expired += 1
            freeMessage(expired)
        }
    }

    /// At the end of each statistics interval: expired messages leave every lane.
    mutating func sweepExpired() {
        for lane in lanes.indices where channelSpecs[laneSpecs[lane].channel].ttl.isFinite {
            purgeExpired(lane: lane)
            dispatch(lane: lane)
        }
    }

    /// Hands a lane's messages to whoever can take them: waiting fetches first, then standing
    /// consumers in turn (a driver only takes when it polls).
    mutating func dispatch(lane: Int) {
        let channel = laneSpecs[lane].channel
        guard channelFaults[channel].isWorking else { return }
        while true {
            purgeExpired(lane: lane)
            guard lanes[lane].count > 0 else { return }
            if let fetch = nextWaitingFetch(lane: lane) {
                guard let message = popLane(lane) else { return }
                beginFetchHandling(fetch, message: message)
                continue
            }
            guard let consumer = nextReadyConsumer(lane: lane), let message = popLane(lane) else { return }
            startHandling(consumer: consumer, first: message, count: 1)
        }
    }

    private mutating func nextWaitingFetch(lane: Int) -> Int? {
        while let waiting = lanes[lane].fetchers.popFirst() {
            if isLive(waiting.slot, waiting.generation), tasks[waiting.slot].flags.contains(.parked) {
                tasks[waiting.slot].flags.remove(.parked)
                return waiting.slot
            }
        }
        return nil
    }

    /// The next consumer (round-robin) that is working and has a free server (and, for a push
    /// delivery to a rate-limited consumer, a token).
    private mutating func nextReadyConsumer(lane: Int) -> Int? {
        let consumers = laneSpecs[lane].consumers
        guard !consumers.isEmpty else { return nil }
        let start = lanes[lane].consumerCursor % consumers.count
        for offset in 0..<consumers.count {
            let index = consumers[(start + offset) % consumers.count]
            let consumer = consumerSpecs[index]
            let station = consumer.participant
            guard stations[station].fault.isWorking, stations[station].busy < stations[station].servers else { continue }
            if consumer.kind == .push, let rate = stationSpecs[station].rateLimit,
               !takeToken(station: station, rate: rate) {
                if !lanes[lane].wakeUpScheduled {
                    lanes[lane].wakeUpScheduled = true
                    events.schedule(.pushWakeUp, at: now + untilToken(station: station, rate: rate), target: lane)
                }
                continue
            }
            lanes[lane].consumerCursor = start + offset + 1
            return index
        }
        return nil
    }

    // MARK: failed handling

    /// A receive failed: at-most-once loses it, `max-receives` dead-letters it, else it is
    /// redelivered after a short delay.
    mutating func receiveFailed(message: Int) {
        let lane = messages[message].lane
        let channel = laneSpecs[lane].channel
        let spec = channelSpecs[channel]
        lanes[lane].inFlight -= 1
        if spec.atMostOnce {
            recorder.channels[channel].dropped += 1
            freeMessage(message)
        } else if messages[message].receives >= spec.maxReceives {
            deadLetter(message: message, from: channel)
        } else {
            recorder.channels[channel].redelivered += 1
            lanes[lane].delayed += 1
            events.schedule(.redelivery, at: now + Self.redeliveryDelay, target: message,
                            generation: messages[message].generation)
        }
    }

    /// A receive succeeded: the message is delivered.
    mutating func receiveSucceeded(message: Int) {
        let lane = messages[message].lane
        let channel = laneSpecs[lane].channel
        lanes[lane].inFlight -= 1
        recorder.channels[channel].delivered += 1
        freeMessage(message)
    }

    mutating func redeliver(message: Int) {
        let lane = messages[message].lane
        lanes[lane].delayed -= 1
        let channel = laneSpecs[lane].channel
        appendToLane(message, lane: lane, atFront: channelSpecs[channel].ordered)
        dispatch(lane: lane)
    }

    private mutating func deadLetter(message: Int, from channel: Int) {
        recorder.channels[channel].deadLettered += 1
        let target = channelSpecs[channel].deadLetter
        let run = messages[message].run
        let span = messages[message].span
        freeMessage(message)
        guard target >= 0 else { return }
        // Into the dead-letter channel, without waiting: what does not fit is dropped there.
        var refused = false
        for lane in channelSpecs[target].lanes {
            let spec = channelSpecs[target]
            if lanes[lane].count < spec.capacity {
                recorder.channels[target].sent += 1
                appendToLane(allocateMessage(run: run, lane: lane, span: span), lane: lane)
            } else if spec.overflow == .dropNewest || spec.overflow == .dropOldest {
                recorder.channels[target].sent += 1
                recorder.channels[target].dropped += 1
            } else {
                refused = true
            }
        }
        if refused {
            recorder.channels[target].rejected += 1
        } else {
            recorder.channels[target].published += 1
        }
        for lane in channelSpecs[target].lanes {
            dispatch(lane: lane)
        }
    }
}
