/// What the faults active at one instant do to one participant: overlapping faults combine
/// (down or hanging if any says so, slowdowns multiply, error chances compound, the smallest
/// capacity wins).
struct FaultState: Hashable, Sendable {
    /// Every attempt is refused at once; a consumer stops consuming.
    var down = false
    /// Attempts are accepted and never answered; a consumer stops consuming.
    var hang = false
    /// Handling time multiplier (`slow xK`).
    var slowdown = 1.0
    /// The chance each handling fails (`errors P%`).
    var errorProbability = 0.0
    /// The share of servers left (`capacity P%`).
    var capacity = 1.0

    static let healthy = FaultState()

    /// Neither down nor hanging: it takes work.
    var isWorking: Bool { !down && !hang }

    /// Servers left of `servers` under a capacity drop. The count is rounded up and each server
    /// slowed down (`capacitySlowdown`) so that exactly the declared share of the throughput is
    /// left: `capacity 20%` of one server is one server at a fifth of its speed, not none.
    func servers(of servers: Int) -> Int {
        guard capacity < 1, servers != Int.max else { return servers }
        let share = Double(servers) * capacity
        return share <= 0 ? 0 : Int(share.rounded(.up))
    }

    /// The handling time multiplier that goes with `servers(of:)`; an unbounded station has no
    /// servers to take away, so its handling slows down by 1/P instead.
    func capacitySlowdown(of servers: Int) -> Double {
        guard capacity < 1, capacity > 0 else { return 1 }
        if servers == Int.max { return 1 / capacity }
        let share = Double(servers) * capacity
        return Double(Int(share.rounded(.up))) / share
    }
}
