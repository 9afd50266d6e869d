/// Everything measured during one run, streamed: counters, sketches and time-weighted levels.
/// Nothing grows with the duration except the fixed number of statistics intervals.
///
/// Most events update a few of these figures, so they live in `SlotTable`s, `SketchTable`s and
/// a `LevelTable` — flat tables updated in place — rather than in arrays of structs holding
/// arrays, each update of which paid copy-on-write checks.
struct Recorder {
    struct FlowCounters {
        var started = 0
        var succeeded = 0
        var failed = 0
    }

    struct InteractionCounters {
        var firstAttempts = 0
        var attempts = 0
        var successes = 0
        var failures = 0
        var timeouts = 0
        var rejections = 0
        var shortCircuited = 0
        var breakerOpenings = 0
    }

    struct StationCounters {
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
    var flows: SlotTable<FlowCounters>
    /// Per flow: response and completion times of the runs after the warm-up.
    var response: SketchTable
    var completion: SketchTable
    /// flows × intervals, flat.
    var flowArrivals: SlotTable<Double>
    var flowSucceeded: SlotTable<Double>
    var flowFailed: SlotTable<Double>
    var flowResponse: SketchTable
    var interactions: SlotTable<InteractionCounters>
    /// interactions × intervals, flat.
    var attemptSeries: SlotTable<Double>
    var firstAttemptSeries: SlotTable<Double>
    var stations: SlotTable<StationCounters>
    /// Per station its servers in use (level `station`) and its waiting line (level
    /// `lineLevels + station`); then per channel its depth (level `depthLevels + channel`).
    var levels: LevelTable
    let lineLevels: Int
    let depthLevels: Int
    var channels: SlotTable<ChannelCounters>
    var goodputWindows: SlotTable<GoodputWindow>
    /// The interval the clock is in, kept up to date by `advance(to:)` (no division per event).
    private(set) var interval = 0
    private var intervalEnd: Double

    init(clock: IntervalClock, flows: Int, interactions: Int, participants: Int, channels: Int, goodputFrom: [Double]) {
        self.clock = clock
        warmup = clock.warmup
        let intervals = clock.count
        self.flows = SlotTable(repeating: FlowCounters(), count: flows)
        response = SketchTable(count: flows)
        completion = SketchTable(count: flows)
        flowArrivals = SlotTable(repeating: 0, count: flows * intervals)
        flowSucceeded = SlotTable(repeating: 0, count: flows * intervals)
        flowFailed = SlotTable(repeating: 0, count: flows * intervals)
        flowResponse = SketchTable(count: flows * intervals)
        self.interactions = SlotTable(repeating: InteractionCounters(), count: interactions)
        attemptSeries = SlotTable(repeating: 0, count: interactions * intervals)
        firstAttemptSeries = SlotTable(repeating: 0, count: interactions * intervals)
        stations = SlotTable(repeating: StationCounters(), count: participants)
        levels = LevelTable(clock: clock, count: 2 * participants + channels)
        lineLevels = participants
        depthLevels = 2 * participants
        self.channels = SlotTable(repeating: ChannelCounters(), count: channels)
        goodputWindows = SlotTable(goodputFrom.map { GoodputWindow(from: $0) })
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
            flowResponse.add(slot, time - arrival)
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
            response.add(flow, time - arrival)
        } else {
            flows[flow].failed += 1
        }
    }

    mutating func runCompleted(flow: Int, arrival: Double, at time: Double, succeeded: Bool) {
        guard succeeded, arrival >= warmup else { return }
        completion.add(flow, time - arrival)
    }

    // MARK: interactions

    @inline(__always)
    mutating func firstAttempt(site: Int, at time: Double) {
        firstAttemptSeries[site * clock.count + interval] += 1
        if time >= warmup { interactions[site].firstAttempts += 1 }
    }

    @inline(__always)
    mutating func attempt(site: Int, at time: Double) {
        attemptSeries[site * clock.count + interval] += 1
        if time >= warmup { interactions[site].attempts += 1 }
    }

    @inline(__always)
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

    @inline(__always)
    mutating func accepted(station: Int, at time: Double) {
        if time >= warmup { stations[station].accepted += 1 }
    }

    @inline(__always)
    mutating func handled(station: Int, accepted: Double, at time: Double) {
        guard accepted >= warmup else { return }
        stations[station].handled += 1
        stations[station].sojourn += time - accepted
        stations[station].sojournCount += 1
    }

    /// Work accepted at `accepted` got a server now.
    @inline(__always)
    mutating func started(station: Int, accepted: Double, at time: Double) {
        guard accepted >= warmup else { return }
        stations[station].wait += time - accepted
        stations[station].waitCount += 1
    }

    @inline(__always)
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
        levels.set(station, to: Double(value), at: time)
    }

    mutating func lineChanged(station: Int, to value: Int, at time: Double) {
        levels.set(lineLevels + station, to: Double(value), at: time)
    }

    mutating func depthChanged(channel: Int, by delta: Int, at time: Double) {
        levels.add(depthLevels + channel, Double(delta), at: time)
    }

    mutating func finish(at time: Double) {
        levels.finish(at: time)
    }
}
