// Runs and step trees: a run executes its flow's steps in order; sequences, loops, `par` and
// `opt`/`alt` are tasks that start their children and wait for them.

extension Engine {
    // MARK: runs

    mutating func startRun(flow: Int) {
        let run: Int
        if freeRun >= 0 {
            run = freeRun
            freeRun = runs[run].nextFree
        } else {
            run = runs.count
            runs.append(RunState())
        }
        runs[run].flow = flow
        runs[run].arrival = now
        runs[run].references = 0
        runs[run].responded = false
        runs[run].succeeded = false
        runs[run].trace = -1
        recorder.runStarted(flow: flow, at: now)
        traceArrival(run: run, flow: flow)

        let root = flowRoots[flow]
        guard case .sequence(let first, let count) = nodes[root], count > 0 else {
            responded(run: run, succeeded: true)
            completeRun(run)
            return
        }
        // A flow of a single call or send (the common case, and a plain queue's) needs no
        // sequence task waiting for it: the call itself ends the run's response (`finishCall`),
        // which saves a task and a completion per run.
        if count == 1, case .step(let site) = nodes[nodeChildren[first]],
           sites[site].mode == .call || sites[site].mode == .send {
            startCall(site: site, parent: -1, detached: false, run: run, root: true)
            return
        }
        let task = allocateTask(.sequence, run: run, parent: -1)
        tasks[task].flags = .root
        tasks[task].node = root
        startNode(nodeChildren[first], parent: task)
    }

    /// The run's steps are done: its response.
    mutating func responded(run: Int, succeeded: Bool) {
        runs[run].responded = true
        runs[run].succeeded = succeeded
        traceResponse(run: run, succeeded: succeeded)
        recorder.runResponded(flow: runs[run].flow, arrival: runs[run].arrival, at: now, succeeded: succeeded)
    }

    /// One fewer task or message belongs to the run; at none, everything it caused has settled.
    mutating func release(run: Int) {
        runs[run].references -= 1
        if runs[run].references == 0 && runs[run].responded {
            completeRun(run)
        }
    }

    private mutating func completeRun(_ run: Int) {
        recorder.runCompleted(flow: runs[run].flow, arrival: runs[run].arrival, at: now, succeeded: runs[run].succeeded)
        traceCompletion(run: run)
        runs[run].generation &+= 1
        runs[run].responded = false
        runs[run].nextFree = freeRun
        freeRun = run
    }

    // MARK: step trees

    /// Starts `node` on behalf of `parent`, which is told when it ends.
    mutating func startNode(_ node: Int, parent: Int) {
        let run = tasks[parent].run
        switch nodes[node] {
        case .sequence(let first, let count):
            guard count > 0 else {
                complete(parent, generation: tasks[parent].generation, .success)
                return
            }
            let task = allocateTask(.sequence, run: run, parent: parent)
            tasks[task].node = node
            startNode(nodeChildren[first], parent: task)
        case .step(let site):
            startStep(site: site, parent: parent)
        case .loop(let times, let body):
            guard times > 0 else {
                complete(parent, generation: tasks[parent].generation, .success)
                return
            }
            let task = allocateTask(.loop, run: run, parent: parent)
            tasks[task].node = node
            startNode(body, parent: task)
        case .parallel(let first, let count):
            guard count > 0 else {
                complete(parent, generation: tasks[parent].generation, .success)
                return
            }
            let task = allocateTask(.parallel, run: run, parent: parent)
            tasks[task].node = node
            tasks[task].counter = count
            for index in first..<(first + count) {
                startNode(nodeChildren[index], parent: task)
            }
        case .choice(let first, let count):
            let draw = random.uniform()
            for index in first..<(first + count) where draw < choiceThresholds[index] {
                startNode(nodeChildren[index], parent: parent)
                return
            }
            complete(parent, generation: tasks[parent].generation, .success)
        }
    }

    private mutating func startStep(site: Int, parent: Int) {
        switch sites[site].mode {
        case .call, .send:
            startCall(site: site, parent: parent, detached: false)
        case .deliver:
            // The sender does not wait: the delivery goes on by itself.
            startCall(site: site, parent: -1, detached: true, run: tasks[parent].run, span: tasks[parent].span)
            complete(parent, generation: tasks[parent].generation, .success)
        case .fetch:
            startFetch(site: site, parent: parent)
        case .consume, .inert:
            complete(parent, generation: tasks[parent].generation, .success)
        }
    }

    /// Something `task` waited for ended.
    mutating func childEnded(_ task: Int, _ outcome: Outcome) {
        switch tasks[task].kind {
        case .sequence:
            guard outcome.isSuccess else { return finishStructure(task, .failure) }
            tasks[task].counter += 1
            guard case .sequence(let first, let count) = nodes[tasks[task].node] else { return }
            if tasks[task].counter >= count {
                finishStructure(task, .success)
            } else {
                startNode(nodeChildren[first + tasks[task].counter], parent: task)
            }
        case .loop:
            guard outcome.isSuccess else { return finishStructure(task, .failure) }
            tasks[task].counter += 1
            guard case .loop(let times, let body) = nodes[tasks[task].node] else { return }
            if tasks[task].counter >= times {
                finishStructure(task, .success)
            } else {
                startNode(body, parent: task)
            }
        case .parallel:
            if !outcome.isSuccess { tasks[task].flags.insert(.failed) }
            tasks[task].counter -= 1
            if tasks[task].counter == 0 {
                finishStructure(task, tasks[task].flags.contains(.failed) ? .failure : .success)
            }
        case .call:
            attemptEnded(call: task, outcome)
        case .attempt:
            finishAttempt(task, outcome.isSuccess ? .success : .failure)
        case .handling:
            finishHandling(task, outcome.isSuccess ? .success : .failure)
        case .fetch:
            finishFetch(task, outcome.isSuccess ? .success : .failure)
        case .free:
            break
        }
    }

    /// A sequence, loop or `par` ended: tell its parent (or end the run's response).
    private mutating func finishStructure(_ task: Int, _ outcome: Outcome) {
        if tasks[task].flags.contains(.root) {
            responded(run: tasks[task].run, succeeded: outcome.isSuccess)
        } else {
            completeParent(of: task, outcome)
        }
        freeTask(task)
    }
}
