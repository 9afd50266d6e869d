/// Everything measured during one run, streamed: counters, sketches and time-weighted levels.
/// Nothing grows with the duration except the fixed number of statistics intervals.
struct Recorder: Sendable {
    struct FlowCounters: Sendable {
        var started = 0
        var succeeded = 0
        var failed = 0
        var response = QuantileSketch()
        var completion = QuantileSketch()
    }

    struct InteractionCounters: Sendable {
        var firstAttempts = 0
        var attempts = 0
        var successes = 0
        var failures = 0
        var timeouts = 0
        var rejections = 0
        var shortCircuited = 0
        var breakerOpenings = 0
    }

    struct StationCounters: Sendable {
        var accepted = 0
        var handled = 0
        var sojourn = 0.0
        var sojournCount = 0
        var wait = 0.0
        var waitCount = 0
        var rejected = 0
        var hung = 0
        var wastedWork = 0.0
        var wastedAttempts = 0
    }

    /// `expect goodput … after T`: runs arrived from T on, and how many of them succeeded.
    struct GoodputWindow: Sendable {
        var from: Double
        var started = 0
        var succeeded = 0
    }

    let clock: IntervalClock
    /// Figures count from here on (the end of the warm-up).
    let warmup: Double
    var flows: [FlowCounters]
    /// flows × intervals, flat.
    var flowArrivals: [Double]
    var flowSucceeded: [Double]
    var flowFailed: [Double]
    var flowResponse: [QuantileSketch]
    var interactions: [InteractionCounters]
    /// interactions × intervals, flat.
    var attemptSeries: [Double]
    var firstAttemptSeries: [Double]
    var stations: [StationCounters]
    var busy: [LevelRecorder]
    var line: [LevelRecorder]
    var channelDepth: [LevelRecorder]
    var channels: [ChannelCounters]
    var goodputWindows: [GoodputWindow]
    /// The interval the clock is in, kept up to date by `advance(to:)` (no division per event).
    private(set) var interval = 0
    private var intervalEnd: Double

    init(clock: IntervalClock, flows: Int, interactions: Int, participants: Int, channels: Int, goodputFrom: [Double]) {
        self.clock = clock
        warmup = clock.warmup
        let intervals = clock.count
        self.flows = Array(repeating: FlowCounters(), count: flows)
        flowArrivals = Array(repeating: 0, count: flows * intervals)
        flowSucceeded = flowArrivals
        flowFailed = flowArrivals
        flowResponse = Array(repeating: QuantileSketch(), count: flows * intervals)
        self.interactions = Array(repeating: InteractionCounters(), count: interactions)
        attemptSeries = Array(repeating: 0, count: interactions * intervals)
        firstAttemptSeries = attemptSeries
        stations = Array(repeating: StationCounters(), count: participants)
        busy = Array(repeating: LevelRecorder(clock: clock), count: participants)
        line = busy
        channelDepth = Array(repeating: LevelRecorder(clock: clock), count: channels)
        self.channels = Array(repeating: ChannelCounters(), count: channels)
        goodputWindows = goodputFrom.map { GoodputWindow(from: $0) }
        intervalEnd = clock.end(0)
    }

    /// The engine's clock moved to `time` (never backwards).
    @inline(__always)
    mutating func advance(to time: Double) {
        guard time >= intervalEnd, interval + 1 < clock.count else { return }
        interval = clock.index(time)
        intervalEnd = clock.end(interval)
    }


    // MARK: runs

    mutating func runStarted(flow: Int, at time: Double) {
        flowArrivals[flow * clock.count + interval] += 1
        if time >= warmup { flows[flow].started += 1 }
        var index = 0
        while index < goodputWindows.count {
            if time >= goodputWindows[index].from { goodputWindows[index].started += 1 }
            index += 1
        }
    }

    mutating func runResponded(flow: Int, arrival: Double, at time: Double, succeeded: Bool) {
        let slot = flow * clock.count + interval
        if succeeded {
            flowSucceeded[slot] += 1
            flowResponse[slot].add(time - arrival)
            var index = 0
            while index < goodputWindows.count {
                if arrival >= goodputWindows[index].from { goodputWindows[index].succeeded += 1 }
                index += 1
            }
        } else {
            flowFailed[slot] += 1
        }
        guard arrival >= warmup else { return }
        if succeeded {
            flows[flow].succeeded += 1
            flows[flow].response.add(time - arrival)
        } else {
            flows[flow].failed += 1
        }
    }

    mutating func runCompleted(flow: Int, arrival: Double, at time: Double, succeeded: Bool) {
        guard succeeded, arrival >= warmup else { return }
        flows[flow].completion.add(time - arrival)
    }

    // MARK: interactions

    mutating func firstAttempt(site: Int, at time: Double) {
        firstAttemptSeries[site * clock.count + interval] += 1
        if time >= warmup { interactions[site].firstAttempts += 1 }
    }

    mutating func attempt(site: Int, at time: Double) {
        attemptSeries[site * clock.count + interval] += 1
        if time >= warmup { interactions[site].attempts += 1 }
    }

    mutating func outcome(site: Int, _ outcome: Outcome, at time: Double) {
        guard time >= warmup else { return }
        switch outcome {
        case .success: interactions[site].successes += 1
        case .failure: interactions[site].failures += 1
        case .timeout: interactions[site].timeouts += 1
        case .rejected: interactions[site].rejections += 1
        case .shortCircuited: interactions[site].shortCircuited += 1
        }
    }

    mutating func breakerOpened(site: Int, at time: Double) {
        if time >= warmup { interactions[site].breakerOpenings += 1 }
    }

    // MARK: stations

    mutating func accepted(station: Int, at time: Double) {
        if time >= warmup { stations[station].accepted += 1 }
    }

    mutating func handled(station: Int, accepted: Double, at time: Double) {
        guard accepted >= warmup else { return }
        stations[station].handled += 1
        stations[station].sojourn += time - accepted
        stations[station].sojournCount += 1
    }

    /// Work accepted at `accepted` got a server now.
    mutating func started(station: Int, accepted: Double, at time: Double) {
        guard accepted >= warmup else { return }
        stations[station].wait += time - accepted
        stations[station].waitCount += 1
    }

    mutating func rejected(station: Int, at time: Double) {
        if time >= warmup { stations[station].rejected += 1 }
    }

    mutating func hung(station: Int, at time: Double) {
        if time >= warmup { stations[station].hung += 1 }
    }

    mutating func wasted(station: Int, seconds: Double, at time: Double) {
        guard time >= warmup else { return }
        stations[station].wastedWork += seconds
        stations[station].wastedAttempts += 1
    }

    mutating func busyChanged(station: Int, to value: Int, at time: Double) {
        busy[station].set(Double(value), at: time, clock: clock)
    }

    mutating func lineChanged(station: Int, to value: Int, at time: Double) {
        line[station].set(Double(value), at: time, clock: clock)
    }

    mutating func depthChanged(channel: Int, by delta: Int, at time: Double) {
        channelDepth[channel].add(Double(delta), at: time, clock: clock)
    }

    mutating func finish(at time: Double) {
        for index in busy.indices {
            busy[index].finish(at: time, clock: clock)
            line[index].finish(at: time, clock: clock)
        }
        for index in channelDepth.indices {
            channelDepth[index].finish(at: time, clock: clock)
        }
    }
}
