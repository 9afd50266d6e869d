/// The time-weighted average and the maximum of a level that changes at instants: a waiting
/// line, servers in use, a channel's depth.
///
/// It integrates the level over time as it changes (no samples are kept): over the measured
/// part of the scenario (after the warm-up) for the report, and per statistics interval for the
/// time series.
struct LevelRecorder: Sendable {
    private(set) var value: Double = 0
    private var lastTime: Double = 0
    private var bucket = 0
    private var bucketEnd: Double
    /// ∫ level dt over the measured part.
    private(set) var measuredArea: Double = 0
    /// The largest level during the measured part.
    private(set) var measuredMaximum: Double = 0
    /// The largest level over the whole scenario.
    private(set) var overallMaximum: Double = 0
    /// ∫ level dt per interval.
    private(set) var intervalArea: [Double]
    /// The largest level per interval.
    private(set) var intervalMaximum: [Double]
    private let warmup: Double

    init(clock: IntervalClock) {
        intervalArea = Array(repeating: 0, count: clock.count)
        intervalMaximum = Array(repeating: 0, count: clock.count)
        bucketEnd = clock.end(0)
        warmup = clock.warmup
        measuredMaximum = 0
    }

    /// Moves the clock to `time` (integrating the current level up to it).
    @inline(__always)
    mutating func advance(to time: Double, clock: IntervalClock) {
        guard time > lastTime else { return }
        if value != 0 {
            if time > warmup { measuredArea += value * (time - Swift.max(lastTime, warmup)) }
            var cursor = lastTime
            while time > bucketEnd && bucket + 1 < clock.count {
                intervalArea[bucket] += value * (bucketEnd - cursor)
                cursor = bucketEnd
                bucket += 1
                bucketEnd = clock.end(bucket)
                if value > intervalMaximum[bucket] { intervalMaximum[bucket] = value }
            }
            intervalArea[bucket] += value * (time - cursor)
            if time >= warmup, value > measuredMaximum { measuredMaximum = value }
        } else {
            while time > bucketEnd && bucket + 1 < clock.count {
                bucket += 1
                bucketEnd = clock.end(bucket)
            }
        }
        lastTime = time
    }

    @inline(__always)
    mutating func set(_ newValue: Double, at time: Double, clock: IntervalClock) {
        advance(to: time, clock: clock)
        value = newValue
        if newValue > intervalMaximum[bucket] { intervalMaximum[bucket] = newValue }
        if newValue > overallMaximum { overallMaximum = newValue }
        if time >= warmup, newValue > measuredMaximum { measuredMaximum = newValue }
    }

    @inline(__always)
    mutating func add(_ delta: Double, at time: Double, clock: IntervalClock) {
        set(value + delta, at: time, clock: clock)
    }

    /// Closes the books at the end of the scenario.
    mutating func finish(at time: Double, clock: IntervalClock) {
        advance(to: time, clock: clock)
        if time >= warmup, value > measuredMaximum { measuredMaximum = value }
    }
}
