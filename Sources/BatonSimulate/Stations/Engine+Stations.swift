// Stations: every service, external and store (and a driver, for its own handling) has
// `concurrency` servers (unbounded when undeclared; a driver has one) and a FIFO waiting line
// of at most `backlog` attempts. Handling times are exponential with the interaction's latency,
// else the participant's, so one station alone is an M/M/c queue. A rate limit is a token
// bucket holding one second's worth of tokens. The availability draw (and an `errors` fault)
// happens when the handling time is over: a failed attempt skips its block.

extension Engine {
    /// An attempt reaches its station. Returns false when it was refused at once (the caller
    /// has been told), true when it is accepted (or swallowed by a hang).
    mutating func arrive(attempt: Int) -> Bool {
        let station = tasks[attempt].station
        let fault = stations[station].fault
        if fault.down {
            refuse(attempt, at: station)
            return false
        }
        if let rate = stationSpecs[station].rateLimit, !takeToken(station: station, rate: rate) {
            refuse(attempt, at: station)
            return false
        }
        if fault.hang {
            swallow(attempt, at: station)
            return true
        }
        if stations[station].busy < stations[station].servers {
            recorder.accepted(station: station, at: now)
            startWork(attempt)
        } else if stations[station].lineCount < stationSpecs[station].backlog {
            recorder.accepted(station: station, at: now)
            appendToLine(attempt, station: station)
        } else {
            refuse(attempt, at: station)
            return false
        }
        return true
    }

    /// Refused at once: the caller hears it now.
    mutating func refuse(_ attempt: Int, at station: Int) {
        recorder.rejected(station: station, at: now)
        completeParent(of: attempt, .rejected)
        freeTask(attempt)
    }

    /// Accepted and never answered: the caller waits until its own timeout (or for ever).
    mutating func swallow(_ attempt: Int, at station: Int) {
        recorder.hung(station: station, at: now)
        freeTask(attempt)
    }

    private mutating func appendToLine(_ task: Int, station: Int) {
        tasks[task].next = -1
        if stations[station].lineTail >= 0 {
            tasks[stations[station].lineTail].next = task
        } else {
            stations[station].lineHead = task
        }
        stations[station].lineTail = task
        stations[station].lineCount += 1
        recorder.lineChanged(station: station, to: stations[station].lineCount, at: now)
    }

    private mutating func popLine(station: Int) -> Int? {
        let head = stations[station].lineHead
        guard head >= 0 else { return nil }
        stations[station].lineHead = tasks[head].next
        if stations[station].lineHead < 0 { stations[station].lineTail = -1 }
        tasks[head].next = -1
        stations[station].lineCount -= 1
        recorder.lineChanged(station: station, to: stations[station].lineCount, at: now)
        return head
    }

    /// Takes a server and draws the handling time (attempts and consumer handlings).
    mutating func startWork(_ task: Int) {
        let station = tasks[task].station
        stations[station].busy += 1
        recorder.busyChanged(station: station, to: stations[station].busy, at: now)
        tasks[task].flags.insert(.holdsServer)
        tasks[task].started = now
        if spanLog.isOn && tasks[task].kind == .attempt { traceServerStart(attempt: task) }
        recorder.started(station: station, accepted: tasks[task].arrived, at: now)
        let mean = tasks[task].kind == .handling
            ? consumerSpecs[tasks[task].node].meanHandling
            : sites[tasks[task].node].meanHandling
        let time = random.exponential(mean: mean * stations[station].slowdown)
        events.schedule(.handlingDone, at: now + time, target: task, generation: tasks[task].generation)
    }

    /// A handling time is over: fail by the availability and error draws, or run the block.
    mutating func handlingTimeOver(_ task: Int) {
        switch tasks[task].kind {
        case .attempt:
            let station = tasks[task].station
            if failsNow(station: station) { return finishAttempt(task, .failure) }
            let block = sites[tasks[task].node].block
            guard block >= 0 else { return finishAttempt(task, .success) }
            startNode(block, parent: task)
        case .handling:
            let station = tasks[task].station
            if failsNow(station: station) { return finishHandling(task, .failure) }
            let handling = consumerSpecs[tasks[task].node].handling
            guard handling >= 0 else { return finishHandling(task, .success) }
            startNode(handling, parent: task)
        case .fetch:
            let block = sites[tasks[task].node].block
            guard block >= 0 else { return finishFetch(task, .success) }
            startNode(block, parent: task)
        default:
            break
        }
    }

    /// The availability draw and an `errors` fault, combined.
    private mutating func failsNow(station: Int) -> Bool {
        let unavailable = stationSpecs[station].failureProbability
        let errors = stations[station].fault.errorProbability
        guard unavailable > 0 || errors > 0 else { return false }
        return random.chance(1 - (1 - unavailable) * (1 - errors))
    }

    /// An attempt is done (its handling and block): free the server, tell the caller if it
    /// still waits, count the work as wasted if nobody does.
    mutating func finishAttempt(_ attempt: Int, _ outcome: Outcome) {
        let station = tasks[attempt].station
        if spanLog.isOn { traceTaskEnded(attempt, outcome) }
        releaseServer(of: attempt)
        completeParent(of: attempt, outcome)
        freeTask(attempt)
        stationFreed(station)
    }

    /// Gives the server back and books the work: handled, and wasted when its caller (or a
    /// caller further up) had given up.
    mutating func releaseServer(of task: Int) {
        guard tasks[task].flags.contains(.holdsServer) else { return }
        let station = tasks[task].station
        tasks[task].flags.remove(.holdsServer)
        stations[station].busy -= 1
        recorder.busyChanged(station: station, to: stations[station].busy, at: now)
        recorder.handled(station: station, accepted: tasks[task].arrived, at: now)
        if isOrphaned(task) {
            recorder.wasted(station: station, seconds: now - tasks[task].started, at: now)
        }
    }

    /// Whether nobody waits for this work any more: it, or a task it works for, was abandoned.
    mutating func isOrphaned(_ task: Int) -> Bool {
        guard abandonedAlive > 0 else { return false }
        var current = task
        var steps = 0
        while current >= 0 && steps < 10_000 {
            if tasks[current].flags.contains(.abandoned) { return true }
            let parent = tasks[current].parent
            if parent < 0 { return false }
            if tasks[parent].generation != tasks[current].parentGeneration { return true }
            current = parent
            steps += 1
        }
        return false
    }

    /// Nobody waits for this task any more.
    mutating func abandon(_ task: Int) {
        guard !tasks[task].flags.contains(.abandoned) else { return }
        tasks[task].flags.insert(.abandoned)
        abandonedAlive += 1
    }

    /// A server may be free: start waiting work, then let the participant's consumers take
    /// messages.
    mutating func stationFreed(_ station: Int) {
        while stations[station].busy < stations[station].servers, let next = popLine(station: station) {
            let fault = stations[station].fault
            if fault.down {
                refuse(next, at: station)
            } else if fault.hang {
                swallow(next, at: station)
            } else {
                startWork(next)
            }
        }
        let consumers = stationSpecs[station].consumers
        guard !consumers.isEmpty, stations[station].busy < stations[station].servers,
              stations[station].fault.isWorking else { return }
        // Round-robin over the lanes it consumes, so one busy lane does not starve the others.
        let start = stations[station].consumerCursor % consumers.count
        stations[station].consumerCursor = start + 1
        for offset in 0..<consumers.count {
            guard stations[station].busy < stations[station].servers else { break }
            dispatch(lane: consumerSpecs[consumers[(start + offset) % consumers.count]].lane)
        }
    }

    /// Empties the waiting line when a fault starts: refused (down) or swallowed (hang).
    mutating func flushLine(station: Int, refusing: Bool) {
        while let next = popLine(station: station) {
            if refusing { refuse(next, at: station) } else { swallow(next, at: station) }
        }
    }

    // MARK: rate limit

    /// Takes a token from the station's bucket (rate per second, burst one second's worth).
    /// A hair under one token counts as one: refills computed in floating point approach a
    /// whole token without always reaching it.
    mutating func takeToken(station: Int, rate: Double) -> Bool {
        refill(station: station, rate: rate)
        guard stations[station].tokens >= 1 - 1e-9 else { return false }
        stations[station].tokens = max(0, stations[station].tokens - 1)
        return true
    }

    /// Seconds until the bucket holds a token again (never less than a microsecond, so a
    /// waiting push delivery always moves time forward).
    mutating func untilToken(station: Int, rate: Double) -> Double {
        refill(station: station, rate: rate)
        return max(1e-6, (1 - stations[station].tokens) / rate)
    }

    private mutating func refill(station: Int, rate: Double) {
        let burst = max(1, rate)
        let elapsed = now - stations[station].tokensUpdated
        if elapsed > 0 {
            stations[station].tokens = min(burst, stations[station].tokens + elapsed * rate)
            stations[station].tokensUpdated = now
        }
    }
}
