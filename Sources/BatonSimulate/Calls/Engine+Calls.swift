// Interactions with attempts: a sync call waits for each attempt up to its timeout, retries
// after its backoff while attempts and budget remain, and consults its circuit breaker before
// each attempt. A timed-out attempt is *not* cancelled: it is only abandoned by its caller, goes
// on at the station (its waiting and handling become wasted work) and may still call further
// down. Sends into channels and deliveries to stations (`->>`, `~>`) use the same machinery:
// their attempts are refused or accepted, and retried the same way.

extension Engine {
    /// Starts an interaction's first attempt. `parent` waits for the result (none when detached,
    /// nor when the call is a `root`: the only step of its run's flow, whose end is the run's
    /// response).
    /// `span`: the span a detached call's spans nest in (the sender's), which it cannot inherit
    /// from a parent.
    mutating func startCall(site: Int, parent: Int, detached: Bool, run: Int? = nil, root: Bool = false,
                            span: Int32? = nil) {
        let call = allocateTask(.call, run: run ?? tasks[parent].run, parent: parent)
        if let span { tasks[call].span = span }
        tasks[call].node = site
        tasks[call].arrived = now
        if detached { tasks[call].flags.insert(.detached) }
        if root { tasks[call].flags.insert(.root) }
        let budget = sites[site].budget
        tasks[call].deadline = budget.isFinite ? now + budget : .infinity
        recorder.firstAttempt(site: site, at: now)
        beginAttempt(call: call)
    }

    mutating func beginAttempt(call: Int) {
        let site = tasks[call].node
        let spec = sites[site]
        tasks[call].counter += 1
        tasks[call].flags.remove(.probe)
        if spanLog.isOn { traceAttempt(call: call) }
        if spec.breaker >= 0 {
            switch breakers[spec.breaker].admit(at: now) {
            case .pass: break
            case .probe: tasks[call].flags.insert(.probe)
            case .refuse:
                complete(call, generation: tasks[call].generation, .shortCircuited)
                return
            }
        }
        recorder.attempt(site: site, at: now)
        if spec.mode == .send {
            offer(call: call)
            return
        }
        let attempt = allocateTask(.attempt, run: tasks[call].run, parent: call)
        tasks[attempt].node = site
        tasks[attempt].station = spec.target
        tasks[attempt].arrived = now
        tasks[attempt].counter = tasks[call].counter
        tasks[attempt].span = tasks[call].openSpan
        tasks[call].child = attempt
        tasks[call].childGeneration = tasks[attempt].generation
        guard arrive(attempt: attempt) else { return }
        let budgetLeft = tasks[call].deadline - now
        if spec.timeout <= budgetLeft {
            let entry = TimeoutQueues.Entry(deadline: now + spec.timeout, call: Int32(truncatingIfNeeded: call),
                                            attempt: Int32(truncatingIfNeeded: tasks[call].counter),
                                            generation: tasks[call].generation)
            if spec.timeout.isFinite, timeouts.push(site: site, entry) {
                scheduleTimeoutCheck(site: site)
            }
        } else if budgetLeft.isFinite {
            events.schedule(.attemptTimeout, at: now + max(0, budgetLeft), target: call,
                            generation: tasks[call].generation, extra: tasks[call].counter)
        }
    }

    /// Whether the caller still waits for this attempt.
    private mutating func isWaiting(_ entry: TimeoutQueues.Entry) -> Bool {
        let call = Int(entry.call)
        return isLive(call, entry.generation) && tasks[call].kind == .call && tasks[call].counter == Int(entry.attempt)
            && tasks[call].child >= 0
    }

    /// Drops the interaction's stale deadlines and schedules an event for the first live one.
    private mutating func scheduleTimeoutCheck(site: Int) {
        while let first = timeouts.first(site: site), !isWaiting(first) {
            timeouts.removeFirst(site: site)
        }
        guard let first = timeouts.first(site: site) else {
            timeouts.markScheduled(site: site, at: .infinity)
            return
        }
        timeouts.markScheduled(site: site, at: first.deadline)
        events.schedule(.timeoutCheck, at: first.deadline, target: site)
    }

    /// An interaction's earliest deadline is due: time out every attempt whose deadline passed.
    mutating func checkTimeouts(site: Int) {
        while let first = timeouts.first(site: site), first.deadline <= now {
            timeouts.removeFirst(site: site)
            if isWaiting(first) { attemptTimedOut(call: Int(first.call), attempt: Int(first.attempt)) }
        }
        scheduleTimeoutCheck(site: site)
    }

    /// The caller stops waiting for attempt `attempt`; the attempt goes on, abandoned.
    mutating func attemptTimedOut(call: Int, attempt number: Int) {
        guard tasks[call].kind == .call, tasks[call].counter == number, tasks[call].child >= 0 else { return }
        let attempt = tasks[call].child
        if isLive(attempt, tasks[call].childGeneration), tasks[attempt].parent == call {
            tasks[attempt].parent = -1
            abandon(attempt)
        }
        attemptEnded(call: call, .timeout)
    }

    /// The current attempt ended: done, or retry, or give up.
    mutating func attemptEnded(call: Int, _ outcome: Outcome) {
        let site = tasks[call].node
        let spec = sites[site]
        tasks[call].child = -1
        if spanLog.isOn { traceAttemptEnded(call: call, outcome) }
        recorder.outcome(site: site, outcome, at: now)
        if spec.breaker >= 0, outcome != .shortCircuited {
            let probe = tasks[call].flags.contains(.probe)
            if breakers[spec.breaker].record(success: outcome.isSuccess, probe: probe, at: now) {
                recorder.breakerOpened(site: site, at: now)
            }
        }
        guard !outcome.isSuccess else { return finishCall(call, .success) }
        let made = tasks[call].counter
        if made < spec.maxAttempts {
            let delay = spec.backoffDelay(retry: made, random: &random)
            if now + delay < tasks[call].deadline {
                if delay > 0 {
                    events.schedule(.retry, at: now + delay, target: call, generation: tasks[call].generation)
                } else {
                    beginAttempt(call: call)
                }
                return
            }
        }
        finishCall(call, .failure)
    }

    private mutating func finishCall(_ call: Int, _ outcome: Outcome) {
        if tasks[call].flags.contains(.root) {
            // The flow's only step: the run responds now. A flow's sequence would have taken one
            // more step to get here, and it is counted, so the event count and its limits do
            // not depend on this shortcut.
            if countStep() { responded(run: tasks[call].run, succeeded: outcome.isSuccess) }
        } else if !tasks[call].flags.contains(.detached) {
            completeParent(of: call, outcome)
        }
        freeTask(call)
    }
}
