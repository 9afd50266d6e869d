/// A bare `circuit-breaker`, with the defaults of Netflix Hystrix (they react within a short
/// simulation): it opens when at least 50% of at least 20 attempts in a rolling 10-second window
/// failed, stays open 5 seconds (attempts fail at once without reaching the passive end), then
/// lets one probe through (half-open): the probe's success closes it, its failure opens it again.
/// Timeouts count as failures.
struct CircuitBreaker: Sendable {
    static let bucketWidth = 1.0
    static let bucketCount = 10
    static let minimumAttempts = 20
    static let failureShare = 0.5
    static let openDuration = 5.0

    enum State: Sendable { case closed, open, halfOpen }
    enum Admission: Sendable { case pass, probe, refuse }

    private(set) var state = State.closed
    private var openUntil = 0.0
    private var probeOutstanding = false
    /// The rolling window: one bucket per second, reused round-robin.
    private var epochs = [Int](repeating: -1, count: bucketCount)
    private var attempts = [Int](repeating: 0, count: bucketCount)
    private var failures = [Int](repeating: 0, count: bucketCount)

    /// Whether an attempt may go out now.
    mutating func admit(at time: Double) -> Admission {
        switch state {
        case .closed:
            return .pass
        case .open:
            guard time >= openUntil else { return .refuse }
            state = .halfOpen
            probeOutstanding = true
            return .probe
        case .halfOpen:
            if probeOutstanding { return .refuse }
            probeOutstanding = true
            return .probe
        }
    }

    /// Records an attempt's outcome; true when this opened the breaker.
    mutating func record(success: Bool, probe: Bool, at time: Double) -> Bool {
        if probe {
            probeOutstanding = false
            if success {
                state = .closed
                resetWindow()
                return false
            }
            open(at: time)
            return true
        }
        guard state == .closed else { return false }
        let epoch = Int((time / Self.bucketWidth).rounded(.down))
        let slot = ((epoch % Self.bucketCount) + Self.bucketCount) % Self.bucketCount
        if epochs[slot] != epoch {
            epochs[slot] = epoch
            attempts[slot] = 0
            failures[slot] = 0
        }
        attempts[slot] += 1
        if !success { failures[slot] += 1 }
        guard !success else { return false }
        var total = 0
        var failed = 0
        for index in 0..<Self.bucketCount where epochs[index] > epoch - Self.bucketCount {
            total += attempts[index]
            failed += failures[index]
        }
        guard total >= Self.minimumAttempts, Double(failed) >= Self.failureShare * Double(total) else { return false }
        open(at: time)
        return true
    }

    private mutating func open(at time: Double) {
        state = .open
        openUntil = time + Self.openDuration
        resetWindow()
    }

    private mutating func resetWindow() {
        for index in 0..<Self.bucketCount {
            epochs[index] = -1
            attempts[index] = 0
            failures[index] = 0
        }
    }
}
