import BatonModel

/// The scenario's faults as the engine applies them: the instants where some fault starts or
/// ends, and each participant's combined state in between.
struct FaultSchedule: Sendable {
    struct Entry: Sendable {
        var participant: Int
        var effect: Fault.Effect
        var window: TimeWindow
    }

    var entries: [Entry] = []
    /// Sorted, distinct instants in [0, duration] where the state of some participant changes.
    var boundaries: [Double] = []
    /// Participants with at least one fault, ascending.
    var participants: [Int] = []

    init() {}

    init(faults: [Fault], duration: Double) {
        entries = faults.map { Entry(participant: $0.participant.rawValue, effect: $0.effect, window: $0.window) }
        var times: [Double] = []
        for entry in entries {
            for time in [entry.window.from, entry.window.to] where time >= 0 && time <= duration {
                times.append(time)
            }
        }
        boundaries = Array(Set(times)).sorted()
        participants = Array(Set(entries.map(\.participant))).sorted()
    }

    /// The combined effect of the faults on `participant` active at `time`.
    func state(of participant: Int, at time: Double) -> FaultState {
        var state = FaultState.healthy
        for entry in entries where entry.participant == participant && entry.window.contains(time) {
            switch entry.effect {
            case .down: state.down = true
            case .hang: state.hang = true
            case .slow(let factor): state.slowdown *= max(0, factor)
            case .errors(let probability):
                state.errorProbability = 1 - (1 - state.errorProbability) * (1 - min(1, max(0, probability)))
            case .capacity(let fraction): state.capacity = min(state.capacity, min(1, max(0, fraction)))
            }
        }
        return state
    }
}
