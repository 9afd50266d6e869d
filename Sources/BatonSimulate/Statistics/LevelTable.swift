/// The time-weighted averages and maxima of levels that change at instants: every station's
/// busy servers and waiting line, every channel's depth.
///
/// Each level is integrated over time as it changes (no samples are kept): over the measured part
/// of the scenario (after the warm-up) for the report, and per statistics interval for the time
/// series.
///
/// Why one table for all levels rather than a recorder per level: a level changes on most events
/// (a request joins a line, takes a server, leaves), and a recorder holding its own per-interval
/// arrays, kept in an array of recorders, paid two copy-on-write checks per change. Here each
/// level's running state is one plain struct in a `SlotTable`, and the per-interval figures of all
/// levels are two flat tables (level × interval), so a change is a few loads and stores.
struct LevelTable {
    /// One level's running state.
    private struct Level {
        var value: Double = 0
        var lastTime: Double = 0
        /// The interval `lastTime` is in, and where it ends.
        var interval = 0
        var intervalEnd: Double
        /// ∫ level dt over the measured part.
        var measuredArea: Double = 0
        /// The largest level during the measured part.
        var measuredMaximum: Double = 0
        /// The largest level over the whole scenario.
        var overallMaximum: Double = 0
    }

    private let clock: IntervalClock
    private let warmup: Double
    private var levels: SlotTable<Level>
    /// ∫ level dt per interval: level × interval, flat.
    private var intervalArea: SlotTable<Double>
    /// The largest level per interval: level × interval, flat.
    private var intervalMaximum: SlotTable<Double>

    init(clock: IntervalClock, count: Int) {
        self.clock = clock
        warmup = clock.warmup
        levels = SlotTable(repeating: Level(intervalEnd: clock.end(0)), count: count)
        intervalArea = SlotTable(repeating: 0, count: count * clock.count)
        intervalMaximum = SlotTable(repeating: 0, count: count * clock.count)
    }

    /// Moves level `index`'s clock to `time`, integrating its current value up to it.
    @inline(__always)
    private mutating func advance(_ index: Int, to time: Double) {
        let lastTime = levels[index].lastTime
        guard time > lastTime else { return }
        let value = levels[index].value
        let row = index * clock.count
        var interval = levels[index].interval
        var intervalEnd = levels[index].intervalEnd
        if value != 0 {
            if time > warmup { levels[index].measuredArea += value * (time - Swift.max(lastTime, warmup)) }
            var cursor = lastTime
            while time > intervalEnd && interval + 1 < clock.count {
                intervalArea[row + interval] += value * (intervalEnd - cursor)
                cursor = intervalEnd
                interval += 1
                intervalEnd = clock.end(interval)
                if value > intervalMaximum[row + interval] { intervalMaximum[row + interval] = value }
            }
            intervalArea[row + interval] += value * (time - cursor)
            if time >= warmup, value > levels[index].measuredMaximum { levels[index].measuredMaximum = value }
        } else {
            while time > intervalEnd && interval + 1 < clock.count {
                interval += 1
                intervalEnd = clock.end(interval)
            }
        }
        levels[index].interval = interval
        levels[index].intervalEnd = intervalEnd
        levels[index].lastTime = time
    }

    /// Level `index` is `value` from `time` on.
    @inline(__always)
    mutating func set(_ index: Int, to value: Double, at time: Double) {
        advance(index, to: time)
        levels[index].value = value
        let slot = index * clock.count + levels[index].interval
        if value > intervalMaximum[slot] { intervalMaximum[slot] = value }
        if value > levels[index].overallMaximum { levels[index].overallMaximum = value }
        if time >= warmup, value > levels[index].measuredMaximum { levels[index].measuredMaximum = value }
    }

    /// Level `index` changes by `delta` at `time`.
    @inline(__always)
    mutating func add(_ index: Int, _ delta: Double, at time: Double) {
        set(index, to: levels[index].value + delta, at: time)
    }

    /// Closes the books at the end of the scenario.
    mutating func finish(at time: Double) {
        for index in 0..<levels.count {
            advance(index, to: time)
            if time >= warmup, levels[index].value > levels[index].measuredMaximum {
                levels[index].measuredMaximum = levels[index].value
            }
        }
    }

    // MARK: reading the figures

    /// ∫ level dt over the measured part.
    func measuredArea(_ index: Int) -> Double { levels.element(index).measuredArea }
    /// The largest level during the measured part.
    func measuredMaximum(_ index: Int) -> Double { levels.element(index).measuredMaximum }
    /// The largest level over the whole scenario.
    func overallMaximum(_ index: Int) -> Double { levels.element(index).overallMaximum }
    /// ∫ level dt per interval.
    func intervalAreas(_ index: Int) -> [Double] { intervalArea.elements(index * clock.count, clock.count) }
    /// The largest level per interval.
    func intervalMaxima(_ index: Int) -> [Double] { intervalMaximum.elements(index * clock.count, clock.count) }
}
