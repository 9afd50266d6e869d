// The discrete-event engine: one run of a Program under one seed.
//
// The loop takes the earliest event, advances the clock to it, lets the event act, then drains
// the completions it caused (a step finishing lets its sequence start the next one at the same
// instant, and so on) before taking the next event. Completions go through an explicit stack, not
// recursion, so a thousand instant steps in a row, or an unbounded retry loop, cannot overflow
// the call stack; every event and completion counts against `maximumEvents`.
//
// Invariants: a run stays alive while a task or message references it; a task slot is reused
// only after its generation changed, so a stale event or waiting-list entry is recognised and
// ignored rather than cancelled.
//
// Speed: state lives in tables of small structs addressed by integers (`SlotTable`: no
// copy-on-write check or reference counting per access), so an event allocates nothing. Even
// the engine's queries (`isLive`, `isOrphaned`) are `mutating`: a non-mutating method receives
// a copy of the whole engine in unoptimised builds, where the tests run.

struct Completion: Sendable {
    var task: Int
    var generation: UInt32
    var outcome: Outcome
}

struct Engine {
    let program: Program
    // The program's tables, held directly: reading them never copies the whole program.
    let sites: [Site]
    let nodes: [ProgramNode]
    let nodeChildren: [Int]
    let choiceThresholds: [Double]
    let stationSpecs: [StationSpec]
    let channelSpecs: [ChannelSpec]
    let laneSpecs: [LaneSpec]
    let consumerSpecs: [ConsumerSpec]
    let arrivals: [ArrivalProcess]
    let flowRoots: [Int]
    let channelOfParticipant: [Int]
    let options: SimulationOptions
    let clock: IntervalClock
    let duration: Double
    let warmup: Double
    /// How long a message whose handling failed stays invisible before it is redelivered.
    static let redeliveryDelay = 1.0

    var random: RandomSource
    var events = EventQueue()
    var now = 0.0
    var processed = 0
    /// `processed` when the clock last moved: events at one instant are counted against a limit.
    var processedWhenTimeMoved = 0
    var stopped: SimulationError?

    // Slots with free lists threaded through them (`next`): reusing a slot touches no other array.
    var tasks = SlotTable<TaskState>(capacity: 1024)
    var freeTask = -1
    var runs = SlotTable<RunState>(capacity: 256)
    var freeRun = -1
    var messages = SlotTable<MessageState>(capacity: 64)
    var freeMessageSlot = -1
    var inFlight = 0

    var stations: SlotTable<StationState>
    var lanes: [LaneState]
    var channelFaults: [FaultState]
    var breakers: [CircuitBreaker]
    var timeouts: TimeoutQueues
    /// Tasks alive whose caller gave up: while there are none, no work is wasted.
    var abandonedAlive = 0
    /// Every arrival process's rate segments, one process after the other, and per process the
    /// segment it is in and one past its last (flat, so drawing an arrival touches no array of
    /// arrays).
    var rateSegments: SlotTable<RateSegment>
    var arrivalSegment: SlotTable<Int>
    var arrivalSegmentsEnd: SlotTable<Int>
    /// A stack of completions; `completionCount` entries are live (the table never shrinks).
    var completions = SlotTable<Completion>(capacity: 64)
    var completionCount = 0
    var recorder: Recorder
    /// The traced runs' spans (`baton simulate --traces`); off unless a trace limit is given.
    var spanLog: SpanLog
    /// Per flow, the participant whose span is a traced run's root (`Engine+Tracing`).
    let flowInitiators: [Int]

    init(program: Program, seed: UInt64, options: SimulationOptions, goodputFrom: [Double], traceLimit: Int = 0) {
        self.program = program
        sites = program.sites
        nodes = program.nodes
        nodeChildren = program.nodeChildren
        choiceThresholds = program.choiceThresholds
        stationSpecs = program.stations
        channelSpecs = program.channels
        laneSpecs = program.lanes
        consumerSpecs = program.consumers
        arrivals = program.arrivals
        flowRoots = program.flowRoots
        channelOfParticipant = program.channelOfParticipant
        self.options = options
        duration = program.duration
        warmup = program.warmup
        clock = IntervalClock(duration: program.duration, warmup: program.warmup, width: options.interval)
        random = RandomSource(seed: seed)
        stations = SlotTable(program.stations.map { spec in
            var state = StationState(servers: spec.servers)
            if let rate = spec.rateLimit { state.tokens = max(1, rate) }
            return state
        })
        lanes = Array(repeating: LaneState(), count: program.lanes.count)
        channelFaults = Array(repeating: .healthy, count: program.channels.count)
        breakers = Array(repeating: CircuitBreaker(), count: program.breakerCount)
        timeouts = TimeoutQueues(sites: sites.count)
        rateSegments = SlotTable(program.arrivals.flatMap(\.segments))
        var ends: [Int] = []
        for process in program.arrivals { ends.append((ends.last ?? 0) + process.segments.count) }
        arrivalSegment = SlotTable(zip(ends, program.arrivals).map { $0 - $1.segments.count })
        arrivalSegmentsEnd = SlotTable(ends)
        recorder = Recorder(clock: clock, flows: program.flowRoots.count, interactions: program.sites.count,
                            participants: program.stations.count, channels: program.channels.count,
                            goodputFrom: goodputFrom)
        let expectedArrivals = program.arrivals.reduce(0.0) { total, process in
            process.segments.reduce(total) { $0 + $1.rate * ($1.end - $1.start) }
        }
        spanLog = SpanLog(limit: traceLimit, expectedArrivals: expectedArrivals)
        flowInitiators = traceLimit > 0 ? Self.flowInitiators(program: program) : []
    }

    /// Runs the scenario to its end.
    mutating func run() throws(SimulationError) {
        scheduleStart()
        while let event = events.pop() {
            if event.time > duration { break }
            if event.time > now { processedWhenTimeMoved = processed }
            now = event.time
            recorder.advance(to: now)
            processed += 1
            if processed > options.maximumEvents { throw .tooManyEvents(limit: options.maximumEvents, time: now) }
            if processed - processedWhenTimeMoved > options.maximumEventsPerInstant {
                throw .timeStandsStill(events: processed - processedWhenTimeMoved, time: now)
            }
            handle(event)
            drainCompletions()
            if let stopped { throw stopped }
        }
        now = duration
        recorder.finish(at: duration)
    }

    private mutating func scheduleStart() {
        // Fault boundaries first, so a fault from 0 is in force before the first arrival.
        for (index, time) in program.faults.boundaries.enumerated() {
            events.schedule(.faultBoundary, at: time, target: index)
        }
        if channelSpecs.contains(where: { $0.ttl.isFinite }) {
            for index in 0..<clock.count {
                events.schedule(.intervalEnd, at: clock.end(index), target: index)
            }
        }
        for (index, consumer) in consumerSpecs.enumerated() where consumer.kind == .driver {
            events.schedule(.driverTick, at: 0, target: index)
        }
        for index in program.arrivals.indices {
            scheduleArrival(process: index, after: 0)
        }
    }

    private mutating func handle(_ event: Event) {
        let target = Int(event.target)
        switch event.kind {
        case .arrival:
            scheduleArrival(process: target, after: now)
            startRun(flow: arrivals[target].flow)
        case .handlingDone:
            guard isLive(target, event.generation) else { return }
            handlingTimeOver(target)
        case .attemptTimeout:
            guard isLive(target, event.generation) else { return }
            attemptTimedOut(call: target, attempt: Int(event.extra))
        case .timeoutCheck:
            checkTimeouts(site: target)
        case .retry:
            guard isLive(target, event.generation) else { return }
            beginAttempt(call: target)
        case .deliveryTimeout:
            guard isLive(target, event.generation) else { return }
            deliveryTimedOut(target)
        case .fetchTimeout:
            guard isLive(target, event.generation) else { return }
            fetchTimedOut(target)
        case .driverTick:
            driverTick(consumer: target)
        case .faultBoundary:
            applyFaultBoundary()
        case .redelivery:
            guard messages[target].live, messages[target].generation == event.generation else { return }
            redeliver(message: target)
        case .pushWakeUp:
            lanes[target].wakeUpScheduled = false
            dispatch(lane: target)
        case .intervalEnd:
            sweepExpired()
        }
    }

    @inline(__always)
    mutating func isLive(_ task: Int, _ generation: UInt32) -> Bool {
        tasks[task].generation == generation && tasks[task].kind != .free
    }

    // MARK: arrivals

    /// Schedules the next arrival of a Poisson process with a piecewise constant rate: an
    /// exponential gap at the current rate, restarted at the next segment when it overshoots
    /// (memorylessness makes that exact).
    private mutating func scheduleArrival(process: Int, after time: Double) {
        var segment = arrivalSegment[process]
        let end = arrivalSegmentsEnd[process]
        var start = time
        while segment < end {
            let current = rateSegments[segment]
            if start < current.start { start = current.start }
            if current.rate > 0 {
                let next = start + random.exponential(mean: 1 / current.rate)
                if next < current.end {
                    arrivalSegment[process] = segment
                    events.schedule(.arrival, at: next, target: process)
                    return
                }
            }
            start = current.end
            segment += 1
        }
        arrivalSegment[process] = segment
    }

    // MARK: slots

    mutating func allocateTask(_ kind: TaskKind, run: Int, parent: Int) -> Int {
        let index: Int
        if freeTask >= 0 {
            index = freeTask
            freeTask = tasks[index].next
        } else {
            index = tasks.count
            tasks.append(TaskState())
        }
        let generation = tasks[index].generation
        var task = TaskState()
        task.kind = kind
        task.generation = generation
        task.run = run
        task.parent = parent
        if parent >= 0 { task.parentGeneration = tasks[parent].generation }
        if spanLog.isOn {
            // Its steps nest in its parent's span; a step at the top of a traced run in the
            // run's root span.
            if parent >= 0 {
                task.span = tasks[parent].span
            } else if run >= 0 && runs[run].trace >= 0 {
                task.span = 0
            }
        }
        tasks[index] = task
        if run >= 0 { runs[run].references += 1 }
        inFlight += 1
        if inFlight > options.maximumInFlight, stopped == nil {
            stopped = .tooMuchInFlight(limit: options.maximumInFlight, time: now)
        }
        return index
    }

    mutating func freeTask(_ index: Int) {
        let run = tasks[index].run
        if tasks[index].flags.contains(.abandoned) { abandonedAlive -= 1 }
        tasks[index].kind = .free
        tasks[index].generation &+= 1
        tasks[index].parent = -1
        tasks[index].next = freeTask
        freeTask = index
        inFlight -= 1
        if run >= 0 { release(run: run) }
    }

    mutating func allocateMessage(run: Int, lane: Int, span: Int32 = -1) -> Int {
        let index: Int
        if freeMessageSlot >= 0 {
            index = freeMessageSlot
            freeMessageSlot = messages[index].next
        } else {
            index = messages.count
            messages.append(MessageState())
        }
        messages[index].run = run
        messages[index].lane = lane
        messages[index].created = now
        messages[index].receives = 0
        messages[index].next = -1
        messages[index].live = true
        messages[index].span = span
        if run >= 0 { runs[run].references += 1 }
        inFlight += 1
        if inFlight > options.maximumInFlight, stopped == nil {
            stopped = .tooMuchInFlight(limit: options.maximumInFlight, time: now)
        }
        return index
    }

    mutating func freeMessage(_ index: Int) {
        let run = messages[index].run
        messages[index].live = false
        messages[index].generation &+= 1
        messages[index].next = freeMessageSlot
        freeMessageSlot = index
        inFlight -= 1
        if run >= 0 { release(run: run) }
    }

    // MARK: completions

    /// Tells `task` that something it waits for ended; acted on after the current event.
    @inline(__always)
    mutating func complete(_ task: Int, generation: UInt32, _ outcome: Outcome) {
        let completion = Completion(task: task, generation: generation, outcome: outcome)
        if completionCount < completions.count {
            completions[completionCount] = completion
        } else {
            completions.append(completion)
        }
        completionCount += 1
    }

    /// Tells a task's parent that the task ended.
    @inline(__always)
    mutating func completeParent(of task: Int, _ outcome: Outcome) {
        let parent = tasks[task].parent
        if parent >= 0 {
            complete(parent, generation: tasks[task].parentGeneration, outcome)
        }
    }

    mutating func drainCompletions() {
        while completionCount > 0 {
            completionCount -= 1
            let completion = completions[completionCount]
            guard countStep() else {
                completionCount = 0
                return
            }
            guard isLive(completion.task, completion.generation) else { continue }
            childEnded(completion.task, completion.outcome)
        }
    }

    /// Counts a step taken outside the event loop (a completion) against the limits: false, and
    /// the engine stopped, when one is exceeded.
    @inline(__always)
    mutating func countStep() -> Bool {
        processed += 1
        guard processed > options.maximumEvents || processed - processedWhenTimeMoved > options.maximumEventsPerInstant
        else { return true }
        if stopped == nil {
            stopped = processed > options.maximumEvents
                ? .tooManyEvents(limit: options.maximumEvents, time: now)
                : .timeStandsStill(events: processed - processedWhenTimeMoved, time: now)
        }
        return false
    }
}
